import './tracing';
import 'reflect-metadata';
import { loadConfigOrExit } from '@entente/config';
import { closeOnSignals } from '@entente/http-edge';
import { JsonLogger } from '@entente/telemetry';
import { createGatewayApp } from './gateway.app';
import { loadGatewayConfig } from './gateway.config';

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit(() => loadGatewayConfig());
  const logger = new JsonLogger('gateway');
  try {
    const app = await createGatewayApp(config, { logger });
    await app.listen(config.GATEWAY_PORT, config.GATEWAY_HOST);
    closeOnSignals(app, logger);
    logger.log(`gateway listening on http://${config.GATEWAY_HOST}:${config.GATEWAY_PORT}/graphql`, 'Bootstrap');
  } catch (error) {
    // Composition and availability errors are written for people; print them and stop.
    logger.error(error instanceof Error ? error.message : String(error), 'Bootstrap');
    process.exit(1);
  }
}

void bootstrap();
