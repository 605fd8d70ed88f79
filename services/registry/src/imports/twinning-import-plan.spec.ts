import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { ExistingPartner, planTwinningImport, TwinningImportInput, TwinningImportPlan } from './twinning-import-plan';
import { readNames, readRelations, tiesOf } from './wikidata-twinning';

const DATA = join(__dirname, '../../../../../shared/data/wikidata-twinning');

/** Countries of Rostock's twins as a person would confirm them; Dalian deliberately left out. */
const ROSTOCK_TWIN_COUNTRIES = new Map([
  ['Q12892', 'BE'], ['Q1647', 'HR'], ['Q1773', 'LV'], ['Q1829', 'RU'], ['Q2014359', 'FR'], ['Q24879', 'DE'],
  ['Q25319', 'DK'], ['Q38511', 'FI'], ['Q393', 'PL'], ['Q41087', 'US'], ['Q45797', 'FR'], ['Q510997', 'DK'],
  ['Q52502', 'SE'], ['Q546', 'IT'], ['Q6506', 'BG'],
]);

/** What the registry would hold after applying a plan: the test's stand-in for the database. */
function apply(plan: TwinningImportPlan, partners: ExistingPartner[], related: Set<string>): void {
  for (const partner of plan.partnersToCreate) {
    partners.push({ partnerId: `p-${partner.wikidataId}`, wikidataId: partner.wikidataId, name: partner.name, country: partner.country });
  }
  for (const relationship of plan.relationshipsToCreate) {
    related.add('partnerId' in relationship.partner ? relationship.partner.partnerId : `p-${relationship.partner.newPartnerWikidataId}`);
  }
}

