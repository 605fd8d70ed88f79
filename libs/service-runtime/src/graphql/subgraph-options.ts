import { ApolloFederationDriver, ApolloFederationDriverConfig } from '@nestjs/apollo';
import { createErrorFormatter, ErrorLogger } from './format-error';

export const FEDERATION_SPEC_URL = 'https://specs.apollo.dev/federation/v2.9';
/** The directives Federation v2.9 defines (Nest's default list includes later ones such as @cacheTag). */
export const FEDERATION_DIRECTIVES = [
  '@authenticated',
  '@composeDirective',
  '@context',
  '@cost',
  '@extends',
  '@external',
  '@fromContext',
  '@inaccessible',
  '@interfaceObject',
  '@key',
  '@listSize',
  '@override',
  '@policy',
  '@provides',
  '@requires',
  '@requiresScopes',
  '@shareable',
  '@tag',
];

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
    // The gateway's composer (@theguild/federation-composition) supports Federation up to v2.9.
    autoSchemaFile: { federation: { version: 2, importUrl: FEDERATION_SPEC_URL, directives: FEDERATION_DIRECTIVES } },
    sortSchema: true,
    path: '/graphql',
    context: options.context,
    formatError: createErrorFormatter(options.logger),
    includeStacktraceInErrorResponses: false,
  };
}
