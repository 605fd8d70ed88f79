import type { TestUser } from '@entente/testing';
import type { GraphQLResponse, TestJurisdiction, TestPlatform } from '@entente/e2e-support';

/** The answer's data, after checking the API refused nothing. */
export function ok<T>(response: GraphQLResponse<T>): T {
  expect(response.errors).toBeUndefined();
  return response.data as T;
}

/** A German city named "Hansestadt <prefix>", onboarded by the platform admin through the API: no records, strategy or plan yet. */
export async function onboardGermanCity(platform: TestPlatform, platformAdmin: TestUser, jurisdictions: { create(prefix: string): TestJurisdiction }, prefix: string): Promise<TestJurisdiction> {
  const j = jurisdictions.create(prefix);
  ok(
    await platform.graphql(
      await platformAdmin.token(),
      `mutation($id: String!) { onboardJurisdiction(input: { id: $id, name: "Hansestadt ${prefix}", level: CITY, country: "DE", timeZone: "Europe/Berlin", currency: "EUR", fiscalYearStart: "01-01", languages: ["de"] }) { jurisdiction { id } } }`,
      { id: j.id },
    ),
  );
  return j;
}
