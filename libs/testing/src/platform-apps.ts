import { readFileSync } from 'node:fs';

/**
 * Still running, and one of the platform's compiled apps (a pid may have been
 * reused since it was recorded; a killed app nobody reaps is a zombie with an
 * empty command line, and counts as gone). No path aliases here: the global
 * teardown loads it outside jest's module mapping.
 */
export function isPlatformApp(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('/dist/');
  } catch {
    return false;
  }
}
