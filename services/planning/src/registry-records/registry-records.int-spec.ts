import { randomBytes, randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import { openMongoConnection, scopeOfEvent, type TenantScope } from '@entente/persistence';
import { RegistryRecordRepository } from './registry-record.repository';
import { RegistryRecords } from './registry-records';
import { RegistryRecordsProjection } from './registry-records.projection';

/**
 * The read model against the real MongoDB-wire server: every event applied
 * twice, or late, leaves exactly what applying it once in order left.
 */
describe('planning’s registry records (read model of registry events)', () => {
  let connection: Connection;
  let repository: RegistryRecordRepository;
  let projection: RegistryRecordsProjection;
  let records: RegistryRecords;

  const scopeOf = (prefix: string): TenantScope => scopeOfEvent({ jurisdictionId: `${prefix}-${randomBytes(4).toString('hex')}`, eventId: randomUUID() });
  const at = (iso: string): Date => new Date(`${iso}T12:00:00Z`);
  const tie = (relationshipId: string, partnerId: string, partnerName: string, since: string | null) => ({
    relationshipId,
    partnerId,
    partnerName,
    type: 'sister-city' as const,
    status: 'active' as const,
    since,
    until: null,
    formalBasis: null,
    politicalCycle: null,
    politicalChampion: null,
    technicalOwner: null,
    leadDepartment: null,
    priorityIds: [],
  });
  const asset = (assetId: string, name: string) => ({
    assetId,
    category: 'economic-foundations' as const,
    type: 'key-industry' as const,
    countries: [],
    sectors: [],
    confidentiality: 'public' as const,
    name,
    description: null,
    magnitude: null,
    sourceOrganisation: null,
    asOf: null,
  });
  /** The whole stored row, without the store's id: what "changes nothing" compares. */
  const row = async (scope: TenantScope, kind: 'partner' | 'relationship' | 'asset', id: string) => {
    const found = await repository.find(scope, kind, id);
    if (!found) return null;
    const { _id: _ignored, ...rest } = found;
    return rest;
  };

  beforeAll(async () => {
    const url = process.env.MONGO_URL;
    if (!url) throw new Error('MONGO_URL is not set: run through the integration project, whose global setup starts the server');
    connection = await openMongoConnection({ url, database: `planning_registry_records_${randomBytes(4).toString('hex')}` });
    repository = new RegistryRecordRepository(connection);
    await repository.ready();
    projection = new RegistryRecordsProjection(repository);
    records = new RegistryRecords(repository);
  });

  afterAll(async () => {
    await connection?.dropDatabase();
    await connection?.close();
  });

  it('changes nothing when a partner, relationship or status event is delivered twice', async () => {
    const scope = scopeOf('twice');
    await projection.partnerState(scope, { partnerId: 'p-1', name: 'Aarhus' }, at('2020-01-01'));
    await projection.relationshipEstablished(scope, tie('r-1', 'p-1', 'Aarhus', '2002-06-15'), at('2020-01-02'));
    await projection.relationshipStatusChanged(scope, 'r-1', 'dormant', null, at('2020-01-03'));
    const once = { partner: await row(scope, 'partner', 'p-1'), relationship: await row(scope, 'relationship', 'r-1') };

    await projection.partnerState(scope, { partnerId: 'p-1', name: 'Aarhus' }, at('2020-01-01'));
    await projection.relationshipEstablished(scope, tie('r-1', 'p-1', 'Aarhus', '2002-06-15'), at('2020-01-02'));
    await projection.relationshipStatusChanged(scope, 'r-1', 'dormant', null, at('2020-01-03'));

    expect({ partner: await row(scope, 'partner', 'p-1'), relationship: await row(scope, 'relationship', 'r-1') }).toEqual(once);
    expect(once.relationship).toMatchObject({ status: 'dormant', name: 'Aarhus', since: '2002-06-15', removed: false });
  });

  it('does not let an older event undo a newer one: a late established or rename keeps the later state', async () => {
    const scope = scopeOf('late');
    await projection.relationshipEstablished(scope, tie('r-1', 'p-1', 'Aarhus', '2002-06-15'), at('2020-01-02'));
    await projection.relationshipStatusChanged(scope, 'r-1', 'ended', '2021-01-01', at('2021-01-01'));
    await projection.relationshipEstablished(scope, tie('r-1', 'p-1', 'Aarhus', '2002-06-15'), at('2020-01-02'));
    expect(await row(scope, 'relationship', 'r-1')).toMatchObject({ status: 'ended', until: '2021-01-01' });

    await projection.partnerState(scope, { partnerId: 'p-1', name: 'Aarhus Kommune' }, at('2022-01-01'));
    await projection.partnerState(scope, { partnerId: 'p-1', name: 'Aarhus' }, at('2020-01-01'));
    expect(await row(scope, 'partner', 'p-1')).toMatchObject({ name: 'Aarhus Kommune' });
    expect(await row(scope, 'relationship', 'r-1')).toMatchObject({ name: 'Aarhus Kommune' });
  });

  it('never brings a merged partner back, and reads a late tie of the merged partner as the survivor’s', async () => {
    const scope = scopeOf('merge');
    await projection.partnerState(scope, { partnerId: 'p-keep', name: 'Rostock' }, at('2020-01-01'));
    await projection.partnerState(scope, { partnerId: 'p-gone', name: 'Hansestadt Rostock' }, at('2020-01-01'));
    await projection.relationshipEstablished(scope, tie('r-early', 'p-gone', 'Hansestadt Rostock', '2001-01-01'), at('2020-01-02'));
    await projection.partnerMerged(scope, { partnerId: 'p-keep', name: 'Rostock' }, 'p-gone', at('2023-01-01'));
    // The merged partner's registration, delivered again after the merge, and a tie of it established late.
    await projection.partnerState(scope, { partnerId: 'p-gone', name: 'Hansestadt Rostock' }, at('2020-01-01'));
    await projection.relationshipEstablished(scope, tie('r-late', 'p-gone', 'Hansestadt Rostock', '2005-01-01'), at('2022-06-01'));
    await projection.partnerMerged(scope, { partnerId: 'p-keep', name: 'Rostock' }, 'p-gone', at('2023-01-01'));

    expect(await row(scope, 'partner', 'p-gone')).toMatchObject({ removed: true, mergedInto: 'p-keep' });
    expect(await row(scope, 'relationship', 'r-early')).toMatchObject({ partnerId: 'p-keep', name: 'Rostock' });
    expect(await row(scope, 'relationship', 'r-late')).toMatchObject({ partnerId: 'p-keep', name: 'Rostock' });
    expect(await records.missingOf(scope, [{ kind: 'partner', recordId: 'p-gone' }, { kind: 'partner', recordId: 'p-keep' }])).toEqual([{ kind: 'partner', recordId: 'p-gone' }]);
  });

  it('never brings a removed asset back, and forgets the name of an asset made internal', async () => {
    const scope = scopeOf('asset');
    await projection.assetState(scope, asset('a-1', 'Port of Rostock'), at('2020-01-01'));
    await projection.assetState(scope, { assetId: 'a-2', category: 'economic-foundations', type: 'key-industry', countries: [], sectors: [], confidentiality: 'internal' }, at('2020-01-01'));
    await projection.assetRemoved(scope, 'a-1', at('2021-01-01'));
    await projection.assetState(scope, asset('a-1', 'Port of Rostock'), at('2020-01-01'));
    await projection.assetRemoved(scope, 'a-1', at('2021-01-01'));

    expect(await row(scope, 'asset', 'a-1')).toMatchObject({ removed: true });
    expect(await row(scope, 'asset', 'a-2')).toMatchObject({ removed: false, name: null });
    expect(await records.missingOf(scope, [{ kind: 'asset', recordId: 'a-1' }, { kind: 'asset', recordId: 'a-2' }])).toEqual([{ kind: 'asset', recordId: 'a-1' }]);
  });

  it('answers for one jurisdiction only: another’s partner, or a record of another kind, is missing', async () => {
    const mine = scopeOf('mine');
    const theirs = scopeOf('theirs');
    await projection.partnerState(mine, { partnerId: 'p-mine', name: 'Aarhus' }, at('2020-01-01'));
    await projection.partnerState(theirs, { partnerId: 'p-theirs', name: 'Bremen' }, at('2020-01-01'));
    const links = [
      { kind: 'partner' as const, recordId: 'p-mine' },
      { kind: 'partner' as const, recordId: 'p-theirs' },
      { kind: 'relationship' as const, recordId: 'p-mine' },
      { kind: 'asset' as const, recordId: 'nowhere' },
    ];
    expect(await records.missingOf(mine, links)).toEqual(links.slice(1));
    expect(await records.missingOf(mine, [])).toEqual([]);
  });

  it('finds the round anniversaries of ongoing ties only, once however often the tie was delivered', async () => {
    const scope = scopeOf('anniversary');
    await projection.relationshipEstablished(scope, tie('r-25', 'p-1', 'Aarhus', '2002-06-15'), at('2020-01-01'));
    await projection.relationshipEstablished(scope, tie('r-25', 'p-1', 'Aarhus', '2002-06-15'), at('2020-01-01'));
    await projection.relationshipEstablished(scope, tie('r-ended', 'p-2', 'Bremen', '2007-03-01'), at('2020-01-01'));
    await projection.relationshipStatusChanged(scope, 'r-ended', 'ended', '2024-01-01', at('2024-01-01'));
    await projection.relationshipEstablished(scope, { ...tie('r-prospect', 'p-3', 'Turku', '2017-05-01'), status: 'prospective' }, at('2020-01-01'));
    await projection.relationshipEstablished(scope, tie('r-undated', 'p-4', 'Oulu', null), at('2020-01-01'));

    expect(await records.anniversariesBetween(scope, '2027-01-01', '2027-12-31')).toEqual([{ relationshipId: 'r-25', partnerName: 'Aarhus', years: 25, date: '2027-06-15' }]);
  });
});
