import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync, renameSync, rmSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { InfraError, messages } from './errors';
import { DIST_DIR, MAVEN_DIR, RUNTIME_DIR } from './paths';

export const KAFKA_VERSION = '3.9.1';
export const MONGO_JAVA_SERVER_VERSION = '1.47.0';
export const KEYCLOAK_VERSION = '26.5.6';
export const GREENMAIL_VERSION = '2.1.5';

export type DistName = 'kafka' | 'mongo' | 'keycloak' | 'mail';

/** Where each fetched distribution lives; presence of the directory means "fetched". */
export function distPath(name: DistName): string {
  switch (name) {
    case 'kafka':
      return join(DIST_DIR, `kafka-${KAFKA_VERSION}`);
    case 'mongo':
      return join(DIST_DIR, `mongo-java-server-${MONGO_JAVA_SERVER_VERSION}`);
    case 'keycloak':
      return join(DIST_DIR, `keycloak-${KEYCLOAK_VERSION}`);
    case 'mail':
      return join(DIST_DIR, `greenmail-${GREENMAIL_VERSION}`);
  }
}

export function mavenLogPath(name: DistName): string {
  return join(DIST_DIR, 'logs', `maven-${name}.log`);
}

function mavenAvailable(): boolean {
  const r = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  return !r.error && r.status === 0;
}

function versionProps(): string[] {
  return [
    `-Dkafka.version=${KAFKA_VERSION}`,
    `-Dmongo-java-server.version=${MONGO_JAVA_SERVER_VERSION}`,
    `-Dkeycloak.version=${KEYCLOAK_VERSION}`,
    `-Dgreenmail.version=${GREENMAIL_VERSION}`,
  ];
}

function runMaven(args: string[], logPath: string): Promise<number | null> {
  mkdirSync(join(DIST_DIR, 'logs'), { recursive: true });
  const fd = openSync(logPath, 'w');
  return new Promise((resolve) => {
    const child = spawn('mvn', args, { stdio: ['ignore', fd, fd] });
    child.once('exit', (code) => resolve(code));
    child.once('error', () => resolve(-1));
  }).finally(() => closeSync(fd)) as Promise<number | null>;
}

/**
 * Fetches a distribution through its pom under deploy/local/maven/<name> the first
 * time; later calls find the directory and return at once. The output goes to a
 * `.partial` directory that is renamed on success, so an interrupted fetch is redone.
 */
export async function ensureDist(name: DistName, log: (line: string) => void): Promise<string> {
  const target = distPath(name);
  if (existsSync(target)) return target;
  if (!mavenAvailable()) throw new InfraError(messages.missingMaven());
  const partial = `${target}.partial`;
  rmSync(partial, { recursive: true, force: true });
  const logPath = mavenLogPath(name);
  const distDir = name === 'keycloak' ? partial : join(partial, 'libs');
  log(`fetching ${name} through Maven (log: ${logPath})`);
  const started = Date.now();
  const code = await runMaven(
    [
      '-B',
      '-f',
      join(MAVEN_DIR, name, 'pom.xml'),
      'package',
      `-DdistDir=${distDir}`,
      `-DbuildDir=${join(RUNTIME_DIR, 'maven', name)}`,
      ...versionProps(),
    ],
    logPath,
  );
  if (code !== 0) throw new InfraError(messages.mavenFailed(name, logPath));
  if (name === 'keycloak') {
    // the zip holds a single top-level keycloak-<version>/ directory
    const inner = readdirSync(partial).find((d) => d.startsWith('keycloak-'));
    if (!inner) throw new InfraError(messages.mavenFailed(`${name} (no keycloak-* directory in the unpacked zip)`, logPath));
    renameSync(join(partial, inner), target);
    rmSync(partial, { recursive: true, force: true });
  } else {
    renameSync(partial, target);
  }
  log(`fetched ${name} in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  return target;
}
