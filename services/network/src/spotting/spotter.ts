import { ConflictError, NotFoundError, ValidationError } from '@entente/errors';
import type { SourceRecordKind } from '../source-records/source-record';
import type { SharedCopy } from '../sharing/sharing-scopes';
import { ANY_COUNTRY, cityKeysOf, cityTieOf, normalised, priorityTerms, spottingCountriesOf } from './spotting-facts';
import { DEFAULT_SPOTTING_SETTINGS, evaluate, type MemberRecord, type SpottingSettings, type SpottingView, subjectsOf } from './spotting-rules';
import { type Dismissal, keyOf, type MemberProfile, type OpenCall, type Suggestion, type SuggestionSubject } from './suggestion';

/** A change of one member's shared copy in one network, as the shared-data store announces it (SharedDataChange). */
export interface CopyChange {
  networkId: string;
  jurisdictionId: string;
  kind: SourceRecordKind;
  recordId: string;
  /** The copy as the network sees it now; null when it is gone. */
  copy: SharedCopy | null;
}

/** What a change did to a network's suggestions: the ones to store (new or different) and the keys of those that lapsed. */
export interface SpotterUpdate {
  networkId: string;
  upserted: Suggestion[];
  removed: string[];
}

export const DISMISSAL_REASON_MAX = 500;

export interface SpotterOptions {
  clock?: () => Date;
  settings?: SpottingSettings;
  /** Told of every subject evaluated (metrics; the specs count them to show a change evaluates only what it bears on). */
  onEvaluate?: (networkId: string, key: string) => void;
}

const refOf = (jurisdictionId: string, kind: SourceRecordKind, recordId: string): string => `${jurisdictionId}\u0000${kind}\u0000${recordId}`;
const cityRef = (country: string, city: string): string => `${country}\u0000${city}`;

function addTo(index: Map<string, Set<string>>, key: string, ref: string): void {
  const set = index.get(key) ?? new Set<string>();
  set.add(ref);
  index.set(key, set);
}

function removeFrom(index: Map<string, Set<string>>, key: string, ref: string): void {
  const set = index.get(key);
  if (!set) return;
  set.delete(ref);
  if (set.size === 0) index.delete(key);
}

/** One network's copies, indexed the ways the rules ask, with its suggestions and dismissals. */
class NetworkState {
  readonly records = new Map<string, MemberRecord>();
  readonly byCountry = new Map<string, Set<string>>();
  readonly byCity = new Map<string, Set<string>>();
  readonly byTerm = new Map<string, Set<string>>();
  readonly suggestions = new Map<string, Suggestion>();
  readonly dismissals = new Map<string, Dismissal>();
  /** How many copies each member has here: a member with none takes no part in the network's spotting yet. */
  readonly copiesOf = new Map<string, number>();

  constructor(readonly networkId: string) {}

  private indexKeys(copy: SharedCopy): { countries: string[]; cities: string[]; terms: readonly string[] } {
    const tie = cityTieOf(copy);
    return { countries: spottingCountriesOf(copy), cities: tie ? cityKeysOf(tie).map((key) => cityRef(key.country, key.city)) : [], terms: priorityTerms(copy) };
  }

  put(record: MemberRecord): void {
    this.remove(record.jurisdictionId, record.copy.kind, record.copy.recordId);
    const ref = refOf(record.jurisdictionId, record.copy.kind, record.copy.recordId);
    this.records.set(ref, record);
    this.copiesOf.set(record.jurisdictionId, (this.copiesOf.get(record.jurisdictionId) ?? 0) + 1);
    const keys = this.indexKeys(record.copy);
    for (const c of keys.countries) addTo(this.byCountry, c, ref);
    for (const c of keys.cities) addTo(this.byCity, c, ref);
    for (const t of keys.terms) addTo(this.byTerm, t, ref);
  }

  remove(jurisdictionId: string, kind: SourceRecordKind, recordId: string): MemberRecord | undefined {
    const ref = refOf(jurisdictionId, kind, recordId);
    const old = this.records.get(ref);
    if (!old) return undefined;
    this.records.delete(ref);
    const left = (this.copiesOf.get(jurisdictionId) ?? 1) - 1;
    if (left > 0) this.copiesOf.set(jurisdictionId, left);
    else this.copiesOf.delete(jurisdictionId);
    const keys = this.indexKeys(old.copy);
    for (const c of keys.countries) removeFrom(this.byCountry, c, ref);
    for (const c of keys.cities) removeFrom(this.byCity, c, ref);
    for (const t of keys.terms) removeFrom(this.byTerm, t, ref);
    return old;
  }

