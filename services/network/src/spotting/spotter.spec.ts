import { ConflictError, NotFoundError, ValidationError } from '@entente/errors';
import { seededRandom } from '@entente/random';
import type { ActivityData, SourceRecordState } from '../source-records/source-record';
import { parseGrant } from '../sharing/grant.rules';
import { projectRecord, type SharedCopy } from '../sharing/sharing-scopes';
import { estimateSaving } from './spotting-rules';
import { type CopyChange, Spotter } from './spotter';
import type { MemberProfile, OpenCall, Suggestion } from './suggestion';

const NET = 'net-1';
const NOW = new Date('2027-03-01T12:00:00Z');

const profiles: MemberProfile[] = [
  { jurisdictionId: 'ams', name: 'Amsterdam', country: 'NL', wikidataId: null, applicantTypes: ['city-or-township-governments', 'local-governments'] },
  { jurisdictionId: 'lyo', name: 'Lyon', country: 'FR', wikidataId: null, applicantTypes: ['local-governments'] },
  { jurisdictionId: 'por', name: 'Porto', country: 'PT', wikidataId: null, applicantTypes: ['local-governments'] },
  { jurisdictionId: 'ros', name: 'Rostock', country: 'DE', wikidataId: null, applicantTypes: ['local-governments'] },
];

const priority = (recordId: string, fields: Record<string, unknown>): SharedCopy => ({ kind: 'priority', recordId, fields });
const activity = (recordId: string, fields: Record<string, unknown>): SharedCopy => ({ kind: 'activity', recordId, fields: { status: 'planned', ...fields } });
const partner = (recordId: string, fields: Record<string, unknown>): SharedCopy => ({ kind: 'partner', recordId, fields });
const relationship = (recordId: string, fields: Record<string, unknown>): SharedCopy => ({ kind: 'relationship', recordId, fields });

const put = (jurisdictionId: string, copy: SharedCopy): CopyChange => ({ networkId: NET, jurisdictionId, kind: copy.kind, recordId: copy.recordId, copy });
const gone = (jurisdictionId: string, copy: SharedCopy): CopyChange => ({ networkId: NET, jurisdictionId, kind: copy.kind, recordId: copy.recordId, copy: null });

const call = (overrides: Partial<OpenCall> = {}): OpenCall => ({
  opportunityId: 'opp-1',
  title: 'Urban Innovation Actions',
  funder: 'European Commission',
  status: 'open',
  closesAt: '2027-06-30T17:00:00Z',
  jointBidsAllowed: true,
  eligibleApplicantTypes: ['local-governments'],
  eligibleCountries: ['NL', 'FR', 'PT', 'DE'],
  themes: ['Climate adaptation', 'mobility'],
  ...overrides,
});

let evaluated: string[] = [];

function spotter(): Spotter {
  const s = new Spotter({ clock: () => NOW, onEvaluate: (_network, key) => evaluated.push(key) });
  s.profileChanged(profiles[0] as MemberProfile);
  for (const p of profiles.slice(1)) s.profileChanged(p);
  return s;
}

const byKey = (s: Spotter, key: string): Suggestion | undefined => s.suggestions(NET, { includeDismissed: true }).find((x) => x.key === key);

describe('spotting (1): the same target country in several members’ priorities', () => {
  it('suggests a shared trade office when members share a sector there, naming members, evidence and sectors', () => {
    const s = spotter();
    s.recordChanged(put('ams', priority('p-a', { title: 'Japan tech', countries: ['JP'], sectors: ['ICT', 'logistics'] })));
    expect(s.suggestions(NET)).toEqual([]);
    const update = s.recordChanged(put('lyo', priority('p-l', { title: 'Japan markets', countries: ['jp', 'KR'], sectors: ['ict'] })));
    expect(update.upserted.map((x) => x.key)).toEqual(['shared-market/JP']);
    const found = byKey(s, 'shared-market/JP') as Suggestion;
    expect(found).toMatchObject({ kind: 'shared-trade-office', members: ['ams', 'lyo'], sectors: ['ICT'], score: 50, status: 'open' });
    expect(found.evidence.map((e) => [e.jurisdictionId, e.recordId])).toEqual([
      ['ams', 'p-a'],
      ['lyo', 'p-l'],
    ]);
    expect(found.explanation).toContain('Amsterdam and Lyon each name JP among their priorities');
    expect(found.explanation).toContain('trade office');
    expect(byKey(s, 'shared-market/KR')).toBeUndefined();
  });

  it('suggests shared representation without a common sector, and scores more members higher', () => {
    const s = spotter();
    s.recordChanged(put('ams', priority('p-a', { title: 'India', countries: ['IN'], sectors: ['water'] })));
    s.recordChanged(put('lyo', priority('p-l', { title: 'India', countries: ['IN'], sectors: ['health'] })));
    expect(byKey(s, 'shared-market/IN')).toMatchObject({ kind: 'shared-representation', score: 40 });
    s.recordChanged(put('por', priority('p-p', { countries: ['IN'] })));
    const three = byKey(s, 'shared-market/IN') as Suggestion;
    expect(three.score).toBe(55);
    expect(three.explanation).toContain('Porto (a priority)');
    expect(three.explanation).toContain('shared representation');
  });
});

