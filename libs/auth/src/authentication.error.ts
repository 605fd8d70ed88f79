/**
 * Why a request could not be authenticated. Stable strings: clients and
 * dashboards may switch on them, so add new ones rather than renaming.
 */
export type AuthenticationFailureReason =
  | 'missing_token'
  | 'malformed_token'
  | 'expired_token'
  | 'token_not_yet_valid'
  | 'wrong_issuer'
  | 'wrong_audience'
  | 'bad_signature'
  | 'algorithm_not_allowed'
  | 'unknown_signing_key'
  | 'missing_subject'
  | 'missing_jurisdiction'
  | 'inactive_token'
  | 'verification_unavailable';

const MESSAGES: Record<AuthenticationFailureReason, string> = {
  missing_token: 'No access token: send "Authorization: Bearer <access token>".',
  malformed_token: 'The access token is not a well-formed JWT; sign in again to get a new one.',
  expired_token: 'The access token has expired; refresh it or sign in again.',
  token_not_yet_valid: 'The access token is not valid yet; check the clock of the machine that issued it.',
  wrong_issuer: 'The access token was issued by another realm or identity provider than this platform trusts.',
  wrong_audience: 'The access token was not issued for this API (wrong audience); request a token for the gateway client.',
  bad_signature: 'The access token signature does not verify; it was altered or signed by an untrusted key.',
  algorithm_not_allowed: 'The access token is signed with an algorithm this platform does not accept.',
  unknown_signing_key: 'The access token was signed by a key the identity provider does not publish; sign in again.',
  missing_subject: 'The access token does not name a user (no "sub" claim).',
  missing_jurisdiction:
    'The access token carries no jurisdiction; ask an administrator to assign your account to a jurisdiction.',
  inactive_token:
    'The access token is no longer active: the session ended or the account was deactivated. Sign in again, or ask your jurisdiction-admin.',
  verification_unavailable: 'The access token could not be verified right now because the identity provider is unreachable; retry shortly.',
};

/**
 * Every token verification failure. The message is written for the person who
 * holds the token; library internals (jose messages, URLs, stack) never leak
 * into it.
 */
export class AuthenticationError extends Error {
  constructor(readonly reason: AuthenticationFailureReason) {
    super(MESSAGES[reason]);
    this.name = 'AuthenticationError';
  }

  /** True when the failure is ours (identity provider down), not the caller's. */
  get isTransient(): boolean {
    return this.reason === 'verification_unavailable';
  }
}
