import type { SourceRecordKind } from '../source-records/source-record';
import type { SharedCopy } from '../sharing/sharing-scopes';
import {
  activityCost,
  activityCountry,
  activityWindow,
  type ActivityWindow,
  cityTieOf,
  isHostedVisit,
  isOutboundDelegation,
  normalised,
  priorityCountries,
  prioritySectors,
  priorityTerms,
  text,
} from './spotting-facts';
import { type Evidence, fingerprintOf, type MemberProfile, type Money, type OpenCall, type Suggestion, type SuggestionSubject } from './suggestion';

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
  call(opportunityId: string): OpenCall | undefined;
  callsWithTerm(term: string): readonly string[];
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

const clampScore = (n: number): number => Math.max(1, Math.min(100, Math.round(n)));

function nameOf(view: SpottingView, jurisdictionId: string): string {
  return view.profile(jurisdictionId)?.name ?? jurisdictionId;
}

/** Records grouped by member, members by name (then id) so explanations read the same every time. */
function byMember<T extends MemberRecord>(view: SpottingView, records: readonly T[]): Array<[string, T[]]> {
  const groups = new Map<string, T[]>();
  for (const record of [...records].sort((a, b) => a.copy.recordId.localeCompare(b.copy.recordId))) {
    groups.set(record.jurisdictionId, [...(groups.get(record.jurisdictionId) ?? []), record]);
  }
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

function recordFingerprint(records: readonly MemberRecord[], extra: readonly unknown[] = []): string {
  return fingerprintOf([...records.map((r) => ({ j: r.jurisdictionId, k: r.copy.kind, id: r.copy.recordId, f: r.copy.fields })), ...extra]);
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

/** (3) An open call that allows joint bids and matches the priorities of several eligible members: a joint bid, with the deadline. */
function jointBid(view: SpottingView, opportunityId: string, settings: SpottingSettings): SuggestionDraft | null {
  const call = view.call(opportunityId);
  if (!call || call.status !== 'open' || call.jointBidsAllowed !== true) return null;
  if (call.closesAt !== null && new Date(call.closesAt).getTime() <= view.now.getTime()) return null;
  const themes = new Map(call.themes.map((t) => [normalised(t), t]));
  const matching = [...new Map([...themes.keys()].flatMap((term) => view.prioritiesWithTerm(term)).map((r) => [`${r.jurisdictionId}\u0000${r.copy.recordId}`, r])).values()];
  const groups = byMember(view, matching);
  const eligible = groups.filter(([id]) => ineligibility(call, view.profile(id)) === null);
  const excluded = groups.filter(([id]) => ineligibility(call, view.profile(id)) !== null);
  if (eligible.length < 2) return null;
  const matchedThemes = (records: readonly MemberRecord[]): string[] => [...new Set(records.flatMap((r) => priorityTerms(r.copy)).filter((t) => themes.has(t)).map((t) => themes.get(t) as string))];
  const allThemes = [...new Set(eligible.flatMap(([, records]) => matchedThemes(records)))];
  const daysLeft = call.closesAt === null ? null : Math.floor((new Date(call.closesAt).getTime() - view.now.getTime()) / 86_400_000);
  const short = daysLeft !== null && daysLeft < settings.shortDeadlineDays;
  const extraMembers = eligible.length - 2;
  const records = eligible.flatMap(([, r]) => r);
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
      `It matches the priorities of ${listed(eligible.map(([id, r]) => `${nameOf(view, id)} (${listed(matchedThemes(r))})`))}, who are all eligible to apply, so one consortium bid could replace competing ones.` +
      (excluded.length > 0 ? ` ${listed(excluded.map(([id]) => `${nameOf(view, id)} (${ineligibility(call, view.profile(id))})`))} match${excluded.length === 1 ? 'es' : ''} too but cannot apply.` : ''),
    deadline: call.closesAt,
    sectors: allThemes,
    fingerprint: recordFingerprint(records, [{ call }, ...eligible.map(([id]) => ({ profile: id, country: view.profile(id)?.country ?? null, types: [...(view.profile(id)?.applicantTypes ?? [])].sort() }))]),
  };
}

/** Ties from several members to one foreign place: only ties to cities outside the member's own country count. */
function foreignTies(view: SpottingView, records: readonly MemberRecord[], country: string): Array<MemberRecord & { name: string; city: string; active: boolean }> {
  return records.flatMap((record) => {
    const found = cityTieOf(record.copy);
    if (!found || found.country !== country) return [];
    if (view.profile(record.jurisdictionId)?.country?.toUpperCase() === country) return [];
    return [{ ...record, name: found.name, city: found.city, active: found.active }];
  });
}

const tieWord = (record: MemberRecord): string => (record.copy.kind === 'partner' ? 'a partner' : `a ${text(record.copy.fields['type']) ?? ''} relationship`.replace('  ', ' '));

/** (4a) Ties from several members to the same foreign city: coordinated engagement with it. */
function engagementCity(view: SpottingView, country: string, city: string): SuggestionDraft | null {
  const ties = foreignTies(view, view.recordsOfCity(country, city), country).filter((t) => t.city === city);
  const members = byMember(view, ties);
  if (members.length < 2) return null;
  const cityName = ties.map((t) => t.name).sort()[0] as string;
  const allActive = ties.every((t) => t.active);
  const extraMembers = members.length - 2;
  return {
    ...base,
    kind: 'coordinated-engagement',
    score: clampScore(40 + 15 * extraMembers + (allActive ? 10 : 0)),
    scoreBasis: `40 for two members, +15 for each further member (${extraMembers}), +10 when every tie is active (${allActive ? 'yes' : 'no'})`,
    members: members.map(([id]) => id),
    evidence: ordered(view, ties).map((t) => recordEvidence(t, `${nameOf(view, t.jurisdictionId)} has ${tieWord(t)} with ${t.name} (${country})`)),
    explanation:
      `${listed(members.map(([id, records]) => `${nameOf(view, id)} (${listed([...new Set(records.map(tieWord))])})`))} all have ties with ${cityName} (${country}). ` +
      `Engaging ${cityName} together (joint visits, one programme of exchanges, one point of contact) spares it separate approaches and gives the members more weight.`,
    fingerprint: recordFingerprint(ties),
  };
}

/** (4b) Ties from several members to several cities of one foreign country: coordinated engagement with the country. */
function engagementCountry(view: SpottingView, country: string): SuggestionDraft | null {
  const ties = foreignTies(view, view.recordsInCountry(country), country);
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
      `${listed(members.map(([id, records]) => `${nameOf(view, id)} (${listed([...new Set(records.map((r) => foreignTies(view, [r], country)[0]?.name ?? ''))].sort())})`))} have ties with ${cities.size} cities in ${country}. ` +
      `Coordinating how the members engage ${country} (a joint calendar of visits, shared contacts, one message) makes each tie count for more.`,
    fingerprint: recordFingerprint(ties),
  };
}

