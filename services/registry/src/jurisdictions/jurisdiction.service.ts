import { Inject, Injectable } from '@nestjs/common';
import type { Connection } from 'mongoose';
import {
  JURISDICTION_STATUSES,
  JurisdictionOffboardedV1,
  JurisdictionOnboardedV1,
  JurisdictionProfilePayload,
  JurisdictionStatus,
  JurisdictionStatusChangedV1,
  JurisdictionUpdatedV1,
} from '@entente/contracts';
import type { Identity } from '@entente/auth';
import { ConflictError, ForbiddenError, NotFoundError, quoted, ValidationError } from '@entente/errors';
import { eventDraft, exportTenantData, Page, PageArgs, scopeForPlatformAdmin, scopeOf, type TenantScope } from '@entente/persistence';
import { MONGO_CONNECTION } from '@entente/service-runtime';
import { Problems, readChoice, readText } from '@entente/validation';
import type { Change } from '@entente/persistence';
import { buildArchive, JurisdictionArchive } from './jurisdiction-archive';
import { JurisdictionRepository } from './jurisdiction.repository';
import {
  applyProfileUpdate,
  checkStatusChange,
  InviteeInput,
  JurisdictionProfile,
  JurisdictionProfileInput,
  parseInvitee,
  parseJurisdictionId,
  parseOnboarding,
} from './jurisdiction.rules';
import type { JurisdictionRecord } from './jurisdiction.schema';
import { USER_DIRECTORY, type DirectoryUser, type UserDirectory } from './users/user-directory.port';

export interface InvitedUser {
  user: DirectoryUser;
  /** Shown once, to hand to the person; Keycloak makes them replace it at first login. */
  temporaryPassword: string;
}

const STATUS_REASON_MAX_LENGTH = 500;

/**
 * The platform's tenants: onboarding by a platform-admin (with the first
 * jurisdiction-admin), the profile other services learn from events, the
 * lifecycle, and offboarding (export, then erasure everywhere).
 */
@Injectable()
export class JurisdictionService {
  constructor(
    private readonly jurisdictions: JurisdictionRepository,
    @Inject(USER_DIRECTORY) private readonly directory: UserDirectory,
    @Inject(MONGO_CONNECTION) private readonly connection: Connection,
  ) {}

  /**
   * Creates the jurisdiction (status onboarding, registry.jurisdiction.onboarded
   * v1) and invites its first jurisdiction-admin. If the invitation fails after
   * the jurisdiction was stored, onboarding the same id again while it is still
   * onboarding with no users retries the invitation instead of failing on the id.
   */
  async onboard(
    identity: Identity,
    input: { id: unknown; firstAdmin?: InviteeInput | null } & JurisdictionProfileInput,
  ): Promise<{ jurisdiction: JurisdictionRecord; firstAdmin: InvitedUser | null }> {
    const { jurisdictionId, profile } = parseOnboarding(input);
    const admin = input.firstAdmin ? parseInvitee(input.firstAdmin, 'firstAdmin.') : null;
    const existing = await this.jurisdictions.find(scopeForPlatformAdmin(identity, jurisdictionId));
    let jurisdiction: JurisdictionRecord;
    if (existing) {
      const retryable = existing.status === 'onboarding' && (await this.directory.listByJurisdiction(jurisdictionId)).length === 0;
      if (!retryable) throw new ConflictError(`A jurisdiction with the id ${quoted(jurisdictionId)} already exists; choose another id`);
      jurisdiction = existing;
    } else {
      const now = new Date();
      const record: JurisdictionRecord = { jurisdictionId, ...profile, status: 'onboarding', statusReason: null, createdBy: identity.userId, createdAt: now, updatedAt: now };
      const event = eventDraft(JurisdictionOnboardedV1, { aggregateId: jurisdictionId, payload: profilePayload(record) });
      jurisdiction = await this.jurisdictions.create(record, [event], changeBy(identity, 'onboarded'));
    }
    const firstAdmin = admin ? await this.directory.invite({ jurisdictionId, ...admin, roles: ['jurisdiction-admin'] }) : null;
    return { jurisdiction, firstAdmin };
  }

  /** A jurisdiction's profile: members read their own; a platform-admin reads any. */
  async get(identity: Identity, id?: string | null): Promise<JurisdictionRecord> {
    const jurisdictionId = this.targetOf(identity, id);
    const found = await this.jurisdictions.find(this.scopeOfTarget(identity, jurisdictionId));
    if (!found) throw new NotFoundError('Jurisdiction', jurisdictionId);
    return found;
  }

