import { DynamicModule, Global, Module } from '@nestjs/common';
import { ALERT_SETTINGS, alertSettingsFrom } from './alerts/alert-settings';
import { WebhookPolicy } from './webhooks/webhook-policy';
import type { FundingConfig } from './config';
import { DEFAULT_FETCH_POLICY } from './connectors/http/source-fetch';
import { SCOUTING_SETTINGS, type ScoutingSettings } from './scouting/scouting.runner';

/**
 * Funding's settings, from its validated config, for the feature modules to
 * inject (as the registry's RegistrySettingsModule does): features import each
 * other as plain modules and none takes a setting as an argument.
 */
@Global()
@Module({})
export class FundingSettingsModule {
  static forRoot(config: FundingConfig): DynamicModule {
    const scouting: ScoutingSettings = {
      enabled: config.SCOUTING_ENABLED,
      pollMs: config.SCOUTING_POLL_INTERVAL_MS,
      leaseMs: config.SCOUTING_LEASE_MS,
      fetch: { ...DEFAULT_FETCH_POLICY, timeoutMs: config.SCOUTING_FETCH_TIMEOUT_MS, retries: config.SCOUTING_FETCH_RETRIES },
    };
    const providers = [
      { provide: SCOUTING_SETTINGS, useValue: scouting },
      { provide: ALERT_SETTINGS, useValue: alertSettingsFrom(config) },
      { provide: WebhookPolicy, useValue: new WebhookPolicy(config.WEBHOOK_ALLOW_PRIVATE) },
    ];
    return { module: FundingSettingsModule, providers, exports: providers.map((provider) => provider.provide) };
  }
}
