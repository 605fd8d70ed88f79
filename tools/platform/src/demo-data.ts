import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_FUNDING_USER, seedDemoFunding } from './demo-funding';
import { DEMO_PLANS, type DemoPlan } from './demo-plans';
import type { GraphqlCall } from './eurocities-seed';

export interface DemoUser {
  username: string;
  password: string;
  jurisdiction: string;
  roles: string[];
}

/** Partners each demo jurisdiction starts with: real ties of Rostock, Palmerston North and Maryland. */
export const DEMO_PARTNERS: Record<string, Array<{ name: string; kind: string; country: string }>> = {
  rostock: [
    { name: 'Aarhus', kind: 'CITY', country: 'DK' },
    { name: 'Riga', kind: 'CITY', country: 'LV' },
    { name: 'Turku', kind: 'CITY', country: 'FI' },
    { name: 'Szczecin', kind: 'CITY', country: 'PL' },
    { name: 'Raleigh', kind: 'CITY', country: 'US' },
    { name: 'Dubrovnik', kind: 'CITY', country: 'HR' },
  ],
  'palmerston-north': [
    { name: 'Missoula', kind: 'CITY', country: 'US' },
    { name: 'Guiyang', kind: 'CITY', country: 'CN' },
    { name: 'Kunshan', kind: 'CITY', country: 'CN' },
    { name: 'Mihara', kind: 'CITY', country: 'JP' },
  ],
  maryland: [
    { name: 'Anhui Province', kind: 'REGION', country: 'CN' },
    { name: 'Kanagawa Prefecture', kind: 'REGION', country: 'JP' },
    { name: 'Jalisco', kind: 'REGION', country: 'MX' },
    { name: 'Gyeonggi Province', kind: 'REGION', country: 'KR' },
  ],
};

/**
 * The demo jurisdictions' profiles. Their admins already exist in the local
 * realm (demo-users.json), so they are onboarded without inviting a first admin.
 */
export const DEMO_JURISDICTIONS = [
  { id: 'rostock', name: 'Hanseatic City of Rostock', level: 'CITY', country: 'DE', subdivision: 'DE-MV', wikidataId: 'Q2861', timeZone: 'Europe/Berlin', currency: 'EUR', fiscalYearStart: '01-01', languages: ['de'], population: 209061 },
  { id: 'palmerston-north', name: 'Palmerston North City', level: 'CITY', country: 'NZ', subdivision: 'NZ-MWT', timeZone: 'Pacific/Auckland', currency: 'NZD', fiscalYearStart: '07-01', languages: ['en', 'mi'], population: 90500 },
  { id: 'maryland', name: 'State of Maryland', level: 'STATE_OR_PROVINCE', country: 'US', subdivision: 'US-MD', wikidataId: 'Q1391', timeZone: 'America/New_York', currency: 'USD', fiscalYearStart: '07-01', languages: ['en'], population: 6177224 },
];

export function readDemoUsers(repoRoot: string): DemoUser[] {
  return JSON.parse(readFileSync(join(repoRoot, 'deploy/keycloak/demo-users.json'), 'utf8')) as DemoUser[];
}

export async function fetchPasswordToken(keycloakUrl: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${keycloakUrl}/realms/entente/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'entente-cli', username, password }),
  });
  const body = (await response.json()) as { access_token?: string; error_description?: string };
  if (!response.ok || !body.access_token) throw new Error(`Keycloak refused ${username}: ${body.error_description ?? response.status}`);
  return body.access_token;
}

async function postGraphql(gatewayUrl: string, token: string, query: string, variables: Record<string, unknown> = {}): Promise<Awaited<ReturnType<GraphqlCall>>> {
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Awaited<ReturnType<GraphqlCall>>;
}

async function graphql<T>(gatewayUrl: string, token: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const body = await postGraphql(gatewayUrl, token, query, variables);
  if (body.errors?.length) throw new Error(body.errors.map((error) => error.message).join('; '));
  return body.data as T;
}

/**
 * Seeds the demo jurisdictions through the gateway, as their staff would:
 * real tokens, real mutations, so the events flow to the network service too.
 * A jurisdiction that already has partners is left alone (safe to re-run).
 * Funding comes after the plans, so its read model holds Rostock's
 * priorities by the time the demo sources' calls are matched and alerted
 * (demo-funding.ts); the twinning catalogue, the slowest, comes last.
 */
