// Loaded lazily (require) only when ENTENTE_INFRA=testcontainers AND a Docker engine
// answers; never imported otherwise, so machines without an engine never touch it.
import { GenericContainer, StartedTestContainer, Wait } from 'testcontainers';
import { GREENMAIL_VERSION, KAFKA_VERSION, KEYCLOAK_VERSION } from './maven';
import { REALM_FILE } from './paths';
import type { InfraEndpoints } from './endpoints';

const started: StartedTestContainer[] = [];

export async function startContainers(kafkaPort: number, log: (line: string) => void): Promise<InfraEndpoints> {
  log('starting Kafka, MongoDB, Keycloak and GreenMail with testcontainers');
  const [kafka, mongo, keycloak, mail] = await Promise.all([
    new GenericContainer(`apache/kafka:${KAFKA_VERSION}`)
      // Kafka hands its advertised address to clients, so the host port is fixed (the
      // profile's port) and the broker listens and advertises on that same port.
      .withExposedPorts({ container: kafkaPort, host: kafkaPort })
      .withEnvironment({
        KAFKA_NODE_ID: '1',
        KAFKA_PROCESS_ROLES: 'broker,controller',
        KAFKA_LISTENERS: `PLAINTEXT://:${kafkaPort},CONTROLLER://:9093`,
        KAFKA_ADVERTISED_LISTENERS: `PLAINTEXT://127.0.0.1:${kafkaPort}`,
        KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
        KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
        KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9093',
        KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
        KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
        KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
        KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
        KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false',
        KAFKA_NUM_PARTITIONS: '3',
      })
      .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
      .start(),
    new GenericContainer('mongo:8.0').withExposedPorts(27017).withWaitStrategy(Wait.forLogMessage(/Waiting for connections/)).start(),
    new GenericContainer(`quay.io/keycloak/keycloak:${KEYCLOAK_VERSION}`)
      .withExposedPorts(8080, 9000)
      .withEnvironment({ KC_BOOTSTRAP_ADMIN_USERNAME: 'admin', KC_BOOTSTRAP_ADMIN_PASSWORD: 'admin' })
      .withCopyFilesToContainer([{ source: REALM_FILE, target: '/opt/keycloak/data/import/realm-entente.json' }])
      .withCommand(['start-dev', '--import-realm', '--health-enabled=true', '--db=dev-mem'])
      .withWaitStrategy(Wait.forHttp('/health/ready', 9000).forStatusCode(200))
      .withStartupTimeout(300_000)
      .start(),
    new GenericContainer(`greenmail/standalone:${GREENMAIL_VERSION}`)
      .withExposedPorts(3025, 8080)
      .withWaitStrategy(Wait.forHttp('/api/service/readiness', 8080).forStatusCode(200))
      .start(),
  ]);
  started.push(kafka, mongo, keycloak, mail);
  return {
    kafkaBrokers: [`127.0.0.1:${kafka.getMappedPort(kafkaPort)}`],
    mongoUrl: `mongodb://${mongo.getHost()}:${mongo.getMappedPort(27017)}`,
    keycloakUrl: `http://${keycloak.getHost()}:${keycloak.getMappedPort(8080)}`,
    smtpUrl: `smtp://${mail.getHost()}:${mail.getMappedPort(3025)}`,
    mailApiUrl: `http://${mail.getHost()}:${mail.getMappedPort(8080)}`,
  };
}

export async function stopContainers(): Promise<void> {
  const all = started.splice(0);
  await Promise.all(all.map((c) => c.stop().catch(() => undefined)));
}

export function containersRunning(): boolean {
  return started.length > 0;
}
