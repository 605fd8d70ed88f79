import { mongoHostPort, parseBrokerList, parseCliArgs, parseHostPort, parsePort } from './args';

describe('parseCliArgs', () => {
  it('defaults to the platform profile', () => {
    expect(parseCliArgs(['up'])).toEqual({ command: 'up', profile: 'platform' });
  });
  it('accepts --profile VALUE and --profile=VALUE in any position', () => {
    expect(parseCliArgs(['--profile', 'test', 'down'])).toEqual({ command: 'down', profile: 'test' });
    expect(parseCliArgs(['status', '--profile=test'])).toEqual({ command: 'status', profile: 'test' });
  });
  it('names the problem in its errors', () => {
    expect(() => parseCliArgs([])).toThrow(/missing command/);
    expect(() => parseCliArgs(['up', '--profile'])).toThrow(/--profile needs a value/);
    expect(() => parseCliArgs(['up', '--profile', 'prod'])).toThrow(/unknown profile 'prod'/);
    expect(() => parseCliArgs(['up', 'down'])).toThrow(/only one command/);
    expect(() => parseCliArgs(['start'])).toThrow(/unknown argument 'start'/);
  });
});

describe('ports and addresses', () => {
  it('parses ports within range only', () => {
    expect(parsePort('29092')).toBe(29092);
    expect(() => parsePort('0')).toThrow(/out of range/);
    expect(() => parsePort('70000')).toThrow(/out of range/);
    expect(() => parsePort('12a')).toThrow(/not a port/);
  });
  it('parses host:port, including IPv6 literals', () => {
    expect(parseHostPort('127.0.0.1:9092')).toEqual({ host: '127.0.0.1', port: 9092 });
    expect(parseHostPort('[::1]:9092')).toEqual({ host: '::1', port: 9092 });
    expect(() => parseHostPort('localhost')).toThrow(/host:port/);
  });
  it('parses comma-separated broker lists', () => {
    expect(parseBrokerList(' 127.0.0.1:39092 , h:1 ')).toEqual(['127.0.0.1:39092', 'h:1']);
    expect(() => parseBrokerList(' , ')).toThrow(/empty/);
    expect(() => parseBrokerList('a:1,b')).toThrow(/host:port/);
  });
  it('finds host and port in mongodb URLs', () => {
    expect(mongoHostPort('mongodb://127.0.0.1:37017')).toEqual({ host: '127.0.0.1', port: 37017 });
    expect(mongoHostPort('mongodb://u:p@db.example/x?tls=true')).toEqual({ host: 'db.example', port: 27017 });
    expect(() => mongoHostPort('http://x')).toThrow(/mongodb/);
  });
});
