import { currentLineage, eventLineage, requestLineage, runWithLineage } from './event-lineage';

describe('event lineage', () => {
  it('is what the surrounding work set, across awaits, and nothing outside it', async () => {
    expect(currentLineage()).toBeUndefined();
    const seen = await runWithLineage({ correlationId: 'c-1', causationId: 'e-1' }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return currentLineage();
    });
    expect(seen).toEqual({ correlationId: 'c-1', causationId: 'e-1' });
    expect(currentLineage()).toBeUndefined();
  });

  it('keeps a usable correlation header and replaces a hostile or missing one', () => {
    expect(requestLineage('req-42')).toEqual({ correlationId: 'req-42', causationId: null });
    expect(requestLineage('a b<script>').correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestLineage(undefined).correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestLineage('x'.repeat(129)).correlationId).not.toBe('x'.repeat(129));
  });

  it('makes a handled event the cause of what its handler produces', () => {
    expect(eventLineage({ eventId: 'e-9', correlationId: 'c-9' })).toEqual({ correlationId: 'c-9', causationId: 'e-9' });
  });
});
