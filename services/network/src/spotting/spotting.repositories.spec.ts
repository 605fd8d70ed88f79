import { isNewerCall } from './spotting.repositories';

describe('which state of a funding call spotting keeps', () => {
  it('keeps a higher version, and at the same version the state further along (opened, then closed), never an overtaken one', () => {
    expect(isNewerCall({ version: 2, status: 'open' }, { version: 1, status: 'closed' })).toBe(true);
    expect(isNewerCall({ version: 1, status: 'closed' }, { version: 1, status: 'open' })).toBe(true);
    expect(isNewerCall({ version: 1, status: 'open' }, { version: 1, status: 'closed' })).toBe(false);
    expect(isNewerCall({ version: 1, status: 'open' }, { version: 1, status: 'open' })).toBe(false);
    expect(isNewerCall({ version: 1, status: 'forecasted' }, { version: 2, status: 'forecasted' })).toBe(false);
  });
});
