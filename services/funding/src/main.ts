import './tracing';
import { loadConfig, loadConfigOrExit } from '@entente/config';
import { eventTransports, runService } from '@entente/service-runtime';
import { AppModule } from './app.module';
import { fundingConfigSchema } from './config';

const config = loadConfigOrExit(() => loadConfig('funding', fundingConfigSchema));
void runService({
  name: 'funding',
  module: AppModule.forRoot(config),
  port: config.PORT,
  host: config.HOST,
  transports: eventTransports('funding', config),
});
