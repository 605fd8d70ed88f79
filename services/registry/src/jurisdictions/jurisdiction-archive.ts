import { createHash } from 'node:crypto';
import type { DirectoryUser } from './users/user-directory.port';

export const ARCHIVE_FORMAT = 'entente.jurisdiction-archive';
export const ARCHIVE_VERSION = 1;

export interface ArchivedUser {
  userId: string;
  username: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  roles: string[];
  enabled: boolean;
}

/** What a jurisdiction takes with it when it leaves: its records per service and collection, and its users. */
export interface JurisdictionArchive {
  format: typeof ARCHIVE_FORMAT;
  version: typeof ARCHIVE_VERSION;
  jurisdictionId: string;
  exportedAt: string;
  /** SHA-256 of the content (everything but exportedAt and the digest), in hex. */
  digest: string;
  services: Record<string, Record<string, Record<string, unknown>[]>>;
  users: ArchivedUser[];
}

/**
 * Builds the archive and its digest. The digest is over a canonical JSON
 * (keys sorted) of the content without the export time, so two exports of
 * unchanged data have the same digest and any change gives another.
 */
export function buildArchive(input: {
  jurisdictionId: string;
  exportedAt: Date;
  services: Record<string, Record<string, Record<string, unknown>[]>>;
  users: readonly DirectoryUser[];
}): JurisdictionArchive {
  const users: ArchivedUser[] = input.users
    .map((u) => ({ userId: u.userId, username: u.username, email: u.email, firstName: u.firstName, lastName: u.lastName, roles: [...u.roles].sort(), enabled: u.enabled }))
    .sort((a, b) => a.userId.localeCompare(b.userId));
  const services = JSON.parse(JSON.stringify(input.services)) as JurisdictionArchive['services'];
  const content = { format: ARCHIVE_FORMAT, version: ARCHIVE_VERSION, jurisdictionId: input.jurisdictionId, services, users };
  const digest = createHash('sha256').update(canonicalJson(content)).digest('hex');
  return { format: ARCHIVE_FORMAT, version: ARCHIVE_VERSION, jurisdictionId: input.jurisdictionId, exportedAt: input.exportedAt.toISOString(), digest, services, users };
}

/** JSON with object keys in sorted order at every depth (arrays keep their order). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
