import { Injectable } from '@nestjs/common';
import type { TenantScope } from '@entente/persistence';

/** What must happen before a member leaves: answers the ids of the grants it revoked. */
export type LeavingHandler = (scope: TenantScope, networkId: string, actorUserId: string) => Promise<string[]>;

/**
 * Lets sharing hook into leaving without networks importing sharing (the
 * feature folders must not import each other in a circle): sharing registers
 * the revocation of a leaving member's grants here when it starts.
 */
@Injectable()
export class MembershipListeners {
  private readonly leaving: LeavingHandler[] = [];

  onLeaving(handler: LeavingHandler): void {
    this.leaving.push(handler);
  }

  async beforeLeaving(scope: TenantScope, networkId: string, actorUserId: string): Promise<string[]> {
    const revoked: string[] = [];
    for (const handler of this.leaving) revoked.push(...(await handler(scope, networkId, actorUserId)));
    return revoked;
  }
}
