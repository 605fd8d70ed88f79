import './tracing';
import { loadConfig, loadConfigOrExit } from '@entente/config';
import { eventTransports, runService } from '@entente/service-runtime';
import { AppModule } from './app.module';
import { registryConfigSchema } from './config';

const config = loadConfigOrExit(() => loadConfig('registry', registryConfigSchema));
void runService({
  name: 'registry',
  module: AppModule.forRoot(config),
  port: config.PORT,
  host: config.HOST,
  transports: eventTransports('registry', config),
});
