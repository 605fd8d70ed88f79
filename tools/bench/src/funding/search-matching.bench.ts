import { performance } from 'node:perf_hooks';
import {
  APPLICANT_TYPES,
  asksJurisdiction,
  EMPTY_CRITERIA,
  FUNDER_TYPES,
  jurisdictionAgrees,
  type JurisdictionQuestions,
  KNOWN_THEMES,
  meetsCriteria,
  type SearchableOpportunity,
  type SearchCriteria,
  SearchIndex,
} from '@entente/funding';
import { seededRandom } from '@entente/random';
import { progress, runBenchProcess } from '../registry/bench-process';

/** One row of the table: every opportunity evaluated against this many saved searches. */
export interface SearchMatchingRow {
  searches: number;
  indexMs: number;
  /** Evaluating every opportunity (its matching searches found in the index, each asked the jurisdiction questions it sets), median of the rounds. */
  evaluateMs: number[];
  matches: number;
}

export interface SearchMatchingMeasurement {
  benchmark: 'search-matching';
  opportunities: number;
  rows: SearchMatchingRow[];
  /** Opportunity × search pairs also tested one by one with meetsCriteria, and whether the index answered the same. */
  bruteForceChecked: number;
  sameAsCriteria: boolean;
}

const SEED = 20261202;
const OPPORTUNITIES = 1_000;
const SIZES = [1_000, 10_000, 50_000];
const ROUNDS = Number(process.env.BENCH_MATCHING_ROUNDS ?? 3);
const NOW = new Date('2026-12-01T12:00:00Z');
const DAY = 86_400_000;

// Words of calls' titles and of what people search for; the first ones far more often (a few words are in most searches).
const WORDS = [
  'baltic', 'sister', 'city', 'cities', 'partnership', 'exchange', 'youth', 'culture', 'climate', 'energy', 'transition', 'innovation', 'trade',
  'export', 'tourism', 'heritage', 'digital', 'smart', 'mobility', 'migration', 'integration', 'water', 'ports', 'maritime', 'arctic', 'rural',
  'urban', 'health', 'schools', 'university', 'research', 'democracy', 'civil', 'society', 'media', 'sports', 'music', 'film', 'museum', 'library',
  'resilience', 'disaster', 'recovery', 'housing', 'transport', 'rail', 'cycling', 'food', 'agriculture', 'forestry', 'ocean', 'biodiversity',
  'circular', 'economy', 'startup', 'skills', 'training', 'employment', 'women', 'inclusion', 'accessibility', 'seniors', 'children', 'refugees',
  'peace', 'reconciliation', 'twinning', 'network', 'capacity', 'governance', 'anti-corruption', 'transparency', 'procurement', 'hydrogen', 'solar',
  'wind', 'heat', 'buildings', 'retrofit', 'broadband', 'data', 'artificial', 'intelligence', 'cyber', 'security', 'pacific', 'nordic', 'hanse',
  'danube', 'alpine', 'mediterranean', 'atlantic', 'africa', 'asia', 'latin', 'america', 'ukraine', 'reconstruction', 'fellowship', 'mentoring',
];
const FUNDERS = ['Interreg Baltic Sea Region', 'Bureau of Educational and Cultural Affairs', 'Robert Bosch Stiftung', 'Embassy of Germany', 'British High Commission', 'Nordic Council of Ministers', 'Creative Europe', 'Erasmus+', 'New Zealand Ministry of Foreign Affairs', 'Sparebankstiftelsen', 'Aker Foundation', 'UNDP', 'OECD', 'Federal Ministry for Economic Affairs', 'State of Mecklenburg-Vorpommern'];
const COUNTRIES = ['DE', 'NZ', 'US', 'GB', 'FR', 'PL', 'DK', 'SE', 'FI', 'NO', 'EE', 'LV', 'LT', 'NL', 'BE', 'AT', 'CH', 'IT', 'ES', 'PT', 'IE', 'CZ', 'SK', 'HU', 'UA', 'JP', 'KR', 'CN', 'IN', 'AU', 'CA', 'MX', 'BR', 'ZA', 'KE', 'GH', 'SN', 'VN', 'ID', 'TR'];
const THEMES = KNOWN_THEMES.filter((theme) => theme !== 'other');
const KINDS = FUNDER_TYPES.map((type) => type.kind);
const APPLICANTS = APPLICANT_TYPES.filter((type) => type !== 'unrestricted' && type !== 'others');
const CURRENCIES = ['EUR', 'USD', 'NZD', 'GBP'];