  list(identity: Identity, args: PageArgs, status?: string | null): Promise<Page<JurisdictionRecord>> {
    this.requirePlatformAdmin(identity, 'list jurisdictions');
    const problems = new Problems();
    const wanted = status === undefined || status === null ? undefined : (readChoice(problems, 'status', status, JURISDICTION_STATUSES) ?? undefined);
    problems.throwIfAny();
    return this.jurisdictions.listAll(args, wanted);
  }

  /** Changes the given profile fields (registry.jurisdiction.updated v1 with the whole profile). */
  async updateProfile(identity: Identity, id: string | null | undefined, input: JurisdictionProfileInput): Promise<JurisdictionRecord> {
    const current = await this.get(identity, id);
    if (current.status === 'offboarded') throw ValidationError.forField('id', 'the jurisdiction is offboarded; its profile can no longer change');
    const { profile, changed } = applyProfileUpdate(profileOf(current), input);
    if (changed.length === 0) return current;
    const next: JurisdictionRecord = { ...current, ...profile, updatedAt: new Date() };
    const event = eventDraft(JurisdictionUpdatedV1, {
      aggregateId: current.jurisdictionId,
      payload: { ...profilePayload(next), changedFields: changed },
    });
    const saved = await this.jurisdictions.updateIfStatus(this.scopeOfTarget(identity, current.jurisdictionId), current, { $set: { ...profile, updatedAt: next.updatedAt } }, [event], changeBy(identity, 'updated'));
    if (!saved) throw new ConflictError('The jurisdiction changed status while you edited it; reload and try again');
    return saved;
  }

  /**
   * Activates or suspends a jurisdiction (platform-admin). Suspending
   * disables every enabled user of the jurisdiction in the realm and remembers
   * who, so reactivating gives access back to exactly them and not to users an
   * admin had deactivated on purpose.
   */
  async changeStatus(identity: Identity, id: string, status: string, reason?: string | null): Promise<JurisdictionRecord> {
    this.requirePlatformAdmin(identity, 'change a jurisdiction’s status');
    const problems = new Problems();
    const to = readChoice(problems, 'status', status, JURISDICTION_STATUSES);
    const why = readText(problems, 'reason', reason, { max: STATUS_REASON_MAX_LENGTH });
    problems.throwIfAny();
    let current = await this.get(identity, id);
    checkStatusChange(current.status, to as JurisdictionStatus);
    let suspendedUserIds = current.suspendedUserIds ?? [];
    if (to === 'suspended') {
      const enabled = (await this.directory.listByJurisdiction(current.jurisdictionId)).filter((u) => u.enabled);
      suspendedUserIds = [...new Set([...suspendedUserIds, ...enabled.map((u) => u.userId)])];
      // Remember who before disabling, so a crash midway still knows whom to re-enable.
      current = await this.saveSuspendedUsers(identity, current, suspendedUserIds);
      for (const user of enabled) await this.directory.setEnabled(user.userId, false);
    }
    const event = eventDraft(JurisdictionStatusChangedV1, {
      aggregateId: current.jurisdictionId,
      payload: { jurisdictionId: current.jurisdictionId, from: current.status, to: to as JurisdictionStatus, reason: why },
    });
    const saved = await this.jurisdictions.updateIfStatus(
      this.scopeOfTarget(identity, current.jurisdictionId),
      current,
      { $set: { status: to as JurisdictionStatus, statusReason: why, updatedAt: new Date(), suspendedUserIds: to === 'active' ? [] : suspendedUserIds } },
      [event],
      changeBy(identity, 'status-changed'),
    );
    if (!saved) throw new ConflictError('Someone else changed the jurisdiction’s status just now; reload and try again');
    if (to === 'active') {
      for (const userId of suspendedUserIds) {
        const user = await this.directory.find(userId);
        if (user) await this.directory.setEnabled(userId, true);
      }
    }
    return saved;
  }

  /**
   * The jurisdiction's data as a JSON archive: its registry records and its
   * users. A jurisdiction-admin may export their own (data portability); a
   * platform-admin any. The digest identifies this exact content.
   */
  async export(identity: Identity, id?: string | null): Promise<JurisdictionArchive> {
    const jurisdiction = await this.get(identity, id);
    if (!identity.roles.includes('platform-admin') && !identity.roles.includes('jurisdiction-admin')) {
      throw new ForbiddenError('Only a jurisdiction-admin or a platform-admin can export a jurisdiction');
    }
    return this.archiveOf(this.scopeOfTarget(identity, jurisdiction.jurisdictionId));
  }