  resolve(refs: Set<string> | undefined): MemberRecord[] {
    return refs ? [...refs].map((ref) => this.records.get(ref) as MemberRecord) : [];
  }
}

/**
 * Spots joint opportunities in networks, incrementally. It holds each
 * network's shared copies (only those: it is fed from the shared-data store,
 * never from the members' own read models) indexed by country, city and
 * priority term, and each suggestion under a key made of its rule and
 * subject. A change re-evaluates only the subjects the record bore on
 * before and bears on after; everything else stands as it was.
 *
 * A dismissed suggestion keeps the fingerprint of its evidence: while a
 * re-evaluation yields the same fingerprint it stays dismissed (even if it
 * lapsed and came back), and different evidence opens it again.
 */
export class Spotter {
  private readonly networks = new Map<string, NetworkState>();
  private readonly profiles = new Map<string, MemberProfile>();
  /** Members by the Wikidata id of their own place: a tie to a place that is a member of the network is no foreign engagement. */
  private readonly memberOfPlace = new Map<string, string>();
  private readonly calls = new Map<string, OpenCall>();
  private readonly callsByTerm = new Map<string, Set<string>>();

  private readonly clock: () => Date;
  private readonly settings: SpottingSettings;
  private readonly onEvaluate: (networkId: string, key: string) => void;

  constructor(options: SpotterOptions = {}) {
    this.clock = options.clock ?? ((): Date => new Date());
    this.settings = options.settings ?? DEFAULT_SPOTTING_SETTINGS;
    this.onEvaluate = options.onEvaluate ?? ((): void => undefined);
  }

  /** Starts (or restarts) a network from its copies and the dismissals stored for it: the one full evaluation, at start-up. */
  load(networkId: string, records: readonly MemberRecord[], dismissals: ReadonlyArray<{ key: string; dismissal: Dismissal }> = []): SpotterUpdate {
    const previous = this.networks.get(networkId);
    const state = new NetworkState(networkId);
    this.networks.set(networkId, state);
    for (const { key, dismissal } of dismissals) state.dismissals.set(key, dismissal);
    for (const record of records) state.put({ jurisdictionId: record.jurisdictionId, copy: record.copy });
    const subjects = new Map<string, SuggestionSubject>();
    const view = this.viewOf(state);
    for (const record of state.records.values()) for (const s of subjectsOf(view, record)) subjects.set(keyOf(s), s);
    for (const opportunityId of this.calls.keys()) subjects.set(keyOf({ rule: 'joint-bid', opportunityId }), { rule: 'joint-bid', opportunityId });
    const update = this.reevaluate(state, subjects);
    const lapsed = previous ? [...previous.suggestions.keys()].filter((key) => !state.suggestions.has(key)) : [];
    return { ...update, removed: [...new Set([...update.removed, ...lapsed])] };
  }

  /** One copy written, changed or removed. */
  recordChanged(change: CopyChange): SpotterUpdate {
    const state = this.stateOf(change.networkId);
    const view = this.viewOf(state);
    const subjects = new Map<string, SuggestionSubject>();
    const present = state.copiesOf.has(change.jurisdictionId);
    const before = state.remove(change.jurisdictionId, change.kind, change.recordId);
    if (before) for (const s of subjectsOf(view, before)) subjects.set(keyOf(s), s);
    if (change.copy) {
      const after = { jurisdictionId: change.jurisdictionId, copy: change.copy };
      state.put(after);
      for (const s of subjectsOf(this.viewOf(state), after)) subjects.set(keyOf(s), s);
    }
    if (present !== state.copiesOf.has(change.jurisdictionId)) this.addPlaceOf(change.jurisdictionId, subjects);
    return this.reevaluate(state, subjects);
  }

