import { Injectable, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Identity } from '@entente/auth';
import { ConflictError, NotFoundError } from '@entente/errors';
import { scopeOf, type TenantScope } from '@entente/persistence';
import { Problems } from '@entente/validation';
import { MembershipListeners } from '../networks/membership-listeners';
import { NetworkService } from '../networks/network.service';
import type { SourceRecordState } from '../source-records/source-record';
import { SourceRecordListeners } from '../source-records/source-record-listeners';
import { SourceRecordRepository } from '../source-records/source-record.repository';
import { type GrantInput, parseGrant, readGrant, readNetworkFilter } from './grant.rules';
import { SharedDataListeners } from './shared-data-listeners';
import { type GrantTerms, kindOfScope, projectRecord, type SharedCopy, type SharingScope } from './sharing-scopes';
import { GrantRepository, type SharedDataChange, SharedRecordRepository } from './sharing.repositories';
import type { GrantRecord } from './sharing.schema';

/** At most this many grants in one preview: one per scope. */
const PREVIEW_GRANTS_MAX = 12;

/** What one member shares with one network, by kind: the shape of the preview and of each member in a view. */
export interface MemberShare {
  jurisdictionId: string;
  copies: SharedCopy[];
  scopes: SharingScope[];
}

/**
 * Grants and the copies they cover. Copies are made by `projectRecord`
 * only: from the read model when a grant is made (the back-fill), again
 * whenever a record changes, and for the preview without storing anything.
 * Revoking removes the grant's copies in the same call, and views show only
 * copies whose grant is current, so nothing of a revoked grant is seen
 * after the revocation returns.
 */
@Injectable()
export class SharingService implements OnModuleInit {
  constructor(
    private readonly grants: GrantRepository,
    private readonly copies: SharedRecordRepository,
    private readonly sources: SourceRecordRepository,
    private readonly networks: NetworkService,
    private readonly sourceListeners: SourceRecordListeners,
    private readonly membershipListeners: MembershipListeners,
    private readonly sharedListeners: SharedDataListeners,
  ) {}

  onModuleInit(): void {
    this.sourceListeners.onChange((scope, record) => this.reproject(scope, record));
    this.membershipListeners.onLeaving((scope, networkId, actor) => this.revokeAllTo(scope, networkId, actor));
  }

  /**
   * The jurisdiction's admin shares one scope with a network it is a member
   * of. A current grant of the same scope to the same network is superseded
   * (revoked, its copies replaced by the new grant's).
   */
  async share(identity: Identity, input: GrantInput): Promise<GrantRecord> {
    const terms = parseGrant(input);
    const scope = scopeOf(identity);
    const { membership } = await this.networks.ownMembership(scope, terms.networkId);
    if (membership.status !== 'active') throw new ConflictError(`your jurisdiction is not a member of network ${terms.networkId} (it is ${membership.status}); accept the invitation first`);
    const now = new Date();
    for (const old of await this.grants.current(scope, terms.networkId)) {
      if (old.scope === terms.scope) await this.revokeGrant(scope, old.grantId, identity.userId, now);
    }
    const grant: GrantRecord = {
      jurisdictionId: scope.jurisdictionId,
      grantId: randomUUID(),
      networkId: terms.networkId,
      scope: terms.scope,
      fields: [...terms.fields],
      assetCategories: terms.assetCategories ? [...terms.assetCategories] : null,
      grantedBy: identity.userId,
      grantedAt: now,
      revokedAt: null,
      revokedBy: null,
    };
    await this.grants.create(grant);
    await this.backFill(scope, grant);
    return grant;
  }

  async revoke(identity: Identity, grantId: string): Promise<GrantRecord> {
    const scope = scopeOf(identity);
    const grant = await this.grants.get(scope, grantId);
    if (!grant) throw new NotFoundError('Sharing grant', grantId);
    if (grant.revokedAt) throw new ConflictError(`grant ${grantId} was already revoked on ${grant.revokedAt.toISOString()}`);
    return (await this.revokeGrant(scope, grantId, identity.userId, new Date())) ?? grant;
  }

  grantsOf(identity: Identity, networkId?: string | null): Promise<GrantRecord[]> {
    return this.grants.list(scopeOf(identity), readNetworkFilter(networkId));
  }

