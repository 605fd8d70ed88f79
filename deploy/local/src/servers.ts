import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InfraError } from './errors';
import { JavaRuntime } from './java';
import { distPath } from './maven';
import { REALM_FILE, MONGO_LAUNCHER } from './paths';
import { ProfileConfig, ServerName } from './profiles';
import { kafkaHealthy, keycloakHealthy, mailHealthy, mongoHealthy } from './health';
import { tcpConnect } from './net';

/** Everything the orchestrator needs to start, check and name one local server. */
export interface LocalServer {
  name: ServerName;
  endpoint: string;
  ports: number[];
  /** The file to point people at when something goes wrong. */
  logPath: string;
  /** stdout/stderr of the process. */
  outPath: string;
  timeoutMs: number;
  /** Writes configuration, wipes test data, formats storage. Runs only when the server is started. */
  prepare(): void;
  command(): { command: string; args: string[]; env: NodeJS.ProcessEnv; cwd: string; marker: string };
  healthy(): Promise<boolean>;
}

function secondsFromEnv(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v * 1000 : fallback * 1000;
}

/**
 * Kafka's cluster ids are 16 random bytes, base64url without padding (22
 * characters). One that starts with "-" is read by kafka-storage's argument
 * parser as an option ("argument --cluster-id: expected one argument"), so,
 * like Kafka's own Uuid.randomUuid, draw again until it does not (1 in 64).
 */
export function newKafkaClusterId(random: () => Buffer = () => randomBytes(16)): string {
  for (;;) {
    const id = random().toString('base64url');
    if (isUsableClusterId(id)) return id;
  }
}

function isUsableClusterId(id: string): boolean {
  return /^[A-Za-z0-9_][A-Za-z0-9_-]{21}$/.test(id);
}

export function kafkaServerProperties(cfg: ProfileConfig, dataDir: string): string {
  return [
    '# written by deploy/local (entente local infrastructure); edits are overwritten on start',
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@127.0.0.1:${cfg.kafkaControllerPort}`,
    `listeners=PLAINTEXT://127.0.0.1:${cfg.kafkaPort},CONTROLLER://127.0.0.1:${cfg.kafkaControllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${cfg.kafkaPort}`,
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=PLAINTEXT',
    'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    `log.dirs=${dataDir}`,
    'num.partitions=3',
    'default.replication.factor=1',
    'min.insync.replicas=1',
    // one node: the internal topics must not ask for more replicas than exist (kafkajs issue 1752)
    'offsets.topic.replication.factor=1',
    'offsets.topic.num.partitions=10',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'group.initial.rebalance.delay.ms=0',
    'auto.create.topics.enable=false',
    'delete.topic.enable=true',
    'log.retention.hours=168',
    'num.network.threads=2',
    'num.io.threads=4',
    '',
  ].join('\n');
}

export function kafkaLog4jProperties(logFile: string): string {
  return [
    'log4j.rootLogger=INFO, file',
    'log4j.appender.file=org.apache.log4j.RollingFileAppender',
    `log4j.appender.file.File=${logFile}`,
    'log4j.appender.file.MaxFileSize=20MB',
    'log4j.appender.file.MaxBackupIndex=3',
    'log4j.appender.file.layout=org.apache.log4j.PatternLayout',
    'log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n',
    'log4j.logger.org.apache.kafka=INFO',
    'log4j.logger.kafka=INFO',
    'log4j.logger.state.change.logger=WARN',
    'log4j.logger.kafka.request.logger=WARN',
    '',
  ].join('\n');
}

