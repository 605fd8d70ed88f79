import type { Identity } from '@entente/auth';
import { ValidationError } from '@entente/errors';
import { WebhookPolicy } from '../webhooks/webhook-policy';
import type { SavedSearchRepository } from './saved-search.repository';
import type { SavedSearchRecord } from './saved-search.schema';
import { SavedSearchService } from './saved-search.service';

/** Saving a search checks its webhook's address before anything is stored. */
describe('saving a search with a webhook', () => {
  const stored: SavedSearchRecord[] = [];
  const repository = { countOf: async () => stored.length, create: async (record: SavedSearchRecord) => (stored.push(record), record) } as unknown as SavedSearchRepository;
  const identity: Identity = { userId: 'u-1', username: 'rostock-staff', jurisdictionId: 'rostock', roles: ['staff'], email: 'rostock-staff@entente.local' };
  const dns = (host: string, _options: unknown, callback: (error: NodeJS.ErrnoException | null, addresses: Array<{ address: string; family: number }>) => void) =>
    callback(null, [{ address: host === 'hooks.example.org' ? '93.184.215.14' : '192.168.1.20', family: 4 }]);
  const input = (url: string) => ({ name: 'Baltic calls', cadence: { kind: 'instant' }, channels: { webhook: { url, secret: 'a-webhook-secret-of-some-length' } } });

  it('refuses an internal address as BAD_USER_INPUT naming channels.webhook.url, and stores nothing', async () => {
    const service = new SavedSearchService(repository, new WebhookPolicy(false, dns));
    const refused = await service.save(identity, input('https://printer.example.org/hook')).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ValidationError);
    expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', field: 'channels.webhook.url' });
    expect((refused as Error).message).toContain('printer.example.org (192.168.1.20), a private address');
    expect(stored).toHaveLength(0);
    const saved = await service.save(identity, input('https://hooks.example.org/hook'));
    expect(saved.search.channels.webhook?.url).toBe('https://hooks.example.org/hook');
  });

  it('lets local development send to 127.0.0.1 with WEBHOOK_ALLOW_PRIVATE', async () => {
    const service = new SavedSearchService(repository, new WebhookPolicy(true, dns));
    await expect(service.save(identity, input('http://127.0.0.1:5555/hook'))).resolves.toMatchObject({ search: { channels: { webhook: { url: 'http://127.0.0.1:5555/hook' } } } });
  });
});
