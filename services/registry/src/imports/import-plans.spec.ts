import { deterministicId } from './import-job.rules';
import { KnownPartner, planAssetsCsv, planPartnersCsv, planRelationshipsCsv, planTies } from './import-plans';
import { planTwinningImport } from './twinning-import-plan';

const PARTNERS: KnownPartner[] = [
  { partnerId: 'p-aarhus', name: 'Aarhus', country: 'DK', wikidataId: 'Q25319' },
  { partnerId: 'p-riga', name: 'Rīga', country: 'LV', wikidataId: null },
  { partnerId: 'p-dalian', name: 'Dalian', country: null, wikidataId: 'Q74881' },
];

describe('planPartnersCsv', () => {
  it('creates each new partner under an id fixed by job and row, leaving out partners already there or repeated', () => {
    const result = planPartnersCsv('job-1', 'name,kind,country,wikidataId\nTurku,city,FI,Q38511\nRiga,city,lv,\nAarhus Kommune,city,DK,Q25319\nturku,city,FI,\n', PARTNERS);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan.steps).toEqual([
      { type: 'partner', row: 2, id: deterministicId('job-1', 'row:2'), partner: { name: 'Turku', kind: 'city', country: 'FI', wikidataId: 'Q38511' } },
    ]);
    expect(result.plan.notes.map((n) => [n.row, n.field])).toEqual([
      [3, 'name'],
      [4, 'wikidataId'],
      [5, 'name'],
    ]);
    expect(result.plan.notes[2]?.reason).toBe('skipped: the same partner as row 2');
    expect(result.plan.skipped).toBe(3);
  });

  it('imports the rows whose country it reads by name, and reports each row it left out for its country', () => {
    const csv = 'name,kind,country\nGroningen,city,the Netherlands\nPoseidonis,city,Atlantis\nAarhus,city,Denmark\nDortmund,city,Deutschland\n';
    const result = planPartnersCsv('job-1', csv, PARTNERS);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan.steps.map((step) => [step.row, step.type === 'partner' && step.partner.country])).toEqual([
      [2, 'NL'],
      [5, 'DE'],
    ]);
    expect(result.plan.notes).toEqual([
      { row: 3, field: 'country', reason: 'row left out: cannot place "Atlantis" as a country; use its English or German name or an ISO code such as NL' },
      { row: 4, field: 'name', reason: 'skipped: the same partner as partner p-aarhus (Aarhus)' },
    ]);
    expect(result.plan.skipped).toBe(2);
  });

  it('returns the problems of a bad file and no steps', () => {
    expect(planPartnersCsv('job-1', 'name,kind,country\nTurku,village,FI\n', [])).toEqual({
      ok: false,
      problems: [{ row: 2, field: 'kind', reason: expect.stringContaining('must be one of') }],
    });
  });
});

describe('planAssetsCsv', () => {
  it('reads lists separated by ";", GraphQL-style vocabulary and a magnitude from three columns', () => {
    const csv = 'name,category,type,countries,sectors,magnitudeValue,magnitudeUnit,magnitudeCurrency,asOf\nMaersk,ECONOMIC_FOUNDATIONS,inbound-fdi,DK;se,Logistics; Shipping,120000000,money,EUR,2024-01-01\n';
    const result = planAssetsCsv('job-2', csv, new Date('2025-01-01T00:00:00Z'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan.steps[0]).toMatchObject({
      type: 'asset',
      row: 2,
      id: deterministicId('job-2', 'row:2'),
      asset: { name: 'Maersk', category: 'economic-foundations', type: 'inbound-fdi', countries: ['DK', 'SE'], sectors: ['Logistics', 'Shipping'], magnitude: { value: 120000000, unit: 'money', currency: 'EUR' } },
    });
  });

  it('names the CSV column of each problem, and the item within a list', () => {
    const csv = 'name,category,type,countries,magnitudeValue,magnitudeUnit,asOf\nX,economic-foundations,key-industry,DE;Germania,1.5e,jobs,2024-01-01\n,innovation-strengths,university,,10,EUR,\n';
    const result = planAssetsCsv('job-2', csv, new Date('2025-01-01T00:00:00Z'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.row, p.field])).toEqual([
      [2, 'countries'],
      [2, 'magnitudeValue'],
      [3, 'name'],
      [3, 'magnitudeUnit'],
      [3, 'asOf'],
    ]);
    expect(result.problems[0]?.reason).toBe('item 2: cannot place "Germania" as a country; use its English or German name or an ISO code such as NL');
  });
});

