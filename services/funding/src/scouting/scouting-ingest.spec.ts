import type { ReadItem, SourceRecord } from '../connectors/connector';
import type { OpportunityContent } from '../opportunities/opportunity';
import type { Fingerprint, OpportunityRepository, OpportunityWrite } from '../opportunities/opportunity.repository';
import { ScoutingIngest } from './scouting-ingest';

const NOW = new Date('2026-12-01T12:00:00Z');

const content = (title: string): OpportunityContent => ({
  title,
  reference: null,
  funder: 'Bureau of Educational and Cultural Affairs',
  funderType: 'national',
  description: 'Ties',
  url: null,
  status: 'open',
  postedAt: new Date('2026-11-01T04:00:00Z'),
  closesAt: new Date('2027-02-01T04:00:00Z'),
  timeZone: 'America/New_York',
  award: { floor: null, ceiling: 250000, total: null, currency: 'USD' },
  costSharing: null,
  eligibleApplicantTypes: [],
  eligibleCountries: ['US'],
  eligibilityText: null,
  themes: [],
  jointBidsAllowed: null,
});

const item = (id: string, revision: string): ReadItem => ({ record: { sourceRecordId: id, revision, content: content(`Call ${id} as of ${revision}`) } satisfies SourceRecord });

/** The store as the ingest sees it, in memory: every batch it applied. */
function memoryStore(): { repository: OpportunityRepository; batches: OpportunityWrite[][] } {
  const batches: OpportunityWrite[][] = [];
  const repository = {
    fingerprintsOf: async () => new Map<string, Fingerprint>(),
    storedOf: async () => new Map(),
    outboxEntries: () => [],
    apply: async (writes: readonly OpportunityWrite[]) => {
      batches.push([...writes]);
      return { applied: writes.length, notApplied: 0 };
    },
  };
  return { repository: repository as unknown as OpportunityRepository, batches };
}

async function* listed(items: ReadItem[]): AsyncGenerator<ReadItem> {
  yield* items;
}

describe('the ingest’s batches', () => {
  it('hold the last record read for the next batch, so a newer version right after a full batch supersedes it instead of changing it', async () => {
    const { repository, batches } = memoryStore();
    const outcome = await new ScoutingIngest(repository).ingest({
      runId: 'run-1',
      sourceId: 'grants-gov',
      sourceKind: 'grants-gov-extract',
      now: NOW,
      batchSize: 2,
      items: listed([item('a', '1'), item('b', '1'), item('b', '2'), item('c', '1'), item('d', '1')]),
    });
    expect(outcome.counts).toMatchObject({ read: 5, new: 4, changed: 0, superseded: 1, errors: 0 });
    expect(batches.map((writes) => writes.map((write) => (write.kind === 'insert' ? write.record.title : write.opportunityId)))).toEqual([
      ['Call a as of 1', 'Call b as of 2'],
      ['Call c as of 1', 'Call d as of 1'],
    ]);
  });

  it('write no more than the batch size at once', async () => {
    const { repository, batches } = memoryStore();
    const items = Array.from({ length: 25 }, (_, index) => item(String(index), '1'));
    const outcome = await new ScoutingIngest(repository).ingest({ runId: 'run-1', sourceId: 'grants-gov', sourceKind: 'grants-gov-extract', now: NOW, batchSize: 10, items: listed(items) });
    expect(outcome.counts.new).toBe(25);
    expect(batches.map((writes) => writes.length)).toEqual([10, 10, 5]);
  });
});
