import { Injectable } from '@nestjs/common';
import type { SharedDataChange } from './sharing.repositories';

/**
 * The seam for what follows a network's shared data incrementally (the
 * spotting of joint opportunities): after every copy is written or removed,
 * each handler gets the change, inside the work that made it (a consumed
 * event's handling, a grant, a revocation). A handler reads the network's
 * other copies with SharedRecordRepository.ofNetworkAcrossJurisdictions.
 */
@Injectable()
export class SharedDataListeners {
  private readonly handlers: Array<(change: SharedDataChange) => Promise<void>> = [];

  onChange(handler: (change: SharedDataChange) => Promise<void>): void {
    this.handlers.push(handler);
  }

  async changed(changes: readonly SharedDataChange[]): Promise<void> {
    for (const change of changes) for (const handler of this.handlers) await handler(change);
  }
}
