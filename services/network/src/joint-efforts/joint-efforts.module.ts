import { Module } from '@nestjs/common';
import { NetworksModule } from '../networks/networks.module';
import { SpottingModule } from '../spotting/spotting.module';
import { EffortJoinRepository, JointEffortRepository } from './joint-effort.repositories';
import { JointEffortResolver } from './joint-effort.resolver';
import { JointEffortService } from './joint-effort.service';

/** Joint efforts of a network's members; a joining is announced to planning once. */
@Module({
  imports: [NetworksModule, SpottingModule],
  providers: [JointEffortRepository, EffortJoinRepository, JointEffortService, JointEffortResolver],
})
export class JointEffortsModule {}
