import { Problems, readIdList, readText } from '@entente/validation';

export const NETWORK_LIMITS = { name: 200, description: 2000, coordinators: 20 } as const;

export interface NetworkInput {
  name?: unknown;
  description?: unknown;
  coordinatorUserIds?: unknown;
}

export interface NetworkContent {
  name: string;
  description: string | null;
  coordinatorUserIds: string[];
}

/** A new network: a name, an optional description, the users who coordinate it (Keycloak user ids). */
export function parseNetwork(input: NetworkInput): NetworkContent {
  const problems = new Problems();
  const name = readText(problems, 'name', input.name, { max: NETWORK_LIMITS.name, required: true, singleLine: true });
  const description = readText(problems, 'description', input.description, { max: NETWORK_LIMITS.description });
  const coordinatorUserIds = readCoordinators(problems, 'coordinatorUserIds', input.coordinatorUserIds);
  problems.throwIfAny();
  return { name: name as string, description, coordinatorUserIds };
}

export function parseCoordinators(value: unknown): string[] {
  const problems = new Problems();
  const ids = readCoordinators(problems, 'coordinatorUserIds', value);
  problems.throwIfAny();
  return ids;
}

/** Keycloak user ids are UUIDs; anything else names nobody. */
const USER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function readCoordinators(problems: Problems, field: string, value: unknown): string[] {
  const ids = readIdList(problems, field, value, { max: NETWORK_LIMITS.coordinators, itemMax: 36 });
  ids.forEach((id, index) => {
    if (!USER_ID.test(id)) problems.add(`${field}[${index}]`, `${JSON.stringify(id.slice(0, 40))} is not a user id (a UUID as Keycloak gives, e.g. from jurisdictionUsers)`);
  });
  return ids;
}
