import { ValidationError } from '@entente/errors';
import { applyProfileUpdate, checkGrantableRoles, checkStatusChange, parseInvitee, parseOnboarding } from './jurisdiction.rules';

const ROSTOCK = {
  id: 'rostock',
  name: '  Hanseatic   City of Rostock ',
  level: 'city',
  country: 'de',
  subdivision: 'de-mv',
  wikidataId: 'q2861',
  timeZone: 'Europe/Berlin',
  currency: 'eur',
  fiscalYearStart: '01-01',
  languages: ['de', 'EN-gb', 'de'],
  population: 209061,
};

function problemsOf(run: () => unknown): Array<{ field: string; message: string }> {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return [...error.problems];
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('parseOnboarding', () => {
  it('normalises a good profile', () => {
    expect(parseOnboarding(ROSTOCK)).toEqual({
      jurisdictionId: 'rostock',
      profile: {
        name: 'Hanseatic City of Rostock',
        level: 'city',
        country: 'DE',
        subdivision: 'DE-MV',
        wikidataId: 'Q2861',
        timeZone: 'Europe/Berlin',
        currency: 'EUR',
        fiscalYearStart: '01-01',
        languages: ['de', 'en-GB'],
        population: 209061,
      },
    });
  });

  it('names every bad field at once', () => {
    const problems = problemsOf(() =>
      parseOnboarding({
        id: 'Rostock!',
        name: '',
        level: 'town',
        country: 'XX',
        subdivision: 'US-MD',
        wikidataId: 'P190',
        timeZone: 'Mars/Olympus',
        currency: 'EURO',
        fiscalYearStart: '02-30',
        languages: ['not a tag'],
        population: -3,
      }),
    );
    expect(problems.map((p) => p.field).sort()).toEqual(
      ['country', 'currency', 'fiscalYearStart', 'id', 'languages.0', 'level', 'name', 'population', 'timeZone', 'wikidataId'].sort(),
    );
  });

  it('refuses a subdivision of another country and reserved ids', () => {
    expect(problemsOf(() => parseOnboarding({ ...ROSTOCK, subdivision: 'US-MD' }))).toEqual([
      { field: 'subdivision', message: expect.stringContaining('is not a subdivision of DE') },
    ]);
    expect(problemsOf(() => parseOnboarding({ ...ROSTOCK, id: 'platform' }))).toEqual([{ field: 'id', message: expect.stringContaining('reserved') }]);
  });

  it('requires the fields a profile cannot do without', () => {
    const problems = problemsOf(() => parseOnboarding({ id: 'x-y' }));
    expect(problems.map((p) => p.field).sort()).toEqual(['country', 'currency', 'fiscalYearStart', 'languages', 'level', 'name', 'timeZone']);
  });
});

describe('applyProfileUpdate', () => {
  const current = parseOnboarding(ROSTOCK).profile;

  it('changes only the given fields and reports which changed', () => {
    const { profile, changed } = applyProfileUpdate(current, { population: 210000, currency: 'EUR', subdivision: null });
    expect(profile).toEqual({ ...current, population: 210000, subdivision: null });
    expect(changed).toEqual(['subdivision', 'population']);
  });

  it('reports nothing changed for the same values', () => {
    expect(applyProfileUpdate(current, { name: 'Hanseatic City of Rostock' }).changed).toEqual([]);
  });

  it('refuses clearing a required field and an incoherent result', () => {
    expect(problemsOf(() => applyProfileUpdate(current, { name: null })).map((p) => p.field)).toEqual(['name']);
    expect(problemsOf(() => applyProfileUpdate(current, { country: 'PL' })).map((p) => p.field)).toEqual(['subdivision']);
  });
});

describe('checkStatusChange', () => {
  it('allows activation, suspension and reactivation', () => {
    expect(() => checkStatusChange('onboarding', 'active')).not.toThrow();
    expect(() => checkStatusChange('active', 'suspended')).not.toThrow();
    expect(() => checkStatusChange('suspended', 'active')).not.toThrow();
  });

  it('refuses offboarding by hand, leaving offboarded, and no-ops', () => {
    expect(problemsOf(() => checkStatusChange('active', 'offboarded'))[0]?.message).toMatch(/offboardJurisdiction/);
    expect(problemsOf(() => checkStatusChange('offboarded', 'active'))[0]?.field).toBe('status');
    expect(problemsOf(() => checkStatusChange('active', 'active'))[0]?.message).toMatch(/already active/);
    expect(problemsOf(() => checkStatusChange('active', 'onboarding'))[0]?.message).toMatch(/can become suspended/);
  });
});

describe('checkGrantableRoles', () => {
  it('lets a jurisdiction-admin grant the jurisdiction roles, deduplicated', () => {
    expect(checkGrantableRoles(['jurisdiction-admin'], ['staff', 'viewer', 'staff'])).toEqual(['staff', 'viewer']);
  });

  it('never grants platform-admin, and regional-coordinator only by a platform-admin', () => {
    expect(problemsOf(() => checkGrantableRoles(['jurisdiction-admin'], ['platform-admin']))[0]?.message).toMatch(/cannot grant platform-admin/);
    expect(problemsOf(() => checkGrantableRoles(['jurisdiction-admin'], ['regional-coordinator']))[0]?.field).toBe('roles');
    expect(checkGrantableRoles(['platform-admin'], ['regional-coordinator'])).toEqual(['regional-coordinator']);
    expect(problemsOf(() => checkGrantableRoles(['platform-admin'], ['platform-admin']))[0]?.field).toBe('roles');
    expect(problemsOf(() => checkGrantableRoles(['platform-admin'], []))[0]?.field).toBe('roles');
  });
});

describe('parseInvitee', () => {
  it('lower-cases the email and trims names', () => {
    expect(parseInvitee({ email: ' Anna.Schmidt@Rostock.DE ', firstName: ' Anna ', lastName: 'Schmidt' })).toEqual({
      email: 'anna.schmidt@rostock.de',
      firstName: 'Anna',
      lastName: 'Schmidt',
    });
  });

  it.each(['Anna (Ann)', 'Smith; drop', '../../etc/passwd', '<script>', 'a\u0000b', 'Ada & Co'])('refuses the name %p, which Keycloak refuses', (name) => {
    expect(problemsOf(() => parseInvitee({ email: 'ada@example.org', firstName: name, lastName: 'Lovelace' })).map((p) => p.field)).toEqual(['firstName']);
  });

  it("keeps names Keycloak takes: apostrophes, hyphens, accents, other scripts", () => {
    expect(parseInvitee({ email: 'ada@example.org', firstName: "Zoë-Anne", lastName: "O'Brien 東" })).toMatchObject({ firstName: 'Zoë-Anne', lastName: "O'Brien 東" });
  });

  it.each(["o'brien@example.org", 'a#b@example.org', 'a/b@example.org', 'a..b@example.org', 'jürgen@example.org', 'a@b'])('refuses the email %p, which Keycloak refuses as a username', (email) => {
    expect(problemsOf(() => parseInvitee({ email, firstName: 'Ada', lastName: 'Lovelace' })).map((p) => p.field)).toEqual(['email']);
  });

  it('names the bad fields under the given prefix', () => {
    expect(problemsOf(() => parseInvitee({ email: 'not-an-email', firstName: '', lastName: 'x'.repeat(101) }, 'firstAdmin.')).map((p) => p.field)).toEqual([
      'firstAdmin.email',
      'firstAdmin.firstName',
      'firstAdmin.lastName',
    ]);
  });
});
