import { randomBytes } from 'node:crypto';
import { type Connection, Schema } from 'mongoose';
import { PartnerRegisteredV2 } from '@entente/contracts';
import { OUTBOX_FIELD, outboxPlugin, runWithLineage } from '@entente/messaging';
import type { Identity } from '@entente/auth';
import { historyPlugin, HISTORY_FIELD } from '../history/history.plugin';
import { openMongoConnection } from '../mongo-connection';
import { tenantQuery } from '../tenant-query';
import { scopeOf, type TenantScope } from '../tenant-scope';
import { type Change, eventDraft, OutboxRepository, OutboxWrites, type WriteListener } from './outbox-repository';

interface NoteRecord {
  jurisdictionId: string;
  noteId: string;
  text: string;
}

/** What a service's process gives its repositories: its name, and a relay that counts the signals it gets. */
class CountingOutbox extends OutboxWrites {
  readonly source = 'planning';
  signals = 0;
  committed(): void {
    this.signals += 1;
  }
}

/** A listener that records what it ran around, in order. */
class RecordingListener implements WriteListener<string> {
  readonly seen: string[] = [];
  async around<R>(scope: TenantScope, detail: string | undefined, write: () => Promise<R>): Promise<R> {
    this.seen.push(`before ${scope.jurisdictionId} ${detail ?? '-'}`);
    const result = await write();
    this.seen.push('after');
    return result;
  }
}

/** An aggregate of another service, written with nothing but the libs base. */
class NoteRepository extends OutboxRepository<NoteRecord, string> {
  protected readonly historyFields = ['text'] as const;

  constructor(connection: Connection, outbox: OutboxWrites, listener?: WriteListener<string>) {
    const schema = new Schema<NoteRecord>({ jurisdictionId: String, noteId: String, text: String }, { collection: 'notes', versionKey: false });
    schema.plugin(outboxPlugin);
    schema.plugin(historyPlugin);
    super(connection.model<NoteRecord>(`Note${randomBytes(3).toString('hex')}`, schema), outbox, listener);
  }

  create(note: NoteRecord, change: Change, detail?: string) {
    const event = eventDraft(PartnerRegisteredV2, { aggregateId: note.noteId, payload: { partnerId: note.noteId, name: note.text, kind: 'city', country: 'DK', wikidataId: null } });
    return this.insertWithEvents(note, [event], change, detail);
  }

  rename(scope: TenantScope, before: NoteRecord, text: string, change: Change) {
    return this.updateWithEvents(tenantQuery<NoteRecord>(scope, { noteId: before.noteId, text: before.text }), before, { $set: { text } }, [], change);
  }

  stored(scope: TenantScope, noteId: string) {
    return this.findOne<Record<string, unknown>>(tenantQuery<NoteRecord>(scope, { noteId }), { [OUTBOX_FIELD]: 1, [HISTORY_FIELD]: 1 });
  }
}

describe('OutboxRepository (a libs base any service extends)', () => {
  let connection: Connection;
  const staff: Identity = { userId: 'u-1', username: 'rostock-staff', jurisdictionId: `j-${randomBytes(3).toString('hex')}`, roles: ['staff'] };
  const change = (action: string): Change => ({ actor: { userId: staff.userId, username: staff.username }, action, at: new Date() });

  beforeEach(async () => {
    const url = process.env.MONGO_URL;
    if (!url) throw new Error('MONGO_URL is not set: run through the integration project, whose global setup starts the server');
    connection = await openMongoConnection({ url, database: `outbox_base_${randomBytes(4).toString('hex')}` });
  });

  afterEach(async () => {
    await connection?.dropDatabase();
    await connection?.close();
  });

  it('stores the record, its event and its history in one write, and signals the relay once it committed', async () => {
    const outbox = new CountingOutbox();
    const notes = new NoteRepository(connection, outbox);
    await notes.create({ jurisdictionId: staff.jurisdictionId, noteId: 'n-1', text: 'Harbour' }, change('created'));
    const stored = await notes.stored(scopeOf(staff), 'n-1');
    const [entry] = stored?.[OUTBOX_FIELD] as Array<{ value: string }>;
    const event = JSON.parse(entry?.value ?? '{}') as Record<string, unknown>;
    expect(event).toMatchObject({ type: 'registry.partner.registered', source: 'planning', jurisdictionId: staff.jurisdictionId, aggregateId: 'n-1' });
    expect((stored?.[HISTORY_FIELD] as Array<{ action: string; changes: unknown[] }>)[0]).toMatchObject({ action: 'created', changes: [{ field: 'text', from: null, to: 'Harbour' }] });
    expect(outbox.signals).toBe(1);
  });

  it('gives events the lineage of the work running: a request’s correlation id, or a handled event’s with it as the cause', async () => {
    const notes = new NoteRepository(connection, new CountingOutbox());
    await runWithLineage({ correlationId: 'request-7', causationId: null }, () => notes.create({ jurisdictionId: staff.jurisdictionId, noteId: 'n-2', text: 'A' }, change('created')));
    await runWithLineage({ correlationId: 'request-7', causationId: 'event-3' }, () => notes.create({ jurisdictionId: staff.jurisdictionId, noteId: 'n-3', text: 'B' }, change('created')));
    await notes.create({ jurisdictionId: staff.jurisdictionId, noteId: 'n-4', text: 'C' }, change('created'));
    const eventOf = async (id: string) => JSON.parse(((await notes.stored(scopeOf(staff), id))?.[OUTBOX_FIELD] as Array<{ value: string }>)[0]?.value ?? '{}') as Record<string, unknown>;
    expect(await eventOf('n-2')).toMatchObject({ correlationId: 'request-7', causationId: null });
    expect(await eventOf('n-3')).toMatchObject({ correlationId: 'request-7', causationId: 'event-3' });
    const fresh = await eventOf('n-4');
    // Outside any request or handled event, an event starts its own chain.
    expect(fresh['correlationId']).toBe(fresh['eventId']);
  });

  it('runs every write inside its listener, with the detail the subclass passed, and signals nothing for a write without events', async () => {
    const outbox = new CountingOutbox();
    const listener = new RecordingListener();
    const notes = new NoteRepository(connection, outbox, listener);
    const note = { jurisdictionId: staff.jurisdictionId, noteId: 'n-5', text: 'Draft' };
    await notes.create(note, change('created'), 'tallied');
    expect(await notes.rename(scopeOf(staff), note, 'Final', change('renamed'))).toMatchObject({ text: 'Final' });
    expect(await notes.rename(scopeOf(staff), note, 'Stale', change('renamed'))).toBeNull();
    expect(listener.seen).toEqual([`before ${staff.jurisdictionId} tallied`, 'after', `before ${staff.jurisdictionId} -`, 'after', `before ${staff.jurisdictionId} -`, 'after']);
    expect(outbox.signals).toBe(1);
  });
});
