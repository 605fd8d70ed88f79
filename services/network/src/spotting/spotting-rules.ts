import type { SourceRecordKind } from '../source-records/source-record';
import type { SharedCopy } from '../sharing/sharing-scopes';
import {
  activityCost,
  activityCountry,
  activityWindow,
  type ActivityWindow,
  ANY_COUNTRY,
  cityKeysOf,
  type CityTie,
  cityTieOf,
  isHostedVisit,
  isOutboundDelegation,
  normalised,
  priorityCountries,
  prioritySectors,
  priorityTerms,
  text,
} from './spotting-facts';
import { canonicalJson, type Evidence, fingerprintOfLines, type MemberProfile, type Money, type OpenCall, type Suggestion, type SuggestionSubject } from './suggestion';

/** One member's shared copy. */
export interface MemberRecord {
  jurisdictionId: string;
  copy: SharedCopy;
}

/** What a rule may read of one network: its shared copies through indexes, the members' profiles and the open calls. Nothing else. */
export interface SpottingView {
  now: Date;
  recordsInCountry(country: string): readonly MemberRecord[];
  recordsOfCity(country: string, city: string): readonly MemberRecord[];
  record(jurisdictionId: string, kind: SourceRecordKind, recordId: string): MemberRecord | undefined;
  prioritiesWithTerm(term: string): readonly MemberRecord[];
  profile(jurisdictionId: string): MemberProfile | undefined;
  /** The member of this network (one with shared copies here) whose own place is this Wikidata item, if any. */
  memberAt(wikidataId: string): string | undefined;
  call(opportunityId: string): OpenCall | undefined;
  callsWithTerm(term: string): readonly string[];
  /** What `compute` gives, once per view: work several subjects of one change share (a view lives for one change). */
  memo<T>(key: string, compute: () => T): T;
}

/** A rule's answer: the suggestion without what the spotter adds (network, key, subject, status, dismissal). */
export type SuggestionDraft = Omit<Suggestion, 'networkId' | 'key' | 'subject' | 'status' | 'dismissal'>;

export interface SpottingSettings {
  /**
   * The part of a delegation's cost a common delegation pays once instead of
   * once per member: programme and appointments, local organisation,
   * interpretation, venues and receptions. Travel and accommodation stay per
   * member.
   */
  sharedCostShare: number;
  /** A call closing sooner than this leaves little time to form a consortium. */
  shortDeadlineDays: number;
}

export const DEFAULT_SPOTTING_SETTINGS: SpottingSettings = { sharedCostShare: 0.3, shortDeadlineDays: 21 };

/**
 * At most this many members are cited, with their evidence, in one
 * suggestion; the rest are counted ("and 140 more members") and stay among
 * its members. In a large network a busy market has a hundred interested
 * members: a suggestion citing all of them is unreadable, and bench G showed
 * it cost most of a network's memory and of each event's time.
 */
export const MAX_CITED_MEMBERS = 8;

/** The strongest `MAX_CITED_MEMBERS` of a list (most evidence first, the list's order among equals), back in the list's order. */
function strongest<T>(items: readonly T[], weight: (item: T) => number): T[] {
  if (items.length <= MAX_CITED_MEMBERS) return [...items];
  const chosen = new Set(
    items
      .map((item, index) => ({ item, index, weight: weight(item) }))
      .sort((a, b) => b.weight - a.weight || a.index - b.index)
      .slice(0, MAX_CITED_MEMBERS)
      .map((x) => x.item),
  );
  return items.filter((item) => chosen.has(item));
}

const andMore = (shown: readonly string[], total: number): string[] => (total > shown.length ? [...shown, `${total - shown.length} more member${total - shown.length === 1 ? '' : 's'}`] : [...shown]);

const clampScore = (n: number): number => Math.max(1, Math.min(100, Math.round(n)));

function nameOf(view: SpottingView, jurisdictionId: string): string {
  return view.profile(jurisdictionId)?.name ?? jurisdictionId;
}

/**
 * Records grouped by member, each member's by record id, members by name
 * (then id) so explanations read the same every time. Each group is sorted
 * on its own (a stable sort of a member's records gives the order a sort of
 * all of them would): a joint bid groups thousands of priorities (bench G).
 */