describe('spotting (2): outbound delegations to the same country in overlapping windows', () => {
  it('suggests a common delegation for the window all share, with the saving from the members’ costs explained', () => {
    const s = spotter();
    s.recordChanged(put('ams', activity('a-a', { type: 'outbound-delegation', title: 'Tokyo mission', country: 'JP', windowStart: '2027-05-03', windowEnd: '2027-05-10', cost: { amount: 40000, currency: 'EUR' } })));
    s.recordChanged(put('lyo', activity('a-l', { type: 'trade-mission', country: 'JP', windowStart: '2027-05-08', windowEnd: '2027-05-14', cost: { amount: 30000, currency: 'EUR' } })));
    // Not overlapping, and of a member already counted: ignored.
    s.recordChanged(put('lyo', activity('a-l2', { type: 'trade-mission', country: 'JP', windowStart: '2027-10-01', windowEnd: '2027-10-05' })));
    const found = byKey(s, 'common-delegation/JP') as Suggestion;
    expect(found).toMatchObject({ kind: 'common-delegation', members: ['ams', 'lyo'], window: { start: '2027-05-08', end: '2027-05-10' }, estimatedSaving: { amount: 9000, currency: 'EUR' }, score: 55 });
    expect(found.evidence.map((e) => e.recordId).sort()).toEqual(['a-a', 'a-l']);
    // 30 % of (40 000 + 30 000 − 40 000).
    expect(found.explanation).toContain('Estimated saving about 9000 EUR');
    expect(found.explanation).toContain('30 %');
  });

  it('estimates the saving from the costs members’ grants share as planning announces them, and leaves out a member that keeps its cost', () => {
    // A delegation as the read model holds it from planning.activity.planned v2 (cost of one occurrence, in the member's currency).
    const delegation = (recordId: string, data: Partial<ActivityData>): SourceRecordState<'activity'> => ({
      kind: 'activity',
      recordId,
      removed: false,
      stateAt: NOW,
      data: { year: 2027, title: 'Delegation', type: 'outbound-delegation', mode: 'in-person', frequency: 'one-off', status: 'planned', country: 'KR', city: 'Busan', windowStart: null, windowEnd: null, cost: null, ...data },
    });
    const withCost = parseGrant({ networkId: NET, scope: 'planned-activities' });
    const withoutCost = parseGrant({ networkId: NET, scope: 'planned-activities', fields: ['year', 'title', 'type', 'status', 'country', 'city', 'windowStart', 'windowEnd'] });
    const shared = (record: SourceRecordState, grant: typeof withCost): SharedCopy => projectRecord(record, grant) as SharedCopy;
    const s = spotter();
    s.recordChanged(put('ams', shared(delegation('a-a', { title: 'Port of Busan', windowStart: '2027-04-12', windowEnd: '2027-04-16', cost: { amount: 38400, currency: 'EUR' } }), withCost)));
    s.recordChanged(put('ros', shared(delegation('a-r', { title: 'Hanseatic ports', windowStart: '2027-04-14', windowEnd: '2027-04-19', cost: { amount: 21750, currency: 'EUR' } }), withCost)));
    s.recordChanged(put('lyo', shared(delegation('a-l', { title: 'Busan biotech', windowStart: '2027-04-15', windowEnd: '2027-04-17', cost: { amount: 52000, currency: 'EUR' } }), withoutCost)));
    const found = byKey(s, 'common-delegation/KR') as Suggestion;
    // 30 % of (38 400 + 21 750 − 38 400) = 6 525; Lyon's 52 000 stays in its plan.
    expect(found).toMatchObject({ members: ['ams', 'lyo', 'ros'], window: { start: '2027-04-15', end: '2027-04-16' }, estimatedSaving: { amount: 6525, currency: 'EUR' }, score: 70 });
    expect(found.explanation).toContain('Estimated saving about 6525 EUR');
    expect(found.explanation).toContain('(2 costs, 60150 EUR) beyond the largest (38400 EUR)');
    expect(found.explanation).toContain('1 member shared no cost, so the saving may be larger');
    expect(found.explanation).not.toContain('52000');
  });

  it('estimates no saving without two costs in one currency, and says so', () => {
    const s = spotter();
    s.recordChanged(put('ams', activity('a-a', { type: 'outbound-delegation', country: 'US', windowStart: '2027-09-01', windowEnd: '2027-09-05', cost: { amount: 5000, currency: 'EUR' } })));
    s.recordChanged(put('ros', activity('a-r', { type: 'outbound-delegation', country: 'US', windowStart: '2027-09-04' })));
    const found = byKey(s, 'common-delegation/US') as Suggestion;
    expect(found.estimatedSaving).toBeNull();
    expect(found.explanation).toContain('No saving is estimated');
    expect(found.score).toBe(45);
  });

  it('ignores delegations that do not overlap, cancelled ones, hosted visits and other countries', () => {
    const s = spotter();
    s.recordChanged(put('ams', activity('a-a', { type: 'outbound-delegation', country: 'JP', windowStart: '2027-05-01', windowEnd: '2027-05-05' })));
    s.recordChanged(put('lyo', activity('a-l', { type: 'outbound-delegation', country: 'JP', windowStart: '2027-05-06', windowEnd: '2027-05-09' })));
    s.recordChanged(put('por', activity('a-p', { type: 'outbound-delegation', country: 'JP', windowStart: '2027-05-02', status: 'cancelled' })));
    s.recordChanged(put('ros', activity('a-r', { type: 'outbound-delegation', country: 'CN', windowStart: '2027-05-02' })));
    expect(byKey(s, 'common-delegation/JP')).toBeUndefined();
    expect(byKey(s, 'common-delegation/CN')).toBeUndefined();
  });

  it('takes a year as an approximate window when no dates are shared, and scores it lower', () => {
    const s = spotter();
    s.recordChanged(put('ams', activity('a-a', { type: 'outbound-delegation', country: 'BR', year: 2027 })));
    s.recordChanged(put('lyo', activity('a-l', { type: 'outbound-delegation', country: 'BR', windowStart: '2027-08-01', windowEnd: '2027-08-04' })));
    const found = byKey(s, 'common-delegation/BR') as Suggestion;
    expect(found.window).toEqual({ start: '2027-08-01', end: '2027-08-04' });
    expect(found.score).toBe(25);
    expect(found.explanation).toContain('known only by its year');
  });
});