export function kafkaServer(cfg: ProfileConfig, java: JavaRuntime): LocalServer {
  const dir = join(cfg.dir, 'kafka');
  const dataDir = join(dir, 'data');
  const propsPath = join(dir, 'server.properties');
  const log4jPath = join(dir, 'log4j.properties');
  const logPath = join(cfg.logsDir, 'kafka-server.log');
  const outPath = join(cfg.logsDir, 'kafka.out');
  const classpath = `${join(distPath('kafka'), 'libs')}/*`;
  const jvm = ['-Xmx512m', '-Xms256m', '-XX:+UseG1GC', '-Djava.awt.headless=true', `-Dlog4j.configuration=file:${log4jPath}`, `-Dkafka.logs.dir=${cfg.logsDir}`];
  return {
    name: 'kafka',
    endpoint: `127.0.0.1:${cfg.kafkaPort}`,
    ports: [cfg.kafkaPort, cfg.kafkaControllerPort],
    logPath,
    outPath,
    timeoutMs: secondsFromEnv('ENTENTE_KAFKA_START_TIMEOUT', 90),
    prepare() {
      if (cfg.wipeDataOnStart) rmSync(dir, { recursive: true, force: true });
      mkdirSync(dataDir, { recursive: true });
      mkdirSync(cfg.logsDir, { recursive: true });
      writeFileSync(propsPath, kafkaServerProperties(cfg, dataDir));
      writeFileSync(log4jPath, kafkaLog4jProperties(logPath));
      if (existsSync(join(dataDir, 'meta.properties'))) return; // formatted once per data dir
      const idFile = join(dir, 'cluster-id');
      const stored = existsSync(idFile) ? readFileSync(idFile, 'utf8').trim() : '';
      // A stored id from before the leading-"-" fix could never be formatted: the storage is empty, so a new one is safe.
      const clusterId = isUsableClusterId(stored) ? stored : newKafkaClusterId();
      writeFileSync(idFile, clusterId + '\n');
      const r = spawnSync(java.java, [...jvm, '-cp', classpath, 'kafka.tools.StorageTool', 'format', '-t', clusterId, '-c', propsPath], {
        encoding: 'utf8',
      });
      writeFileSync(join(cfg.logsDir, 'kafka-format.log'), `${r.stdout ?? ''}${r.stderr ?? ''}`);
      if (r.status !== 0) {
        throw new InfraError(`kafka: formatting the storage failed; see ${join(cfg.logsDir, 'kafka-format.log')}`);
      }
    },
    command() {
      return { command: java.java, args: [...jvm, '-cp', classpath, 'kafka.Kafka', propsPath], env: process.env, cwd: dir, marker: propsPath };
    },
    async healthy() {
      if (!(await tcpConnect('127.0.0.1', cfg.kafkaPort))) return false;
      return kafkaHealthy([`127.0.0.1:${cfg.kafkaPort}`]);
    },
  };
}

export function mongoServer(cfg: ProfileConfig, java: JavaRuntime): LocalServer {
  const dir = join(cfg.dir, 'mongo');
  const dataFile = join(dir, 'entente.mv.db');
  const classpath = `${join(distPath('mongo'), 'libs')}/*`;
  const url = `mongodb://127.0.0.1:${cfg.mongoPort}`;
  const outPath = join(cfg.logsDir, 'mongo.log');
  return {
    name: 'mongo',
    endpoint: url,
    ports: [cfg.mongoPort],
    logPath: outPath,
    outPath,
    timeoutMs: secondsFromEnv('ENTENTE_MONGO_START_TIMEOUT', 60),
    prepare() {
      if (cfg.wipeDataOnStart) rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
    },
    command() {
      // The memory backend holds every database in this heap; the whole test suite and a
      // 34k-tie catalogue load stay well inside 2 GB (specs drop their databases when they stop).
      const args = ['-Xmx2g', '-cp', classpath, MONGO_LAUNCHER, '--port', String(cfg.mongoPort), '--backend', cfg.mongoBackend];
      if (cfg.mongoBackend === 'h2') args.push('--file', dataFile);
      // the marker carries the port so the platform and test servers are told apart
      return { command: java.java, args, env: process.env, cwd: dir, marker: `MongoWireServer.java --port ${cfg.mongoPort}` };
    },
    healthy: () => mongoHealthy(url),
  };
}

