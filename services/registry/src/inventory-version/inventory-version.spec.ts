import { bracketWrite } from './inventory-version.repository';

/** A log of what happened in which order, with a bump that can be made to fail. */
function recorder(options: { failBump?: number[] } = {}) {
  const log: string[] = [];
  let bumps = 0;
  const bump = async () => {
    bumps += 1;
    if (options.failBump?.includes(bumps)) {
      log.push(`bump ${bumps} failed`);
      throw new Error(`bump ${bumps} failed`);
    }
    log.push(`bump ${bumps}`);
  };
  return { log, bump };
}

describe('bracketWrite', () => {
  it('bumps the version before and after the write, and returns what the write returned', async () => {
    const { log, bump } = recorder();
    const result = await bracketWrite(bump, async () => {
      log.push('write');
      return 'saved';
    });
    expect(result).toBe('saved');
    expect(log).toEqual(['bump 1', 'write', 'bump 2']);
  });

  it('does not write when the first bump fails: a write nobody could see coming is not made', async () => {
    const { log, bump } = recorder({ failBump: [1] });
    const write = jest.fn(async () => 'saved');
    await expect(bracketWrite(bump, write)).rejects.toThrow('bump 1 failed');
    expect(write).not.toHaveBeenCalled();
    expect(log).toEqual(['bump 1 failed']);
  });

  it('still bumps after a failed write (it may have been applied) and reports the write’s own error', async () => {
    const duplicate = Object.assign(new Error('E11000 duplicate key'), { code: 11000 });
    const { log, bump } = recorder();
    await expect(
      bracketWrite(bump, async () => {
        log.push('write');
        throw duplicate;
      }),
    ).rejects.toBe(duplicate);
    expect(log).toEqual(['bump 1', 'write', 'bump 2']);
  });

  it('reports the write’s error, not the bump’s, when both fail', async () => {
    const { bump } = recorder({ failBump: [2] });
    await expect(
      bracketWrite(bump, async () => {
        throw new Error('write failed');
      }),
    ).rejects.toThrow('write failed');
  });

  it('fails a write whose second bump fails: nobody could then promise the views show it', async () => {
    const { log, bump } = recorder({ failBump: [2] });
    await expect(
      bracketWrite(bump, async () => {
        log.push('write');
        return 'saved';
      }),
    ).rejects.toThrow('bump 2 failed');
    expect(log).toEqual(['bump 1', 'write', 'bump 2 failed']);
  });
});
