import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { InfraError, messages } from './errors';

/** Temurin 25 on the project's machines; Keycloak 26 documents Java 21+. */
export const TEMURIN_25_HOME = '/usr/lib/jvm/temurin-25-jdk-amd64';

export interface JavaRuntime {
  javaHome?: string;
  java: string;
  version: string;
}

function probe(java: string): string | undefined {
  const r = spawnSync(java, ['-version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return undefined;
  const m = /version "([^"]+)"/.exec(`${r.stderr}${r.stdout}`);
  return m ? m[1] : 'unknown';
}

function fromHome(home: string): JavaRuntime | undefined {
  const java = join(home, 'bin', 'java');
  if (!existsSync(java)) return undefined;
  const version = probe(java);
  return version ? { javaHome: home, java, version } : undefined;
}

/** The JDK for Kafka and mongo-java-server: JAVA_HOME, else `java` on the PATH. */
export function defaultJava(): JavaRuntime {
  const home = process.env.JAVA_HOME;
  if (home) {
    const rt = fromHome(home);
    if (rt) return rt;
  }
  const version = probe('java');
  if (!version) throw new InfraError(messages.missingJava(home ? `${home}/bin/java and java on the PATH` : 'java on the PATH'));
  return { java: 'java', version };
}

/**
 * The JDK for Keycloak: ENTENTE_KEYCLOAK_JAVA_HOME, else Temurin 25 when installed,
 * else the default JDK. Checked 2026-11-28: Keycloak 26.5.6 starts, imports the realm
 * and issues correct tokens on Temurin 25.0.3 (the default used here) and on
 * OpenJDK 17.0.15 (the fallback).
 */
export function keycloakJava(): JavaRuntime {
  const override = process.env.ENTENTE_KEYCLOAK_JAVA_HOME;
  if (override) {
    const rt = fromHome(override);
    if (!rt) throw new InfraError(messages.missingJava(`${override}/bin/java (ENTENTE_KEYCLOAK_JAVA_HOME)`));
    return rt;
  }
  return fromHome(TEMURIN_25_HOME) ?? defaultJava();
}

export function javaMajor(version: string): number {
  const m = /^(?:1\.)?(\d+)/.exec(version);
  return m ? Number(m[1]) : 0;
}
