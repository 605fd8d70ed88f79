import { ValidationError } from '@entente/errors';
import {
  assertTransition,
  DormancyFacts,
  EstablishRelationshipInput,
  isDormant,
  parseRelationship,
  RELATIONSHIP_STATUSES,
  RELATIONSHIP_TRANSITIONS,
  RelationshipStatus,
} from './relationship.rules';

function fieldsOf(input: EstablishRelationshipInput): string[] {
  try {
    parseRelationship(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).problems.map((p) => p.field);
  }
  throw new Error('expected a validation error');
}

describe('parseRelationship', () => {
  it('normalises a complete relationship', () => {
    expect(
      parseRelationship({
        partnerId: ' p-1 ',
        type: 'sister-city',
        status: 'active',
        since: '1987-05-12',
        until: '2030-12-31',
        formalBasis: ' Council resolution   87/12 ',
        politicalCycle: 'Mayor Meyer 1985–1991',
        politicalChampion: 'Mayor',
        technicalOwner: 'A. Jensen',
        leadDepartment: 'Economic development',
        priorityIds: ['pr-1', ' pr-2', 'pr-1'],
      }),
    ).toEqual({
      partnerId: 'p-1',
      type: 'sister-city',
      status: 'active',
      since: '1987-05-12',
      until: '2030-12-31',
      formalBasis: 'Council resolution 87/12',
      politicalCycle: 'Mayor Meyer 1985–1991',
      politicalChampion: 'Mayor',
      technicalOwner: 'A. Jensen',
      leadDepartment: 'Economic development',
      priorityIds: ['pr-1', 'pr-2'],
    });
  });

  it('starts prospective when no status is given', () => {
    expect(parseRelationship({ partnerId: 'p-1', type: 'mou' })).toEqual({
      partnerId: 'p-1',
      type: 'mou',
      status: 'prospective',
      since: null,
      until: null,
      formalBasis: null,
      politicalCycle: null,
      politicalChampion: null,
      technicalOwner: null,
      leadDepartment: null,
      priorityIds: [],
    });
  });

  it('accepts since and until on the same day', () => {
    expect(parseRelationship({ partnerId: 'p', type: 'friendship', since: '2020-01-01', until: '2020-01-01' }).until).toBe('2020-01-01');
  });

  const ok: EstablishRelationshipInput = { partnerId: 'p-1', type: 'trade-office' };
  it.each([
    ['missing partner', { ...ok, partnerId: undefined }, ['partnerId']],
    ['blank partner', { ...ok, partnerId: ' ' }, ['partnerId']],
    ['unknown type', { ...ok, type: 'twinning' }, ['type']],
    ['missing type', { partnerId: 'p' }, ['type']],
    ['unknown status', { ...ok, status: 'paused' }, ['status']],
    ['bad since', { ...ok, since: '2020-13-01' }, ['since']],
    ['bad until', { ...ok, until: 'soon' }, ['until']],
    ['until before since', { ...ok, since: '2020-02-01', until: '2020-01-31' }, ['until']],
    ['formal basis of 201 characters', { ...ok, formalBasis: 'x'.repeat(201) }, ['formalBasis']],
    ['political cycle of 201 characters', { ...ok, politicalCycle: 'x'.repeat(201) }, ['politicalCycle']],
    ['political champion of 201 characters', { ...ok, politicalChampion: 'x'.repeat(201) }, ['politicalChampion']],
    ['technical owner of 201 characters', { ...ok, technicalOwner: 'x'.repeat(201) }, ['technicalOwner']],
    ['lead department of 201 characters', { ...ok, leadDepartment: 'x'.repeat(201) }, ['leadDepartment']],
    ['51 priorities', { ...ok, priorityIds: Array.from({ length: 51 }, (_, i) => `pr-${i}`) }, ['priorityIds']],
    ['an empty priority id', { ...ok, priorityIds: ['pr-1', ''] }, ['priorityIds[1]']],
  ] as Array<[string, EstablishRelationshipInput, string[]]>)('rejects %s naming the field', (_case, input, fields) => {
    expect(fieldsOf(input)).toEqual(fields);
  });

  it('reports every bad field at once', () => {
    expect(fieldsOf({ type: 'x', status: 'y', since: '2021-01-01', until: '2020-01-01', technicalOwner: 'x'.repeat(300) })).toEqual([
      'partnerId',
      'type',
      'status',
      'until',
      'technicalOwner',
    ]);
  });
});

