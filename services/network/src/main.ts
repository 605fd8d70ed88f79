import './tracing';
import { loadConfig, loadConfigOrExit } from '@entente/config';
import { eventTransports, runService } from '@entente/service-runtime';
import { AppModule } from './app.module';
import { networkConfigSchema } from './config';

const config = loadConfigOrExit(() => loadConfig('network', networkConfigSchema));
void runService({
  name: 'network',
  module: AppModule.forRoot(config),
  port: config.PORT,
  host: config.HOST,
  transports: eventTransports('network', config),
});