export function keycloakServer(cfg: ProfileConfig, java: JavaRuntime): LocalServer {
  const home = join(cfg.dir, 'keycloak-home');
  const outPath = join(cfg.logsDir, 'keycloak.log');
  const url = `http://127.0.0.1:${cfg.keycloakPort}`;
  return {
    name: 'keycloak',
    endpoint: url,
    ports: [cfg.keycloakPort, cfg.keycloakManagementPort],
    logPath: outPath,
    outPath,
    // two cores: the first start-dev re-augments Quarkus and takes well over a minute
    timeoutMs: secondsFromEnv('ENTENTE_KEYCLOAK_START_TIMEOUT', 300),
    prepare() {
      // a private copy per profile: start-dev rewrites lib/quarkus and data/, which two
      // instances must not share
      if (!existsSync(join(home, 'bin', 'kc.sh'))) {
        rmSync(home, { recursive: true, force: true });
        cpSync(distPath('keycloak'), home, { recursive: true });
      }
      if (cfg.wipeDataOnStart) rmSync(join(home, 'data'), { recursive: true, force: true });
      mkdirSync(join(home, 'data', 'import'), { recursive: true });
      copyFileSync(REALM_FILE, join(home, 'data', 'import', 'realm-entente.json'));
      mkdirSync(cfg.logsDir, { recursive: true });
    },
    command() {
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        // local only: the bootstrap admin of the master realm
        KC_BOOTSTRAP_ADMIN_USERNAME: 'admin',
        KC_BOOTSTRAP_ADMIN_PASSWORD: 'admin',
      };
      if (java.javaHome) env.JAVA_HOME = java.javaHome;
      else delete env.JAVA_HOME;
      const args = [
        join(home, 'bin', 'kc.sh'),
        'start-dev',
        '--http-host=127.0.0.1',
        `--http-port=${cfg.keycloakPort}`,
        `--http-management-port=${cfg.keycloakManagementPort}`,
        '--health-enabled=true',
        '--import-realm',
        '--db=dev-mem',
      ];
      return { command: 'bash', args, env, cwd: home, marker: home };
    },
    healthy: () => keycloakHealthy(url, `http://127.0.0.1:${cfg.keycloakManagementPort}`),
  };
}

/**
 * GreenMail standalone: a real SMTP server (authentication off, so any
 * sender and recipient is accepted and each recipient gets a mailbox), IMAP
 * to read it with a mail client, and a REST API with a small web page
 * (`/api/user/<address>/messages/INBOX`) where people and tests read what
 * arrived. Mail lives in memory: it is gone when the server stops.
 */
export function mailServer(cfg: ProfileConfig, java: JavaRuntime): LocalServer {
  const dir = join(cfg.dir, 'mail');
  const outPath = join(cfg.logsDir, 'mail.log');
  const classpath = `${join(distPath('mail'), 'libs')}/*`;
  const apiUrl = `http://127.0.0.1:${cfg.mailApiPort}`;
  return {
    name: 'mail',
    endpoint: `smtp://127.0.0.1:${cfg.smtpPort} (read at ${apiUrl})`,
    ports: [cfg.smtpPort, cfg.imapPort, cfg.mailApiPort],
    logPath: outPath,
    outPath,
    timeoutMs: secondsFromEnv('ENTENTE_MAIL_START_TIMEOUT', 60),
    prepare() {
      mkdirSync(dir, { recursive: true });
      mkdirSync(cfg.logsDir, { recursive: true });
    },
    command() {
      const args = [
        '-Xmx192m',
        '-Dgreenmail.hostname=127.0.0.1',
        '-Dgreenmail.smtp.hostname=127.0.0.1',
        `-Dgreenmail.smtp.port=${cfg.smtpPort}`,
        '-Dgreenmail.imap.hostname=127.0.0.1',
        `-Dgreenmail.imap.port=${cfg.imapPort}`,
        '-Dgreenmail.api.hostname=127.0.0.1',
        `-Dgreenmail.api.port=${cfg.mailApiPort}`,
        '-Dgreenmail.auth.disabled',
        '-cp',
        classpath,
        'com.icegreen.greenmail.standalone.GreenMailStandaloneRunner',
      ];
      // the marker carries the port so the platform and test servers are told apart
      return { command: java.java, args, env: process.env, cwd: dir, marker: `-Dgreenmail.smtp.port=${cfg.smtpPort}` };
    },
    healthy: () => mailHealthy(apiUrl),
  };
}
