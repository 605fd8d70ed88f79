import type { IncomingMessage, ServerResponse } from 'node:http';
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { createGatewayRuntime, type GatewayRuntime, Logger as HiveLogger } from '@graphql-hive/gateway-runtime';
import { CORRELATION_HEADER, correlationIdFor } from '../edge/correlation';
import { errorMaskingPlugin } from '../edge/error-masking.plugin';
import { traceContextPlugin, traceHeadersFor } from '../edge/trace-context.plugin';
import { utf8BodyPlugin } from '../edge/utf8-body.plugin';
import { GATEWAY_CONFIG, SUBGRAPHS } from '../gateway.tokens';
import { corsOf, type GatewayConfig, type SubgraphEndpoint } from '../gateway.config';
import { fetchAllSubgraphSdls } from './subgraph-sdl.fetcher';
import { HiveLogWriter } from './hive-log-writer';
import { composeSupergraph, type Supergraph } from './supergraph.composer';

export interface ReadinessReport {
  readonly ready: boolean;
  readonly supergraph: 'composed' | 'pending';
  readonly subgraphs: Record<string, 'up' | 'down'>;
}

/**
 * Owns the supergraph: composes it at boot (the app does not start without
 * one) and serves it through the Hive gateway runtime.
 */
@Injectable()
export class SupergraphService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Supergraph');
  private runtime?: GatewayRuntime;
  private composed?: Supergraph;

  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(SUBGRAPHS) private readonly subgraphs: readonly SubgraphEndpoint[],
  ) {}

  async onModuleInit(): Promise<void> {
    const sdls = await fetchAllSubgraphSdls(this.subgraphs, {
      timeoutMs: this.config.SUPERGRAPH_TIMEOUT_MS,
      logger: this.logger,
    });
    this.composed = composeSupergraph(sdls);
    this.logger.log(`supergraph composed from ${this.composed.subgraphs.join(', ')}`);
    this.runtime = createGatewayRuntime({
      supergraph: this.composed.document,
      graphqlEndpoint: '/graphql',
      landingPage: false,
      graphiql: false,
      // The runtime's own lines go through the app's logger (JsonLogger in main.ts), not Hive's pretty-printer.
      logging: new HiveLogger({ level: 'warn', writers: [new HiveLogWriter(new Logger('HiveGateway'))] }),
      maskedErrors: { isDev: false },
      cors: corsOf(this.config),
      propagateHeaders: {
        // Subgraphs verify the caller's token themselves; no identity header is ever derived here.
        fromClientToSubgraphs: ({ request }) => ({
          authorization: request.headers.get('authorization'),
          ...traceHeadersFor(request),
          [CORRELATION_HEADER]: correlationIdFor(request),
        }),
      },
      plugins: () => [traceContextPlugin(), utf8BodyPlugin(), errorMaskingPlugin()],
    });
  }

  /** The Node request listener to mount at /graphql. */
  handle(req: IncomingMessage, res: ServerResponse): void {
    if (!this.runtime) {
      res.statusCode = 503;
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.end(JSON.stringify({ errors: [{ message: 'The gateway is starting; retry shortly.', extensions: { code: 'UNAVAILABLE' } }] }));
      return;
    }
    // requestListener writes the response; handleNodeRequestAndResponse only returns it.
    void this.runtime.requestListener(req, res);
  }

  async readiness(): Promise<ReadinessReport> {
    const states = await Promise.all(
      this.subgraphs.map(async (s) => [s.name, (await answers(s.url)) ? 'up' : 'down'] as const),
    );
    const subgraphs = Object.fromEntries(states);
    const supergraph = this.runtime ? 'composed' : 'pending';
    return { ready: supergraph === 'composed' && states.every(([, state]) => state === 'up'), supergraph, subgraphs };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runtime?.dispose();
  }
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
      signal: AbortSignal.timeout(2_000),
    });
    return response.ok;
  } catch {
    return false;
  }
}
