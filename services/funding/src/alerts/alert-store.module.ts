import { Module } from '@nestjs/common';
import { AlertDeliveryRepository } from './alert-delivery.repository';
import { AlertHooks } from './alert-hooks';
import { AlertItemRepository } from './alert-item.repository';

/**
 * The alert inbox, the durable delivery queue and the hooks, for the alerts
 * feature and for those that record alerts of their own (followed
 * opportunities): one instance of each, whoever imports it.
 */
@Module({
  providers: [AlertItemRepository, AlertDeliveryRepository, AlertHooks],
  exports: [AlertItemRepository, AlertDeliveryRepository, AlertHooks],
})
export class AlertStoreModule {}