describe('estimateSaving', () => {
  it('uses the currency most costs are in and says what it left out', () => {
    const { saving, reason } = estimateSaving(
      [
        { amount: 100, currency: 'EUR' },
        { amount: 300, currency: 'EUR' },
        { amount: 999, currency: 'USD' },
        null,
      ],
      0.5,
    );
    expect(saving).toEqual({ amount: 50, currency: 'EUR' });
    expect(reason).toContain('1 cost in another currency is left out');
    expect(reason).toContain('1 member shared no cost');
  });
});

describe('spotting (3): an open call that allows joint bids', () => {
  it('suggests a joint bid for eligible members whose priorities match, with the deadline, and names who cannot apply', () => {
    const s = spotter();
    s.callChanged(call({ eligibleCountries: ['NL', 'FR', 'PT'] }));
    s.recordChanged(put('ams', priority('p-a', { title: 'Climate', themes: ['climate adaptation'] })));
    s.recordChanged(put('ros', priority('p-r', { title: 'Mobility', sectors: ['Mobility'] })));
    expect(byKey(s, 'joint-bid/opp-1')).toBeUndefined();
    s.recordChanged(put('lyo', priority('p-l', { title: 'Transport', themes: ['Mobility', 'climate-adaptation'] })));
    const found = byKey(s, 'joint-bid/opp-1') as Suggestion;
    expect(found).toMatchObject({ kind: 'joint-bid', members: ['ams', 'lyo'], deadline: '2027-06-30T17:00:00Z', score: 50 });
    expect(found.evidence[0]).toMatchObject({ kind: 'call', recordId: 'opp-1', jurisdictionId: null });
    expect(found.explanation).toContain('closes on 2027-06-30');
    expect(found.explanation).toContain('Rostock (DE is not among the eligible countries)');
  });

  it('suggests nothing for a call without joint bids, a closed call or one past its deadline, and drops the bid when the call closes', () => {
    const s = spotter();
    s.recordChanged(put('ams', priority('p-a', { themes: ['mobility'] })));
    s.recordChanged(put('lyo', priority('p-l', { themes: ['mobility'] })));
    s.callChanged(call({ jointBidsAllowed: false }));
    expect(byKey(s, 'joint-bid/opp-1')).toBeUndefined();
    s.callChanged(call({ closesAt: '2027-02-01T00:00:00Z' }));
    expect(byKey(s, 'joint-bid/opp-1')).toBeUndefined();
    const [opened] = s.callChanged(call());
    expect(opened?.upserted.map((x) => x.key)).toEqual(['joint-bid/opp-1']);
    const [closed] = s.callChanged(call({ status: 'closed' }));
    expect(closed?.removed).toEqual(['joint-bid/opp-1']);
  });

  it('follows a member’s applicant types', () => {
    const s = spotter();
    s.callChanged(call({ eligibleApplicantTypes: ['city-or-township-governments'], eligibleCountries: [] }));
    s.recordChanged(put('ams', priority('p-a', { themes: ['mobility'] })));
    s.recordChanged(put('lyo', priority('p-l', { themes: ['mobility'] })));
    expect(byKey(s, 'joint-bid/opp-1')).toBeUndefined();
    s.profileChanged({ ...(profiles[1] as MemberProfile), applicantTypes: ['city-or-township-governments'] });
    expect(byKey(s, 'joint-bid/opp-1')?.members).toEqual(['ams', 'lyo']);
  });
});