export async function seedDemoData(options: { repoRoot: string; keycloakUrl: string; gatewayUrl: string; demoFilesUrl: string; log: (line: string) => void }): Promise<void> {
  const users = readDemoUsers(options.repoRoot);
  const platformAdmin = users.find((user) => user.roles.includes('platform-admin'));
  if (!platformAdmin) throw new Error('deploy/keycloak/demo-users.json has no platform-admin');
  const adminToken = await fetchPasswordToken(options.keycloakUrl, platformAdmin.username, platformAdmin.password);
  const onboarded = await graphql<{ jurisdictions: { nodes: Array<{ id: string }> } }>(options.gatewayUrl, adminToken, '{ jurisdictions(first: 100) { nodes { id } } }');
  for (const { id, ...profile } of DEMO_JURISDICTIONS) {
    if (onboarded.jurisdictions.nodes.some((j) => j.id === id)) continue;
    await graphql(options.gatewayUrl, adminToken, 'mutation($input: OnboardJurisdictionInput!) { onboardJurisdiction(input: $input) { jurisdiction { id } } }', { input: { id, ...profile } });
    await graphql(options.gatewayUrl, adminToken, 'mutation($id: ID!) { changeJurisdictionStatus(id: $id, status: ACTIVE) { id } }', { id });
    options.log(`demo data: onboarded ${id}`);
  }
  for (const [jurisdiction, partners] of Object.entries(DEMO_PARTNERS)) {
    const staff = users.find((user) => user.jurisdiction === jurisdiction && user.roles.includes('staff'));
    if (!staff) throw new Error(`deploy/keycloak/demo-users.json has no staff user for ${jurisdiction}`);
    const token = await fetchPasswordToken(options.keycloakUrl, staff.username, staff.password);
    const existing = await graphql<{ partners: { totalCount: number } }>(options.gatewayUrl, token, '{ partners(first: 1) { totalCount } }');
    if (existing.partners.totalCount > 0) {
      options.log(`demo data: ${jurisdiction} already has ${existing.partners.totalCount} partners`);
      continue;
    }
    for (const partner of partners) {
      await graphql(options.gatewayUrl, token, 'mutation($input: RegisterPartnerInput!) { registerPartner(input: $input) { id } }', { input: partner });
    }
    options.log(`demo data: registered ${partners.length} partners for ${jurisdiction}`);
  }
  const nextYear = new Date().getUTCFullYear() + 1;
  for (const [jurisdiction, plan] of Object.entries(DEMO_PLANS)) {
    const staff = users.find((user) => user.jurisdiction === jurisdiction && user.roles.includes('staff'));
    if (!staff) throw new Error(`deploy/keycloak/demo-users.json has no staff user for ${jurisdiction}`);
    const token = await fetchPasswordToken(options.keycloakUrl, staff.username, staff.password);
    const existing = await graphql<{ plans: Array<{ year: number }> }>(options.gatewayUrl, token, '{ plans { year } }');
    if (existing.plans.some((p) => p.year === nextYear)) {
      options.log(`demo data: ${jurisdiction} already has its ${nextYear} plan`);
      continue;
    }
    const fiscalYearStart = DEMO_JURISDICTIONS.find((j) => j.id === jurisdiction)?.fiscalYearStart ?? '01-01';
    await seedDemoPlan(options.gatewayUrl, token, plan, nextYear, fiscalYearStart);
    options.log(`demo data: ${jurisdiction} has a strategy, ${plan.strategy.priorities.length} priorities and its ${nextYear} plan (${plan.activities.length} activities)`);
  }
  const demoStaff = users.find((user) => user.username === DEMO_FUNDING_USER);
  if (!demoStaff) throw new Error(`deploy/keycloak/demo-users.json has no ${DEMO_FUNDING_USER}`);
  await seedDemoFunding({
    graphql: (token, query, variables) => postGraphql(options.gatewayUrl, token, query, variables),
    platformAdminToken: () => fetchPasswordToken(options.keycloakUrl, platformAdmin.username, platformAdmin.password),
    staffToken: () => fetchPasswordToken(options.keycloakUrl, demoStaff.username, demoStaff.password),
    filesUrl: options.demoFilesUrl,
    log: options.log,
  });
  await loadTwinningCatalogue(options, await fetchPasswordToken(options.keycloakUrl, platformAdmin.username, platformAdmin.password));
}

/**
 * The platform-wide twinning catalogue from `../shared/data/wikidata-twinning`
 * (Wikidata's twinned-city pairs and their names), so that a demo user's
 * twinning import names its partners. Loaded once: a platform that has it
 * already, or a checkout without the data beside it, is left alone.
 */
