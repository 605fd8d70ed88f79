import { AuthenticationError } from './authentication.error';

/**
 * Reads the token from an `Authorization` header value. Returns null when no
 * header was sent (anonymous); a header that is present but not `Bearer <jwt>`
 * is an error, so a typo never silently downgrades a caller to anonymous.
 */
export function extractBearerToken(header: string | readonly string[] | null | undefined): string | null {
  if (header === undefined || header === null) return null;
  if (typeof header !== 'string') throw new AuthenticationError('malformed_token');
  const trimmed = header.trim();
  if (trimmed === '') return null;
  const match = /^Bearer\s+(\S+)$/i.exec(trimmed);
  if (!match) throw new AuthenticationError('malformed_token');
  return match[1];
}
