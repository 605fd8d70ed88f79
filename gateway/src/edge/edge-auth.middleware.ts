import type { IncomingMessage, ServerResponse } from 'node:http';
import { AuthenticationError, extractBearerToken, httpStatusFor, type Identity, type TokenVerifier } from '@entente/auth';

export interface AuthenticatedRequest extends IncomingMessage {
  identity?: Identity;
}

export type NextFunction = (error?: unknown) => void;

export interface EdgeAuthLogger {
  warn(message: string): void;
  error(message: string, stack?: string): void;
}

/**
 * Nothing reaches the supergraph without a valid Keycloak access token. A
 * refusal is GraphQL-shaped so clients handle it like any other error, and
 * says why (`reason`) without internals. CORS preflights carry no token and
 * pass.
 */
export function edgeAuthMiddleware(verifier: TokenVerifier, logger?: EdgeAuthLogger) {
  return (req: AuthenticatedRequest, res: ServerResponse, next: NextFunction): void => {
    if (req.method === 'OPTIONS') return next();
    Promise.resolve()
      .then(() => verifier.verify(extractBearerToken(req.headers.authorization)))
      .then(
        (identity) => {
          req.identity = identity;
          next();
        },
        (error: unknown) => {
          if (error instanceof AuthenticationError) {
            logger?.warn(`rejected ${req.method} ${(req as { originalUrl?: string }).originalUrl ?? req.url ?? ''}: ${error.reason}`);
            return reject(res, httpStatusFor(error), error.message, error.reason);
          }
          logger?.error(`token verification failed unexpectedly: ${String(error)}`, error instanceof Error ? error.stack : undefined);
          reject(res, 503, 'The access token could not be verified right now; retry shortly.', 'verification_unavailable');
        },
      );
  };
}

function reject(res: ServerResponse, status: number, message: string, reason: string): void {
  const body = JSON.stringify({ errors: [{ message, extensions: { code: 'UNAUTHENTICATED', reason } }] });
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  if (status === 401) {
    res.setHeader(
      'www-authenticate',
      reason === 'missing_token' ? 'Bearer realm="entente"' : 'Bearer realm="entente", error="invalid_token"',
    );
  }
  res.end(body);
}
