import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Identity } from '@entente/auth';
import { ConflictError, ForbiddenError, NotFoundError } from '@entente/errors';
import { scopeOf, type ScopedRecord } from '@entente/persistence';
import { canReadSharedData } from '../networks/network-access';
import { NetworkService } from '../networks/network.service';
import { answerOf, checkClose, parsePartnerSearch, type PartnerSearchInput } from './partner-search';
import { PartnerSearchRepository } from './partner-search.repository';
import type { PartnerSearchRecord } from './partner-search.schema';

/**
 * The seeking-partners board of a network: its active members and
 * coordinators read it; a member's staff or admin posts, answers others'
 * posts and closes its own. Anyone else is told the network (or post) does
 * not exist.
 */
@Injectable()
export class PartnerSearchService {
  constructor(
    private readonly networks: NetworkService,
    private readonly searches: PartnerSearchRepository,
  ) {}

  async list(identity: Identity, networkId: string): Promise<PartnerSearchRecord[]> {
    await this.asReader(identity, networkId);
    const active = new Set(await this.networks.activeMemberIds(networkId));
    // A post of a member that left goes with it from the board.
    return (await this.searches.ofNetworkAcrossJurisdictions(networkId)).map(({ record }) => record).filter((s) => active.has(s.jurisdictionId));
  }

  async post(identity: Identity, networkId: string, input: PartnerSearchInput): Promise<PartnerSearchRecord> {
    const content = parsePartnerSearch(input);
    await this.asMember(identity, networkId);
    return this.searches.create({ ...content, jurisdictionId: identity.jurisdictionId, searchId: randomUUID(), networkId, status: 'open', postedBy: identity.userId, postedAt: new Date(), answers: [] });
  }

  async answer(identity: Identity, searchId: string, message: unknown): Promise<PartnerSearchRecord> {
    const { scope, record } = await this.find(identity, searchId);
    const answer = answerOf(record, identity.jurisdictionId, message, identity.userId, new Date());
    const saved = await this.searches.answer(scope, searchId, answer);
    if (!saved) throw new ConflictError(`partner search ${searchId} was closed meanwhile`);
    return saved;
  }

  async close(identity: Identity, searchId: string): Promise<PartnerSearchRecord> {
    const { record } = await this.find(identity, searchId);
    checkClose(record, identity.jurisdictionId);
    const saved = await this.searches.close(scopeOf(identity), searchId);
    if (!saved) throw new ConflictError(`partner search ${searchId} was closed meanwhile`);
    return saved;
  }

  /** A post on a board of a network where the caller's jurisdiction is an active member. */
  private async find(identity: Identity, searchId: string): Promise<ScopedRecord<PartnerSearchRecord>> {
    const found = await this.searches.findAcrossJurisdictionsWithId(searchId);
    if (!found) throw new NotFoundError('Partner search', searchId);
    await this.asMember(identity, found.record.networkId).catch((error: unknown) => {
      throw error instanceof NotFoundError ? new NotFoundError('Partner search', searchId) : error;
    });
    return found;
  }

  private async asReader(identity: Identity, networkId: string): Promise<void> {
    const { standing } = await this.networks.reach(identity, networkId);
    if (!canReadSharedData(standing)) throw new NotFoundError('Network', networkId);
  }

  /** Posting and answering are a member's: a coordinator reads the board only. */
  private async asMember(identity: Identity, networkId: string): Promise<void> {
    const { standing } = await this.networks.reach(identity, networkId);
    if (standing.membership !== 'active') throw new ForbiddenError('only the people of an active member post on the board and answer');
  }
}
