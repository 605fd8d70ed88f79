import { DynamicModule, Global, Module } from '@nestjs/common';
import type { RegistryConfig } from './config';
import { IMPORT_RUNNER_SETTINGS, type ImportRunnerSettings } from './imports/import-job.runner';
import { KEYCLOAK_ADMIN_SETTINGS } from './jurisdictions/users/keycloak-user-directory';
import { DORMANCY_MONTHS } from './relationships/relationship.service';

/**
 * The registry's settings, from its validated config, for the feature
 * modules to inject: the features import each other as plain modules, and
 * none takes another module or a setting as an argument.
 */
@Global()
@Module({})
export class RegistrySettingsModule {
  static forRoot(config: Pick<RegistryConfig, 'DORMANCY_MONTHS' | 'IMPORT_POLL_INTERVAL_MS' | 'IMPORT_LEASE_MS' | 'KEYCLOAK_URL' | 'KEYCLOAK_REALM' | 'KEYCLOAK_ADMIN_CLIENT_ID' | 'KEYCLOAK_ADMIN_CLIENT_SECRET'>): DynamicModule {
    const runner: ImportRunnerSettings = { pollMs: config.IMPORT_POLL_INTERVAL_MS, leaseMs: config.IMPORT_LEASE_MS };
    const providers = [
      { provide: DORMANCY_MONTHS, useValue: config.DORMANCY_MONTHS },
      { provide: IMPORT_RUNNER_SETTINGS, useValue: runner },
      {
        provide: KEYCLOAK_ADMIN_SETTINGS,
        useValue: { keycloakUrl: config.KEYCLOAK_URL, realm: config.KEYCLOAK_REALM, clientId: config.KEYCLOAK_ADMIN_CLIENT_ID, clientSecret: config.KEYCLOAK_ADMIN_CLIENT_SECRET },
      },
    ];
    return { module: RegistrySettingsModule, providers, exports: providers.map((provider) => provider.provide) };
  }
}