  /**
   * Every copy of one kind a member shared with a network is gone at once (a
   * grant revoked, the member left): one update for all of them.
   */
  memberKindRemoved(networkId: string, jurisdictionId: string, kinds: readonly SourceRecordKind[]): SpotterUpdate {
    const state = this.stateOf(networkId);
    const gone = [...state.records.values()].filter((r) => r.jurisdictionId === jurisdictionId && kinds.includes(r.copy.kind));
    const view = this.viewOf(state);
    const subjects = new Map<string, SuggestionSubject>();
    for (const record of gone) {
      for (const s of subjectsOf(view, record)) subjects.set(keyOf(s), s);
      state.remove(record.jurisdictionId, record.copy.kind, record.copy.recordId);
    }
    if (!state.copiesOf.has(jurisdictionId)) this.addPlaceOf(jurisdictionId, subjects);
    return this.reevaluate(state, subjects);
  }

  /** A call published, changed, opened or closed (platform-wide: every network may gain or lose a joint bid). */
  callChanged(call: OpenCall): SpotterUpdate[] {
    const old = this.calls.get(call.opportunityId);
    for (const term of old?.themes ?? []) removeFrom(this.callsByTerm, normalised(term), call.opportunityId);
    this.calls.set(call.opportunityId, call);
    for (const term of call.themes) addTo(this.callsByTerm, normalised(term), call.opportunityId);
    const subject: SuggestionSubject = { rule: 'joint-bid', opportunityId: call.opportunityId };
    return [...this.networks.values()].map((state) => this.reevaluate(state, new Map([[keyOf(subject), subject]])));
  }

  /** A member's profile (name, country, applicant types) changed: what it is involved in, its ties' foreignness and every call's eligibility are evaluated again. */
  profileChanged(profile: MemberProfile): SpotterUpdate[] {
    const previousPlace = this.profiles.get(profile.jurisdictionId)?.wikidataId ?? null;
    if (previousPlace) this.memberOfPlace.delete(previousPlace);
    this.profiles.set(profile.jurisdictionId, profile);
    if (profile.wikidataId) this.memberOfPlace.set(profile.wikidataId, profile.jurisdictionId);
    const updates: SpotterUpdate[] = [];
    for (const state of this.networks.values()) {
      const view = this.viewOf(state);
      const subjects = new Map<string, SuggestionSubject>();
      // Ties to the member's own place, before and after: whether they count depends on it.
      for (const place of new Set([previousPlace, profile.wikidataId])) if (place) subjects.set(keyOf(placeSubject(place)), placeSubject(place));
      for (const suggestion of state.suggestions.values()) if (suggestion.members.includes(profile.jurisdictionId)) subjects.set(suggestion.key, suggestion.subject);
      for (const record of state.records.values()) if (record.jurisdictionId === profile.jurisdictionId) for (const s of subjectsOf(view, record)) subjects.set(keyOf(s), s);
      for (const opportunityId of this.calls.keys()) subjects.set(keyOf({ rule: 'joint-bid', opportunityId }), { rule: 'joint-bid', opportunityId });
      updates.push(this.reevaluate(state, subjects));
    }
    return updates;
  }

  /** Dismisses an open suggestion with a reason; it stays dismissed until its evidence changes. */
  dismiss(networkId: string, key: string, reason: string, byUserId: string): Suggestion {
    const trimmed = reason.trim();
    if (trimmed === '') throw ValidationError.forField('reason', 'say why the suggestion is dismissed');
    if ([...trimmed].length > DISMISSAL_REASON_MAX) throw ValidationError.forField('reason', `must be at most ${DISMISSAL_REASON_MAX} characters`);
    const state = this.networks.get(networkId);
    const suggestion = state?.suggestions.get(key);
    if (!state || !suggestion) throw new NotFoundError('Suggestion', key);
    if (suggestion.status === 'dismissed') throw new ConflictError(`suggestion ${key} is already dismissed`);
    const dismissal: Dismissal = { reason: trimmed, byUserId, at: this.clock(), fingerprint: suggestion.fingerprint };
    state.dismissals.set(key, dismissal);
    const dismissed: Suggestion = { ...suggestion, status: 'dismissed', dismissal };
    state.suggestions.set(key, dismissed);
    return dismissed;
  }