/** (5) A foreign delegation one member hosts: an offer for the others, first those with an interest in its country, to host it too. */
function hostToo(view: SpottingView, jurisdictionId: string, activityId: string): SuggestionDraft | null {
  const visit = view.record(jurisdictionId, 'activity', activityId);
  if (!visit || !isHostedVisit(visit.copy)) return null;
  const country = activityCountry(visit.copy);
  const interest = country
    ? view
        .recordsInCountry(country)
        .filter((r) => r.jurisdictionId !== jurisdictionId && (r.copy.kind === 'priority' || r.copy.kind === 'partner' || r.copy.kind === 'relationship' || isOutboundDelegation(r.copy)))
    : [];
  const interested = byMember(view, interest);
  const host = nameOf(view, jurisdictionId);
  const window = activityWindow(visit.copy);
  const when = window ? (window.approximate ? ` in ${window.start.slice(0, 4)}` : ` from ${window.start} to ${window.end}`) : '';
  const why = (r: MemberRecord): string =>
    r.copy.kind === 'priority' ? `priority ${quote(r.copy, 'title', '')}`.trim() : r.copy.kind === 'activity' ? 'a delegation planned there' : tieWord(r).replace(/^an? /, '');
  const origin = country ? ` from ${country}` : '';
  return {
    ...base,
    kind: 'host-too',
    score: clampScore(25 + 20 * interested.length),
    scoreBasis: `25 for the visit, +20 for each other member with a shared interest in its country (${interested.length})`,
    members: [jurisdictionId, ...interested.map(([id]) => id)],
    evidence: [
      recordEvidence(visit, `${host} hosts ${quote(visit.copy, 'title', 'a delegation')}${origin}`),
      ...ordered(view, interest).map((r) => recordEvidence(r, `${nameOf(view, r.jurisdictionId)}: ${why(r)} in ${country}`)),
    ],
    explanation:
      `${host} hosts a delegation${origin} (${quote(visit.copy, 'title', 'untitled')}${when}). ` +
      (interested.length > 0
        ? `${listed(interested.map(([id, records]) => `${nameOf(view, id)} (${listed([...new Set(records.map(why))])})`))} ${interested.length === 1 ? 'has' : 'have'} shared an interest in ${country}: ${host} could offer the delegation a stop with ${interested.length === 1 ? 'it' : 'them'} too, one trip for the visitors and more for every host.`
        : `No other member has shared an interest in ${country ?? 'its country'} yet; ${host} could offer the visit to every member.`),
    window: window && !window.approximate ? { start: window.start, end: window.end } : null,
    fingerprint: recordFingerprint([visit, ...interest]),
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
    view
      .recordsInCountry(country)
      .filter((r) => r.copy.kind === 'activity' && text(r.copy.fields['type']) === 'hosted-visit')
      .map((r) => ({ rule: 'host-too', jurisdictionId: r.jurisdictionId, activityId: r.copy.recordId }));
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
      if (found) subjects.push({ rule: 'engagement-city', country: found.country, city: found.city });
      if (country) subjects.push({ rule: 'engagement-country', country }, ...visitsIn(country));
      break;
    }
    case 'asset':
      break;
  }
  return subjects;
}
