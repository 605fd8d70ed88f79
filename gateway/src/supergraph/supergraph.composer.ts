import { composeServices } from '@theguild/federation-composition';
import { type DocumentNode, GraphQLError, parse } from 'graphql';
import type { SubgraphSdl } from './subgraph-sdl.fetcher';

const FEDERATION_VERSION_HINT =
  'The composer supports Federation up to v2.9: pin the subgraph to it (NestJS: autoSchemaFile: ' +
  "{ federation: { version: 2, importUrl: 'https://specs.apollo.dev/federation/v2.9' } })";

export class CompositionFailedError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`supergraph: composition failed:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'CompositionFailedError';
  }
}

export interface Supergraph {
  readonly sdl: string;
  readonly document: DocumentNode;
  readonly subgraphs: readonly string[];
}

/**
 * Composes Federation v2 subgraph SDLs into a supergraph. Every problem names
 * the subgraph it comes from, so the team that owns it knows to act.
 */
export function composeSupergraph(subgraphs: readonly SubgraphSdl[]): Supergraph {
  const problems: string[] = [];
  const services = subgraphs.flatMap((subgraph) => {
    try {
      return [{ name: subgraph.name, url: subgraph.url, typeDefs: parse(subgraph.sdl) }];
    } catch (error) {
      problems.push(`[${subgraph.name}] SDL does not parse: ${error instanceof GraphQLError ? error.message : String(error)}`);
      return [];
    }
  });
  if (problems.length > 0) throw new CompositionFailedError(problems);

  const result = composeServices(services);
  if (result.errors) {
    throw new CompositionFailedError(
      result.errors.map((error) => {
        const named = subgraphs.filter((s) => error.message.includes(`"${s.name}"`) || error.message.includes(`[${s.name}]`));
        const message =
          named.length > 0 || subgraphs.length === 0
            ? error.message
            : `${error.message} (subgraphs: ${subgraphs.map((s) => s.name).join(', ')})`;
        return /Invalid version v2\.\d+ for the federation feature/.test(message) ? `${message}. ${FEDERATION_VERSION_HINT}` : message;
      }),
    );
  }
  return { sdl: result.supergraphSdl, document: result.supergraphDocumentNode, subgraphs: subgraphs.map((s) => s.name) };
}
