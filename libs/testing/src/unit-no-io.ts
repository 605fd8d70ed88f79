// The unit tier does no I/O (jest.config.js): a unit spec that opens a connection, listens on a port
// or starts a process fails at once, saying so, instead of passing only where a server happens to be
// up. Such a spec belongs to the integration tier (*.int-spec.ts). File reads are left alone (specs
// read their fixtures); jest itself writes its cache through the same fs module.
import childProcess from 'node:child_process';
import net from 'node:net';

const restore: Array<() => void> = [];

function refuse(target: object, key: string, what: string): void {
  const holder = target as Record<string, unknown>;
  const original = holder[key];
  holder[key] = () => {
    throw new Error(`unit specs do no I/O, and this one tried ${what}: make it an integration spec (*.int-spec.ts)`);
  };
  restore.push(() => {
    holder[key] = original;
  });
}

beforeAll(() => {
  refuse(net.Socket.prototype, 'connect', 'a network connection');
  refuse(net.Server.prototype, 'listen', 'to listen on a port or socket');
  for (const start of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) refuse(childProcess, start, `child_process.${start}`);
});

afterAll(() => {
  for (const undo of restore.splice(0).reverse()) undo();
});