  /**
   * Offboards a jurisdiction (platform-admin). The caller proves they hold the
   * current export by giving its digest: if anything changed since, nothing is
   * deleted and they are told to export again. Then every user is disabled at
   * once and registry.jurisdiction.offboarded v1 tells every service —
   * this one included — to delete what it holds.
   */
  async offboard(identity: Identity, id: string, archiveDigest: string): Promise<JurisdictionRecord> {
    this.requirePlatformAdmin(identity, 'offboard a jurisdiction');
    const jurisdictionId = parseJurisdictionId(id);
    const current = await this.get(identity, jurisdictionId);
    if (current.status === 'offboarded') throw new ConflictError(`${jurisdictionId} is already offboarded; its data is being deleted`);
    const archive = await this.archiveOf(this.scopeOfTarget(identity, jurisdictionId));
    if (archive.digest !== archiveDigest.trim().toLowerCase()) {
      throw new ConflictError('The jurisdiction’s data changed since that export (or the digest is not from it); export again and offboard with the new digest');
    }
    for (const user of archive.users) if (user.enabled) await this.directory.setEnabled(user.userId, false);
    const event = eventDraft(JurisdictionOffboardedV1, { aggregateId: jurisdictionId, payload: { jurisdictionId } });
    const saved = await this.jurisdictions.updateIfStatus(this.scopeOfTarget(identity, current.jurisdictionId), current, { $set: { status: 'offboarded', statusReason: null, updatedAt: new Date() } }, [event], changeBy(identity, 'offboarded'));
    if (!saved) throw new ConflictError('Someone else changed the jurisdiction’s status just now; export again and retry');
    return saved;
  }

  private async archiveOf(scope: TenantScope): Promise<JurisdictionArchive> {
    const { jurisdictionId } = scope;
    const [registry, users] = await Promise.all([exportTenantData(this.connection, scope), this.directory.listByJurisdiction(jurisdictionId)]);
    return buildArchive({ jurisdictionId, exportedAt: new Date(), services: { registry }, users });
  }

  private async saveSuspendedUsers(identity: Identity, current: JurisdictionRecord, userIds: string[]): Promise<JurisdictionRecord> {
    const saved = await this.jurisdictions.updateIfStatus(this.scopeOfTarget(identity, current.jurisdictionId), current, { $set: { suspendedUserIds: userIds, updatedAt: new Date() } }, [], changeBy(identity, 'suspending'));
    if (!saved) throw new ConflictError('Someone else changed the jurisdiction’s status just now; reload and try again');
    return saved;
  }

  /** Whose jurisdiction a request is about: one's own, or any for a platform-admin who names it (in the input field `field`). */
  targetOf(identity: Identity, id?: string | null, field = 'id'): string {
    if (id === undefined || id === null || id === identity.jurisdictionId) return identity.jurisdictionId;
    const jurisdictionId = parseJurisdictionId(id, field);
    // Another jurisdiction is reported exactly like a missing one: its existence is not disclosed.
    if (!identity.roles.includes('platform-admin')) throw new NotFoundError('Jurisdiction', jurisdictionId);
    return jurisdictionId;
  }

  /** The scope of targetOf's jurisdiction: one's own, or another for a platform-admin. */
  scopeOfTarget(identity: Identity, jurisdictionId: string): TenantScope {
    return jurisdictionId === identity.jurisdictionId ? scopeOf(identity) : scopeForPlatformAdmin(identity, jurisdictionId);
  }

  private requirePlatformAdmin(identity: Identity, what: string): void {
    if (!identity.roles.includes('platform-admin')) throw new ForbiddenError(`Only a platform-admin can ${what}`);
  }
}

function changeBy(identity: Identity, action: string): Change {
  return { actor: { userId: identity.userId, username: identity.username }, action, at: new Date() };
}

export function profileOf(record: JurisdictionRecord): JurisdictionProfile {
  const { name, level, country, subdivision, wikidataId, timeZone, currency, fiscalYearStart, languages, population } = record;
  return { name, level, country, subdivision, wikidataId, timeZone, currency, fiscalYearStart, languages: [...languages], population };
}

function profilePayload(record: JurisdictionRecord): JurisdictionProfilePayload {
  return { jurisdictionId: record.jurisdictionId, ...profileOf(record), status: record.status };
}
