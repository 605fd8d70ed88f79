import { isVariableErrorLimit, maskFormattedError, variableErrorLimitAnswer } from '@entente/auth';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { type ExecutionResult, GraphQLError, type GraphQLFormattedError, Kind } from 'graphql';

/**
 * Applies the platform's masking policy to every response leaving the
 * gateway: user errors (BAD_USER_INPUT with its field, FORBIDDEN,
 * UNAUTHENTICATED, NOT_FOUND) keep message and extensions; subgraph crashes
 * and gateway failures lose message, stack and internals.
 */
export function errorMaskingPlugin(): GatewayPlugin {
  return {
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result)) setResult(result.map(maskResult));
      else if (!isAsyncIterable(result)) setResult(maskResult(result as ExecutionResult));
    },
  };
}

export function maskResult<R extends ExecutionResult>(result: R): R {
  if (!result.errors || result.errors.length === 0) return result;
  const errors = result.errors;
  return { ...result, errors: errors.map((error) => maskError(error, errors)) };
}

/** `siblings`: every error of the same answer, for the error that sums up the others. */
export function maskError(error: GraphQLError, siblings: readonly GraphQLError[] = []): GraphQLError {
  const masked = isVariableErrorLimit(error)
    ? variableErrorLimitAnswer(sharedFieldOf(siblings.map((sibling) => withVariableErrorCode(sibling).extensions?.['field'])))
    : maskFormattedError(withVariableErrorCode(error), error);
  return new GraphQLError(masked.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions: masked.extensions,
  });
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

/**
 * GraphQL's own coercion of the variables (a value of the wrong type, a null
 * for a non-null, an enum value that does not exist) fails before anything
 * runs, with no code: it is the caller's input, so it answers BAD_USER_INPUT
 * naming the variable path, as our own validation does, instead of being
 * masked as an internal error. Such errors point at variable definitions and
 * have no execution path.
 */
export function withVariableErrorCode(error: GraphQLError): GraphQLFormattedError {
  const formatted = error.toJSON();
  const nodes = error.nodes ?? [];
  const isVariableError = error.path === undefined && nodes.length > 0 && nodes.every((node) => node.kind === Kind.VARIABLE_DEFINITION);
  if (!isVariableError || formatted.extensions?.['code'] !== undefined) return formatted;
  return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_USER_INPUT', field: variableFieldOf(error.message) } };
}

/**
 * `input.contacts[0].email` from graphql-js's `Variable "$input" got invalid
 * value … at "input.contacts[0].email"; …`, else the variable's name. The
 * value is printed as JSON, its quotes escaped, so ` at "` can only start the path.
 */
function variableFieldOf(message: string): string | undefined {
  const variable = /^Variable "\$([_A-Za-z][_0-9A-Za-z]*)"/.exec(message)?.[1];
  if (variable === undefined) return undefined;
  return new RegExp(` at "(${variable}(?:[.[][^"]*)?)"; `).exec(message)?.[1] ?? variable;
}

/**
 * The path the listed variable errors share (`ids` for `ids[0]` … `ids[49]`,
 * `input.contacts` for errors inside several contacts), else the first one's
 * variable; undefined when none names a field.
 */
export function sharedFieldOf(fields: readonly unknown[]): string | undefined {
  const paths = fields.filter((field): field is string => typeof field === 'string' && field !== '').map((field) => field.split(/(?=[.[])/));
  const first = paths[0];
  if (first === undefined) return undefined;
  let length = 0;
  while (length < first.length && paths.every((path) => path[length] === first[length])) length++;
  return (length > 0 ? first.slice(0, length) : first.slice(0, 1)).join('');
}
