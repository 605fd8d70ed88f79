import { KeyedBatcher } from './keyed-batcher';

describe('KeyedBatcher', () => {
  it('answers the calls made together for one key with one run, each with its own result', async () => {
    const runs: Array<[string, number[]]> = [];
    const batcher = new KeyedBatcher<number, number>(async (key, items) => {
      runs.push([key, items]);
      return items.map((item) => item * 10);
    });
    const answers = await Promise.all([batcher.load('a', 1), batcher.load('a', 2), batcher.load('b', 3), batcher.load('a', 4)]);
    expect(answers).toEqual([10, 20, 30, 40]);
    expect(runs).toEqual([
      ['a', [1, 2, 4]],
      ['b', [3]],
    ]);
  });

  it('gathers calls that arrive after a few awaits of the same turn, and starts a new batch on a later turn', async () => {
    const runs: number[][] = [];
    const batcher = new KeyedBatcher<number, number>(async (_key, items) => {
      runs.push(items);
      return items;
    });
    const late = async (item: number) => {
      await Promise.resolve();
      await Promise.resolve();
      return batcher.load('a', item);
    };
    await Promise.all([batcher.load('a', 1), late(2)]);
    await batcher.load('a', 3);
    expect(runs).toEqual([[1, 2], [3]]);
  });

  it('fails every call of a batch whose run fails, or answers the wrong number of results', async () => {
    const failing = new KeyedBatcher<number, number>(async () => {
      throw new Error('database unreachable');
    });
    await expect(Promise.all([failing.load('a', 1), failing.load('a', 2)])).rejects.toThrow('database unreachable');
    const short = new KeyedBatcher<number, number>(async () => [1]);
    const results = await Promise.allSettled([short.load('a', 1), short.load('a', 2)]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
  });
});
