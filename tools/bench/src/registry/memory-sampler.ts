/** Resident set and V8 heap, in bytes. */
export interface MemoryFigures {
  rss: number;
  heapUsed: number;
}

export interface MemoryPeaks {
  baseline: MemoryFigures;
  /** The highest of the samples taken during the run. */
  peak: MemoryFigures;
  /** The highest resident set during the run: the kernel's high-water mark (getrusage ru_maxrss) when the run raised it, which no sample can miss; else the highest sample. */
  peakRss: number;
  samples: number;
}

function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * Peak extra memory of a run over a baseline. A timer samples every few
 * milliseconds, callers add samples at phase ends (synchronous stretches hold
 * the timer off), and the kernel's RSS high-water mark covers what sampling
 * misses. Run in a fresh process with --expose-gc so the baseline is the
 * collected heap of a process that has loaded its code and nothing else.
 */
export class MemorySampler {
  private readonly baseline: MemoryFigures;
  private readonly peak: MemoryFigures;
  /** Loading code may have peaked higher than the run will: only a mark the run raises is the run's. */
  private readonly maxRssBefore: number;
  private samples = 0;
  private timer?: NodeJS.Timeout;

  constructor(private readonly intervalMs = 5) {
    collectGarbage();
    const { rss, heapUsed } = process.memoryUsage();
    this.baseline = { rss, heapUsed };
    this.peak = { rss, heapUsed };
    this.maxRssBefore = maxRss();
  }

  start(): this {
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    return this;
  }

  sample(): void {
    const { rss, heapUsed } = process.memoryUsage();
    this.samples += 1;
    if (rss > this.peak.rss) this.peak.rss = rss;
    if (heapUsed > this.peak.heapUsed) this.peak.heapUsed = heapUsed;
  }

  stop(): MemoryPeaks {
    if (this.timer) clearInterval(this.timer);
    this.sample();
    const mark = maxRss();
    const peakRss = mark > this.maxRssBefore ? Math.max(mark, this.peak.rss) : this.peak.rss;
    return { baseline: { ...this.baseline }, peak: { ...this.peak }, peakRss, samples: this.samples };
  }
}

function maxRss(): number {
  return process.resourceUsage().maxRSS * 1024;
}