describe('spotting (4): ties to the same foreign city or to several cities of one country', () => {
  it('suggests coordinated engagement with a city several members are tied to (partners and relationships, names compared loosely)', () => {
    const s = spotter();
    s.recordChanged(put('ams', partner('pa-1', { name: 'Kraków', kind: 'city', country: 'PL', wikidataId: 'Q31487' })));
    s.recordChanged(put('lyo', relationship('r-1', { partnerName: 'krakow', partnerCountry: 'PL', type: 'twinning', status: 'active' })));
    const found = byKey(s, 'engagement-city/PL/krakow') as Suggestion;
    expect(found).toMatchObject({ kind: 'coordinated-engagement', members: ['ams', 'lyo'], score: 50 });
    expect(found.explanation).toContain('Amsterdam (a partner) and Lyon (a twinning relationship) all have ties with');
    // One city only: no country-wide suggestion yet.
    expect(byKey(s, 'engagement-country/PL')).toBeUndefined();
  });

  it('suggests engagement with a country when members are tied to several of its cities, foreign ties only', () => {
    const s = spotter();
    s.recordChanged(put('ams', partner('pa-1', { name: 'Gdańsk', kind: 'city', country: 'PL' })));
    s.recordChanged(put('ros', relationship('r-1', { partnerName: 'Szczecin', partnerCountry: 'PL', status: 'dormant' })));
    // Not a city, an ended tie and a home-country tie count for nothing.
    s.recordChanged(put('por', partner('pa-2', { name: 'Warsaw University', kind: 'university', country: 'PL' })));
    s.recordChanged(put('lyo', relationship('r-2', { partnerName: 'Poznań', partnerCountry: 'PL', status: 'ended' })));
    const found = byKey(s, 'engagement-country/PL') as Suggestion;
    expect(found).toMatchObject({ members: ['ams', 'ros'], score: 30 });
    expect(found.explanation).toContain('have ties with 2 cities in PL');
    s.recordChanged(put('ams', partner('pa-3', { name: 'Paris', kind: 'city', country: 'FR' })));
    s.recordChanged(put('lyo', partner('pa-4', { name: 'Paris', kind: 'city', country: 'FR' })));
    expect(byKey(s, 'engagement-city/FR/paris')).toBeUndefined();
  });

  it('finds a city by its Wikidata id when the ties name no country (imported twinning data), once, and not a place that is a member', () => {
    const s = spotter();
    // Twinning imports: partners named by Wikidata id, country unknown.
    s.recordChanged(put('ams', partner('pa-1', { name: 'Kraków', kind: 'city', country: null, wikidataId: 'Q31487' })));
    s.recordChanged(put('lyo', partner('pa-2', { name: 'Cracovie', kind: 'city', country: null, wikidataId: 'Q31487' })));
    const found = byKey(s, 'engagement-city/*/Q31487') as Suggestion;
    expect(found).toMatchObject({ kind: 'coordinated-engagement', members: ['ams', 'lyo'] });
    expect(found.explanation).toContain('all have ties with Cracovie (Wikidata Q31487; no member recorded its country)');
    // A third member records the country: the same place, one more member; the name alone finds only that member.
    s.recordChanged(put('por', partner('pa-3', { name: 'Kraków', kind: 'city', country: 'PL', wikidataId: 'Q31487' })));
    expect(byKey(s, 'engagement-city/*/Q31487')?.members).toEqual(['ams', 'lyo', 'por']);
    expect(byKey(s, 'engagement-city/PL/krakow')).toBeUndefined();
    // Once every tie says PL and Kraków, it is suggested by name only, not twice.
    s.recordChanged(put('ams', partner('pa-1', { name: 'Kraków', kind: 'city', country: 'PL', wikidataId: 'Q31487' })));
    s.recordChanged(put('lyo', partner('pa-2', { name: 'Krakow', kind: 'city', country: 'PL', wikidataId: 'Q31487' })));
    expect(byKey(s, 'engagement-city/PL/krakow')?.members).toEqual(['ams', 'lyo', 'por']);
    expect(byKey(s, 'engagement-city/*/Q31487')).toBeUndefined();
    // A relationship of unknown country is no tie (its partner, shared, is).
    s.recordChanged(put('ros', relationship('r-1', { partnerName: 'Kraków', partnerCountry: null, status: 'active' })));
    expect(byKey(s, 'engagement-city/PL/krakow')?.members).toEqual(['ams', 'lyo', 'por']);
  });

  it('leaves out ties to a place that is itself a member taking part in the network', () => {
    const s = spotter();
    s.recordChanged(put('ams', partner('pa-1', { name: 'Rostock', kind: 'city', country: null, wikidataId: 'Q2861' })));
    s.recordChanged(put('lyo', partner('pa-2', { name: 'Rostock', kind: 'city', country: null, wikidataId: 'Q2861' })));
    expect(byKey(s, 'engagement-city/*/Q2861')?.members).toEqual(['ams', 'lyo']);
    // Rostock's profile names its place, but Rostock shares nothing here yet: still a foreign city to the network.
    s.profileChanged({ ...(profiles[3] as MemberProfile), wikidataId: 'Q2861' });
    expect(byKey(s, 'engagement-city/*/Q2861')?.members).toEqual(['ams', 'lyo']);
    // Rostock shares a priority: it takes part, so the ties to it are ties inside the network.
    s.recordChanged(put('ros', priority('p-r', { title: 'Baltic', countries: ['SE'] })));
    expect(byKey(s, 'engagement-city/*/Q2861')).toBeUndefined();
    s.recordChanged({ networkId: NET, jurisdictionId: 'ros', kind: 'priority', recordId: 'p-r', copy: null });
    expect(byKey(s, 'engagement-city/*/Q2861')?.members).toEqual(['ams', 'lyo']);
  });
});

