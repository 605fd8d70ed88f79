import { DynamicModule, Module } from '@nestjs/common';
import { TOPICS } from '@entente/contracts';
import { coreOptionsFrom, JurisdictionDirectoryModule, ServiceCoreModule } from '@entente/service-runtime';
import type { NetworkConfig } from './config';
import { TiesModule } from './ties/ties.module';

@Module({})
export class AppModule {
  static forRoot(config: NetworkConfig): DynamicModule {
    return { module: AppModule, imports: [ServiceCoreModule.forRoot(coreOptionsFrom('network', config, [TOPICS.registryPartner, TOPICS.registryJurisdiction])), JurisdictionDirectoryModule, TiesModule] };
  }
}
