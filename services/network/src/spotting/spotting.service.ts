import { Injectable, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import type { Identity } from '@entente/auth';
import { ForbiddenError, NotFoundError, ValidationError } from '@entente/errors';
import type { TenantScope } from '@entente/persistence';
import { JsonLogger } from '@entente/telemetry';
import { unpairedSurrogateMessage } from '@entente/validation';
import { canReadSharedData, type NetworkStanding } from '../networks/network-access';
import { NetworkService } from '../networks/network.service';
import { SharedDataListeners } from '../sharing/shared-data-listeners';
import { scopeOfKind, type SharingScope } from '../sharing/sharing-scopes';
import { AccessLogRepository, GrantRepository, type SharedDataChange, SharedRecordRepository } from '../sharing/sharing.repositories';
import { memberProfileOf } from './member-profiles';
import { Spotter, type SpotterUpdate } from './spotter';
import { DismissalRepository, OpenCallRepository, SuggestionRepository } from './spotting.repositories';
import type { SuggestionRecord } from './spotting.schema';
import type { OpenCall, Suggestion } from './suggestion';

/** A network's suggestions as one reader may see them, with the members' names. */
export interface SuggestionsRead {
  suggestions: SuggestionRecord[];
  names: Map<string, string>;
}

/**
 * Spotting wired to the store. The Spotter (pure, in memory) holds every
 * network's shared copies indexed; it is loaded from the copies current
 * grants cover at start-up, then fed each change of a copy
 * (SharedDataListeners, inside the work that made it) and each funding
 * call, and what an update makes or lapses is stored per network. Updates
 * of one network are stored in the order the spotter made them.
 *
 * The index lives in this process: with several network processes, each
 * must be fed every change of the networks it serves (see the README).
 */
@Injectable()
export class SpottingService implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new JsonLogger('spotting');
  private readonly spotter = new Spotter();
  private readonly profiled = new Set<string>();
  private readonly writes = new Map<string, Promise<void>>();
  private markLoaded: (() => void) | undefined;
  private readonly loaded = new Promise<void>((resolve) => {
    this.markLoaded = resolve;
  });

  constructor(
    private readonly networks: NetworkService,
    private readonly grants: GrantRepository,
    private readonly copies: SharedRecordRepository,
    private readonly log: AccessLogRepository,
    private readonly listeners: SharedDataListeners,
    private readonly suggestions: SuggestionRepository,
    private readonly dismissals: DismissalRepository,
    private readonly calls: OpenCallRepository,
  ) {}

  onModuleInit(): void {
    this.listeners.onChange((change) => this.copyChanged(change));
  }

  /** The one full evaluation: every network from its current copies, its dismissals and the calls. */
  async onApplicationBootstrap(): Promise<void> {
    await Promise.all([this.suggestions.ready(), this.dismissals.ready(), this.calls.ready()]);
    for (const call of await this.calls.all()) this.spotter.callChanged(call);
    for (const networkId of await this.networks.allNetworkIds()) {
      const active = new Set(await this.networks.activeMemberIds(networkId));
      await this.ensureProfiles([...active]);
      const grantIds = (await this.grants.currentOfNetworkAcrossJurisdictions(networkId)).filter(({ record }) => active.has(record.jurisdictionId)).map(({ record }) => record.grantId);
      const rows = await this.copies.ofNetworkAcrossJurisdictions(networkId, grantIds);
      const records = rows.map(({ record }) => ({ jurisdictionId: record.jurisdictionId, copy: { kind: record.kind, recordId: record.recordId, fields: record.fields } }));
      this.spotter.load(networkId, records, await this.dismissals.ofNetwork(networkId));
      await this.suggestions.replaceAll(networkId, this.spotter.suggestions(networkId, { includeDismissed: true }));
    }
    this.markLoaded?.();
    this.logger.log('spotting loaded every network');
  }

  /** A funding call published, opened, changed or closed: every network may gain or lose a joint bid. */
  async callChanged(call: OpenCall, version: number): Promise<void> {
    await this.loaded;
    if (!(await this.calls.put(call, version))) return;
    await Promise.all(this.spotter.callChanged(call).map((update) => this.store(update)));
  }

  /**
   * A network's suggestions for its coordinators and active members. Every
   * suggestion rests only on copies current grants cover; one that names a
   * member no longer active, or shows evidence of a scope its member no
   * longer grants (a change still on its way), is held back all the same.
   * Each member whose evidence is shown gets an entry in its access log.
   */
  async read(identity: Identity, networkId: string, includeDismissed: boolean): Promise<SuggestionsRead> {
    const { standing } = await this.networks.reach(identity, networkId);
    if (!canReadSharedData(standing)) throw new NotFoundError('Network', networkId);
    const active = new Set(await this.networks.activeMemberIds(networkId));
    const granted = new Map<string, { scope: TenantScope; scopes: Set<SharingScope> }>();
    for (const { scope, record } of await this.grants.currentOfNetworkAcrossJurisdictions(networkId)) {
      if (!active.has(record.jurisdictionId)) continue;
      const entry = granted.get(record.jurisdictionId) ?? { scope, scopes: new Set<SharingScope>() };
      entry.scopes.add(record.scope);
      granted.set(record.jurisdictionId, entry);
    }
    const suggestions = (await this.suggestions.ofNetwork(networkId, includeDismissed)).filter((s) => isCovered(s, active, granted));
    await this.logReads(identity, networkId, suggestions, granted);
    const names = await this.networks.memberNames([...new Set(suggestions.flatMap((s) => s.members))]);
    return { suggestions, names };
  }

  /** Dismisses a suggestion (its network's coordinators, or the admin of a member it involves); it stays dismissed until its evidence changes. */
  async dismiss(identity: Identity, suggestionId: string, reason: string): Promise<SuggestionsRead> {
    const broken = unpairedSurrogateMessage(reason);
    if (broken !== null) throw ValidationError.forField('reason', broken);
    await this.loaded;
    const stored = await this.suggestions.get(suggestionId);
    if (!stored) throw new NotFoundError('Suggestion', suggestionId);
    const { standing } = await this.networks.reach(identity, stored.networkId).catch(() => {
      throw new NotFoundError('Suggestion', suggestionId);
    });
    if (!canReadSharedData(standing)) throw new NotFoundError('Suggestion', suggestionId);
    if (!mayDismiss(identity, standing, stored)) throw new ForbiddenError('only the network’s coordinators or the jurisdiction-admin of a member the suggestion involves dismiss it');
    const dismissed = this.spotter.dismiss(stored.networkId, stored.key, reason, identity.userId);
    await this.enqueue(stored.networkId, async () => {
      await this.dismissals.put(stored.networkId, stored.key, dismissed.dismissal as NonNullable<typeof dismissed.dismissal>);
      await this.suggestions.apply(stored.networkId, [dismissed], []);
    });
    const record = (await this.suggestions.get(suggestionId)) as SuggestionRecord;
    return { suggestions: [record], names: await this.networks.memberNames(record.members) };
  }

  private async copyChanged(change: SharedDataChange): Promise<void> {
    await this.loaded;
    if (change.copy) await this.ensureProfiles([change.jurisdictionId]);
    await this.store(this.spotter.recordChanged(change));
  }

  /** Members spotting has not met yet: their profiles first (names in explanations, eligibility for calls). */
  private async ensureProfiles(jurisdictionIds: readonly string[]): Promise<void> {
    const missing = jurisdictionIds.filter((id) => !this.profiled.has(id));
    if (missing.length === 0) return;
    for (const profile of await this.networks.memberProfiles(missing)) {
      this.profiled.add(profile.jurisdictionId);
      await Promise.all(this.spotter.profileChanged(memberProfileOf(profile)).map((update) => this.store(update)));
    }
  }

  /** Stores one update after the ones before it of the same network; a dismissal that different evidence ended is forgotten. */
  private store(update: SpotterUpdate): Promise<void> {
    if (update.upserted.length === 0 && update.removed.length === 0) return Promise.resolve();
    const reopened = update.upserted.filter((s) => s.status === 'open').map((s) => s.key);
    return this.enqueue(update.networkId, async () => {
      await this.suggestions.apply(update.networkId, update.upserted, update.removed);
      await this.dismissals.forget(update.networkId, reopened);
    });
  }

  private enqueue(networkId: string, work: () => Promise<void>): Promise<void> {
    const next = (this.writes.get(networkId) ?? Promise.resolve()).then(work);
    const settled = next.catch(() => undefined);
    this.writes.set(networkId, settled);
    void settled.then(() => {
      if (this.writes.get(networkId) === settled) this.writes.delete(networkId);
    });
    return next;
  }

  private async logReads(
    identity: Identity,
    networkId: string,
    suggestions: readonly SuggestionRecord[],
    granted: ReadonlyMap<string, { scope: TenantScope }>,
  ): Promise<void> {
    const byMember = new Map<string, { count: number; scopes: Set<SharingScope> }>();
    for (const suggestion of suggestions) {
      for (const evidence of suggestion.evidence) {
        if (!evidence.jurisdictionId || evidence.kind === 'call') continue;
        const entry = byMember.get(evidence.jurisdictionId) ?? { count: 0, scopes: new Set<SharingScope>() };
        entry.count += 1;
        entry.scopes.add(scopeOfKind(evidence.kind));
        byMember.set(evidence.jurisdictionId, entry);
      }
    }
    const at = new Date();
    await Promise.all(
      [...byMember.entries()].map(([jurisdictionId, { count, scopes }]) =>
        this.log.record((granted.get(jurisdictionId) as { scope: TenantScope }).scope, {
          networkId,
          readerUserId: identity.userId,
          readerUsername: identity.username,
          readerJurisdictionId: identity.jurisdictionId,
          view: 'suggestions',
          scopes: [...scopes].sort(),
          recordCount: count,
          at,
        }),
      ),
    );
  }
}

/** Whether every member a suggestion names is active and every record it shows is of a scope its member grants now. */
export function isCovered(
  suggestion: Pick<Suggestion, 'members' | 'evidence'>,
  active: ReadonlySet<string>,
  granted: ReadonlyMap<string, { scopes: ReadonlySet<SharingScope> }>,
): boolean {
  return (
    suggestion.members.every((m) => active.has(m)) &&
    suggestion.evidence.every((e) => e.kind === 'call' || (e.jurisdictionId !== null && granted.get(e.jurisdictionId)?.scopes.has(scopeOfKind(e.kind)) === true))
  );
}

function mayDismiss(identity: Identity, standing: NetworkStanding, suggestion: SuggestionRecord): boolean {
  if (standing.coordinator) return true;
  return standing.membership === 'active' && identity.roles.includes('jurisdiction-admin') && suggestion.members.includes(identity.jurisdictionId);
}
