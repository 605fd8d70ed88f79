import { ViewCache, ViewCacheSettings } from './view-cache';

/** A cache on a clock the test moves, and a view that counts how often it is computed. */
function setUp(settings: Partial<ViewCacheSettings> = {}) {
  let now = 1_000;
  const cache = new ViewCache({ maxAgeMs: 30_000, maxRecords: 100, ...settings }, () => now);
  let computed = 0;
  const view =
    (value: string, weight = 1) =>
    async () => {
      computed += 1;
      return { value, weight };
    };
  const weigh = (result: { weight: number }) => result.weight;
  return {
    cache,
    view,
    weigh,
    computed: () => computed,
    at: (stamp: string) => ({ stamp, readAt: now }),
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('ViewCache', () => {
  it('serves a view computed at the same stamp without computing it again', async () => {
    const t = setUp();
    await t.cache.read('j1/table-one', t.at('s1'), t.view('first'), t.weigh);
    const again = await t.cache.read('j1/table-one', t.at('s1'), t.view('second'), t.weigh);
    expect(again.value).toBe('first');
    expect(t.computed()).toBe(1);
  });

  it('computes again as soon as the stamp is another one (a write happened)', async () => {
    const t = setUp();
    await t.cache.read('j1/table-one', t.at('s1'), t.view('before the write'), t.weigh);
    const after = await t.cache.read('j1/table-one', t.at('s2'), t.view('after the write'), t.weigh);
    expect(after.value).toBe('after the write');
    // And the old stamp's answer is gone: only the newest is kept per view.
    expect((await t.cache.read('j1/table-one', t.at('s2'), t.view('unused'), t.weigh)).value).toBe('after the write');
    expect(t.computed()).toBe(2);
  });

  it('never serves a view older than the maximum age, even at the same stamp', async () => {
    const t = setUp({ maxAgeMs: 30_000 });
    await t.cache.read('j1/table-one', t.at('s1'), t.view('old'), t.weigh);
    t.advance(30_000);
    expect((await t.cache.read('j1/table-one', t.at('s1'), t.view('fresh'), t.weigh)).value).toBe('old');
    t.advance(1);
    expect((await t.cache.read('j1/table-one', t.at('s1'), t.view('fresh'), t.weigh)).value).toBe('fresh');
  });

  it('counts the age from when the stamp was read, not from when the view was ready', async () => {
    const t = setUp({ maxAgeMs: 1_000 });
    const version = t.at('s1');
    t.advance(900);
    await t.cache.read('j1/table-one', version, t.view('slow'), t.weigh);
    t.advance(200);
    expect((await t.cache.read('j1/table-one', t.at('s1'), t.view('next'), t.weigh)).value).toBe('next');
  });

  it('keeps nothing without a stamp (a jurisdiction that never wrote) or when turned off', async () => {
    const t = setUp();
    await t.cache.read('j1/table-one', null, t.view('a'), t.weigh);
    await t.cache.read('j1/table-one', null, t.view('b'), t.weigh);
    expect(t.computed()).toBe(2);
    expect(t.cache.size.entries).toBe(0);

    const off = setUp({ maxAgeMs: 0 });
    expect(off.cache.enabled).toBe(false);
    await off.cache.read('j1/table-one', off.at('s1'), off.view('a'), off.weigh);
    await off.cache.read('j1/table-one', off.at('s1'), off.view('b'), off.weigh);
    expect(off.computed()).toBe(2);
  });

  it('keeps views apart by key (jurisdiction, view and its arguments)', async () => {
    const t = setUp();
    await t.cache.read('j1/country-profile:DK', t.at('s1'), t.view('j1 DK'), t.weigh);
    await t.cache.read('j1/country-profile:SE', t.at('s1'), t.view('j1 SE'), t.weigh);
    await t.cache.read('j2/country-profile:DK', t.at('s1'), t.view('j2 DK'), t.weigh);
    expect((await t.cache.read('j1/country-profile:SE', t.at('s1'), t.view('x'), t.weigh)).value).toBe('j1 SE');
    expect((await t.cache.read('j2/country-profile:DK', t.at('s1'), t.view('x'), t.weigh)).value).toBe('j2 DK');
    expect(t.computed()).toBe(3);
  });

  it('shares one computation between readers of the same stamp that arrive while it runs', async () => {
    const t = setUp();
    let release: (value: { value: string; weight: number }) => void = () => undefined;
    let started = 0;
    const slow = () => {
      started += 1;
      return new Promise<{ value: string; weight: number }>((resolve) => {
        release = resolve;
      });
    };
    const first = t.cache.read('j1/table-one', t.at('s1'), slow, t.weigh);
    const second = t.cache.read('j1/table-one', t.at('s1'), slow, t.weigh);
    release({ value: 'once', weight: 1 });
    expect([(await first).value, (await second).value]).toEqual(['once', 'once']);
    expect(started).toBe(1);
  });

  it('does not let a computation of an older stamp that finishes late replace the newer one', async () => {
    const t = setUp();
    let releaseOld: (value: { value: string; weight: number }) => void = () => undefined;
    const old = t.cache.read(
      'j1/table-one',
      t.at('s1'),
      () =>
        new Promise<{ value: string; weight: number }>((resolve) => {
          releaseOld = resolve;
        }),
      t.weigh,
    );
    await t.cache.read('j1/table-one', t.at('s2'), t.view('new'), t.weigh);
    releaseOld({ value: 'old', weight: 1 });
    expect((await old).value).toBe('old');
    expect((await t.cache.read('j1/table-one', t.at('s2'), t.view('unused'), t.weigh)).value).toBe('new');
    expect(t.cache.size).toEqual({ entries: 1, records: 1 });
  });

  it('forgets a computation that failed, so the next reader tries again', async () => {
    const t = setUp();
    await expect(t.cache.read('j1/table-one', t.at('s1'), () => Promise.reject(new Error('server gone')), t.weigh)).rejects.toThrow('server gone');
    expect((await t.cache.read('j1/table-one', t.at('s1'), t.view('recovered'), t.weigh)).value).toBe('recovered');
  });

  it('drops the least recently used views beyond the record bound, and never keeps one bigger than it', async () => {
    const t = setUp({ maxRecords: 10 });
    await t.cache.read('a', t.at('s1'), t.view('a', 4), t.weigh);
    await t.cache.read('b', t.at('s1'), t.view('b', 4), t.weigh);
    // Reading a makes b the least recently used.
    await t.cache.read('a', t.at('s1'), t.view('unused'), t.weigh);
    await t.cache.read('c', t.at('s1'), t.view('c', 4), t.weigh);
    expect(t.cache.size).toEqual({ entries: 2, records: 8 });
    expect((await t.cache.read('a', t.at('s1'), t.view('a again'), t.weigh)).value).toBe('a');
    expect((await t.cache.read('b', t.at('s1'), t.view('b again'), t.weigh)).value).toBe('b again');

    const huge = await t.cache.read('huge', t.at('s1'), t.view('huge', 11), t.weigh);
    expect(huge.value).toBe('huge');
    expect((await t.cache.read('huge', t.at('s1'), t.view('huge again', 11), t.weigh)).value).toBe('huge again');
  });
});
