import type { SavedSearch } from './saved-search.model';
import type { SavedSearchRecord } from './saved-search.schema';

export function toSavedSearch(record: SavedSearchRecord): SavedSearch {
  const webhook = record.channels.webhook;
  return {
    id: record.searchId,
    name: record.name,
    criteria: { ...record.criteria },
    cadence: { ...record.cadence },
    channels: {
      inApp: record.channels.inApp,
      email: record.channels.email,
      emailTo: record.channels.email ? record.ownerEmail : null,
      webhook: webhook ? { url: webhook.url, consecutiveFailures: record.webhookFailures ?? 0, disabledAt: record.webhookDisabledAt, disabledReason: record.webhookDisabledReason } : null,
    },
    snoozedUntil: record.snoozedUntil,
    unsubscribedAt: record.unsubscribedAt,
    nextDigestAt: record.nextDigestAt,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}
