import { BaseRpcContext } from '@nestjs/microservices';
import type { EventMeta } from '../consumer/event-consumer';

/** What `@Ctx()` gives a handler: where the event came from and which attempt this is. */
export class KafkaEventContext extends BaseRpcContext<[EventMeta]> {
  getMeta(): EventMeta {
    return this.args[0];
  }
}
