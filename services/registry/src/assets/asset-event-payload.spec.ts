import {
  ASSET_CONFIDENTIALITY_LEVELS,
  ASSET_EVENT_CATEGORIES,
  ASSET_EVENT_TYPES,
  AssetRecordedV1,
  AssetRemovedV1,
  AssetUpdatedV1,
  createEvent,
  InvalidEventError,
} from '@entente/contracts';
import { ASSET_CATEGORIES, ASSET_TYPES } from './asset-catalogue';
import { assetRemovedPayload, assetStatePayload } from './asset-event-payload';
import { AssetContent } from './asset.repository';
import { CONFIDENTIALITY_LEVELS } from './asset.rules';

const content: AssetContent = {
  name: 'Port logistics',
  description: 'Container terminal and its suppliers',
  category: 'economic-foundations',
  type: 'export-sector',
  countries: ['DK', 'SE'],
  sectors: ['Logistics'],
  magnitude: { value: 1_200_000, unit: 'money', currency: 'EUR' },
  sourceOrganisation: 'Chamber of commerce',
  asOf: '2025-12-31',
  confidentiality: 'network',
};

const INTERNAL_ONLY = ['name', 'description', 'magnitude', 'sourceOrganisation', 'asOf'];

describe('asset event payloads', () => {
  it('agree with the registry catalogue on categories, types and confidentiality levels', () => {
    expect([...ASSET_EVENT_CATEGORIES]).toEqual([...ASSET_CATEGORIES]);
    expect([...ASSET_EVENT_TYPES].sort()).toEqual([...ASSET_TYPES].sort());
    expect([...ASSET_CONFIDENTIALITY_LEVELS]).toEqual([...CONFIDENTIALITY_LEVELS]);
  });

  it.each(['network', 'public'] as const)('carry the whole state of a %s asset', (confidentiality) => {
    const payload = assetStatePayload('a-1', { ...content, confidentiality });
    expect(payload).toEqual({
      assetId: 'a-1',
      category: 'economic-foundations',
      type: 'export-sector',
      countries: ['DK', 'SE'],
      sectors: ['Logistics'],
      confidentiality,
      name: 'Port logistics',
      description: 'Container terminal and its suppliers',
      magnitude: { value: 1_200_000, unit: 'money', currency: 'EUR' },
      sourceOrganisation: 'Chamber of commerce',
      asOf: '2025-12-31',
    });
    expect(() => createEvent(AssetRecordedV1, { source: 'registry', jurisdictionId: 'j', aggregateId: 'a-1', payload })).not.toThrow();
  });

  it('carry no internal-only field of an internal asset', () => {
    const payload = assetStatePayload('a-2', { ...content, confidentiality: 'internal' });
    expect(payload).toEqual({
      assetId: 'a-2',
      category: 'economic-foundations',
      type: 'export-sector',
      countries: ['DK', 'SE'],
      sectors: ['Logistics'],
      confidentiality: 'internal',
    });
    for (const field of INTERNAL_ONLY) expect(payload).not.toHaveProperty(field);
    const event = createEvent(AssetUpdatedV1, { source: 'registry', jurisdictionId: 'j', aggregateId: 'a-2', payload });
    for (const field of INTERNAL_ONLY) expect(JSON.stringify(event)).not.toContain(`"${field}"`);
  });

  it('are refused on produce when an internal asset carries an internal-only field', () => {
    const leaking = { ...assetStatePayload('a-3', { ...content, confidentiality: 'internal' }), name: 'Port logistics' };
    expect(() => createEvent(AssetRecordedV1, { source: 'registry', jurisdictionId: 'j', aggregateId: 'a-3', payload: leaking })).toThrow(
      InvalidEventError,
    );
  });

  it('name the removed asset with its category and type only', () => {
    const payload = assetRemovedPayload({ ...content, assetId: 'a-4' });
    expect(payload).toEqual({ assetId: 'a-4', category: 'economic-foundations', type: 'export-sector' });
    expect(() => createEvent(AssetRemovedV1, { source: 'registry', jurisdictionId: 'j', aggregateId: 'a-4', payload })).not.toThrow();
  });
});