describe('spotting (5): a foreign delegation hosted by one member', () => {
  it('cites the eight members with the most interest and counts the rest, who stay among its members', () => {
    const s = spotter();
    s.recordChanged(put('ams', activity('v-1', { type: 'hosted-visit', title: 'Governor of Osaka', country: 'JP' })));
    const others = Array.from({ length: 12 }, (_, i) => `m${String(i).padStart(2, '0')}`);
    others.forEach((id, i) => {
      s.recordChanged(put(id, priority(`p-${id}`, { title: `Japan ${id}`, countries: ['JP'] })));
      // the last four members also plan a delegation there: the most interest, so they are cited whatever their names
      if (i >= 8) s.recordChanged(put(id, activity(`d-${id}`, { type: 'outbound-delegation', country: 'JP', windowStart: '2027-09-01' })));
    });
    const offered = byKey(s, 'host-too/ams/v-1') as Suggestion;
    expect(offered.members).toEqual(['ams', ...others]);
    expect(offered.score).toBe(100);
    const cited = [...new Set(offered.evidence.slice(1).map((e) => e.jurisdictionId))];
    expect(cited).toEqual(['m00', 'm01', 'm02', 'm03', 'm08', 'm09', 'm10', 'm11']);
    expect(offered.evidence).toHaveLength(1 + 4 + 4 * 2);
    expect(offered.explanation).toContain('m11 (a delegation planned there and priority “Japan m11”) and 4 more members have shared an interest in JP');
    // a member that is counted but not cited still changes the evidence: it leaves, the suggestion changes
    const before = offered.fingerprint;
    s.recordChanged(gone('m05', priority('p-m05', {})));
    expect((byKey(s, 'host-too/ams/v-1') as Suggestion).fingerprint).not.toBe(before);
    expect((byKey(s, 'host-too/ams/v-1') as Suggestion).explanation).toContain('and 3 more members');
  });

  it('offers the visit to members with a shared interest in its country, and to everyone when nobody has one', () => {
    const s = spotter();
    s.recordChanged(put('ams', activity('v-1', { type: 'hosted-visit', title: 'Governor of Osaka', country: 'JP', windowStart: '2027-04-10', windowEnd: '2027-04-14' })));
    const alone = byKey(s, 'host-too/ams/v-1') as Suggestion;
    expect(alone).toMatchObject({ kind: 'host-too', members: ['ams'], score: 25, window: { start: '2027-04-10', end: '2027-04-14' } });
    expect(alone.explanation).toContain('No other member has shared an interest in JP yet');
    const update = s.recordChanged(put('lyo', priority('p-l', { title: 'Japan', countries: ['JP'] })));
    expect(update.upserted.map((x) => x.key)).toContain('host-too/ams/v-1');
    const offered = byKey(s, 'host-too/ams/v-1') as Suggestion;
    expect(offered).toMatchObject({ members: ['ams', 'lyo'], score: 45 });
    expect(offered.explanation).toContain('Lyon (priority “Japan”) has shared an interest in JP');
    s.recordChanged(put('ams', activity('v-1', { type: 'hosted-visit', country: 'JP', status: 'cancelled' })));
    expect(byKey(s, 'host-too/ams/v-1')).toBeUndefined();
  });
});

