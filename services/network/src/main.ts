import './tracing';
import { loadConfig, loadConfigOrExit } from '@entente/config';
import { KafkaEventServer } from '@entente/messaging';
import { MONGO_CONNECTION, runService } from '@entente/service-runtime';
import { JsonLogger } from '@entente/telemetry';
import { AppModule } from './app.module';
import { networkConfigSchema } from './config';

const config = loadConfigOrExit(() => loadConfig('network', networkConfigSchema));
void runService({
  name: 'network',
  module: AppModule.forRoot(config),
  port: config.PORT,
  host: config.HOST,
  transports: (app) => [
    new KafkaEventServer({
      brokers: config.KAFKA_BROKERS,
      clientId: 'network',
      groupId: config.KAFKA_GROUP_ID,
      connection: app.get(MONGO_CONNECTION),
      maxAttempts: config.KAFKA_MAX_ATTEMPTS,
      logger: new JsonLogger('network'),
    }),
  ],
});
