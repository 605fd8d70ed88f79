import { ApolloFederationDriver, ApolloFederationDriverConfig } from '@nestjs/apollo';
import { createErrorFormatter, ErrorLogger } from './format-error';

export interface SubgraphOptions {
  /** Builds the per-request context; with @entente/auth it verifies the forwarded token. */
  context: ApolloFederationDriverConfig['context'];
  logger: ErrorLogger;
}

/**
 * The one way a service exposes its Federation v2 subgraph: schema generated
 * from code, errors formatted for people, no stack traces in responses.
 */
export function subgraphOptions(options: SubgraphOptions): ApolloFederationDriverConfig {
  return {
    driver: ApolloFederationDriver,
    autoSchemaFile: { federation: 2 },
    sortSchema: true,
    path: '/graphql',
    context: options.context,
    formatError: createErrorFormatter(options.logger),
    includeStacktraceInErrorResponses: false,
  };
}