describe('the spotter, incrementally', () => {
  function busyNetwork(): Spotter {
    const s = spotter();
    s.recordChanged(put('ams', priority('p-a', { title: 'Japan', countries: ['JP', 'BR'], sectors: ['ICT'] })));
    s.recordChanged(put('lyo', priority('p-l', { title: 'Japan', countries: ['JP', 'BR'], sectors: ['ICT'] })));
    s.recordChanged(put('ams', partner('pa-1', { name: 'Kraków', kind: 'city', country: 'PL' })));
    s.recordChanged(put('lyo', partner('pa-2', { name: 'Kraków', kind: 'city', country: 'PL' })));
    return s;
  }

  it('re-evaluates only the subjects the changed record bore on and bears on, leaving the others as they were', () => {
    const s = busyNetwork();
    const krakow = byKey(s, 'engagement-city/PL/krakow');
    evaluated = [];
    const update = s.recordChanged(put('lyo', priority('p-l', { title: 'Japan', countries: ['JP'], sectors: ['ICT'] })));
    expect(evaluated.sort()).toEqual(['shared-market/BR', 'shared-market/JP']);
    expect(update.removed).toEqual(['shared-market/BR']);
    // JP's evidence changed (the priority's fields): stored again.
    expect(update.upserted.map((x) => x.key)).toEqual(['shared-market/JP']);
    expect(byKey(s, 'engagement-city/PL/krakow')).toBe(krakow);
  });

  it('gives the same suggestions whatever order the records arrive in, and as a full load', () => {
    const records = [
      { jurisdictionId: 'ams', copy: priority('p-a', { countries: ['JP'], sectors: ['ICT'] }) },
      { jurisdictionId: 'lyo', copy: priority('p-l', { countries: ['JP'], sectors: ['ICT'] }) },
      { jurisdictionId: 'ams', copy: activity('v-1', { type: 'hosted-visit', country: 'JP' }) },
      { jurisdictionId: 'ros', copy: partner('x', { name: 'Osaka', kind: 'city', country: 'JP' }) },
    ];
    const forwards = spotter();
    for (const r of records) forwards.recordChanged(put(r.jurisdictionId, r.copy));
    const backwards = spotter();
    for (const r of [...records].reverse()) backwards.recordChanged(put(r.jurisdictionId, r.copy));
    const loaded = spotter();
    loaded.load(NET, records);
    expect(backwards.suggestions(NET)).toEqual(forwards.suggestions(NET));
    expect(loaded.suggestions(NET)).toEqual(forwards.suggestions(NET));
    expect(forwards.suggestions(NET).map((x) => x.key)).toEqual(['host-too/ams/v-1', 'shared-market/JP']);
  });

  it('takes a record delivered twice as one, and reports nothing new', () => {
    const s = busyNetwork();
    const again = s.recordChanged(put('lyo', partner('pa-2', { name: 'Kraków', kind: 'city', country: 'PL' })));
    expect(again).toEqual({ networkId: NET, upserted: [], removed: [] });
  });

  it('removes a member’s contribution when its grant is revoked, and the suggestions that rested on it', () => {
    const s = busyNetwork();
    s.recordChanged(put('por', priority('p-p', { countries: ['JP'] })));
    expect(byKey(s, 'shared-market/JP')?.members).toEqual(['ams', 'lyo', 'por']);
    const update = s.memberKindRemoved(NET, 'lyo', ['priority']);
    expect(update.removed).toEqual(['shared-market/BR']);
    const jp = byKey(s, 'shared-market/JP') as Suggestion;
    expect(jp.members).toEqual(['ams', 'por']);
    expect(jp.evidence.map((e) => e.jurisdictionId)).not.toContain('lyo');
    expect(jp.explanation).not.toContain('Lyon');
    // Its partners were another grant: the Kraków suggestion stands.
    expect(byKey(s, 'engagement-city/PL/krakow')?.members).toEqual(['ams', 'lyo']);
    s.recordChanged(gone('lyo', partner('pa-2', {})));
    expect(byKey(s, 'engagement-city/PL/krakow')).toBeUndefined();
  });

  it('keeps networks apart', () => {
    const s = busyNetwork();
    s.recordChanged({ ...put('ros', priority('p-r', { countries: ['BR'] })), networkId: 'net-2' });
    expect(s.suggestions('net-2')).toEqual([]);
    expect(byKey(s, 'shared-market/BR')?.members).toEqual(['ams', 'lyo']);
  });
});