type Random = () => number;

function generators(random: Random) {
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
  // Skewed towards the head of the list, as real vocabularies are: index ~ n·u².
  const pickSkewed = <T>(values: readonly T[]): T => values[Math.floor(random() * random() * values.length)] as T;
  const some = <T>(values: readonly T[], max: number, chooser = pick): T[] => [...new Set(Array.from({ length: 1 + Math.floor(random() * max) }, () => chooser(values)))];
  return { pick, pickSkewed, some };
}

/** A call as an opportunity event brings it: 4–9 title words, 1–3 themes, a funder type, often a few countries and an award. */
function opportunities(random: Random, count: number): SearchableOpportunity[] {
  const { pick, pickSkewed, some } = generators(random);
  return Array.from({ length: count }, (_, index) => {
    const ceiling = random() < 0.8 ? pick([5_000, 20_000, 50_000, 100_000, 250_000, 1_000_000, 5_000_000]) : null;
    return {
      opportunityId: `bench:${index}`,
      version: 1,
      title: [...some(WORDS, 5), pick(['programme', 'grants', 'call', 'fund'])].join(' '),
      reference: random() < 0.5 ? `REF-${index}` : null,
      funder: pick(FUNDERS),
      funderType: pick(KINDS),
      status: random() < 0.85 ? 'open' : 'forecasted',
      closesAt: random() < 0.9 ? new Date(NOW.getTime() + (3 + Math.floor(random() * 200)) * DAY) : null,
      award: { floor: null, ceiling, total: ceiling === null && random() < 0.5 ? 2_000_000 : null, currency: pick(CURRENCIES) },
      eligibleApplicantTypes: random() < 0.2 ? ['unrestricted'] : some(APPLICANTS, 4),
      eligibleCountries: random() < 0.35 ? [] : some(COUNTRIES, 4, pickSkewed),
      themes: some(THEMES, 3),
    };
  });
}

/**
 * Saved searches as people set them: most by theme or by keywords (some
 * phrases, some exclusions), many narrowed by country, funder type, amount
 * or deadline window; some only by funder type or country; about one in
 * twenty by nothing an index can use (an amount, a deadline window).
 */
function searches(random: Random, count: number): Array<{ id: number; criteria: SearchCriteria }> {
  const { pick, pickSkewed, some } = generators(random);
  return Array.from({ length: count }, (_, id) => {
    const shape = random();
    const criteria: SearchCriteria = { ...EMPTY_CRITERIA };
    if (shape < 0.45) criteria.themes = some(THEMES, 2);
    else if (shape < 0.87) {
      criteria.keywords = some(WORDS, 3).map((word) => (random() < 0.2 ? `${word}-${pick(WORDS)}` : word));
      if (random() < 0.2) criteria.excludedKeywords = [pick(WORDS)];
    } else if (shape < 0.92) criteria.funderTypes = some(KINDS, 2);
    else if (shape < 0.97) criteria.countries = some(COUNTRIES, 2, pickSkewed);
    // else: no indexed term at all.
    if (shape < 0.92 && random() < 0.4) criteria.countries = some(COUNTRIES, 3, pickSkewed);
    if (shape < 0.87 && random() < 0.2) criteria.funderTypes = some(KINDS, 2);
    if (random() < 0.3) {
      criteria.minAmount = pick([10_000, 50_000, 100_000]);
      criteria.currency = random() < 0.5 ? pick(CURRENCIES) : null;
    }
    if (random() < 0.25) criteria.maxDaysToClose = pick([30, 60, 90]);
    if (shape >= 0.97 && criteria.minAmount === null) criteria.minDaysToClose = 14;
    if (random() < 0.15) criteria.applicantTypes = some(APPLICANTS, 2);
    criteria.eligibleOnly = random() < 0.2;
    return { id, criteria };
  });
}

