import { type INestApplication, Logger, type LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { TokenVerifier } from '@entente/auth';
import { declaredBodyLimit, MAX_REQUEST_BODY_BYTES } from '@entente/http-edge';
import { AppModule } from './app.module';
import { calendarPassthrough } from './edge/calendar-passthrough';
import { edgeAuthMiddleware } from './edge/edge-auth.middleware';
import { PUBLIC_ROUTES, publicRouteForwarder } from './edge/public-routes';
import { type GatewayConfig, type SubgraphEndpoint, subgraphsOf } from './gateway.config';
import { SupergraphService } from './supergraph/supergraph.service';

/**
 * Builds the gateway: Nest for health and lifecycle, the Hive runtime at
 * /graphql behind the token check. Resolves once the supergraph is composed;
 * rejects (naming the subgraph) when it cannot be.
 */
export async function createGatewayApp(
  config: GatewayConfig,
  options: { logger?: LoggerService | false; subgraphs?: readonly SubgraphEndpoint[] } = {},
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, options.subgraphs), {
    // The runtime reads the raw request body itself.
    bodyParser: false,
    logger: options.logger,
    abortOnError: false,
  });
  const supergraph = app.get(SupergraphService);
  app.use(
    '/graphql',
    // The services refuse larger bodies too; refusing here spares reading and forwarding them.
    declaredBodyLimit(MAX_REQUEST_BODY_BYTES),
    edgeAuthMiddleware(app.get(TokenVerifier), new Logger('EdgeAuth')),
    (req: Parameters<SupergraphService['handle']>[0] & { originalUrl?: string }, res: Parameters<SupergraphService['handle']>[1]) => {
      // Express strips the mount path; the runtime routes on the full path (/graphql).
      if (req.originalUrl) req.url = req.originalUrl;
      supergraph.handle(req, res);
    },
  );
  const funding = options.subgraphs?.find((subgraph) => subgraph.name === 'funding')?.url ?? config.FUNDING_URL;
  app.use('/calendar', calendarPassthrough(new URL(funding).origin));
  for (const route of PUBLIC_ROUTES) {
    const forward = publicRouteForwarder(options.subgraphs ?? subgraphsOf(config), route.subgraph);
    if (forward) app.use(route.prefix, forward);
  }
  await app.init();
  return app;
}
