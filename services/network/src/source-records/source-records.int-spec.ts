import { randomBytes, randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import type { PartnerPublicState, PriorityStateV1Payload, RelationshipEstablishedV2Payload } from '@entente/contracts';
import { openMongoConnection, scopeOfEvent, type TenantScope } from '@entente/persistence';
import { MembershipListeners } from '../networks/membership-listeners';
import type { NetworkService } from '../networks/network.service';
import { SharedDataListeners } from '../sharing/shared-data-listeners';
import { fieldsOfScope, type SharingScope } from '../sharing/sharing-scopes';
import { SharingService } from '../sharing/sharing.service';
import { GrantRepository, SharedRecordRepository } from '../sharing/sharing.repositories';
import { SourceRecordListeners } from './source-record-listeners';
import { SourceRecordRepository } from './source-record.repository';
import { SourceRecordsProjection } from './source-records.projection';

/**
 * Issue 11's acceptance line "events delivered twice or out of order leave
 * the same state", against the real MongoDB-wire server: one history of
 * registry and planning events applied once in order, every event twice,
 * and in reverse order, each to a jurisdiction of its own with the same
 * grants; the read model and the network's shared copies end the same.
 */
describe('network read model and shared copies: redelivered and out-of-order events', () => {
  let connection: Connection;
  let sources: SourceRecordRepository;
  let grants: GrantRepository;
  let copies: SharedRecordRepository;
  let projection: SourceRecordsProjection;
  const networkId = `net-${randomBytes(4).toString('hex')}`;

  const at = (day: number): Date => new Date(Date.UTC(2026, 0, day, 12));
  const partner = (partnerId: string, name: string, country: string | null): PartnerPublicState => ({ partnerId, name, kind: 'city', country, wikidataId: null });
  const tie = (relationshipId: string, partnerId: string, partnerName: string, partnerCountry: string): RelationshipEstablishedV2Payload => ({
    relationshipId,
    partnerId,
    partnerName,
    partnerCountry,
    type: 'sister-city',
    status: 'active',
    since: '1990-05-01',
    until: null,
    formalBasis: null,
    politicalCycle: null,
    politicalChampion: null,
    technicalOwner: null,
    leadDepartment: 'Mayor’s office',
    priorityIds: [],
  });
  const priority = (priorityId: string, title: string, countries: string[]): PriorityStateV1Payload => ({
    priorityId,
    title,
    focus: 'economic-complementarity',
    goalKinds: ['economic-development-and-trade'],
    countries,
    sectors: ['logistics'],
    themes: [],
    sdgs: [9],
  });

  /** One history, each step an event as the controller hands it to the projection (with the event's occurredAt). */
  const history: Array<(scope: TenantScope) => Promise<void>> = [
    (s) => projection.partner(s, partner('p-aarhus', 'Aarhus', 'DK'), at(1)),
    (s) => projection.partner(s, partner('p-aarhus', 'Aarhus Kommune', 'DK'), at(2)),
    (s) => projection.partner(s, partner('p-gdansk', 'Gdansk', 'PL'), at(3)),
    (s) => projection.partner(s, partner('p-riga', 'Riga', 'LV'), at(4)),
    // Riga registered twice; the second record merged into the first.
    (s) => projection.partner(s, partner('p-riga2', 'Rīga', 'LV'), at(5)),
    (s) => projection.partnerMerged(s, partner('p-riga', 'Rīga', 'LV'), 'p-riga2', at(6)),
    (s) => projection.relationship(s, tie('r-aarhus', 'p-aarhus', 'Aarhus Kommune', 'DK'), at(7)),
    (s) => projection.relationshipStatus(s, 'r-aarhus', 'dormant', null, at(8)),
    (s) => projection.relationshipStatus(s, 'r-aarhus', 'ended', '2026-01-09', at(9)),
    (s) => projection.relationship(s, tie('r-gdansk', 'p-gdansk', 'Gdansk', 'PL'), at(10)),
    (s) => projection.priority(s, priority('pr-japan', 'Japanese ports', ['JP']), false, at(11)),
    (s) => projection.priority(s, priority('pr-japan', 'Japanese and Korean ports', ['JP', 'KR']), false, at(12)),
    (s) => projection.priority(s, priority('pr-old', 'Old market', ['US']), false, at(13)),
    (s) => projection.priority(s, priority('pr-old', 'Old market', ['US']), true, at(14)),
    (s) => projection.priority(s, priority('pr-back', 'Back again', ['FR']), true, at(15)),
    (s) => projection.priority(s, priority('pr-back', 'Back again', ['FR']), false, at(16)),
  ];

  /** A fresh jurisdiction sharing partners, relationships and priorities (every field) with the network. */
  async function member(label: string): Promise<TenantScope> {
    const scope = scopeOfEvent({ jurisdictionId: `${label}-${randomBytes(4).toString('hex')}`, eventId: randomUUID() });
    for (const scopeName of ['partners', 'relationships', 'priorities'] as SharingScope[]) {
      await grants.create({
        jurisdictionId: scope.jurisdictionId,
        grantId: randomUUID(),
        networkId,
        scope: scopeName,
        fields: [...fieldsOfScope(scopeName)],
        assetCategories: null,
        grantedBy: 'test',
        grantedAt: at(0),
        revokedAt: null,
        revokedBy: null,
      });
    }
    return scope;
  }

  /** What a jurisdiction ends with: its read model and its copies, without ids, grants and projection times. */
  async function stateOf(scope: TenantScope) {
    const model = [];
    for (const kind of ['partner', 'relationship', 'priority'] as const) {
      for (const record of await sources.allOf(scope, kind)) model.push(record);
    }
    // The merged partner: gone for good, whichever of its events came first (a merge seen first leaves a tombstone without data).
    const gone = await sources.get(scope, 'partner', 'p-riga2');
    const shared = [];
    for (const kind of ['partner', 'relationship', 'priority'] as const) {
      for (const copy of await copies.ofKind(scope, networkId, kind)) shared.push({ kind: copy.kind, recordId: copy.recordId, scope: copy.scope, fields: copy.fields, sourceStateAt: copy.sourceStateAt });
    }
    const byId = (a: { kind: string; recordId: string }, b: { kind: string; recordId: string }) => `${a.kind}/${a.recordId}`.localeCompare(`${b.kind}/${b.recordId}`);
    return { model: model.sort(byId), merged: gone && { removed: gone.removed, stateAt: gone.stateAt }, shared: shared.sort(byId) };
  }

  beforeAll(async () => {
    const url = process.env.MONGO_URL;
    if (!url) throw new Error('MONGO_URL is not set: run through the integration project, whose global setup starts the server');
    connection = await openMongoConnection({ url, database: `network_source_records_${randomBytes(4).toString('hex')}` });
    sources = new SourceRecordRepository(connection);
    grants = new GrantRepository(connection);
    copies = new SharedRecordRepository(connection);
    await Promise.all([sources.ready(), grants.ready(), copies.ready()]);
    const listeners = new SourceRecordListeners();
    projection = new SourceRecordsProjection(sources, listeners);
    // Only the reprojection is exercised: it needs no network service.
    const sharing = new SharingService(grants, copies, sources, null as unknown as NetworkService, listeners, new MembershipListeners(), new SharedDataListeners());
    sharing.onModuleInit();
  });

  afterAll(async () => {
    await connection?.dropDatabase();
    await connection?.close();
  });

  it('ends in the same read model and the same shared copies when every event arrives twice, or all of them in reverse order', async () => {
    const inOrder = await member('in-order');
    for (const step of history) await step(inOrder);
    const expected = await stateOf(inOrder);
    // What the history means: the merged partner gone, the ended tie with its date, the retired priority not shared, the revived one shared.
    expect(expected.shared.map((c) => `${c.kind}/${c.recordId}`)).toEqual([
      'partner/p-aarhus',
      'partner/p-gdansk',
      'partner/p-riga',
      'priority/pr-back',
      'priority/pr-japan',
      'relationship/r-aarhus',
      'relationship/r-gdansk',
    ]);
    expect(expected.shared.find((c) => c.recordId === 'r-aarhus')?.fields).toMatchObject({ status: 'ended', until: '2026-01-09', partnerName: 'Aarhus Kommune' });
    expect(expected.shared.find((c) => c.recordId === 'pr-japan')?.fields).toMatchObject({ title: 'Japanese and Korean ports', countries: ['JP', 'KR'] });
    expect(expected.merged).toEqual({ removed: true, stateAt: at(6) });

    const twice = await member('twice');
    for (const step of history) {
      await step(twice);
      await step(twice);
    }
    expect(await stateOf(twice)).toEqual(expected);

    const reversed = await member('reversed');
    for (const step of [...history].reverse()) await step(reversed);
    expect(await stateOf(reversed)).toEqual(expected);

    // Reversed, then the whole history again in order (a consumer that rewound): still the same.
    for (const step of history) await step(reversed);
    expect(await stateOf(reversed)).toEqual(expected);
  });
});