describe('planRelationshipsCsv', () => {
  const header = 'type,partnerId,partnerWikidataId,partnerName,partnerCountry,status,since\n';

  it('finds each row’s partner by id, Wikidata id, or name and country, and leaves out ties already there', () => {
    const csv = `${header}SISTER_CITY,p-riga,,,,active,1961-01-01\nfriendship,,Q25319,,,,\nmou,,,RIGA,LV,,\nsister-city,,,Aarhus,DK,,\n`;
    const result = planRelationshipsCsv('job-3', csv, PARTNERS, [{ partnerId: 'p-aarhus', type: 'sister-city' }]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan.steps.map((s) => [s.row, s.type === 'relationship' && s.relationship.partnerId, s.type === 'relationship' && s.relationship.type])).toEqual([
      [2, 'p-riga', 'sister-city'],
      [3, 'p-aarhus', 'friendship'],
      [4, 'p-riga', 'mou'],
    ]);
    expect(result.plan.notes).toEqual([{ row: 5, field: 'type', reason: 'skipped: Aarhus already has a sister-city relationship' }]);
  });

  it('finds a partner by its country’s name, and leaves out a row whose partnerCountry it cannot place', () => {
    const csv = `${header}mou,,,Riga,Latvia,,\nmou,,,Riga,Lettland,,\nfriendship,,,Riga,Livonia,,\n`;
    const result = planRelationshipsCsv('job-3', csv, PARTNERS, []);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan.steps.map((s) => [s.row, s.type === 'relationship' && s.relationship.partnerId])).toEqual([[2, 'p-riga']]);
    expect(result.plan.notes).toEqual([
      { row: 3, field: 'type', reason: 'skipped: Rīga already has a mou relationship' },
      { row: 4, field: 'partnerCountry', reason: 'row left out: cannot place "Livonia" as a country; use its English or German name or an ISO code such as NL' },
    ]);
    expect(result.plan.skipped).toBe(2);
  });

  it('lists the rows it would leave out with the problems of a file that fails', () => {
    const csv = `${header}mou,,,Riga,Livonia,,\nmou,nobody,,,,,\n`;
    expect(planRelationshipsCsv('job-3', csv, PARTNERS, [])).toEqual({
      ok: false,
      problems: [
        { row: 2, field: 'partnerCountry', reason: expect.stringContaining('cannot place "Livonia"') },
        { row: 3, field: 'partnerId', reason: expect.stringContaining('no partner nobody') },
      ],
    });
  });

  it('reports each row whose partner is unknown or not named, with the rules’ own problems', () => {
    const csv = `${header}mou,nobody,,,,,\nmou,,Q1,,,,\nmou,,,Turku,FI,,\nmou,,,,,,\nmou,p-riga,,,,sleeping,2020-13-01\n`;
    const result = planRelationshipsCsv('job-3', csv, PARTNERS, []);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.row, p.field])).toEqual([
      [2, 'partnerId'],
      [3, 'partnerWikidataId'],
      [4, 'partnerName'],
      [5, 'partnerId'],
      [6, 'status'],
      [6, 'since'],
    ]);
  });
});

describe('planTies', () => {
  it('creates partners of unknown country and their prospective ties, flags the country, and uses fixed ids', () => {
    const twinning = planTwinningImport({
      jurisdictionQid: 'Q2861',
      ties: [
        { counterpartQid: 'Q1773', counterpartLabel: 'Riga' },
        { counterpartQid: 'Q74881', counterpartLabel: 'Dalian' },
        { counterpartQid: 'Q38511', counterpartLabel: 'Turku', since: '1959-01-01' },
      ],
      existingPartners: PARTNERS,
      partnersWithRelationship: new Set(['p-dalian']),
    });
    const result = planTies('job-4', twinning, (qid) => ['Q1773', 'Q74881', 'Q38511'].indexOf(qid) + 1);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const turkuId = deterministicId('job-4', 'partner:Q38511');
    expect(result.plan.steps.map((s) => [s.type, s.row])).toEqual([
      ['partner', 1],
      ['partner', 3],
      ['relationship', 1],
      ['relationship', 3],
    ]);
    expect(result.plan.steps[1]).toEqual({ type: 'partner', row: 3, id: turkuId, partner: { name: 'Turku', kind: 'city', country: null, wikidataId: 'Q38511' } });
    expect(result.plan.steps[3]).toEqual({
      type: 'relationship',
      row: 3,
      id: deterministicId('job-4', 'relationship:Q38511'),
      relationship: expect.objectContaining({ partnerId: turkuId, type: 'sister-city', status: 'prospective', since: '1959-01-01', until: null }),
    });
    // Riga (LV) is not matched by name without a country, so it is created too, flagged; Dalian is matched by Wikidata id and already related.
    expect(result.plan.skipped).toBe(1);
    expect(result.plan.notes.map((n) => [n.row, n.field])).toEqual([
      [1, 'country'],
      [2, 'Q74881'],
      [3, 'country'],
    ]);
    expect(result.plan.notes[0]?.reason).toBe('Riga (Q1773) was created with an unknown country; set it on the partner (same name as partner p-riga: perhaps the same place)');
  });

  it('fails on a tie whose end is before its start, applying none', () => {
    const twinning = planTwinningImport({
      jurisdictionQid: 'Q1',
      ties: [{ counterpartQid: 'Q5', counterpartLabel: 'Five', since: '2000-01-01', until: '1990-01-01' }],
      existingPartners: [],
      partnersWithRelationship: new Set(),
    });
    expect(planTies('job-5', twinning, () => 1)).toEqual({ ok: false, problems: [{ row: 1, field: 'until', reason: 'Q5: must not be before since (2000-01-01)' }] });
  });
});
