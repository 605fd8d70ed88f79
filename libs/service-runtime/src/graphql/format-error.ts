import { randomUUID } from 'node:crypto';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { clientFacingError, isVariableErrorLimit, variableErrorLimitAnswer } from '@entente/auth';
import { DomainError, ValidationError } from '@entente/errors';

export interface ErrorLogger {
  error(message: unknown, ...context: unknown[]): void;
}

/**
 * Turns whatever a resolver threw into an answer a person can act on: domain
 * errors keep their code and the offending field; anything unexpected becomes
 * an INTERNAL_SERVER_ERROR with a reference to the log line, never a stack.
 */
export function createErrorFormatter(logger: ErrorLogger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = rootCause(error);
    if (original instanceof DomainError) {
      const extensions: Record<string, unknown> = { code: original.code };
      if (original instanceof ValidationError) {
        extensions.field = original.field;
        extensions.problems = original.problems;
      }
      return { message: original.message, path: formatted.path, locations: formatted.locations, extensions };
    }
    // graphql-js gives up on the variables after 50 errors with one error of no code; the 50 before it
    // (Apollo marks them BAD_USER_INPUT) name the paths, so this one names none.
    if (original instanceof GraphQLError && isVariableErrorLimit(original)) return variableErrorLimitAnswer();
    // Client codes (the one list, CLIENT_ERROR_CODES in @entente/auth) pass through without internals.
    const clientError = clientFacingError(formatted);
    if (clientError) return clientError;
    const reference = randomUUID();
    logger.error(
      `Unexpected error (reference ${reference}): ${original instanceof Error ? original.message : String(original)}`,
      original instanceof Error ? original.stack : undefined,
      'GraphQL',
    );
    return {
      message: `Internal error; quote reference ${reference} to the platform team`,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR', reference },
    };
  };
}

/** Resolver errors arrive wrapped in GraphQLErrors, sometimes twice (gateway, driver). */
function rootCause(error: unknown): unknown {
  let current = error;
  while (current instanceof GraphQLError && current.originalError) current = current.originalError;
  return current;
}
