import { join } from 'node:path';
import { RUNTIME_DIR } from './paths';

export type InfraProfile = 'platform' | 'test' | 'bench';
export type ServerName = 'kafka' | 'mongo' | 'keycloak' | 'mail';
export const SERVER_NAMES: readonly ServerName[] = ['kafka', 'mongo', 'keycloak', 'mail'];

export interface ProfileConfig {
  profile: InfraProfile;
  kafkaPort: number;
  kafkaControllerPort: number;
  mongoPort: number;
  mongoBackend: 'memory' | 'h2';
  keycloakPort: number;
  keycloakManagementPort: number;
  /** GreenMail: SMTP (what the services send to), IMAP and its REST API (where people and tests read what arrived). */
  smtpPort: number;
  imapPort: number;
  mailApiPort: number;
  /** Test data is thrown away whenever a server is (re)started. */
  wipeDataOnStart: boolean;
  dir: string;
  logsDir: string;
  pidsDir: string;
}

function profileDirs(profile: InfraProfile): Pick<ProfileConfig, 'dir' | 'logsDir' | 'pidsDir'> {
  const dir = join(RUNTIME_DIR, profile);
  return { dir, logsDir: join(dir, 'logs'), pidsDir: join(dir, 'pids') };
}

export function profileConfig(profile: InfraProfile): ProfileConfig {
  if (profile === 'platform') {
    return {
      profile,
      kafkaPort: 29092,
      kafkaControllerPort: 29093,
      mongoPort: 27017,
      mongoBackend: 'h2',
      keycloakPort: 18080,
      keycloakManagementPort: 19000,
      smtpPort: 21025,
      imapPort: 21143,
      mailApiPort: 18025,
      wipeDataOnStart: false,
      ...profileDirs(profile),
    };
  }
  if (profile === 'test') {
    return {
      profile,
      kafkaPort: 39092,
      kafkaControllerPort: 39093,
      mongoPort: 37017,
      mongoBackend: 'memory',
      keycloakPort: 38080,
      keycloakManagementPort: 39000,
      smtpPort: 31025,
      imapPort: 31143,
      mailApiPort: 38025,
      wipeDataOnStart: true,
      ...profileDirs(profile),
    };
  }
  if (profile === 'bench') {
    // `npm run bench` loads tens of thousands of records: a server of its own
    // keeps that load (and its timings) apart from test runs on the same machine.
    return {
      profile,
      kafkaPort: 49092,
      kafkaControllerPort: 49093,
      mongoPort: 47017,
      mongoBackend: 'memory',
      keycloakPort: 48080,
      keycloakManagementPort: 49000,
      smtpPort: 41025,
      imapPort: 41143,
      mailApiPort: 48025,
      wipeDataOnStart: true,
      ...profileDirs(profile),
    };
  }
  throw new Error(`unknown infrastructure profile '${String(profile)}' (expected platform, test or bench)`);
}

export function isInfraProfile(value: string): value is InfraProfile {
  return value === 'platform' || value === 'test' || value === 'bench';
}
