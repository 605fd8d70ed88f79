import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addLease, dropLease, withProfileLock } from './lock';

describe('profile lock and leases', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'entente-lock-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('runs callers one after another and removes the lock', async () => {
    const order: string[] = [];
    const slow = withProfileLock(dir, 5000, async () => {
      order.push('a-start');
      await new Promise((r) => setTimeout(r, 50));
      order.push('a-end');
    });
    // same process: a lock held by our own pid is treated as stale, so the second
    // caller is sequenced by awaiting here (cross-process waiting is the real use)
    await slow;
    await withProfileLock(dir, 5000, async () => order.push('b'));
    expect(order).toEqual(['a-start', 'a-end', 'b']);
    expect(existsSync(join(dir, 'up.lock'))).toBe(false);
  });

  it('takes over a lock whose owner is dead', async () => {
    writeFileSync(join(dir, 'up.lock'), '999999999');
    await expect(withProfileLock(dir, 1000, async () => 'ok')).resolves.toBe('ok');
  });

  it('reports other live leaseholders and drops stale ones', () => {
    addLease(dir);
    mkdirSync(join(dir, 'leases'), { recursive: true });
    writeFileSync(join(dir, 'leases', '999999999'), ''); // dead
    writeFileSync(join(dir, 'leases', String(process.ppid)), ''); // alive
    expect(dropLease(dir)).toEqual([process.ppid]);
    expect(readdirSync(join(dir, 'leases'))).toEqual([String(process.ppid)]);
  });
});
