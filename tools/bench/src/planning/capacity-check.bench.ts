import { performance } from 'node:perf_hooks';
import { type CapacityCheck, checkCapacity, samplePlan } from '@entente/planning';
import { progress, runBenchProcess } from '../registry/bench-process';
import { TIMED_RUNS, timedRounds, WARM_UP_RUNS } from './timing';

/** What this process sends back (checked against measurements.ts's capacityCheckMeasurement). */
export interface CapacityCheckMeasurement {
  benchmark: 'capacity-check';
  activities: number;
  remedies: number;
  overages: number;
  fits: boolean;
  samplePlanMs: number;
  warmUpRuns: number;
  checkMs: number[];
}

const ACTIVITIES = 500;

runBenchProcess(async (): Promise<CapacityCheckMeasurement> => {
  const built = performance.now();
  const plan = samplePlan(ACTIVITIES);
  const samplePlanMs = performance.now() - built;
  progress(`checking a plan of ${plan.activities.length} activities ${TIMED_RUNS} times (after ${WARM_UP_RUNS} warm-up calls)`);
  const first = checkCapacity(plan);
  if (first.fits || first.remedies.length === 0) throw new Error('the sample plan should be over capacity, with remedies: the benchmark would time the short path');
  const sameRemedies = (result: unknown): void => {
    const count = (result as CapacityCheck).remedies.length;
    if (count !== first.remedies.length) throw new Error(`the check gave ${first.remedies.length} remedies, then ${count}`);
  };
  const { checkMs } = timedRounds(TIMED_RUNS, { checkMs: { call: () => checkCapacity(plan), check: sameRemedies } });
  return { benchmark: 'capacity-check', activities: plan.activities.length, remedies: first.remedies.length, overages: first.overages.length, fits: first.fits, samplePlanMs, warmUpRuns: WARM_UP_RUNS, checkMs };
});
