import { Module } from '@nestjs/common';
import { JurisdictionDirectoryModule } from '@entente/service-runtime';
import { FundingApplicationRepository } from './application.repository';
import { FundingApplicationResolver } from './application.resolver';
import { FundingApplicationService } from './application.service';

/** The funding pipeline per jurisdiction; the calendar reads its deadlines through the repository. */
@Module({
  imports: [JurisdictionDirectoryModule],
  providers: [FundingApplicationRepository, FundingApplicationService, FundingApplicationResolver],
  exports: [FundingApplicationRepository],
})
export class PipelineModule {}