function byMember<T extends MemberRecord>(view: SpottingView, records: readonly T[]): Array<[string, T[]]> {
  const groups = new Map<string, T[]>();
  for (const record of records) {
    const group = groups.get(record.jurisdictionId);
    if (group) group.push(record);
    else groups.set(record.jurisdictionId, [record]);
  }
  for (const group of groups.values()) group.sort((a, b) => a.copy.recordId.localeCompare(b.copy.recordId));
  return [...groups.entries()].sort(([a], [b]) => nameOf(view, a).localeCompare(nameOf(view, b)) || a.localeCompare(b));
}

/** Records in the order explanations and evidence list them: by member, then by record id. */
function ordered<T extends MemberRecord>(view: SpottingView, records: readonly T[]): T[] {
  return byMember(view, records).flatMap(([, group]) => group);
}

/** "A", "A and B", "A, B and C". */
export function listed(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const quote = (copy: SharedCopy, field: string, fallback: string): string => {
  const value = text(copy.fields[field]);
  return value ? `“${value}”` : fallback;
};

function recordEvidence(record: MemberRecord, summary: string): Evidence {
  return { jurisdictionId: record.jurisdictionId, kind: record.copy.kind, recordId: record.copy.recordId, summary };
}

/**
 * Each record's part of a fingerprint, kept while the record is: one record
 * is evidence for many suggestions (every visit hosted in its country, every
 * call on its terms), and serialising it again for each was most of a
 * network's rebuild (bench G).
 */
const fingerprintLines = new WeakMap<MemberRecord, string>();

function fingerprintLine(r: MemberRecord): string {
  let line = fingerprintLines.get(r);
  if (line === undefined) {
    line = canonicalJson({ j: r.jurisdictionId, k: r.copy.kind, id: r.copy.recordId, f: r.copy.fields });
    fingerprintLines.set(r, line);
  }
  return line;
}

function recordFingerprint(records: readonly MemberRecord[], extra: readonly unknown[] = []): string {
  return fingerprintOfLines([...records.map(fingerprintLine), ...extra.map(canonicalJson)]);
}

const base = { deadline: null, window: null, estimatedSaving: null, sectors: [] as string[] };

/** (1) The same target country in several members' priorities: a shared trade office when they share sectors there, shared representation otherwise. */
function sharedMarket(view: SpottingView, country: string): SuggestionDraft | null {
  const priorities = view.recordsInCountry(country).filter((r) => r.copy.kind === 'priority' && priorityCountries(r.copy).includes(country));
  const members = byMember(view, priorities);
  if (members.length < 2) return null;
  const sectorHolders = new Map<string, { label: string; members: Set<string> }>();
  for (const [jurisdictionId, records] of members) {
    for (const sector of records.flatMap((r) => prioritySectors(r.copy))) {
      const key = normalised(sector);
      const entry = sectorHolders.get(key) ?? { label: sector, members: new Set<string>() };
      entry.members.add(jurisdictionId);
      sectorHolders.set(key, entry);
    }
  }
  const common = [...sectorHolders.values()].filter((s) => s.members.size >= 2).sort((a, b) => b.members.size - a.members.size || a.label.localeCompare(b.label));
  const names = members.map(([id]) => nameOf(view, id));
  const extraMembers = members.length - 2;
  const sectorBonus = Math.min(common.length, 2) * 10;
  const score = clampScore(40 + 15 * extraMembers + sectorBonus);
  const perMember = members.map(([id, records]) => `${nameOf(view, id)} (${listed(records.map((r) => quote(r.copy, 'title', 'a priority')))})`);
  const tradeOffice = common.length > 0;
  const explanation = tradeOffice
    ? `${listed(names)} each name ${country} among their priorities: ${listed(perMember)}. They share the sector${common.length > 1 ? 's' : ''} ${listed(common.map((s) => s.label))} there, so one trade office in ${country} could promote all of them for a share of what separate offices cost.`
    : `${listed(names)} each name ${country} among their priorities: ${listed(perMember)}. They name no common sector there, so shared representation in ${country} (one representative speaking for all of them) fits better than a trade office.`;
  return {
    ...base,
    kind: tradeOffice ? 'shared-trade-office' : 'shared-representation',
    score,
    scoreBasis: `40 for two members, +15 for each further member (${extraMembers}), +10 for each common sector up to two (${Math.min(common.length, 2)})`,
    members: members.map(([id]) => id),
    evidence: ordered(view, priorities).map((r) => recordEvidence(r, `${nameOf(view, r.jurisdictionId)}'s priority ${quote(r.copy, 'title', r.copy.recordId)} names ${country}`)),
    explanation,
    sectors: common.map((s) => s.label),
    fingerprint: recordFingerprint(priorities),
  };
}

interface DatedDelegation {
  record: MemberRecord;
  window: ActivityWindow;
}

/** The largest group of delegations from different members that are all away at one moment (earliest such moment on a tie), one delegation per member. */
export function largestOverlap(delegations: readonly DatedDelegation[]): DatedDelegation[] {
  let best: DatedDelegation[] = [];
  const starts = [...new Set(delegations.map((d) => d.window.start))].sort();
  for (const moment of starts) {
    const perMember = new Map<string, DatedDelegation>();
    const away = delegations
      .filter((d) => d.window.start <= moment && moment <= d.window.end)
      .sort((a, b) => a.window.start.localeCompare(b.window.start) || a.record.copy.recordId.localeCompare(b.record.copy.recordId));
    for (const d of away) if (!perMember.has(d.record.jurisdictionId)) perMember.set(d.record.jurisdictionId, d);
    if (perMember.size > best.length) best = [...perMember.values()];
  }
  return best;
}

/** What a common delegation saves, and the sentence that explains the estimate. */
export function estimateSaving(costs: ReadonlyArray<Money | null>, share: number): { saving: Money | null; reason: string } {
  const known = costs.filter((c): c is Money => c !== null);
  const byCurrency = new Map<string, number[]>();
  for (const cost of known) byCurrency.set(cost.currency, [...(byCurrency.get(cost.currency) ?? []), cost.amount]);
  const [currency, amounts] = [...byCurrency.entries()].sort(([a, x], [b, y]) => y.length - x.length || a.localeCompare(b))[0] ?? [null, []];
  if (currency === null || amounts.length < 2) {
    return { saving: null, reason: `No saving is estimated: fewer than two of these members shared the cost of their delegation in one currency.` };
  }
  const total = amounts.reduce((sum, a) => sum + a, 0);
  const largest = Math.max(...amounts);
  const amount = Math.round(share * (total - largest));
  const percent = Math.round(share * 100);
  const left = known.length - amounts.length;
  const unknown = costs.length - known.length;
  const caveats = [
    left > 0 ? `${left} cost${left > 1 ? 's' : ''} in another currency ${left > 1 ? 'are' : 'is'} left out (no conversion)` : null,
    unknown > 0 ? `${unknown} member${unknown > 1 ? 's' : ''} shared no cost, so the saving may be larger` : null,
  ].filter((c): c is string => c !== null);
  return {
    saving: { amount, currency },
    reason:
      `Estimated saving about ${amount} ${currency}: a common delegation pays once for the programme, local organisation, interpretation and venues, taken as ${percent} % of a delegation's cost, ` +
      `while travel and accommodation stay per member; so ${percent} % of the members' costs (${amounts.length} costs, ${total} ${currency}) beyond the largest (${largest} ${currency}) is saved.` +
      (caveats.length > 0 ? ` ${caveats.join('; ')}.` : ''),
  };
}

/** (2) Outbound delegations to the same country whose windows overlap: one common delegation, with the estimated saving. */
function commonDelegation(view: SpottingView, country: string, settings: SpottingSettings): SuggestionDraft | null {
  const delegations = view
    .recordsInCountry(country)
    .filter((r) => isOutboundDelegation(r.copy) && activityCountry(r.copy) === country)
    .flatMap((record) => {
      const window = activityWindow(record.copy);
      return window ? [{ record, window }] : [];
    });
  const chosen = largestOverlap(delegations);
  if (chosen.length < 2) return null;
  const members = byMember(
    view,
    chosen.map((d) => d.record),
  );
  const window = { start: chosen.map((d) => d.window.start).sort().at(-1) as string, end: chosen.map((d) => d.window.end).sort()[0] as string };
  const approximate = chosen.some((d) => d.window.approximate);
  const { saving, reason } = estimateSaving(
    chosen.map((d) => activityCost(d.record.copy)),
    settings.sharedCostShare,
  );
  const extraMembers = members.length - 2;
  const score = clampScore(45 + 15 * extraMembers - (approximate ? 20 : 0) + (saving ? 10 : 0));
  const describe = (d: DatedDelegation): string =>
    `${nameOf(view, d.record.jurisdictionId)} (${quote(d.record.copy, 'title', 'a delegation')}${text(d.record.copy.fields['city']) ? ` to ${text(d.record.copy.fields['city'])}` : ''}, ${d.window.approximate ? `some time in ${d.window.start.slice(0, 4)}` : `${d.window.start} to ${d.window.end}`})`;
  return {
    ...base,
    kind: 'common-delegation',
    score,
    scoreBasis: `45 for two members, +15 for each further member (${extraMembers}), −20 when a window is only a year (${approximate ? 'yes' : 'no'}), +10 when a saving could be estimated (${saving ? 'yes' : 'no'})`,
    members: members.map(([id]) => id),
    evidence: ordered(view, chosen.map((d) => d.record)).map((r) => recordEvidence(r, `${nameOf(view, r.jurisdictionId)}'s delegation ${quote(r.copy, 'title', r.copy.recordId)} to ${country}`)),
    explanation:
      `${listed(members.map(([id]) => describe(chosen.find((d) => d.record.jurisdictionId === id) as DatedDelegation)))} plan delegations to ${country} at overlapping times (all away between ${window.start} and ${window.end}${approximate ? ', though a window is known only by its year' : ''}). ` +
      `Travelling as one common delegation shares the programme and the hosts' time. ${reason}`,
    window,
    estimatedSaving: saving,
    fingerprint: recordFingerprint(chosen.map((d) => d.record)),
  };
}

/** Why a member may not apply to a call, or null when it may. */
function ineligibility(call: OpenCall, profile: MemberProfile | undefined): string | null {
  if (call.eligibleCountries.length > 0 && !(profile?.country && call.eligibleCountries.includes(profile.country.toUpperCase()))) {
    return profile?.country ? `${profile.country} is not among the eligible countries` : 'its country is not known';
  }
  if (call.eligibleApplicantTypes.length > 0 && !profile?.applicantTypes.some((t) => (call.eligibleApplicantTypes as readonly string[]).includes(t))) {
    return 'its applicant type is not among the eligible ones';
  }
  return null;
}

/** One member's shared priorities that match a call's themes, and the (normalised) themes they match, in the order the priorities are listed. */
interface MatchingMember {
  jurisdictionId: string;
  records: MemberRecord[];
  terms: string[];
}

/**
 * The members whose shared priorities match any of these normalised terms,
 * grouped and ordered as byMember does, once per view and set of terms: a
 * priority's change re-evaluates every call on its terms, and those calls
 * share a few sets of themes, so the grouping (most of an event's time in
 * bench G) is done once per set, not once per call.
 */
function prioritiesMatching(view: SpottingView, terms: readonly string[]): MatchingMember[] {
  return view.memo(`joint-bid-matching/${[...new Set(terms)].sort().join('\u0000')}`, () => {
    const wanted = new Set(terms);
    // The view hands out the network's one object per record, so a priority matching several terms is one entry.
    const matching = new Set<MemberRecord>();
    for (const term of wanted) for (const r of view.prioritiesWithTerm(term)) matching.add(r);
    return byMember(view, [...matching.values()]).map(([jurisdictionId, records]) => ({
      jurisdictionId,
      records,
      terms: [...new Set(records.flatMap((r) => priorityTerms(r.copy)).filter((t) => wanted.has(t)))],
    }));
  });
}

/** An eligible member's line of a joint bid's fingerprint (its country and applicant types decide its eligibility), kept per profile. */
const eligibilityLines = new WeakMap<MemberProfile, string>();

function eligibilityLine(view: SpottingView, jurisdictionId: string): string {
  const profile = view.profile(jurisdictionId);
  const make = (): string => canonicalJson({ profile: jurisdictionId, country: profile?.country ?? null, types: [...(profile?.applicantTypes ?? [])].sort() });
  if (!profile) return make();
  let line = eligibilityLines.get(profile);
  if (line === undefined) {
    line = make();
    eligibilityLines.set(profile, line);
  }
  return line;
}

/** (3) An open call that allows joint bids and matches the priorities of several eligible members: a joint bid, with the deadline. */
function jointBid(view: SpottingView, opportunityId: string, settings: SpottingSettings): SuggestionDraft | null {
  const call = view.call(opportunityId);
  if (!call || call.status !== 'open' || call.jointBidsAllowed !== true) return null;
  if (call.closesAt !== null && new Date(call.closesAt).getTime() <= view.now.getTime()) return null;
  const themes = new Map(call.themes.map((t) => [normalised(t), t]));
  const groups = prioritiesMatching(view, [...themes.keys()]);
  const judged = groups.map((group) => ({ group, why: ineligibility(call, view.profile(group.jurisdictionId)) }));
  const eligible = judged.filter((j) => j.why === null).map(({ group }): [string, MemberRecord[]] => [group.jurisdictionId, group.records]);
  const excluded = judged.filter((j) => j.why !== null);
  if (eligible.length < 2) return null;
  const display = (terms: readonly string[]): string[] => terms.map((t) => themes.get(t) as string);
  const matchedThemes = (records: readonly MemberRecord[]): string[] => display([...new Set(records.flatMap((r) => priorityTerms(r.copy)).filter((t) => themes.has(t)))]);
  const termsOf = new Map(groups.map((group) => [group.jurisdictionId, group.terms]));
  const allThemes = display([...new Set(eligible.flatMap(([id]) => termsOf.get(id) as string[]))]);
  const daysLeft = call.closesAt === null ? null : Math.floor((new Date(call.closesAt).getTime() - view.now.getTime()) / 86_400_000);
  const short = daysLeft !== null && daysLeft < settings.shortDeadlineDays;
  const extraMembers = eligible.length - 2;
  const cited = strongest(eligible, ([, r]) => r.length);
  const records = cited.flatMap(([, r]) => r);
  return {
    ...base,
    kind: 'joint-bid',
    score: clampScore(40 + 15 * extraMembers + (allThemes.length > 1 ? 10 : 0) - (short ? 15 : 0)),
    scoreBasis: `40 for two eligible members, +15 for each further one (${extraMembers}), +10 when more than one theme matches (${allThemes.length}), −15 when fewer than ${settings.shortDeadlineDays} days are left (${daysLeft ?? 'no deadline'})`,
    members: eligible.map(([id]) => id),
    evidence: [
      { jurisdictionId: null, kind: 'call', recordId: call.opportunityId, summary: `“${call.title}” (${call.funder}) allows joint bids` },
      ...records.map((r) => recordEvidence(r, `${nameOf(view, r.jurisdictionId)}'s priority ${quote(r.copy, 'title', r.copy.recordId)} matches ${listed(matchedThemes([r]))}`)),
    ],
    explanation:
      `“${call.title}” (${call.funder}) allows joint bids and ${call.closesAt ? `closes on ${call.closesAt.slice(0, 10)}${daysLeft !== null ? ` (${daysLeft} days left)` : ''}` : 'has no published deadline'}. ` +
      `It matches the priorities of ${listed(andMore(cited.map(([id]) => `${nameOf(view, id)} (${listed(display(termsOf.get(id) as string[]))})`), eligible.length))}, who are all eligible to apply, so one consortium bid could replace competing ones.` +
      (excluded.length > 0 ? ` ${listed(andMore(excluded.slice(0, MAX_CITED_MEMBERS).map(({ group, why }) => `${nameOf(view, group.jurisdictionId)} (${why})`), excluded.length))} match${excluded.length === 1 ? 'es' : ''} too but cannot apply.` : ''),
    deadline: call.closesAt,
    sectors: allThemes,
    fingerprint: fingerprintOfLines([...records.map(fingerprintLine), canonicalJson({ call }), ...eligible.map(([id]) => eligibilityLine(view, id))]),
  };
}

type Tie = MemberRecord & { name: string; city: string; country: string | null; wikidataId: string | null; active: boolean };

/**
 * Ties that count towards engaging a foreign place: not to a city in the
 * member's own country (when the tie's country is known: a tie imported
 * from twinning data may not say), and not to a place that is itself a
 * member of the network.
 */
function foreignTies(view: SpottingView, records: readonly MemberRecord[], keep: (tie: CityTie) => boolean): Tie[] {
  return records.flatMap((record) => {
    const found = cityTieOf(record.copy);
    if (!found || !keep(found)) return [];
    if (found.country && view.profile(record.jurisdictionId)?.country?.toUpperCase() === found.country) return [];
    if (found.wikidataId && view.memberAt(found.wikidataId) !== undefined) return [];
    return [{ ...record, name: found.name, city: found.city, country: found.country, wikidataId: found.wikidataId, active: found.active }];
  });
}

const tieWord = (record: MemberRecord): string => (record.copy.kind === 'partner' ? 'a partner' : `a ${text(record.copy.fields['type']) ?? ''} relationship`.replace('  ', ' '));

/**
 * (4a) Ties from several members to the same foreign city: coordinated
 * engagement with it. A city is the same by country and name, or by
 * Wikidata id (subject country `*`): ties imported from twinning data
 * name their counterpart by Wikidata id and no country. A place found both
 * ways is suggested once, by name, when every tie to it has the same
 * country and name.
 */
function engagementCity(view: SpottingView, country: string, city: string): SuggestionDraft | null {
  const byPlace = country === ANY_COUNTRY;
  const ties = foreignTies(view, view.recordsOfCity(country, city), (found) => (byPlace ? found.wikidataId === city : found.country === country && found.city === city));
  const members = byMember(view, ties);
  if (members.length < 2) return null;
  if (!byPlace && coveredByPlace(view, ties, members.length)) return null;
  const countries = [...new Set(ties.map((t) => t.country))];
  const placeCountry = countries.length === 1 ? countries[0] ?? null : (countries.filter((c) => c !== null).sort()[0] ?? null);
  if (byPlace && countries.length === 1 && placeCountry !== null && new Set(ties.map((t) => t.city)).size === 1) return null;
  const cityName = ties.map((t) => t.name).sort()[0] as string;
  const where = (t: Tie): string => (t.country ?? (byPlace ? `${t.wikidataId}, country not recorded` : ''));
  const allActive = ties.every((t) => t.active);
  const extraMembers = members.length - 2;
  return {
    ...base,
    kind: 'coordinated-engagement',
    score: clampScore(40 + 15 * extraMembers + (allActive ? 10 : 0)),
    scoreBasis: `40 for two members, +15 for each further member (${extraMembers}), +10 when every tie is active (${allActive ? 'yes' : 'no'})`,
    members: members.map(([id]) => id),
    evidence: ordered(view, ties).map((t) => recordEvidence(t, `${nameOf(view, t.jurisdictionId)} has ${tieWord(t)} with ${t.name} (${where(t)})`)),
    explanation:
      `${listed(members.map(([id, records]) => `${nameOf(view, id)} (${listed([...new Set(records.map(tieWord))])})`))} all have ties with ${cityName} (${placeCountry ?? `Wikidata ${city}; no member recorded its country`}). ` +
      `Engaging ${cityName} together (joint visits, one programme of exchanges, one point of contact) spares it separate approaches and gives the members more weight.`,
    fingerprint: recordFingerprint(ties),
  };
}

/** Whether ties found by name all name one Wikidata item that more members are tied to: the suggestion by that item says more. */
function coveredByPlace(view: SpottingView, ties: readonly Tie[], members: number): boolean {
  const places = new Set(ties.map((t) => t.wikidataId));
  const place = places.size === 1 ? [...places][0] : null;
  if (!place) return false;
  return byMember(view, foreignTies(view, view.recordsOfCity(ANY_COUNTRY, place), (found) => found.wikidataId === place)).length > members;
}

/** (4b) Ties from several members to several cities of one foreign country: coordinated engagement with the country. */
function engagementCountry(view: SpottingView, country: string): SuggestionDraft | null {
  const ties = foreignTies(view, view.recordsInCountry(country), (found) => found.country === country);
  const members = byMember(view, ties);
  const cities = new Map(ties.map((t) => [t.city, t.name]));
  if (members.length < 2 || cities.size < 2) return null;
  const extraMembers = members.length - 2;
  const extraCities = Math.min(cities.size - 2, 4);
  return {
    ...base,
    kind: 'coordinated-engagement',
    score: clampScore(30 + 10 * extraMembers + 5 * extraCities),
    scoreBasis: `30 for two members with ties to two cities, +10 for each further member (${extraMembers}), +5 for each further city up to four (${extraCities})`,
    members: members.map(([id]) => id),
    evidence: ordered(view, ties).map((t) => recordEvidence(t, `${nameOf(view, t.jurisdictionId)} has ${tieWord(t)} with ${t.name} (${country})`)),
    explanation:
      `${listed(members.map(([id, records]) => `${nameOf(view, id)} (${listed([...new Set(records.map((r) => cityTieOf(r.copy)?.name ?? ''))].sort())})`))} have ties with ${cities.size} cities in ${country}. ` +
      `Coordinating how the members engage ${country} (a joint calendar of visits, shared contacts, one message) makes each tie count for more.`,
    fingerprint: recordFingerprint(ties),
  };
}

/** A member's interest in a country, as every visit hosted from there cites it. */
interface Interest {
  jurisdictionId: string;
  name: string;
  /** Its place among the interested members by name. */
  order: number;
  reasons: string[];
  evidence: Evidence[];
  /** The digest of this member's evidence records (one line of a visit's fingerprint). */
  digest: string;
}

/**
 * Every member's shared interest in a country — priorities, ties, planned
 * delegations — grouped by member, once per view: each visit hosted from the
 * country cites all of it but its own host's, and a change in a busy market
 * re-evaluates every visit from there (bench G).
 */
function interestIn(view: SpottingView, country: string): CountryInterest {
  return view.memo(`host-too-interest/${country}`, () => {
    const records = view
      .recordsInCountry(country)
      .filter((r) => r.copy.kind === 'priority' || r.copy.kind === 'partner' || r.copy.kind === 'relationship' || isOutboundDelegation(r.copy));
    const why = (r: MemberRecord): string =>
      r.copy.kind === 'priority' ? `priority ${quote(r.copy, 'title', '')}`.trim() : r.copy.kind === 'activity' ? 'a delegation planned there' : tieWord(r).replace(/^an? /, '');
    const members = byMember(view, records).map(([jurisdictionId, group], order): Interest => {
      const name = nameOf(view, jurisdictionId);
      return {
        jurisdictionId,
        name,
        order,
        reasons: [...new Set(group.map(why))],
        evidence: group.map((r) => recordEvidence(r, `${name}: ${why(r)} in ${country}`)),
        digest: fingerprintOfLines(group.map(fingerprintLine)),
      };
    });
    const ranked = [...members].sort((a, b) => b.evidence.length - a.evidence.length || a.order - b.order);
    const memberIds = members.map((m) => m.jurisdictionId);
    return { members, ranked, memberIds, ids: memberIds.join('\u0000') };
  });
}

/** Members with an interest in a country, by name, and by strength (most evidence first) for choosing whom to cite. */
interface CountryInterest {
  members: Interest[];
  ranked: Interest[];
  /** Every interested member's id, by name. */
  memberIds: string[];
  /** The same joined, one line of the fingerprint (the host's own is left out by the visit's line naming the host). */
  ids: string;
}

/** (5) A foreign delegation one member hosts: an offer for the others, first those with an interest in its country, to host it too. */
function hostToo(view: SpottingView, jurisdictionId: string, activityId: string): SuggestionDraft | null {
  const visit = view.record(jurisdictionId, 'activity', activityId);
  if (!visit || !isHostedVisit(visit.copy)) return null;
  const country = activityCountry(visit.copy);
  const interest = country ? interestIn(view, country) : null;
  // Every visit from a busy market is evaluated again when its interest changes: these lists are the host's only work per visit.
  const interested = !interest ? [] : interest.memberIds.includes(jurisdictionId) ? interest.memberIds.filter((id) => id !== jurisdictionId) : interest.memberIds;
  const cited: Interest[] = [];
  for (const i of interest?.ranked ?? []) {
    if (cited.length === MAX_CITED_MEMBERS) break;
    if (i.jurisdictionId !== jurisdictionId) cited.push(i);
  }
  cited.sort((a, b) => a.order - b.order);
  const host = nameOf(view, jurisdictionId);
  const window = activityWindow(visit.copy);
  const when = window ? (window.approximate ? ` in ${window.start.slice(0, 4)}` : ` from ${window.start} to ${window.end}`) : '';
  const origin = country ? ` from ${country}` : '';
  return {
    ...base,
    kind: 'host-too',
    score: clampScore(25 + 20 * interested.length),
    scoreBasis: `25 for the visit, +20 for each other member with a shared interest in its country (${interested.length})`,
    members: [jurisdictionId, ...interested],
    evidence: [recordEvidence(visit, `${host} hosts ${quote(visit.copy, 'title', 'a delegation')}${origin}`), ...cited.flatMap((i) => i.evidence)],
    explanation:
      `${host} hosts a delegation${origin} (${quote(visit.copy, 'title', 'untitled')}${when}). ` +
      (interested.length > 0
        ? `${listed(andMore(cited.map((i) => `${i.name} (${listed(i.reasons)})`), interested.length))} ${interested.length === 1 ? 'has' : 'have'} shared an interest in ${country}: ${host} could offer the delegation a stop with ${interested.length === 1 ? 'it' : 'them'} too, one trip for the visitors and more for every host.`
        : `No other member has shared an interest in ${country ?? 'its country'} yet; ${host} could offer the visit to every member.`),
    window: window && !window.approximate ? { start: window.start, end: window.end } : null,
    fingerprint: fingerprintOfLines([fingerprintLine(visit), ...cited.map((i) => i.digest), interest?.ids ?? '']),
  };
}

/** Evaluates one subject against the view: the suggestion it deserves now, or null. */
export function evaluate(view: SpottingView, subject: SuggestionSubject, settings: SpottingSettings = DEFAULT_SPOTTING_SETTINGS): SuggestionDraft | null {
  switch (subject.rule) {
    case 'shared-market':
      return sharedMarket(view, subject.country);
    case 'common-delegation':
      return commonDelegation(view, subject.country, settings);
    case 'joint-bid':
      return jointBid(view, subject.opportunityId, settings);
    case 'engagement-city':
      return engagementCity(view, subject.country, subject.city);
    case 'engagement-country':
      return engagementCountry(view, subject.country);
    case 'host-too':
      return hostToo(view, subject.jurisdictionId, subject.activityId);
  }
}

/**
 * The subjects a record bears on, whatever its state: the spotter asks this
 * of a copy before and after a change and re-evaluates exactly those.
 */
export function subjectsOf(view: SpottingView, record: MemberRecord): SuggestionSubject[] {
  const { copy, jurisdictionId } = record;
  const subjects: SuggestionSubject[] = [];
  const visitsIn = (country: string): SuggestionSubject[] =>
    view.memo(`visits-in/${country}`, () =>
      view
        .recordsInCountry(country)
        .filter((r) => r.copy.kind === 'activity' && text(r.copy.fields['type']) === 'hosted-visit')
        .map((r): SuggestionSubject => ({ rule: 'host-too', jurisdictionId: r.jurisdictionId, activityId: r.copy.recordId })),
    );
  switch (copy.kind) {
    case 'priority': {
      for (const country of priorityCountries(copy)) subjects.push({ rule: 'shared-market', country }, ...visitsIn(country));
      const calls = new Set(priorityTerms(copy).flatMap((term) => view.callsWithTerm(term)));
      for (const opportunityId of calls) subjects.push({ rule: 'joint-bid', opportunityId });
      break;
    }
    case 'activity': {
      const type = text(copy.fields['type']);
      const country = activityCountry(copy);
      if (type === 'hosted-visit') subjects.push({ rule: 'host-too', jurisdictionId, activityId: copy.recordId });
      if (country && type !== 'hosted-visit') subjects.push({ rule: 'common-delegation', country }, ...visitsIn(country));
      break;
    }
    case 'partner':
    case 'relationship': {
      const country = text(copy.kind === 'partner' ? copy.fields['country'] : copy.fields['partnerCountry'])?.toUpperCase();
      const found = cityTieOf(copy);
      if (found) subjects.push(...cityKeysOf(found).map((key): SuggestionSubject => ({ rule: 'engagement-city', ...key })));
      // The suggestions by name of the same place weigh themselves against the one by its Wikidata id.
      if (found?.wikidataId) {
        for (const other of view.recordsOfCity(ANY_COUNTRY, found.wikidataId)) {
          const tie = cityTieOf(other.copy);
          if (tie?.country) subjects.push({ rule: 'engagement-city', country: tie.country, city: tie.city });
        }
      }
      if (country) subjects.push({ rule: 'engagement-country', country }, ...visitsIn(country));
      break;
    }
    case 'asset':
      break;
  }
  return subjects;
}
