import { DynamicModule, Module } from '@nestjs/common';
import { PartnersModule } from '../partners/partners.module';
import { CountryProfileResolver } from './country-profile.resolver';
import { CountryProfileService } from './country-profile.service';

/** Views across the inventory: they read the feature modules' repositories. */
@Module({})
export class ViewsModule {
  static forRoot(features: { relationships: DynamicModule; engagements: DynamicModule; assets: DynamicModule }): DynamicModule {
    return {
      module: ViewsModule,
      imports: [PartnersModule, features.relationships, features.engagements, features.assets],
      providers: [CountryProfileService, CountryProfileResolver],
    };
  }
}
