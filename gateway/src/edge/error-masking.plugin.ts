import { maskFormattedError } from '@entente/auth';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { type ExecutionResult, GraphQLError } from 'graphql';

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

function maskResult<R extends ExecutionResult>(result: R): R {
  if (!result.errors || result.errors.length === 0) return result;
  return { ...result, errors: result.errors.map(maskError) };
}

export function maskError(error: GraphQLError): GraphQLError {
  const masked = maskFormattedError(error.toJSON(), error);
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
