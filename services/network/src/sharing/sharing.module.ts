import { Module } from '@nestjs/common';
import { NetworksModule } from '../networks/networks.module';
import { SourceRecordsModule } from '../source-records/source-records.module';
import { SharedDataListeners } from './shared-data-listeners';
import { AccessLogRepository, GrantRepository, SharedRecordRepository } from './sharing.repositories';
import { SharingResolver } from './sharing.resolver';
import { SharingService } from './sharing.service';
import { ViewsService } from './views.service';

@Module({
  imports: [NetworksModule, SourceRecordsModule],
  providers: [GrantRepository, SharedRecordRepository, AccessLogRepository, SharedDataListeners, SharingService, ViewsService, SharingResolver],
  exports: [SharedRecordRepository, SharedDataListeners, GrantRepository, AccessLogRepository],
})
export class SharingModule {}
