import { InfraProfile, isInfraProfile } from './profiles';

export type CliCommand = 'up' | 'down' | 'status';
export interface CliArgs {
  command: CliCommand;
  profile: InfraProfile;
}

export const USAGE = 'usage: cli.js up|down|status [--profile platform|test|bench]';

/** Parses `up|down|status [--profile platform|test|bench]` (also `--profile=test`). */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  let command: CliCommand | undefined;
  let profile: InfraProfile = 'platform';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    let value: string | undefined;
    if (arg === '--profile') {
      value = argv[++i];
      if (value === undefined) throw new Error(`--profile needs a value. ${USAGE}`);
    } else if (arg.startsWith('--profile=')) {
      value = arg.slice('--profile='.length);
    } else if (arg === 'up' || arg === 'down' || arg === 'status') {
      if (command) throw new Error(`only one command allowed, got '${command}' and '${arg}'. ${USAGE}`);
      command = arg;
      continue;
    } else {
      throw new Error(`unknown argument '${arg}'. ${USAGE}`);
    }
    if (!isInfraProfile(value)) throw new Error(`unknown profile '${value}' (expected platform, test or bench). ${USAGE}`);
    profile = value;
  }
  if (!command) throw new Error(`missing command. ${USAGE}`);
  return { command, profile };
}

/** Parses a comma-separated broker list such as `127.0.0.1:9092,host:9093`. */
export function parseBrokerList(value: string): string[] {
  const brokers = value
    .split(',')
    .map((b) => b.trim())
    .filter((b) => b.length > 0);
  if (brokers.length === 0) throw new Error(`KAFKA_BROKERS is empty`);
  for (const b of brokers) parseHostPort(b);
  return brokers;
}

/** Parses `host:port`; throws on a missing or out-of-range port. */
export function parseHostPort(value: string): { host: string; port: number } {
  const idx = value.lastIndexOf(':');
  if (idx <= 0) throw new Error(`'${value}' is not host:port`);
  const host = value.slice(0, idx).replace(/^\[|\]$/g, '');
  const port = parsePort(value.slice(idx + 1));
  return { host, port };
}

export function parsePort(value: string): number {
  if (!/^\d+$/.test(value)) throw new Error(`'${value}' is not a port number`);
  const port = Number(value);
  if (port < 1 || port > 65535) throw new Error(`port ${port} is out of range 1-65535`);
  return port;
}

/** Host and port of a mongodb:// URL (first host of a seed list); default port 27017. */
export function mongoHostPort(url: string): { host: string; port: number } {
  const m = /^mongodb:\/\/(?:[^@/]*@)?([^/,?]+)/.exec(url);
  if (!m) throw new Error(`'${url}' is not a mongodb:// URL`);
  const hp = m[1];
  if (!hp.includes(':') || hp.endsWith(']')) return { host: hp.replace(/^\[|\]$/g, ''), port: 27017 };
  return parseHostPort(hp);
}
