import type { SourceRecord } from '../connectors/connector';
import type { OpportunityContent } from '../opportunities/opportunity';
import { contentHashOf } from '../opportunities/opportunity-changes';
import type { StoredOpportunity } from '../opportunities/opportunity.repository';
import { transitionOf } from './deadline-sweep';
import { decide } from './scouting-ingest';

const NOW = new Date('2026-12-01T12:00:00Z');
const RUN = { runId: 'run-2', sourceId: 'grants-gov', sourceKind: 'grants-gov-extract' as const, now: NOW };
const DAY = 86_400_000;

const content = (changes: Partial<OpportunityContent> = {}): OpportunityContent => ({
  title: 'Baltic sister cities',
  reference: 'N-1',
  funder: 'Bureau of Educational and Cultural Affairs',
  funderType: 'national',
  description: 'Ties',
  url: null,
  status: 'forecasted',
  postedAt: new Date('2026-11-01T04:00:00Z'),
  closesAt: new Date(NOW.getTime() + 60 * DAY),
  timeZone: 'America/New_York',
  award: { floor: null, ceiling: 250000, total: null, currency: 'USD' },
  costSharing: null,
  eligibleApplicantTypes: ['city-or-township-governments'],
  eligibleCountries: ['US'],
  eligibilityText: null,
  themes: ['regional-development'],
  jointBidsAllowed: null,
  ...changes,
});

const stored = (changes: Partial<OpportunityContent> = {}, extra: Partial<StoredOpportunity> = {}): StoredOpportunity => {
  const body = content(changes);
  return {
    ...body,
    opportunityId: 'grants-gov:1',
    sourceId: 'grants-gov',
    sourceKind: 'grants-gov-extract',
    sourceRecordId: '1',
    version: 1,
    firstSeenAt: NOW,
    updatedAt: NOW,
    revision: '0:20261101:000001',
    contentHash: contentHashOf(body),
    closingSoonFor: null,
    lastRunId: 'run-1',
    ...extra,
  };
};

const record = (changes: Partial<OpportunityContent> = {}, revision = '0:20261101:000001'): SourceRecord => ({ sourceRecordId: '1', revision, content: content(changes) });

describe('what scouting does with a record', () => {
  it('inserts a new one and publishes it when it is live, quietly when it is past', () => {
    const live = decide(RUN, record(), undefined);
    expect(live).toMatchObject({ kind: 'insert', record: { version: 1, versions: [{ version: 1, changes: [] }] } });
    expect(live.kind === 'insert' && live.events.map((e) => e.definition.type)).toEqual(['funding.opportunity.published']);
    const past = decide(RUN, record({ status: 'archived' }), undefined);
    expect(past.kind === 'insert' && past.events).toEqual([]);
  });

  it('leaves an equal record alone, and never applies an older revision', () => {
    expect(decide(RUN, record(), stored()).kind).toBe('unchanged');
    expect(decide(RUN, record({ title: 'Older title' }, '0:20261001:000001'), stored()).kind).toBe('older');
  });

  it('makes one version and one changed event naming every changed field, plus opened for a forecast that opened', () => {
    const decision = decide(RUN, record({ status: 'open', closesAt: new Date(NOW.getTime() + 90 * DAY) }, '1:20261120:000001'), stored());
    expect(decision.kind).toBe('update');
    if (decision.kind !== 'update') return;
    expect(decision.write.version?.changes.map((c) => c.field)).toEqual(['status', 'closesAt']);
    expect(decision.events.map((e) => e.definition.type)).toEqual(['funding.opportunity.changed', 'funding.opportunity.opened']);
    expect((decision.events[0]?.payload as { changedFields: string[] }).changedFields).toEqual(['status', 'closesAt']);
    expect(decision.write).toMatchObject({ expectVersion: 1, set: { version: 2 } });
  });

  it('emits closed with the change when a live call is closed by its source', () => {
    const decision = decide(RUN, record({ status: 'closed' }), stored({ status: 'open' }));
    expect(decision.kind === 'update' && decision.events.map((e) => e.definition.type)).toEqual(['funding.opportunity.changed', 'funding.opportunity.closed']);
  });
});

describe('the deadline sweep', () => {
  it('closes an open call whose deadline passed, with a version naming the status', () => {
    const transition = transitionOf(stored({ status: 'open', closesAt: new Date(NOW.getTime() - DAY) }), NOW, 'sweep');
    expect(transition).toMatchObject({ kind: 'closed', write: { set: { status: 'closed', version: 2 }, version: { changes: [{ field: 'status', from: 'open', to: 'closed' }] } } });
    expect(transition?.event.definition.type).toBe('funding.opportunity.closed');
  });

  it('warns once per deadline within 14 days', () => {
    const closesAt = new Date(NOW.getTime() + 3 * DAY);
    const soon = transitionOf(stored({ status: 'open', closesAt }), NOW, 'sweep');
    expect(soon).toMatchObject({ kind: 'closingSoon', event: { payload: { daysLeft: 3 } }, write: { set: { closingSoonFor: closesAt }, version: null } });
    expect(transitionOf(stored({ status: 'open', closesAt }, { closingSoonFor: closesAt }), NOW, 'sweep')).toBeNull();
    expect(transitionOf(stored({ status: 'open', closesAt: new Date(NOW.getTime() + 20 * DAY) }), NOW, 'sweep')).toBeNull();
    expect(transitionOf(stored({ status: 'forecasted', closesAt }), NOW, 'sweep')).toBeNull();
  });
});