describe('only what was shared counts', () => {
  it('takes a field the grant left out as unknown: the record contributes nothing that needs it', () => {
    const s = spotter();
    // Priorities shared without countries, delegations without a country or any date, partners without a country.
    s.recordChanged(put('ams', priority('p-a', { title: 'Japan' })));
    s.recordChanged(put('lyo', priority('p-l', { title: 'Japan' })));
    s.recordChanged(put('ams', activity('a-a', { type: 'outbound-delegation', windowStart: '2027-05-01' })));
    s.recordChanged(put('lyo', activity('a-l', { type: 'outbound-delegation', windowStart: '2027-05-01' })));
    s.recordChanged(put('ams', activity('a-b', { type: 'outbound-delegation', country: 'JP' })));
    s.recordChanged(put('lyo', activity('a-c', { type: 'outbound-delegation', country: 'JP' })));
    s.recordChanged(put('ams', partner('pa-1', { name: 'Kraków', kind: 'city' })));
    s.recordChanged(put('lyo', partner('pa-2', { name: 'Kraków', kind: 'city' })));
    expect(s.suggestions(NET)).toEqual([]);
    // Sectors left out: representation, not a trade office.
    s.recordChanged(put('ams', priority('p-a', { countries: ['JP'] })));
    s.recordChanged(put('lyo', priority('p-l', { countries: ['JP'], sectors: ['ICT'] })));
    expect(s.suggestions(NET).map((x) => [x.key, x.kind])).toEqual([['shared-market/JP', 'shared-representation']]);
  });

  it('drops a member’s partners from an offer to host a visit when its partners grant is revoked', () => {
    const s = spotter();
    s.recordChanged(put('ams', activity('v-1', { type: 'hosted-visit', country: 'PL' })));
    s.recordChanged(put('lyo', partner('pa-1', { name: 'Gdańsk', kind: 'city', country: 'PL' })));
    s.recordChanged(put('lyo', priority('p-l', { title: 'Poland', countries: ['PL'] })));
    expect(byKey(s, 'host-too/ams/v-1')?.evidence.map((e) => e.recordId)).toEqual(['v-1', 'p-l', 'pa-1']);
    const update = s.memberKindRemoved(NET, 'lyo', ['partner']);
    expect(update.upserted.map((x) => x.key)).toEqual(['host-too/ams/v-1']);
    expect(byKey(s, 'host-too/ams/v-1')?.evidence.map((e) => e.recordId)).toEqual(['v-1', 'p-l']);
    s.memberKindRemoved(NET, 'lyo', ['priority']);
    expect(byKey(s, 'host-too/ams/v-1')?.members).toEqual(['ams']);
  });
});

describe('dismissing a suggestion', () => {
  function withJapan(): Spotter {
    const s = spotter();
    s.recordChanged(put('ams', priority('p-a', { countries: ['JP'] })));
    s.recordChanged(put('lyo', priority('p-l', { countries: ['JP'] })));
    return s;
  }

  it('hides it with its reason while the evidence stays the same, even when it lapses and returns', () => {
    const s = withJapan();
    const dismissed = s.dismiss(NET, 'shared-market/JP', '  We already share an office in Tokyo ', 'user-1');
    expect(dismissed).toMatchObject({ status: 'dismissed', dismissal: { reason: 'We already share an office in Tokyo', byUserId: 'user-1', at: NOW } });
    expect(s.suggestions(NET)).toEqual([]);
    // Delivered again: still dismissed.
    s.recordChanged(put('lyo', priority('p-l', { countries: ['JP'] })));
    expect(s.suggestions(NET)).toEqual([]);
    // Lapses and comes back with the same evidence: still dismissed.
    s.recordChanged(gone('lyo', priority('p-l', {})));
    s.recordChanged(put('lyo', priority('p-l', { countries: ['JP'] })));
    expect(s.suggestions(NET)).toEqual([]);
    expect(byKey(s, 'shared-market/JP')?.status).toBe('dismissed');
  });

  it('suggests it again when its evidence changes', () => {
    const s = withJapan();
    s.dismiss(NET, 'shared-market/JP', 'not now', 'user-1');
    const update = s.recordChanged(put('por', priority('p-p', { countries: ['JP'] })));
    expect(update.upserted).toEqual([expect.objectContaining({ key: 'shared-market/JP', status: 'open', dismissal: null })]);
    expect(s.suggestions(NET).map((x) => x.members)).toEqual([['ams', 'lyo', 'por']]);
  });

  it('survives a restart through the stored dismissals', () => {
    const s = withJapan();
    const dismissed = s.dismiss(NET, 'shared-market/JP', 'not now', 'user-1');
    const restarted = spotter();
    restarted.load(
      NET,
      [
        { jurisdictionId: 'ams', copy: priority('p-a', { countries: ['JP'] }) },
        { jurisdictionId: 'lyo', copy: priority('p-l', { countries: ['JP'] }) },
      ],
      [{ key: dismissed.key, dismissal: dismissed.dismissal as NonNullable<Suggestion['dismissal']> }],
    );
    expect(restarted.suggestions(NET)).toEqual([]);
    expect(byKey(restarted, 'shared-market/JP')?.status).toBe('dismissed');
  });

  it('refuses an empty or overlong reason naming the field, an unknown suggestion and a second dismissal', () => {
    const s = withJapan();
    expect(() => s.dismiss(NET, 'shared-market/JP', '   ', 'user-1')).toThrow(ValidationError);
    try {
      s.dismiss(NET, 'shared-market/JP', 'x'.repeat(501), 'user-1');
      throw new Error('accepted');
    } catch (error) {
      expect((error as ValidationError).field).toBe('reason');
    }
    expect(() => s.dismiss(NET, 'shared-market/XX', 'no', 'user-1')).toThrow(NotFoundError);
    expect(() => s.dismiss('net-2', 'shared-market/JP', 'no', 'user-1')).toThrow(NotFoundError);
    s.dismiss(NET, 'shared-market/JP', 'no', 'user-1');
    expect(() => s.dismiss(NET, 'shared-market/JP', 'again', 'user-1')).toThrow(ConflictError);
  });
});

