import { randomBytes } from 'node:crypto';
import { type Connection, Schema } from 'mongoose';
import { openMongoConnection } from './mongo-connection';
import { eraseTenantData, excludeFromExport, exportTenantData } from './tenant-data';
import { scopeOfEvent } from './tenant-scope';

/**
 * Export and erasure over every tenant model of a connection, against the
 * real MongoDB-wire server (MONGO_URL from the integration global setup).
 */
describe('exportTenantData and eraseTenantData', () => {
  let connection: Connection;

  // Each test its own database with the same records: the erasure test changes them, and the export test must not care whether it ran first.
  beforeEach(async () => {
    const url = process.env.MONGO_URL;
    if (!url) throw new Error('MONGO_URL is not set: run through the integration project, whose global setup starts the server');
    connection = await openMongoConnection({ url, database: `tenant_data_${randomBytes(4).toString('hex')}` });
    connection.model('Note', new Schema({ jurisdictionId: String, text: String, _outbox: [Schema.Types.Mixed] }, { collection: 'notes', versionKey: false }));
    connection.model('Tally', new Schema({ jurisdictionId: String, count: Number }, { collection: 'tallies', versionKey: false }));
    connection.model('Catalogue', new Schema({ label: String }, { collection: 'catalogue', versionKey: false }));
    connection.model('Stamp', excludeFromExport(new Schema({ jurisdictionId: String, stamp: String }, { collection: 'stamps', versionKey: false })));
    await connection.collection('notes').insertMany([
      { jurisdictionId: 'rostock', text: 'first', _outbox: [{ pending: true }] },
      { jurisdictionId: 'riga', text: 'not ours' },
      { jurisdictionId: 'rostock', text: 'second' },
    ]);
    await connection.collection('tallies').insertMany([{ jurisdictionId: 'rostock', count: 3 }]);
    await connection.collection('catalogue').insertMany([{ label: 'shared by the platform, mentions rostock' }]);
    await connection.collection('stamps').insertMany([{ jurisdictionId: 'rostock', stamp: 'bookkeeping' }]);
  });

  afterEach(async () => {
    await connection?.dropDatabase();
    await connection?.close();
  });

  it('exports the jurisdiction’s records of every tenant model, in order, without store ids, undelivered events or bookkeeping', async () => {
    expect(await exportTenantData(connection, scopeOfEvent({ jurisdictionId: 'rostock', eventId: 'e-offboarded' }))).toEqual({
      notes: [
        { jurisdictionId: 'rostock', text: 'first' },
        { jurisdictionId: 'rostock', text: 'second' },
      ],
      tallies: [{ jurisdictionId: 'rostock', count: 3 }],
    });
    expect(await exportTenantData(connection, scopeOfEvent({ jurisdictionId: 'nowhere', eventId: 'e-offboarded' }))).toEqual({});
  });

  it('erases them everywhere and nothing else, and can be repeated', async () => {
    expect(await eraseTenantData(connection, scopeOfEvent({ jurisdictionId: 'rostock', eventId: 'e-offboarded' }))).toEqual({ notes: 2, stamps: 1, tallies: 1 });
    expect(await connection.collection('notes').find({}, { projection: { _id: 0 } }).toArray()).toEqual([{ jurisdictionId: 'riga', text: 'not ours' }]);
    expect(await connection.collection('tallies').countDocuments()).toBe(0);
    expect(await connection.collection('catalogue').countDocuments()).toBe(1);
    expect(await connection.collection('stamps').countDocuments()).toBe(0);
    expect(await eraseTenantData(connection, scopeOfEvent({ jurisdictionId: 'rostock', eventId: 'e-offboarded' }))).toEqual({ notes: 0, stamps: 0, tallies: 0 });
  });
});
