import { DynamicModule, Module } from '@nestjs/common';
import { TOPICS } from '@entente/contracts';
import { coreOptionsFrom, JurisdictionDirectoryModule, ServiceCoreModule } from '@entente/service-runtime';
import type { FundingConfig } from './config';
import { FundersModule } from './funders/funders.module';

@Module({})
export class AppModule {
  static forRoot(config: FundingConfig): DynamicModule {
    return { module: AppModule, imports: [ServiceCoreModule.forRoot(coreOptionsFrom('funding', config, [TOPICS.registryJurisdiction])), JurisdictionDirectoryModule, FundersModule] };
  }
}
