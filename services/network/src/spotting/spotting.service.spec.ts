import { isCovered } from './spotting.service';
import type { Evidence } from './suggestion';

const priority = (jurisdictionId: string): Evidence => ({ jurisdictionId, kind: 'priority', recordId: `${jurisdictionId}-p`, summary: 'a priority' });
const call: Evidence = { jurisdictionId: null, kind: 'call', recordId: 'opp-1', summary: 'a call' };

describe('which stored suggestions a reader is shown', () => {
  const active = new Set(['ams', 'lyo']);
  const granted = new Map([
    ['ams', { scopes: new Set(['priorities'] as const) }],
    ['lyo', { scopes: new Set(['priorities', 'partners'] as const) }],
  ]);

  it('shows one whose members are active and whose every record is of a scope granted now (a call needs no grant)', () => {
    expect(isCovered({ members: ['ams', 'lyo'], evidence: [call, priority('ams'), priority('lyo')] }, active, granted)).toBe(true);
  });

  it('holds back one naming a member no longer active, or showing a record of a scope no longer granted', () => {
    expect(isCovered({ members: ['ams', 'por'], evidence: [priority('ams')] }, active, granted)).toBe(false);
    expect(isCovered({ members: ['ams', 'lyo'], evidence: [{ ...priority('ams'), kind: 'partner' }, priority('lyo')] }, active, granted)).toBe(false);
    expect(isCovered({ members: ['ams'], evidence: [{ ...priority('ams'), jurisdictionId: null }] }, active, granted)).toBe(false);
  });
});
