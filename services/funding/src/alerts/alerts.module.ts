import { type DynamicModule, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { JurisdictionDirectoryModule } from '@entente/service-runtime';
import type { FundingConfig } from '../config';
import { PrioritiesModule } from '../priorities/priorities.module';
import { SearchesModule } from '../searches/searches.module';
import { AlertDeliveryRepository } from './alert-delivery.repository';
import { AlertDigests } from './alert-digests';
import { AlertDispatcher } from './alert-dispatcher';
import { AlertEvaluator } from './alert-evaluator';
import { AlertFeed } from './alert-feed';
import { AlertItemRepository } from './alert-item.repository';
import { AlertResolver } from './alert.resolver';
import { ALERT_SETTINGS, alertSettingsFrom } from './alert-settings';
import { OpportunityEventsController } from './opportunity-events.controller';
import { SseSubscriptionsMiddleware } from './sse-subscriptions';
import { UnsubscribeController } from './unsubscribe.controller';

/**
 * Alerts: saved searches evaluated against new and changed opportunities,
 * recorded once per search and version, delivered by mail, webhook and the
 * in-app subscription through a durable queue (README: Alerts).
 */
@Module({})
export class AlertsModule implements NestModule {
  static forRoot(config: FundingConfig): DynamicModule {
    return {
      module: AlertsModule,
      imports: [SearchesModule, JurisdictionDirectoryModule, PrioritiesModule],
      controllers: [OpportunityEventsController, UnsubscribeController],
      providers: [
        { provide: ALERT_SETTINGS, useValue: alertSettingsFrom(config) },
        AlertItemRepository,
        AlertDeliveryRepository,
        AlertEvaluator,
        AlertDispatcher,
        AlertFeed,
        AlertDigests,
        AlertResolver,
        SseSubscriptionsMiddleware,
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(SseSubscriptionsMiddleware).forRoutes('graphql');
  }
}
