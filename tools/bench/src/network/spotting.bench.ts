import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { REPO_ROOT } from '@entente/local-infra';
import { type MemberProfile, type MemberRecord, type OpenCall, type SharedCopy, Spotter } from '@entente/network';
import { readEurocitiesMembers } from '@entente/platform';
import { seededRandom } from '@entente/random';
import { progress, runBenchProcess } from '../registry/bench-process';

/** What this process sends back (checked against measurements.ts's spottingMeasurement). */
export interface SpottingMeasurement {
  benchmark: 'spotting';
  priorities: number;
  activities: number;
  ties: number;
  calls: number;
  sizes: Array<{
    members: number;
    records: number;
    suggestions: number;
    rebuildMs: number[];
    eventMs: number[];
    /** The same, in this process's CPU time (user + system): what the machine's other load does not inflate. */
    rebuildCpuMs: number[];
    eventCpuMs: number[];
  }>;
}

const PRIORITIES = 20;
const ACTIVITIES = 30;
/** Twinning ties per member: rule 4 reads them; the issue names priorities and activities, ties make the data whole. */
const TIES = 10;
const CALLS = 200;
const REBUILDS = 3;
const EVENTS = Number(process.env.BENCH_SPOTTING_EVENTS ?? 500);
const NETWORK = 'bench-network';
const NOW = new Date('2027-01-15T09:00:00Z');

const cpuMs = (): number => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};

// Target countries weighted as real priorities are (a few markets most name, a long tail).
const TARGETS = ['US', 'CN', 'JP', 'IN', 'BR', 'KR', 'CA', 'ZA', 'MX', 'AU', 'SG', 'AE', 'VN', 'ID', 'NG', 'KE', 'CL', 'AR', 'TR', 'MA', 'EG', 'TH', 'PH', 'CO', 'PE', 'GH', 'SA', 'NZ', 'UA', 'GE'];
const SECTORS = ['ICT', 'logistics', 'life sciences', 'renewable energy', 'tourism', 'education', 'water', 'mobility', 'food', 'creative industries', 'maritime', 'health'];
const THEMES = ['climate adaptation', 'regional development', 'urban innovation', 'digital transition', 'culture', 'migration', 'energy transition', 'circular economy', 'youth', 'sister cities'];
const TIE_CITIES = Array.from({ length: 150 }, (_, i) => ({ city: `City ${i}`, country: TARGETS[i % TARGETS.length] as string }));

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
/** Skewed towards the front of the list (the big markets). */
const pickSkewed = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * random() * items.length)] as T;
const isoDay = (offsetDays: number): string => new Date(Date.UTC(2027, 0, 20) + offsetDays * 86_400_000).toISOString().slice(0, 10);

function priority(random: Random, id: string): SharedCopy {
  const countries = [...new Set([pickSkewed(random, TARGETS), ...(random() < 0.4 ? [pickSkewed(random, TARGETS)] : [])])];
  return {
    kind: 'priority',
    recordId: id,
    fields: { title: `Priority ${id}`, countries, sectors: [pick(random, SECTORS), ...(random() < 0.5 ? [pick(random, SECTORS)] : [])], themes: [pick(random, THEMES)] },
  };
}

function activity(random: Random, id: string): SharedCopy {
  const start = Math.floor(random() * 330);
  const type = random() < 0.7 ? (random() < 0.5 ? 'outbound-delegation' : 'trade-mission') : 'hosted-visit';
  return {
    kind: 'activity',
    recordId: id,
    fields: {
      year: 2027,
      title: `Activity ${id}`,
      type,
      status: 'planned',
      country: pickSkewed(random, TARGETS),
      windowStart: isoDay(start),
      windowEnd: isoDay(start + 2 + Math.floor(random() * 8)),
      cost: { amount: 5_000 + Math.floor(random() * 60_000), currency: 'EUR' },
    },
  };
}

function tie(random: Random, id: string): SharedCopy {
  const city = pick(random, TIE_CITIES);
  return { kind: 'relationship', recordId: id, fields: { partnerName: city.city, partnerCountry: city.country, type: 'twinning', status: 'active' } };
}

function call(random: Random, i: number, countries: readonly string[]): OpenCall {
  return {
    opportunityId: `call-${i}`,
    title: `Call ${i}`,
    funder: 'European Commission',
    status: 'open',
    closesAt: isoDay(30 + Math.floor(random() * 300)) + 'T17:00:00Z',
    jointBidsAllowed: random() < 0.6,
    eligibleApplicantTypes: ['local-governments'],
    eligibleCountries: random() < 0.5 ? [] : countries.filter(() => random() < 0.5),
    themes: [pick(random, THEMES), ...(random() < 0.3 ? [pick(random, THEMES)] : [])],
  };
}

