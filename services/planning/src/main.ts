import './tracing';
import { loadConfig, loadConfigOrExit } from '@entente/config';
import { eventTransports, runService } from '@entente/service-runtime';
import { AppModule } from './app.module';
import { planningConfigSchema } from './config';

const config = loadConfigOrExit(() => loadConfig('planning', planningConfigSchema));
void runService({
  name: 'planning',
  module: AppModule.forRoot(config),
  port: config.PORT,
  host: config.HOST,
  transports: eventTransports('planning', config),
});