describe('spotting incrementally, on a network of many members', () => {
  it('holds after hundreds of random changes exactly what a fresh load of the same records gives (every rule, shared per-change work included)', () => {
    const random = seededRandom(20261202);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const some = <T>(items: readonly T[], p: number): T[] => items.filter(() => random() < p);
    const COUNTRIES = ['JP', 'US', 'BR', 'PL', 'DE', 'FR'];
    const THEMES = ['climate adaptation', 'Mobility', 'urban-innovation', 'culture', 'water'];
    const members: MemberProfile[] = Array.from({ length: 30 }, (_, i) => ({
      jurisdictionId: `m${i}`,
      name: `Member ${i % 7}`,
      country: pick(COUNTRIES),
      wikidataId: null,
      applicantTypes: random() < 0.8 ? ['local-governments'] : [],
    }));
    const calls: OpenCall[] = Array.from({ length: 12 }, (_, i) =>
      call({ opportunityId: `c${i}`, title: `Call ${i}`, jointBidsAllowed: random() < 0.7, eligibleCountries: some(COUNTRIES, 0.6), themes: [pick(THEMES), ...some(THEMES, 0.2)] }),
    );
    const fresh = (recordId: string, kind: SharedCopy['kind']): SharedCopy =>
      kind === 'priority'
        ? priority(recordId, { title: `P ${recordId}`, countries: some(COUNTRIES, 0.3), sectors: some(THEMES, 0.2), themes: some(THEMES, 0.3) })
        : kind === 'activity'
          ? activity(recordId, { title: `A ${recordId}`, year: 2027, type: pick(['outbound-delegation', 'hosted-visit']), country: pick(COUNTRIES), windowStart: `2027-0${4 + Math.floor(random() * 3)}-10`, windowEnd: '2027-07-20' })
          : relationship(recordId, { partnerName: pick(['Osaka', 'Kraków', 'Recife']), partnerCountry: pick(COUNTRIES), type: 'twinning', status: 'active' });
    const records = members.flatMap((m) =>
      (['priority', 'priority', 'priority', 'activity', 'activity', 'relationship'] as const).map((kind, k) => ({ jurisdictionId: m.jurisdictionId, copy: fresh(`${kind}-${m.jurisdictionId}-${k}`, kind) })),
    );
    const build = (): Spotter => {
      const s = new Spotter({ clock: () => NOW });
      for (const m of members) s.profileChanged(m);
      for (const c of calls) s.callChanged(c);
      return s;
    };
    const live = build();
    live.load(NET, records);
    for (let i = 0; i < 300; i += 1) {
      const record = pick(records);
      const copy = random() < 0.15 ? null : fresh(record.copy.recordId, record.copy.kind);
      live.recordChanged({ networkId: NET, jurisdictionId: record.jurisdictionId, kind: record.copy.kind, recordId: record.copy.recordId, copy });
      if (copy) record.copy = copy;
      else live.recordChanged(put(record.jurisdictionId, record.copy));
    }
    const loaded = build();
    loaded.load(NET, records);
    const kinds = new Set(live.suggestions(NET).map((s) => s.kind));
    // The data exercises every rule (a shared market here is always a trade office: so many priorities share a sector).
    expect([...kinds].sort()).toEqual(['common-delegation', 'coordinated-engagement', 'host-too', 'joint-bid', 'shared-trade-office']);
    expect(live.suggestions(NET, { includeDismissed: true })).toEqual(loaded.suggestions(NET, { includeDismissed: true }));
  });
});
