import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { JurisdictionDirectoryModule } from '@entente/service-runtime';
import { PrioritiesModule } from '../priorities/priorities.module';
import { SearchesModule } from '../searches/searches.module';
import { AlertDigests } from './alert-digests';
import { AlertDispatcher } from './alert-dispatcher';
import { AlertEvaluator } from './alert-evaluator';
import { AlertFeed } from './alert-feed';
import { AlertResolver } from './alert.resolver';
import { AlertStoreModule } from './alert-store.module';
import { OpportunityEventsController } from './opportunity-events.controller';
import { SseSubscriptionsMiddleware } from './sse-subscriptions';
import { UnsubscribeController } from './unsubscribe.controller';

/**
 * Alerts: saved searches evaluated against new and changed opportunities,
 * recorded once per search and version, delivered by mail, webhook and the
 * in-app subscription through a durable queue (README: Alerts). Its settings
 * (ALERT_SETTINGS) come from FundingSettingsModule.
 */
@Module({
  imports: [SearchesModule, JurisdictionDirectoryModule, PrioritiesModule, AlertStoreModule],
  controllers: [OpportunityEventsController, UnsubscribeController],
  providers: [AlertEvaluator, AlertDispatcher, AlertFeed, AlertDigests, AlertResolver, SseSubscriptionsMiddleware],
})
export class AlertsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(SseSubscriptionsMiddleware).forRoutes('graphql');
  }
}