describe('status transitions', () => {
  const allowed: Array<[RelationshipStatus, RelationshipStatus]> = [
    ['prospective', 'active'],
    ['prospective', 'ended'],
    ['active', 'dormant'],
    ['active', 'ended'],
    ['dormant', 'active'],
    ['dormant', 'ended'],
  ];

  it.each(allowed)('allows %s → %s', (from, to) => {
    expect(() => assertTransition(from, to)).not.toThrow();
  });

  const refused = RELATIONSHIP_STATUSES.flatMap((from) =>
    RELATIONSHIP_STATUSES.filter((to) => !allowed.some(([f, t]) => f === from && t === to)).map((to): [RelationshipStatus, RelationshipStatus] => [from, to]),
  );

  it('refuses the ten other pairs, staying in place included', () => {
    expect(refused).toHaveLength(10);
    expect(refused).toContainEqual(['active', 'active']);
  });

  it.each(refused)('refuses %s → %s naming status and the allowed targets', (from, to) => {
    try {
      assertTransition(from, to);
      throw new Error('expected a validation error');
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      const [problem] = (error as ValidationError).problems;
      expect(problem?.field).toBe('status');
      for (const target of RELATIONSHIP_TRANSITIONS[from]) expect(problem?.message).toContain(target);
    }
  });

  it('says what to do instead of reopening an ended relationship', () => {
    expect(() => assertTransition('ended', 'active')).toThrow('record a new relationship instead');
  });

  it('lists the targets in the message', () => {
    expect(() => assertTransition('prospective', 'dormant')).toThrow('from prospective a relationship can become active or ended');
  });
});

describe('isDormant', () => {
  const base: DormancyFacts = { status: 'active', lastEngagementAt: '2024-03-15', since: null, createdAt: new Date('2020-01-01T00:00:00Z') };
  const at = (iso: string): Date => new Date(`${iso}T12:00:00Z`);

  it('is not dormant exactly twelve months after the last engagement', () => {
    expect(isDormant(base, at('2025-03-15'))).toBe(false);
  });

  it('is dormant the day after', () => {
    expect(isDormant(base, at('2025-03-16'))).toBe(true);
  });

  it('counts a configurable number of calendar months', () => {
    expect(isDormant(base, at('2024-09-15'), 6)).toBe(false);
    expect(isDormant(base, at('2024-09-16'), 6)).toBe(true);
  });

  it('clamps to the end of a shorter month', () => {
    const endOfJanuary = { ...base, lastEngagementAt: '2024-01-31' };
    expect(isDormant(endOfJanuary, at('2024-02-29'), 1)).toBe(false);
    expect(isDormant(endOfJanuary, at('2024-03-01'), 1)).toBe(true);
  });

  it('with no engagement counts from the since date', () => {
    const quiet = { ...base, lastEngagementAt: null, since: '2023-06-01' };
    expect(isDormant(quiet, at('2024-06-01'))).toBe(false);
    expect(isDormant(quiet, at('2024-06-02'))).toBe(true);
  });

  it('with neither engagement nor since date counts from creation', () => {
    const fresh = { ...base, lastEngagementAt: null, since: null, createdAt: new Date('2024-05-10T09:00:00Z') };
    expect(isDormant(fresh, at('2025-05-10'))).toBe(false);
    expect(isDormant(fresh, at('2025-05-11'))).toBe(true);
  });

  it('counts from the since date when the tie was formalised after the last engagement', () => {
    const renewed = { ...base, lastEngagementAt: '2020-01-01', since: '2024-12-01' };
    expect(isDormant(renewed, at('2025-06-01'))).toBe(false);
  });

  it.each(['prospective', 'dormant', 'ended'] as const)('never reports a %s relationship', (status) => {
    expect(isDormant({ ...base, status }, at('2030-01-01'))).toBe(false);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses %p months naming dormancyMonths', (months) => {
    expect(() => isDormant(base, at('2025-01-01'), months)).toThrow('dormancyMonths');
  });
});
