import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { AuthenticationError } from '../authentication.error';
import type { PlatformRole } from '../identity';

/**
 * Error codes a client may act on; they reach the client with their message
 * and extensions. Every other error is someone else's bug and is masked.
 */
export const CLIENT_ERROR_CODES: ReadonlySet<string> = new Set([
  'BAD_USER_INPUT',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'NOT_FOUND',
  'CONFLICT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

export const MASKED_ERROR_MESSAGE = 'Internal server error';

/** Extension keys that carry internals and are never sent to a client. */
const INTERNAL_EXTENSIONS = new Set(['stacktrace', 'exception', 'originalError', 'http']);

export function isClientErrorCode(code: unknown): code is string {
  return typeof code === 'string' && CLIENT_ERROR_CODES.has(code);
}

/**
 * A client error (its code is in CLIENT_ERROR_CODES) as it may reach the
 * client: message and extensions kept, internals (stack trace, exception,
 * http) removed. `undefined` for any other error, which the caller masks.
 */
export function clientFacingError(formatted: GraphQLFormattedError): GraphQLFormattedError | undefined {
  const extensions = formatted.extensions ?? {};
  if (!isClientErrorCode(extensions['code'])) return undefined;
  const kept = Object.fromEntries(Object.entries(extensions).filter(([key]) => !INTERNAL_EXTENSIONS.has(key)));
  return { ...formatted, extensions: kept };
}

/**
 * The masking policy at the gateway: client errors keep their message and
 * extensions (minus internals), anything else becomes a bare
 * INTERNAL_SERVER_ERROR. Subgraphs use service-runtime's `createErrorFormatter`,
 * which applies the same client-error rule and adds a log reference.
 */
export function maskFormattedError(formatted: GraphQLFormattedError, _error?: unknown): GraphQLFormattedError {
  const clientError = clientFacingError(formatted);
  if (clientError) return clientError;
  const serviceName = formatted.extensions?.['serviceName'];
  return {
    message: MASKED_ERROR_MESSAGE,
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: 'INTERNAL_SERVER_ERROR', ...(typeof serviceName === 'string' ? { serviceName } : {}) },
  };
}

/**
 * graphql-js (in the subgraphs) and graphql-tools' executor (in the gateway)
 * stop coercing variables after 50 errors and append this error, with no
 * location, path or code. It is the caller's input, like the 50 before it.
 */
export const VARIABLE_ERROR_LIMIT_MESSAGE = 'Too many errors processing variables, error limit reached. Execution aborted.';

export const TOO_MANY_VARIABLE_ERRORS_MESSAGE = 'Too many invalid variable values; fix the ones listed and retry (GraphQL stops checking after 50)';

/**
 * Whether `error` is that limit error as the executor made it: its exact
 * message, and no location, path, cause or code, so an error of ours or a
 * subgraph's that merely says the same is still masked.
 */
export function isVariableErrorLimit(error: GraphQLError): boolean {
  return (
    error.message === VARIABLE_ERROR_LIMIT_MESSAGE &&
    error.path === undefined &&
    (error.nodes?.length ?? 0) === 0 &&
    (error.locations?.length ?? 0) === 0 &&
    error.originalError == null &&
    error.extensions?.['code'] === undefined
  );
}

/** The limit error as a client sees it; `field` is the variable path the listed errors share, when known. */
export function variableErrorLimitAnswer(field?: string): GraphQLFormattedError {
  return { message: TOO_MANY_VARIABLE_ERRORS_MESSAGE, extensions: { code: 'BAD_USER_INPUT', ...(field ? { field } : {}) } };
}

/** HTTP status for an authentication failure: 401, or 503 when the identity provider is unreachable. */
export function httpStatusFor(error: AuthenticationError): number {
  return error.isTransient ? 503 : 401;
}

/**
 * The GraphQL shape of an authentication failure. `extensions.http` makes
 * Apollo Server answer with that HTTP status when thrown from the context
 * function; Apollo strips it from the response body.
 */
export function unauthenticatedError(error: AuthenticationError): GraphQLError {
  const status = httpStatusFor(error);
  return new GraphQLError(error.message, {
    extensions: {
      code: 'UNAUTHENTICATED',
      reason: error.reason,
      http: { status },
    },
  });
}

export function notSignedInError(): GraphQLError {
  return unauthenticatedError(new AuthenticationError('missing_token'));
}

export function forbiddenError(requiredRoles: readonly PlatformRole[]): GraphQLError {
  return new GraphQLError(`This operation needs one of the roles: ${requiredRoles.join(', ')}.`, {
    extensions: { code: 'FORBIDDEN', requiredRoles: [...requiredRoles] },
  });
}
