import type { IncomingHttpHeaders } from 'node:http';
import { AuthenticationError } from '../authentication.error';
import { extractBearerToken } from '../bearer-token';
import type { Identity } from '../identity';
import type { TokenVerifier } from '../token-verifier';
import { unauthenticatedError } from './graphql-errors';

/** What `graphqlAuthContext` puts in every GraphQL context. */
export interface AuthContext<Req = unknown> {
  /** The verified caller, or null for an anonymous request (no Authorization header). */
  readonly identity: Identity | null;
  readonly req: Req;
}

/**
 * A context factory for `GraphQLModule.forRoot({ context })`. No header → an
 * anonymous context (the federation `_service` query the gateway sends at boot
 * carries no token); an invalid token → the request fails with UNAUTHENTICATED
 * and HTTP 401. Whether anonymous callers may do anything is the resolvers'
 * guards' decision.
 */
export function graphqlAuthContext(verifier: TokenVerifier) {
  return async <Req extends { headers: IncomingHttpHeaders }>({ req }: { req: Req }): Promise<AuthContext<Req>> => {
    try {
      const token = extractBearerToken(req.headers.authorization);
      const identity = token === null ? null : await verifier.verify(token);
      return { identity, req };
    } catch (error) {
      if (error instanceof AuthenticationError) throw unauthenticatedError(error);
      throw error;
    }
  };
}