  /** A network's suggestions, open ones first by score; dismissed ones only when asked. */
  suggestions(networkId: string, options: { includeDismissed?: boolean } = {}): Suggestion[] {
    const all = [...(this.networks.get(networkId)?.suggestions.values() ?? [])];
    return all
      .filter((s) => options.includeDismissed === true || s.status === 'open')
      .sort((a, b) => (a.status === b.status ? 0 : a.status === 'open' ? -1 : 1) || b.score - a.score || a.key.localeCompare(b.key));
  }

  /** Forgets a network (deleted, or no longer spotted in this process). */
  forget(networkId: string): void {
    this.networks.delete(networkId);
  }

  /** The ties to a member's own place are evaluated again when the member starts or stops taking part in a network. */
  private addPlaceOf(jurisdictionId: string, subjects: Map<string, SuggestionSubject>): void {
    const place = this.profiles.get(jurisdictionId)?.wikidataId;
    if (place) subjects.set(keyOf(placeSubject(place)), placeSubject(place));
  }

  private stateOf(networkId: string): NetworkState {
    const found = this.networks.get(networkId);
    if (found) return found;
    const created = new NetworkState(networkId);
    this.networks.set(networkId, created);
    return created;
  }

  private reevaluate(state: NetworkState, subjects: ReadonlyMap<string, SuggestionSubject>): SpotterUpdate {
    const view = this.viewOf(state);
    const upserted: Suggestion[] = [];
    const removed: string[] = [];
    for (const [key, subject] of subjects) {
      const previous = state.suggestions.get(key);
      this.onEvaluate(state.networkId, key);
      const draft = evaluate(view, subject, this.settings);
      if (!draft) {
        if (previous) {
          state.suggestions.delete(key);
          removed.push(key);
        }
        continue;
      }
      let dismissal = state.dismissals.get(key) ?? null;
      if (dismissal && dismissal.fingerprint !== draft.fingerprint) {
        state.dismissals.delete(key);
        dismissal = null;
      }
      const next: Suggestion = { ...draft, networkId: state.networkId, key, subject, status: dismissal ? 'dismissed' : 'open', dismissal };
      if (previous && sameSuggestion(previous, next)) continue;
      state.suggestions.set(key, next);
      upserted.push(next);
    }
    return { networkId: state.networkId, upserted, removed };
  }

  /**
   * What the rules read of one network, for one re-evaluation: a country's
   * records are resolved once per view (the visits hosted in a country all
   * ask for it), so a view must not outlive the change it evaluates.
   */
  private viewOf(state: NetworkState): SpottingView {
    const inCountry = new Map<string, MemberRecord[]>();
    const memos = new Map<string, unknown>();
    return {
      now: this.clock(),
      recordsInCountry: (country) => {
        let found = inCountry.get(country);
        if (!found) {
          found = state.resolve(state.byCountry.get(country));
          inCountry.set(country, found);
        }
        return found;
      },
      recordsOfCity: (country, city) => state.resolve(state.byCity.get(cityRef(country, city))),
      record: (jurisdictionId, kind, recordId) => state.records.get(refOf(jurisdictionId, kind, recordId)),
      prioritiesWithTerm: (term) => state.resolve(state.byTerm.get(term)),
      profile: (jurisdictionId) => this.profiles.get(jurisdictionId),
      memberAt: (wikidataId) => {
        const member = this.memberOfPlace.get(wikidataId);
        return member !== undefined && state.copiesOf.has(member) ? member : undefined;
      },
      call: (opportunityId) => this.calls.get(opportunityId),
      callsWithTerm: (term) => [...(this.callsByTerm.get(term) ?? [])],
      memo: <T>(key: string, compute: () => T): T => {
        if (!memos.has(key)) memos.set(key, compute());
        return memos.get(key) as T;
      },
    };
  }
}

const placeSubject = (wikidataId: string): SuggestionSubject => ({ rule: 'engagement-city', country: ANY_COUNTRY, city: wikidataId });

function sameSuggestion(a: Suggestion, b: Suggestion): boolean {
  return (
    a.fingerprint === b.fingerprint &&
    a.status === b.status &&
    a.score === b.score &&
    a.kind === b.kind &&
    a.explanation === b.explanation &&
    a.deadline === b.deadline &&
    a.members.length === b.members.length &&
    a.members.every((member, i) => member === b.members[i])
  );
}
