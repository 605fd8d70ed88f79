/**
 * How the CLI shows a job while it runs: a bar redrawn in place on a
 * terminal, plain lines otherwise (a log or CI keeps every line, so it gets
 * one per change of status or tenth of the work, not a redraw per poll).
 */

export interface JobView {
  status: string;
  progress: { done: number; total: number };
}

const BAR_WIDTH = 30;

export function progressBar(job: JobView, width: number = BAR_WIDTH): string {
  const { done, total } = job.progress;
  const fraction = total > 0 ? Math.min(1, done / total) : 0;
  const filled = Math.round(fraction * width);
  const percent = `${Math.floor(fraction * 100)}%`.padStart(4);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${percent} ${done}/${total} ${job.status.toLowerCase()}`;
}

/** The plain line for a job, or null when nothing worth a new line has changed since `previous`. */
export function progressLine(job: JobView, previous: JobView | undefined): string | null {
  const tenth = (view: JobView): number => (view.progress.total > 0 ? Math.floor((10 * view.progress.done) / view.progress.total) : 0);
  if (previous && previous.status === job.status && tenth(previous) === tenth(job)) return null;
  return `${job.status.toLowerCase()}: ${job.progress.done} of ${job.progress.total}`;
}
