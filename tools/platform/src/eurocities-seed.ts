import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { EUROCITIES_COUNTRIES } from './eurocities-countries';

/** One member as ../shared/data/eurocities/members.json lists it. */
const memberSchema = z.object({
  name_on_website: z.string().min(1),
  wikidata_id: z.string().regex(/^Q[1-9]\d*$/),
  wikidata_name: z.string().min(1),
  population: z.number().nonnegative().nullable(),
  country: z.string().regex(/^Q[1-9]\d*$/),
  country_name: z.string().min(1),
});
const fileSchema = z.object({ members: z.array(memberSchema), not_found: z.array(z.string()).optional() });

export type EurocitiesMember = z.infer<typeof memberSchema>;

/** A member as the seed onboards it. */
export interface SeedJurisdiction {
  jurisdictionId: string;
  name: string;
  wikidataId: string;
  country: string;
  timeZone: string;
  currency: string;
  language: string;
  population: number | null;
}

/** What the seed needs of the platform: a GraphQL call through the gateway with a token. */
export type GraphqlCall = (token: string, query: string, variables?: Record<string, unknown>) => Promise<{ data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }>;

export interface EurocitiesSeedOptions {
  graphql: GraphqlCall;
  /** A platform-admin's token: onboards the members, creates the network and invites them. */
  platformAdminToken: () => Promise<string>;
  /** The members file; defaults to ../shared/data/eurocities/members.json from the working directory. */
  file?: string;
  networkName?: string;
  coordinatorUserIds?: string[];
  /** Put before each member's id (tests keep theirs apart from `npm start`'s). */
  idPrefix?: string;
  /** Only the first `limit` members (the file's order). */
  limit?: number;
  /**
   * The token of a member's jurisdiction-admin, to accept its invitation;
   * null leaves the member invited (its admin accepts in the console).
   */
  acceptAs?: (member: SeedJurisdiction) => Promise<string | null>;
  /** How long to wait for the network service to learn of an onboarded member before inviting it. */
  directoryTimeoutMs?: number;
}

export interface EurocitiesSeedResult {
  networkId: string;
  members: SeedJurisdiction[];
  accepted: string[];
  /** Members left out: their country is not in the table (named, not guessed). */
  skipped: string[];
}

/** A jurisdiction id from a member's name: lower-case ASCII words joined by dashes (Kadıköy → kadikoy). */
export function jurisdictionSlug(name: string, prefix = ''): string {
  const ascii = name
    .replace(/ı/g, 'i')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${prefix}${ascii}`.slice(0, 63).replace(/-+$/, '');
}

/** The members file read and checked, each member with what onboarding needs; ids stay unique (a repeated slug gets its Wikidata id). */
export function readEurocitiesMembers(json: string, prefix = ''): { members: SeedJurisdiction[]; skipped: string[] } {
  const file = fileSchema.parse(JSON.parse(json));
  const taken = new Set<string>();
  const members: SeedJurisdiction[] = [];
  const skipped: string[] = [];
  for (const member of file.members) {
    const facts = EUROCITIES_COUNTRIES[member.country];
    if (!facts) {
      skipped.push(`${member.name_on_website}: no facts for country ${member.country} (${member.country_name})`);
      continue;
    }
    let id = jurisdictionSlug(member.name_on_website, prefix);
    if (taken.has(id)) id = jurisdictionSlug(`${member.name_on_website}-${member.wikidata_id}`, prefix);
    taken.add(id);
    members.push({
      jurisdictionId: id,
      name: member.name_on_website,
      wikidataId: member.wikidata_id,
      country: facts.code,
      timeZone: facts.timeZone,
      currency: facts.currency,
      language: facts.language,
      population: member.population === null ? null : Math.round(member.population),
    });
  }
  return { members, skipped };
}

const ONBOARD = `mutation($input: OnboardJurisdictionInput!) { onboardJurisdiction(input: $input) { jurisdiction { id } } }`;
const NETWORKS = `{ networks { id name } }`;
const CREATE = `mutation($input: CreateNetworkInput!) { createNetwork(input: $input) { id } }`;
const INVITE = `mutation($n: ID!, $j: ID!) { inviteToNetwork(networkId: $n, jurisdictionId: $j) { status } }`;
const ACCEPT = `mutation($n: ID!) { acceptNetworkInvitation(networkId: $n) { status } }`;

/**
 * Creates the Eurocities network from its real members: onboards each member
 * as a jurisdiction (city level, its country's time zone, currency and
 * language), creates the network (or finds it by name), invites every
 * member and accepts for those `acceptAs` gives a token. Through the API
 * only, as a person would; running it again changes nothing already done.
 */
export async function seedEurocitiesNetwork(options: EurocitiesSeedOptions): Promise<EurocitiesSeedResult> {
  const file = options.file ?? '../shared/data/eurocities/members.json';
  const read = readEurocitiesMembers(readFileSync(file, 'utf8'), options.idPrefix ?? '');
  const members = options.limit === undefined ? read.members : read.members.slice(0, options.limit);
  const name = options.networkName ?? 'Eurocities';
  const admin = await options.platformAdminToken();
  const call = async <T>(token: string, query: string, variables: Record<string, unknown> = {}, tolerate: string[] = []): Promise<T | null> => {
    const answer = await options.graphql(token, query, variables);
    const code = String(answer.errors?.[0]?.extensions?.['code'] ?? '');
    if (answer.errors && tolerate.includes(code)) return null;
    if (answer.errors) throw new Error(`seed: ${answer.errors.map((e) => e.message).join('; ')}`);
    return answer.data as T;
  };

  for (const member of members) {
    const input = {
      id: member.jurisdictionId,
      name: member.name,
      level: 'CITY',
      country: member.country,
      wikidataId: member.wikidataId,
      timeZone: member.timeZone,
      currency: member.currency,
      fiscalYearStart: '01-01',
      languages: [member.language],
      population: member.population,
    };
    // CONFLICT: onboarded already (a second run).
    await call(admin, ONBOARD, { input }, ['CONFLICT']);
  }

  const existing = (await call<{ networks: Array<{ id: string; name: string }> }>(admin, NETWORKS))?.networks.find((n) => n.name === name);
  const networkId =
    existing?.id ??
    ((await call<{ createNetwork: { id: string } }>(admin, CREATE, {
      input: { name, description: 'The network of major European cities (eurocities.eu), from its members list', coordinatorUserIds: options.coordinatorUserIds ?? [] },
    })) as { createNetwork: { id: string } }).createNetwork.id;

  const deadline = Date.now() + (options.directoryTimeoutMs ?? 60_000);
  for (const member of members) {
    for (;;) {
      const answer = await options.graphql(admin, INVITE, { n: networkId, j: member.jurisdictionId });
      const code = String(answer.errors?.[0]?.extensions?.['code'] ?? '');
      if (!answer.errors || code === 'CONFLICT') break;
      // BAD_USER_INPUT on jurisdictionId: the onboarding event has not reached the network service yet.
      if (code !== 'BAD_USER_INPUT' || Date.now() > deadline) throw new Error(`seed: inviting ${member.jurisdictionId}: ${answer.errors.map((e) => e.message).join('; ')}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  const accepted: string[] = [];
  for (const member of members) {
    const token = options.acceptAs ? await options.acceptAs(member) : null;
    if (!token) continue;
    await call(token, ACCEPT, { n: networkId }, ['CONFLICT']);
    accepted.push(member.jurisdictionId);
  }
  return { networkId, members, accepted, skipped: read.skipped };
}