async function loadTwinningCatalogue(options: { repoRoot: string; gatewayUrl: string; log: (line: string) => void }, adminToken: string): Promise<void> {
  const folder = join(options.repoRoot, '..', 'shared', 'data', 'wikidata-twinning');
  const catalogue = await graphql<{ twinningCatalogue: { places: number } | null }>(options.gatewayUrl, adminToken, '{ twinningCatalogue { places } }');
  if ((catalogue.twinningCatalogue?.places ?? 0) > 0 || !existsSync(join(folder, 'relations.tsv'))) return;
  const started = await graphql<{ loadTwinningCatalogue: { id: string } }>(
    options.gatewayUrl,
    adminToken,
    'mutation($relations: String!, $names: String!) { loadTwinningCatalogue(relations: $relations, names: $names) { id } }',
    { relations: readFileSync(join(folder, 'relations.tsv'), 'utf8'), names: readFileSync(join(folder, 'names.tsv'), 'utf8') },
  );
  const deadline = Date.now() + 120_000;
  for (;;) {
    const { importJob } = await graphql<{ importJob: { status: string; summary: string } }>(options.gatewayUrl, adminToken, 'query($id: ID!) { importJob(id: $id) { status summary } }', { id: started.loadTwinningCatalogue.id });
    if (importJob.status === 'SUCCEEDED' || importJob.status === 'FAILED' || Date.now() > deadline) {
      options.log(`demo data: twinning catalogue ${importJob.status.toLowerCase()} (${importJob.summary})`);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Planning learns a new jurisdiction's fiscal year from the registry's event; the first plan waits for it (CONFLICT until then). */
async function untilPlanningKnows<T>(attempt: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() > deadline || !String(error).includes('has not received your jurisdiction')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

/** A demo plan's strategy and its priorities, each advancing the goal at its index; answers the priorities' ids. */
export async function seedDemoStrategy(gatewayUrl: string, token: string, plan: DemoPlan): Promise<string[]> {
  const { goals, priorities, ...strategy } = plan.strategy;
  const saved = await graphql<{ saveStrategy: { goals: Array<{ goalId: string }> } }>(gatewayUrl, token, 'mutation($input: StrategyInput!) { saveStrategy(input: $input) { goals { goalId } } }', {
    input: { ...strategy, goals },
  });
  const priorityIds: string[] = [];
  for (const [index, priority] of priorities.entries()) {
    const set = await graphql<{ setPriority: { priority: { id: string } } }>(gatewayUrl, token, 'mutation($input: SetPriorityInput!) { setPriority(input: $input) { priority { id } } }', {
      input: { ...priority, goalIds: [saved.saveStrategy.goals[index]?.goalId] },
    });
    priorityIds.push(set.setPriority.priority.id);
  }
  return priorityIds;
}

async function seedDemoPlan(gatewayUrl: string, token: string, plan: DemoPlan, year: number, fiscalYearStart: string): Promise<void> {
  const priorityIds = await seedDemoStrategy(gatewayUrl, token, plan);
  await untilPlanningKnows(() =>
    graphql(gatewayUrl, token, 'mutation($year: Int!, $input: PlanSettingsInput) { createPlan(year: $year, input: $input) { version } }', {
      year,
      input: { budgetLines: plan.budget, staffDaysAvailable: plan.staffDaysAvailable },
    }),
  );
  // A window's month-day before the fiscal year's start falls in the plan year's second calendar year.
  const dateOf = (monthDay: string) => `${monthDay < fiscalYearStart ? year + 1 : year}-${monthDay}`;
  for (const activity of plan.activities) {
    const input = {
      title: activity.title,
      type: activity.type,
      priorityIds: activity.priority === null ? [] : [priorityIds[activity.priority]],
      country: activity.country,
      city: activity.city ?? null,
      frequency: activity.frequency,
      mode: activity.mode ?? 'IN_PERSON',
      windowStart: activity.window ? dateOf(activity.window[0]) : null,
      windowEnd: activity.window ? dateOf(activity.window[1]) : null,
      costPerOccurrence: { own: activity.own, external: activity.external ?? 0 },
      staffDaysPerOccurrence: activity.staffDays,
    };
    await graphql(gatewayUrl, token, 'mutation($year: Int!, $input: ActivityInput!) { addActivity(year: $year, input: $input) { version } }', { year, input });
  }
}
