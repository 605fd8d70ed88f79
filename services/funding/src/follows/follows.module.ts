import { Module } from '@nestjs/common';
import { JurisdictionDirectoryModule } from '@entente/service-runtime';
import { AlertStoreModule } from '../alerts/alert-store.module';
import { OpportunitiesModule } from '../opportunities/opportunities.module';
import { FollowAlertRecorder, FollowChangeAlerts } from './follow-alerts';
import { FollowReminders } from './follow-reminders';
import { FollowRepository } from './follow.repository';
import { FollowResolver, OpportunityFollowedResolver } from './follow.resolver';
import { FollowService } from './follow.service';
import { UnfollowLinkController } from './unfollow-link.controller';

/**
 * Followed opportunities: each user's follows, their change alerts and
 * deadline reminders (recorded and sent through the alerts' store and
 * delivery queue), and the follows the calendar feed shows.
 */
@Module({
  imports: [AlertStoreModule, OpportunitiesModule, JurisdictionDirectoryModule],
  controllers: [UnfollowLinkController],
  providers: [FollowRepository, FollowService, FollowResolver, OpportunityFollowedResolver, FollowAlertRecorder, FollowChangeAlerts, FollowReminders],
  exports: [FollowRepository],
})
export class FollowsModule {}
