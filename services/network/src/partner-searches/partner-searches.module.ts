import { Module } from '@nestjs/common';
import { NetworksModule } from '../networks/networks.module';
import { PartnerSearchRepository } from './partner-search.repository';
import { PartnerSearchResolver } from './partner-search.resolver';
import { PartnerSearchService } from './partner-search.service';

/** Each network's seeking-partners board. */
@Module({ imports: [NetworksModule], providers: [PartnerSearchRepository, PartnerSearchService, PartnerSearchResolver] })
export class PartnerSearchesModule {}
