import { createEvent } from '../envelope/event-factory';
import { InvalidEventError } from '../envelope/invalid-event.error';
import { OpportunityChangedV1, OpportunityPublishedV1 } from './opportunity-events.v1';
import { PLATFORM_WIDE } from './opportunity-vocabulary';
import { JURISDICTION_ID_PATTERN } from '../reference/jurisdiction-levels';

const state = {
  opportunityId: 'grants-gov:352871',
  sourceId: 'grants-gov',
  sourceRecordId: '352871',
  version: 1,
  title: 'Baltic Sister Cities',
  reference: 'DOS-ECA-27-001',
  funder: 'Bureau of Educational and Cultural Affairs',
  funderType: 'national' as const,
  url: null,
  status: 'open' as const,
  postedAt: '2026-11-01T04:00:00.000Z',
  closesAt: '2027-03-16T03:59:59.000Z',
  timeZone: 'America/New_York',
  award: { floor: null, ceiling: 250000, total: null, currency: 'USD' },
  costSharing: null,
  eligibleApplicantTypes: ['city-or-township-governments' as const],
  eligibleCountries: ['US'],
  themes: ['regional-development'],
  jointBidsAllowed: null,
};

describe('opportunity events', () => {
  it('travel in the envelope of a jurisdiction id no jurisdiction can have', () => {
    expect(JURISDICTION_ID_PATTERN.test(PLATFORM_WIDE)).toBe(false);
    const event = createEvent(OpportunityPublishedV1, { jurisdictionId: PLATFORM_WIDE, aggregateId: state.opportunityId, source: 'funding', payload: state });
    expect(event.payload.status).toBe('open');
  });

  it('refuse a change that names no field, and a bad country', () => {
    expect(() => createEvent(OpportunityChangedV1, { jurisdictionId: PLATFORM_WIDE, aggregateId: 'x', source: 'funding', payload: { ...state, changedFields: [] } })).toThrow(InvalidEventError);
    expect(() => createEvent(OpportunityPublishedV1, { jurisdictionId: PLATFORM_WIDE, aggregateId: 'x', source: 'funding', payload: { ...state, eligibleCountries: ['USA'] } })).toThrow(/eligibleCountries/);
  });
});
