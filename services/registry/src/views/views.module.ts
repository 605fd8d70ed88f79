import { Module } from '@nestjs/common';
import { AssetsModule } from '../assets/assets.module';
import { EngagementsModule } from '../engagements/engagements.module';
import { PartnersModule } from '../partners/partners.module';
import { RelationshipsModule } from '../relationships/relationships.module';
import { CountryProfileResolver } from './country-profile.resolver';
import { CountryProfileService } from './country-profile.service';

/** Views across the inventory: they read the feature modules' repositories. */
@Module({
  imports: [PartnersModule, RelationshipsModule, EngagementsModule, AssetsModule],
  providers: [CountryProfileService, CountryProfileResolver],
})
export class ViewsModule {}