/** A spotter that knows the members and the calls, before any network is loaded (as at a replica's start). */
function freshSpotter(profiles: readonly MemberProfile[], calls: readonly OpenCall[]): Spotter {
  const spotter = new Spotter({ clock: () => NOW });
  for (const profile of profiles) spotter.profileChanged(profile);
  for (const c of calls) spotter.callChanged(c);
  return spotter;
}

runBenchProcess(async (): Promise<SpottingMeasurement> => {
  const { members } = readEurocitiesMembers(readFileSync(join(REPO_ROOT, '..', 'shared', 'data', 'eurocities', 'members.json'), 'utf8'));
  const random = seededRandom(20_271);
  const profiles: MemberProfile[] = members.map((m) => ({ jurisdictionId: m.jurisdictionId, name: m.name, country: m.country, wikidataId: m.wikidataId, applicantTypes: ['city-or-township-governments', 'local-governments'] }));
  const records: MemberRecord[] = members.flatMap((m) => [
    ...Array.from({ length: PRIORITIES }, (_, i) => ({ jurisdictionId: m.jurisdictionId, copy: priority(random, `${m.jurisdictionId}-p${i}`) })),
    ...Array.from({ length: ACTIVITIES }, (_, i) => ({ jurisdictionId: m.jurisdictionId, copy: activity(random, `${m.jurisdictionId}-a${i}`) })),
    ...Array.from({ length: TIES }, (_, i) => ({ jurisdictionId: m.jurisdictionId, copy: tie(random, `${m.jurisdictionId}-r${i}`) })),
  ]);
  const memberCountries = [...new Set(members.map((m) => m.country))];
  const calls = Array.from({ length: CALLS }, (_, i) => call(random, i, memberCountries));

  const counts = [...new Set([25, 50, 100, members.length].filter((n) => n <= members.length))];
  const sizes: SpottingMeasurement['sizes'] = [];
  for (const count of counts) {
    const ids = new Set(members.slice(0, count).map((m) => m.jurisdictionId));
    const own = records.filter((r) => ids.has(r.jurisdictionId));
    const rebuildMs: number[] = [];
    const rebuildCpuMs: number[] = [];
    let spotter = freshSpotter(profiles, calls);
    let suggestions = 0;
    for (let round = 0; round < REBUILDS + 1; round += 1) {
      spotter = freshSpotter(profiles, calls);
      const started = performance.now();
      const cpuStarted = cpuMs();
      const update = spotter.load(NETWORK, own);
      const cpu = cpuMs() - cpuStarted;
      const elapsed = performance.now() - started;
      if (round > 0) {
        // the first is the JIT's warm-up
        rebuildMs.push(elapsed);
        rebuildCpuMs.push(cpu);
      }
      suggestions = update.upserted.length;
    }
    if (suggestions === 0) throw new Error(`no suggestion among ${count} members: the data would time the short path`);

    // One incoming event at a time: a member changes a priority's markets, moves a delegation, or a copy goes.
    const eventRandom = seededRandom(count);
    const eventMs: number[] = [];
    const eventCpuMs: number[] = [];
    for (let i = 0; i < EVENTS; i += 1) {
      const target = pick(eventRandom, own);
      const roll = eventRandom();
      const copy = roll < 0.1 ? null : target.copy.kind === 'priority' ? priority(eventRandom, target.copy.recordId) : target.copy.kind === 'activity' ? activity(eventRandom, target.copy.recordId) : tie(eventRandom, target.copy.recordId);
      const started = performance.now();
      const cpuStarted = cpuMs();
      spotter.recordChanged({ networkId: NETWORK, jurisdictionId: target.jurisdictionId, kind: target.copy.kind, recordId: target.copy.recordId, copy });
      eventCpuMs.push(cpuMs() - cpuStarted);
      eventMs.push(performance.now() - started);
      if (copy) target.copy = copy;
      else spotter.recordChanged({ networkId: NETWORK, jurisdictionId: target.jurisdictionId, kind: target.copy.kind, recordId: target.copy.recordId, copy: target.copy });
    }
    progress(`${count} members, ${own.length} records: ${suggestions} suggestions; rebuild ${Math.min(...rebuildMs).toFixed(0)} ms; ${EVENTS} events`);
    sizes.push({ members: count, records: own.length, suggestions, rebuildMs, eventMs, rebuildCpuMs, eventCpuMs });
  }
  return { benchmark: 'spotting', priorities: PRIORITIES, activities: ACTIVITIES, ties: TIES, calls: CALLS, sizes };
});