/** The jurisdiction's answers, as the evaluator's per-opportunity cache gives them after the first ask: settled promises. */
type Search = { id: number; criteria: SearchCriteria };

const ANSWERS: JurisdictionQuestions = { eligible: () => Promise.resolve(true), fitsPriorities: () => Promise.resolve(true) };

async function evaluateAll(index: SearchIndex<Search>, calls: readonly SearchableOpportunity[]): Promise<number> {
  let matches = 0;
  for (const opportunity of calls) {
    for (const search of index.matches(opportunity, NOW)) if (!asksJurisdiction(search.criteria) || (await jurisdictionAgrees(search.criteria, ANSWERS))) matches += 1;
  }
  return matches;
}

/** The pairs the index finds, and the pairs testing each search with meetsCriteria finds. */
function pairsOf(found: (opportunity: SearchableOpportunity) => Iterable<Search>, calls: readonly SearchableOpportunity[]): Set<string> {
  const pairs = new Set<string>();
  for (const opportunity of calls) for (const search of found(opportunity)) pairs.add(`${opportunity.opportunityId}/${search.id}`);
  return pairs;
}

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/**
 * Benchmark H: 1,000 new opportunities evaluated against 1k, 10k and 50k
 * saved searches, in process, as the alert evaluator does: the searches
 * held in the SearchIndex, each opportunity's matching searches found
 * there, then the jurisdiction questions those searches set (answered at
 * once: the evaluator asks each jurisdiction once per opportunity, from the
 * directory and priorities it keeps in memory). Recording alerts is left
 * out: the benchmark times the search side. At the two smaller sizes every
 * pair is also tested one by one with meetsCriteria, and the index must
 * find the same matches.
 */
runBenchProcess(async (): Promise<SearchMatchingMeasurement> => {
  const calls = opportunities(seededRandom(SEED), OPPORTUNITIES);
  const rows: SearchMatchingRow[] = [];
  let bruteForceChecked = 0;
  let sameAsCriteria = true;
  for (const size of SIZES) {
    const saved = searches(seededRandom(SEED + size), size);
    const indexStarted = performance.now();
    const index = new SearchIndex(saved);
    const indexMs = performance.now() - indexStarted;
    if (size <= 10_000) {
      const oneByOne = pairsOf((opportunity) => saved.filter((search) => meetsCriteria(search.criteria, opportunity, NOW)), calls);
      const indexed = pairsOf((opportunity) => index.matches(opportunity, NOW), calls);
      bruteForceChecked += calls.length * saved.length;
      const same = oneByOne.size === indexed.size && [...oneByOne].every((pair) => indexed.has(pair));
      if (!same) throw new Error(`the index found ${indexed.size} matches at ${size} searches where testing every search finds ${oneByOne.size}`);
      sameAsCriteria &&= same;
    }
    await evaluateAll(index, calls.slice(0, 100));
    const evaluateMs: number[] = [];
    let matches = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      const started = performance.now();
      matches = await evaluateAll(index, calls);
      evaluateMs.push(performance.now() - started);
    }
    rows.push({ searches: size, indexMs, evaluateMs, matches });
    progress(`${size.toLocaleString('en-GB')} searches: ${median(evaluateMs).toFixed(0)} ms, ${matches.toLocaleString('en-GB')} matches`);
  }
  return { benchmark: 'search-matching', opportunities: calls.length, rows, bruteForceChecked, sameAsCriteria };
});
