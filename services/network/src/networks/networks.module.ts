import { Module } from '@nestjs/common';
import { JurisdictionDirectoryModule } from '@entente/service-runtime';
import { JurisdictionLookup } from './jurisdiction-lookup';
import { MembershipListeners } from './membership-listeners';
import { MembershipRepository } from './membership.repository';
import { NetworkRepository } from './network.repository';
import { NetworkResolver } from './network.resolver';
import { NetworkService } from './network.service';

@Module({
  imports: [JurisdictionDirectoryModule],
  providers: [NetworkRepository, MembershipRepository, JurisdictionLookup, MembershipListeners, NetworkService, NetworkResolver],
  exports: [NetworkService, MembershipListeners],
})
export class NetworksModule {}
