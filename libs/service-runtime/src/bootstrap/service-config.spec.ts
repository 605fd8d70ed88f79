import { z } from 'zod';
import { ConfigError, loadConfig } from '@entente/config';
import { serviceConfigShape } from './service-config';

const schema = z.object(serviceConfigShape({ port: 4101, database: 'entente_registry', groupId: 'registry' }));
const required = { MONGO_URL: 'mongodb://127.0.0.1:27017', KAFKA_BROKERS: '127.0.0.1:29092', KEYCLOAK_URL: 'http://127.0.0.1:18080' };

function problemsOf(env: NodeJS.ProcessEnv): Array<{ variable: string; message: string }> {
  try {
    loadConfig('registry', schema, env);
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('the variables every domain service reads', () => {
  it('defaults the consumer group and its session timeout', () => {
    expect(loadConfig('registry', schema, required)).toMatchObject({ KAFKA_GROUP_ID: 'registry', KAFKA_SESSION_TIMEOUT_MS: 30_000, KAFKA_MAX_ATTEMPTS: 5 });
    expect(loadConfig('registry', schema, { ...required, KAFKA_SESSION_TIMEOUT_MS: '8000' }).KAFKA_SESSION_TIMEOUT_MS).toBe(8_000);
  });

  it('refuses a session timeout the broker would refuse, or one that is not a number, naming the variable', () => {
    expect(problemsOf({ ...required, KAFKA_SESSION_TIMEOUT_MS: '3000' })).toEqual([
      { variable: 'KAFKA_SESSION_TIMEOUT_MS', message: 'must be at least 6000: the Kafka broker refuses shorter session timeouts' },
    ]);
    expect(problemsOf({ ...required, KAFKA_SESSION_TIMEOUT_MS: 'soon' }).map((problem) => problem.variable)).toEqual(['KAFKA_SESSION_TIMEOUT_MS']);
    expect(problemsOf({ ...required, KAFKA_GROUP_ID: 'has spaces' }).map((problem) => problem.variable)).toEqual(['KAFKA_GROUP_ID']);
  });
});
