import { Module } from '@nestjs/common';
import { NetworksModule } from '../networks/networks.module';
import { SharingModule } from '../sharing/sharing.module';
import { FundingCallsController } from './funding-calls.controller';
import { DismissalRepository, OpenCallRepository, SuggestionRepository } from './spotting.repositories';
import { SpottingResolver } from './spotting.resolver';
import { SpottingService } from './spotting.service';

/** Spotting joint opportunities in each network's shared data, kept up to date as copies and funding calls change. */
@Module({
  imports: [NetworksModule, SharingModule],
  controllers: [FundingCallsController],
  providers: [SuggestionRepository, DismissalRepository, OpenCallRepository, SpottingService, SpottingResolver],
  exports: [SpottingService, SuggestionRepository],
})
export class SpottingModule {}
