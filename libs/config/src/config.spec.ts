import { z } from 'zod';
import { ConfigError, env, loadConfig } from './config';

const schema = z.object({
  PORT: env.port(4101),
  MONGO_URL: env.mongoUrl(),
  KAFKA_BROKERS: env.brokers(),
  OUTBOX_RELAY_ENABLED: env.bool(true),
});

describe('loadConfig', () => {
  it('parses valid variables and applies defaults', () => {
    const config = loadConfig('registry', schema, { MONGO_URL: 'mongodb://127.0.0.1:27017', KAFKA_BROKERS: 'a:1,b:2' });
    expect(config).toEqual({
      PORT: 4101,
      MONGO_URL: 'mongodb://127.0.0.1:27017',
      KAFKA_BROKERS: ['a:1', 'b:2'],
      OUTBOX_RELAY_ENABLED: true,
    });
  });

  it('names every missing or malformed variable', () => {
    try {
      loadConfig('registry', schema, { PORT: 'eighty', KAFKA_BROKERS: 'no-port' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems;
      expect(problems.map((p) => p.variable).sort()).toEqual(['KAFKA_BROKERS', 'MONGO_URL', 'PORT']);
      expect(problems.find((p) => p.variable === 'MONGO_URL')?.message).toBe('is required but not set');
      expect((error as Error).message).toContain('KAFKA_BROKERS: must be a comma-separated list');
    }
  });
});
