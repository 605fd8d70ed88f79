import type { EventDefinition } from '@entente/contracts';
import { EventPattern } from '@nestjs/microservices';

/**
 * `@OnEvent(PartnerRegisteredV1)` is `@EventPattern(PartnerRegisteredV1.type)`
 * without Nest's typed-pattern overload, which rejects handlers that also take
 * `@Ctx() ctx: KafkaEventContext` (it types extra parameters as unknown).
 */
export function OnEvent(definition: EventDefinition): MethodDecorator {
  return EventPattern<string>(definition.type);
}
