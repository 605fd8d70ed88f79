import { Logger as HiveLogger } from '@graphql-hive/gateway-runtime';
import { JsonLogger } from '@entente/telemetry';
import { HiveLogWriter } from './hive-log-writer';

describe('HiveLogWriter', () => {
  const lines: string[] = [];
  const log = new HiveLogger({ level: 'debug', writers: [new HiveLogWriter(new JsonLogger('gateway', (line) => lines.push(line)), 'HiveGateway')] });
  beforeEach(() => lines.splice(0));

  it("writes the runtime's lines as our JSON lines, attributes as fields", () => {
    log.warn({ subgraph: 'registry' }, 'Failed to fetch %s', 'sdl');
    log.error({ err: new Error('socket hang up') }, 'Subgraph request failed');
    log.info('ready');
    log.debug('detail');
    const entries = lines.map((line) => JSON.parse(line));
    expect(entries[0]).toMatchObject({ level: 'warn', service: 'gateway', context: 'HiveGateway', msg: 'Failed to fetch sdl', subgraph: 'registry' });
    expect(entries[1]).toMatchObject({ level: 'error', msg: 'Subgraph request failed', err: { message: 'socket hang up' } });
    expect(entries[2]).toMatchObject({ level: 'info', msg: 'ready' });
    expect(entries[3]).toMatchObject({ level: 'debug', msg: 'detail' });
    expect(lines.join('\n')).not.toMatch(/\u001b\[/);
  });
});
