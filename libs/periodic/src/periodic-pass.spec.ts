import { PeriodicPass } from './periodic-pass';

/** A pass that waits until the test lets it end. */
function gatedWork() {
  const started: number[] = [];
  const gates: Array<() => void> = [];
  const run = () =>
    new Promise<void>((resolve) => {
      started.push(started.length + 1);
      gates.push(resolve);
    });
  const release = async () => {
    gates.shift()?.();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { started, run, release };
}

describe('PeriodicPass', () => {
  afterEach(() => jest.useRealTimers());

  it('runs one more pass after the running one, however many asked during it', async () => {
    const work = gatedWork();
    const pass = new PeriodicPass({ everyMs: 60_000, run: work.run, onError: () => undefined });
    const first = pass.now();
    pass.kick();
    pass.kick();
    const joined = pass.now();
    expect(work.started).toEqual([1]);
    await work.release();
    expect(work.started).toEqual([1, 2]);
    await work.release();
    await Promise.all([first, joined]);
    expect(work.started).toEqual([1, 2]);
    // Idle again: the next ask is a pass of its own.
    const later = pass.now();
    expect(work.started).toEqual([1, 2, 3]);
    await work.release();
    await later;
  });

  it('stop waits for the pass in progress and stops the timer', async () => {
    jest.useFakeTimers();
    let passes = 0;
    let finish!: () => void;
    const pass = new PeriodicPass({
      everyMs: 1_000,
      run: () => {
        passes += 1;
        return new Promise<void>((resolve) => (finish = resolve));
      },
      onError: () => undefined,
    });
    pass.start();
    pass.start();
    expect(pass.started).toBe(true);
    jest.advanceTimersByTime(1_000);
    expect(passes).toBe(1);
    let stopped = false;
    const stopping = pass.stop().then(() => (stopped = true));
    await Promise.resolve();
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(stopped).toBe(true);
    expect(pass.started).toBe(false);
    jest.advanceTimersByTime(10_000);
    expect(passes).toBe(1);
  });

  it('hands a failed pass to onError from kick, rejects now() with it, and runs the next pass', async () => {
    const failures: string[] = [];
    let calls = 0;
    const pass = new PeriodicPass({
      everyMs: 60_000,
      run: async () => {
        calls += 1;
        if (calls === 1) throw new Error('store unreachable');
        if (calls === 2) throw 'not an Error';
      },
      onError: (error) => failures.push(error.message),
    });
    pass.kick();
    await new Promise((resolve) => setImmediate(resolve));
    await expect(pass.now()).rejects.toBe('not an Error');
    await expect(pass.now()).resolves.toBeUndefined();
    expect(failures).toEqual(['store unreachable']);
    expect(calls).toBe(3);
  });

  it('kicks a pass every period once started', async () => {
    jest.useFakeTimers();
    let passes = 0;
    const pass = new PeriodicPass({ everyMs: 500, run: async () => void (passes += 1), onError: () => undefined });
    pass.start();
    expect(passes).toBe(0);
    for (let period = 1; period <= 3; period += 1) {
      jest.advanceTimersByTime(500);
      await Promise.resolve();
      await Promise.resolve();
    }
    expect(passes).toBe(3);
    await pass.stop();
  });
});