  /**
   * Exactly what the network sees of the caller's jurisdiction: under its
   * current grants, or under the grants given (to try a grant before making
   * it). The same projection as the stored copies; nothing is stored or logged.
   */
  async preview(identity: Identity, networkId: string, proposed?: GrantInput[] | null): Promise<MemberShare> {
    const scope = scopeOf(identity);
    const { membership } = await this.networks.ownMembership(scope, networkId);
    if (membership.status === 'left') throw new NotFoundError('Network', networkId);
    const terms = proposed ? parseProposed(networkId, proposed) : await this.grants.current(scope, networkId);
    const copies: SharedCopy[] = [];
    for (const grant of terms) {
      const kind = kindOfScope(grant.scope);
      if (!kind) continue;
      for (const record of await this.sources.allOf(scope, kind)) {
        const copy = projectRecord(record, grant);
        if (copy) copies.push(copy);
      }
    }
    return { jurisdictionId: scope.jurisdictionId, copies, scopes: [...new Set(terms.map((t) => t.scope))] };
  }

  /** A record of the read model changed: every current grant of its jurisdiction that covers it projects it again. */
  private async reproject(scope: TenantScope, record: SourceRecordState): Promise<void> {
    const changes: SharedDataChange[] = [];
    for (const grant of await this.grants.current(scope)) {
      if (kindOfScope(grant.scope) !== record.kind) continue;
      const copy = projectRecord(record, grant);
      if (copy) {
        await this.copies.put(scope, grant.networkId, grant.grantId, grant.scope, copy, record.stateAt);
        // Revoked while this ran: the copy it just wrote must not outlive the grant.
        if ((await this.grants.get(scope, grant.grantId))?.revokedAt) {
          await this.copies.drop(scope, grant.networkId, copy.kind, copy.recordId);
          continue;
        }
        changes.push({ networkId: grant.networkId, jurisdictionId: scope.jurisdictionId, kind: record.kind, recordId: record.recordId, copy });
      } else if (await this.copies.drop(scope, grant.networkId, record.kind, record.recordId)) {
        changes.push({ networkId: grant.networkId, jurisdictionId: scope.jurisdictionId, kind: record.kind, recordId: record.recordId, copy: null });
      }
    }
    await this.sharedListeners.changed(changes);
  }

  /** A new grant's copies, from what the read model already holds (it keeps every record from the first event on the topics). */
  private async backFill(scope: TenantScope, grant: GrantRecord): Promise<void> {
    const kind = kindOfScope(grant.scope);
    if (!kind) return;
    const changes: SharedDataChange[] = [];
    for (const record of await this.sources.allOf(scope, kind)) {
      const copy = projectRecord(record, grant);
      if (!copy) continue;
      await this.copies.put(scope, grant.networkId, grant.grantId, grant.scope, copy, record.stateAt);
      changes.push({ networkId: grant.networkId, jurisdictionId: scope.jurisdictionId, kind, recordId: record.recordId, copy });
    }
    await this.sharedListeners.changed(changes);
  }

  private async revokeGrant(scope: TenantScope, grantId: string, by: string, at: Date): Promise<GrantRecord | null> {
    const revoked = await this.grants.revoke(scope, grantId, by, at);
    const gone = await this.copies.dropGrant(scope, grantId);
    await this.sharedListeners.changed(gone.map((g) => ({ ...g, jurisdictionId: scope.jurisdictionId, copy: null })));
    return revoked;
  }

  /** A member leaving: every grant to the network revoked, its copies gone. */
  private async revokeAllTo(scope: TenantScope, networkId: string, by: string): Promise<string[]> {
    const current = await this.grants.current(scope, networkId);
    const at = new Date();
    for (const grant of current) await this.revokeGrant(scope, grant.grantId, by, at);
    return current.map((grant) => grant.grantId);
  }
}

function parseProposed(networkId: string, proposed: GrantInput[]): GrantTerms[] {
  const problems = new Problems();
  if (proposed.length > PREVIEW_GRANTS_MAX) problems.add('grants', `must list at most ${PREVIEW_GRANTS_MAX}`);
  const terms = proposed.map((input, index) => readGrant(problems, { ...input, networkId }, `grants[${index}]`));
  problems.throwIfAny();
  return terms.filter((t): t is NonNullable<typeof t> => t !== null);
}
