import { Injectable } from '@nestjs/common';
import type { Identity } from '@entente/auth';
import { NotFoundError, ValidationError } from '@entente/errors';
import { SavedSearchRepository } from '../searches/saved-search.repository';
import { ownerOf } from '../searches/saved-search.service';
import { AlertDispatcher } from './alert-dispatcher';

/** Digests on demand (the schedule itself is the dispatcher's). */
@Injectable()
export class AlertDigests {
  constructor(
    private readonly searches: SavedSearchRepository,
    private readonly dispatcher: AlertDispatcher,
  ) {}

  /** Queues the search's digest now with what waits for it; how many alerts it holds. */
  async sendNow(identity: Identity, searchId: string, now = new Date()): Promise<number> {
    const owner = ownerOf(identity);
    const search = await this.searches.get(owner, searchId);
    if (!search) throw new NotFoundError('SavedSearch', searchId);
    if (search.cadence.kind === 'instant') throw ValidationError.forField('id', `"${search.name}" sends each alert as it is found; it has no digest`);
    const held = await this.dispatcher.queueDigest(owner.scope, search, now, now);
    if (held > 0) this.dispatcher.kick();
    return held;
  }
}
