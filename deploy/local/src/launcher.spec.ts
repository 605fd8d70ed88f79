import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { dockerSocketPath } from './docker';
import { envVarFor, messages } from './errors';
import { javaMajor } from './java';
import { REPO_ROOT, findRepoRoot } from './paths';
import { profileConfig } from './profiles';
import { kafkaLog4jProperties, kafkaServerProperties, newKafkaClusterId } from './servers';

describe('REPO_ROOT', () => {
  it('is the workspace root from the sources and from dist/', () => {
    expect(existsSync(join(REPO_ROOT, 'nx.json'))).toBe(true);
    expect(findRepoRoot(join(REPO_ROOT, 'dist', 'deploy', 'local', 'src'))).toBe(REPO_ROOT);
    expect(findRepoRoot(join(REPO_ROOT, 'deploy', 'local', 'src'))).toBe(REPO_ROOT);
  });
});

describe('profiles', () => {
  it('use distinct ports and data dirs so tests run while the platform is up', () => {
    const p = profileConfig('platform');
    const t = profileConfig('test');
    const ports = (c: typeof p) => [c.kafkaPort, c.kafkaControllerPort, c.mongoPort, c.keycloakPort, c.keycloakManagementPort, c.smtpPort, c.imapPort, c.mailApiPort];
    expect(new Set([...ports(p), ...ports(t)]).size).toBe(16);
    expect(p.dir).not.toBe(t.dir);
    expect(p.mongoBackend).toBe('h2');
    expect(t.mongoBackend).toBe('memory');
    expect(t.wipeDataOnStart).toBe(true);
    expect(p.wipeDataOnStart).toBe(false);
    expect(ports(p)).toEqual([29092, 29093, 27017, 18080, 19000, 21025, 21143, 18025]);
    expect(ports(t)).toEqual([39092, 39093, 37017, 38080, 39000, 31025, 31143, 38025]);
  });
  it('give benchmarks servers of their own, apart from the platform and tests', () => {
    const ports = (c: ReturnType<typeof profileConfig>) => [c.kafkaPort, c.kafkaControllerPort, c.mongoPort, c.keycloakPort, c.keycloakManagementPort, c.smtpPort, c.imapPort, c.mailApiPort];
    const all = (['platform', 'test', 'bench'] as const).flatMap((profile) => ports(profileConfig(profile)));
    expect(new Set(all).size).toBe(24);
    expect(profileConfig('bench').mongoBackend).toBe('memory');
    expect(profileConfig('bench').dir).not.toBe(profileConfig('test').dir);
  });
  it('rejects an unknown profile by name', () => {
    expect(() => profileConfig('prod' as 'test')).toThrow(/unknown infrastructure profile 'prod'/);
  });
});

describe('error messages', () => {
  it('name what is missing and where to look', () => {
    expect(messages.missingJava('java on the PATH')).toMatch(/'java' was not found/);
    expect(messages.missingMaven()).toMatch(/'mvn' was not found/);
    expect(messages.portTaken('kafka', 39092)).toMatch(/port 39092 .* already taken by another process.*KAFKA_BROKERS/);
    expect(messages.mavenFailed('keycloak', '/x/maven-keycloak.log')).toMatch(/Maven fetch of keycloak failed; see the log at \/x\/maven-keycloak.log/);
    expect(messages.healthTimeout('keycloak', 300, '/x/kc.log', 'answered 503')).toMatch(/within 300s .*answered 503.*\/x\/kc.log/);
    expect([envVarFor('kafka'), envVarFor('mongo'), envVarFor('keycloak'), envVarFor('mail')]).toEqual(['KAFKA_BROKERS', 'MONGO_URL', 'KEYCLOAK_URL', 'SMTP_URL']);
  });
});

describe('kafka configuration', () => {
  const props = kafkaServerProperties(profileConfig('test'), '/data/kafka');
  it.each([
    'process.roles=broker,controller',
    'controller.quorum.voters=1@127.0.0.1:39093',
    'listeners=PLAINTEXT://127.0.0.1:39092,CONTROLLER://127.0.0.1:39093',
    'offsets.topic.replication.factor=1',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'group.initial.rebalance.delay.ms=0',
    'auto.create.topics.enable=false',
    'num.partitions=3',
    'log.dirs=/data/kafka',
  ])('sets %s', (line) => {
    expect(props.split('\n')).toContain(line);
  });
  it('logs to a file through log4j 1', () => {
    expect(kafkaLog4jProperties('/l/k.log')).toContain('log4j.appender.file.File=/l/k.log');
  });
  it('makes cluster ids in Kafka Uuid form', () => {
    expect(newKafkaClusterId()).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
  it('never makes a cluster id that starts with "-", which kafka-storage would read as an option', () => {
    // 0xfa encodes to "-" as the first base64url character: the first draw is refused, the second kept.
    const draws = [Buffer.alloc(16, 0xfa), Buffer.alloc(16, 0x01)];
    const id = newKafkaClusterId(() => draws.shift() as Buffer);
    expect(Buffer.alloc(16, 0xfa).toString('base64url').startsWith('-')).toBe(true);
    expect(id).toBe(Buffer.alloc(16, 0x01).toString('base64url'));
    expect(draws).toHaveLength(0);
  });
});

describe('helpers', () => {
  it('reads java major versions', () => {
    expect(javaMajor('17.0.15')).toBe(17);
    expect(javaMajor('25.0.3')).toBe(25);
    expect(javaMajor('1.8.0_402')).toBe(8);
  });
  it('probes the Docker engine socket, not the client', () => {
    expect(dockerSocketPath({})).toBe('/var/run/docker.sock');
    expect(dockerSocketPath({ DOCKER_HOST: 'unix:///run/user/1/docker.sock' })).toBe('/run/user/1/docker.sock');
    expect(dockerSocketPath({ DOCKER_HOST: 'tcp://1.2.3.4:2375' })).toBeUndefined();
  });
});