describe('planTwinningImport', () => {
  describe('Rostock (Q2861) from the real shared TSV', () => {
    let input: TwinningImportInput;
    beforeAll(async () => {
      const names = await readNames(createReadStream(join(DATA, 'names.tsv')));
      const ties = await tiesOf('Q2861', readRelations(createReadStream(join(DATA, 'relations.tsv'))), names);
      input = { jurisdictionQid: 'Q2861', ties, existingPartners: [], partnersWithRelationship: new Set(), countries: ROSTOCK_TWIN_COUNTRIES };
    });

    it('plans one partner and one prospective sister-city relationship per tie, unknown countries as null', () => {
      const plan = planTwinningImport(input);
      expect(plan.partnersToCreate).toHaveLength(16);
      expect(plan.relationshipsToCreate).toHaveLength(16);
      expect(new Set(plan.partnersToCreate.map((p) => p.wikidataId)).size).toBe(16);
      expect(plan.partnersToCreate).toContainEqual({ wikidataId: 'Q25319', name: 'Aarhus', kind: 'city', country: 'DK' });
      expect(plan.relationshipsToCreate).toContainEqual({
        partner: { newPartnerWikidataId: 'Q393' },
        type: 'sister-city',
        status: 'prospective',
        wikidataId: 'Q393',
      });
      expect(plan.relationshipsToCreate.every((r) => r.status === 'prospective')).toBe(true);
      // Dalian's country is not known: created as unknown (null) and flagged for a person.
      expect(plan.partnersToCreate).toContainEqual({ wikidataId: 'Q74881', name: 'Dalian', kind: 'city', country: null });
      expect(plan.relationshipsToCreate).toContainEqual(expect.objectContaining({ partner: { newPartnerWikidataId: 'Q74881' }, status: 'prospective' }));
      expect(plan.needsCountry).toEqual([{ wikidataId: 'Q74881', name: 'Dalian', possibleMatches: [] }]);
      expect(plan.skipped).toEqual([]);
    });

    it('creates every tie with an unknown country when no countries are known at all (the TSV alone)', () => {
      const plan = planTwinningImport({ ...input, countries: undefined });
      expect(plan.partnersToCreate).toHaveLength(16);
      expect(plan.partnersToCreate.every((p) => p.country === null)).toBe(true);
      expect(plan.needsCountry.map((n) => n.wikidataId)).toEqual(plan.partnersToCreate.map((p) => p.wikidataId));
    });

    it('creates nothing new when run again, also once a country has become known', () => {
      const partners: ExistingPartner[] = [];
      const related = new Set<string>();
      apply(planTwinningImport(input), partners, related);

      const again = planTwinningImport({ ...input, existingPartners: partners, partnersWithRelationship: related });
      expect(again.partnersToCreate).toEqual([]);
      expect(again.relationshipsToCreate).toEqual([]);
      expect(again.needsCountry).toEqual([]);
      expect(again.skipped).toHaveLength(16);
      expect(again.skipped.every((s) => s.reason === 'relationship-exists')).toBe(true);

      // The partner of unknown country is found by its Wikidata id, not created a second time.
      const withDalian = new Map([...ROSTOCK_TWIN_COUNTRIES, ['Q74881', 'cn']]);
      const third = planTwinningImport({ ...input, existingPartners: partners, partnersWithRelationship: related, countries: withDalian });
      expect([third.partnersToCreate, third.relationshipsToCreate, third.needsCountry]).toEqual([[], [], []]);
    });

    it('is deterministic', () => {
      expect(planTwinningImport(input)).toEqual(planTwinningImport(input));
    });
  });

  it('matches an existing partner by Wikidata id, or by normalised name and country, and relates it without creating it', () => {
    const plan = planTwinningImport({
      jurisdictionQid: 'Q2861',
      ties: [
        { counterpartQid: 'Q52502', counterpartLabel: 'Göteborg', since: '1965-01-01' },
        { counterpartQid: 'Q1773', counterpartLabel: 'Riga' },
        { counterpartQid: 'Q393', counterpartLabel: 'Stettin' },
      ],
      existingPartners: [
        { partnerId: 'a', name: 'GOTEBORG ', country: 'SE' },
        { partnerId: 'b', name: 'Rīga', country: 'LV', wikidataId: 'Q1773' },
        { partnerId: 'c', name: 'Stettin', country: 'PL' },
      ],
      partnersWithRelationship: new Set(['c']),
      countries: new Map([['Q52502', 'SE'], ['Q393', 'PL']]),
    });
    expect(plan.partnersToCreate).toEqual([]);
    expect(plan.relationshipsToCreate).toEqual([
      { partner: { partnerId: 'a' }, type: 'sister-city', status: 'prospective', since: '1965-01-01', wikidataId: 'Q52502' },
      { partner: { partnerId: 'b' }, type: 'sister-city', status: 'prospective', wikidataId: 'Q1773' },
    ]);
    expect(plan.skipped).toEqual([{ wikidataId: 'Q393', reason: 'relationship-exists', partnerId: 'c', detail: 'Stettin already has a relationship' }]);
  });

  it('keeps since/until from the entity JSON, skips repeated ties and ties to itself, and flags same-name places', () => {
    const plan = planTwinningImport({
      jurisdictionQid: 'Q2861',
      ties: [
        { counterpartQid: 'Q45797', counterpartLabel: 'Dunkerque', since: '1960-01-01', until: '1990-10-03' },
        { counterpartQid: 'Q45797', counterpartLabel: 'Dunkerque', since: '1995-01-01' },
        { counterpartQid: 'Q2861', counterpartLabel: 'Rostock' },
        { counterpartQid: 'Q99', counterpartLabel: 'dunkerque' },
        { counterpartQid: 'Q7', counterpartLabel: 'Riga' },
        { counterpartQid: 'Q8', counterpartLabel: 'x'.repeat(300) },
      ],
      existingPartners: [{ partnerId: 'r', name: 'Riga', country: 'LV' }],
      partnersWithRelationship: new Set(),
      countries: new Map([['Q45797', 'FR'], ['Q99', 'FR'], ['Q7', 'Latvia'], ['Q8', 'DE']]),
    });
    expect(plan.relationshipsToCreate).toEqual([
      { partner: { newPartnerWikidataId: 'Q45797' }, type: 'sister-city', status: 'prospective', since: '1960-01-01', until: '1990-10-03', wikidataId: 'Q45797' },
      { partner: { newPartnerWikidataId: 'Q7' }, type: 'sister-city', status: 'prospective', wikidataId: 'Q7' },
    ]);
    expect(plan.skipped.map((s) => [s.wikidataId, s.reason])).toEqual([
      ['Q45797', 'duplicate-tie'],
      ['Q99', 'same-name-and-country-in-this-import'],
      ['Q8', 'invalid-partner'],
    ]);
    // "Latvia" is no ISO code: not guessed; created as unknown, and the same-named partner offered for a person to check.
    expect(plan.partnersToCreate).toContainEqual({ wikidataId: 'Q7', name: 'Riga', kind: 'city', country: null });
    expect(plan.needsCountry).toEqual([{ wikidataId: 'Q7', name: 'Riga', possibleMatches: ['r'] }]);
  });

  it('falls back to the QID as a name when no label is known', () => {
    const plan = planTwinningImport({
      jurisdictionQid: 'Q1',
      ties: [{ counterpartQid: 'Q5' }],
      existingPartners: [],
      partnersWithRelationship: new Set(),
    });
    expect(plan.partnersToCreate).toEqual([{ wikidataId: 'Q5', name: 'Q5', kind: 'city', country: null }]);
    expect(plan.needsCountry).toEqual([{ wikidataId: 'Q5', name: 'Q5', possibleMatches: [] }]);
  });

  it('tells apart two places of one name and unknown country by their Wikidata ids', () => {
    const plan = planTwinningImport({
      jurisdictionQid: 'Q1',
      ties: [
        { counterpartQid: 'Q1794', counterpartLabel: 'Frankfurt' },
        { counterpartQid: 'Q4024', counterpartLabel: 'Frankfurt' },
      ],
      existingPartners: [],
      partnersWithRelationship: new Set(),
    });
    expect(plan.partnersToCreate.map((p) => p.wikidataId)).toEqual(['Q1794', 'Q4024']);
    expect(plan.skipped).toEqual([]);
  });
});
