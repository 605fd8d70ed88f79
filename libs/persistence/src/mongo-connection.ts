import mongoose, { Connection } from 'mongoose';

export interface MongoConnectionOptions {
  url: string;
  database: string;
  /** How long to wait for the server when connecting, so a missing server fails fast with a clear error. */
  serverSelectionTimeoutMs?: number;
}

/**
 * Each service owns one database. Connections are created explicitly (never the
 * mongoose default connection) so a process can hold exactly the one it owns.
 */
export async function openMongoConnection(options: MongoConnectionOptions): Promise<Connection> {
  const connection = mongoose.createConnection(options.url, {
    dbName: options.database,
    serverSelectionTimeoutMS: options.serverSelectionTimeoutMs ?? 10_000,
    autoIndex: true,
  });
  try {
    await connection.asPromise();
  } catch (error) {
    await connection.close().catch(() => undefined);
    throw new Error(`Cannot reach MongoDB at ${redact(options.url)}: ${(error as Error).message}`);
  }
  return connection;
}

export async function pingMongo(connection: Connection): Promise<boolean> {
  if (connection.readyState !== 1 || !connection.db) return false;
  try {
    await connection.db.admin().ping();
    return true;
  } catch {
    return false;
  }
}

function redact(url: string): string {
  return url.replace(/\/\/[^@/]+@/, '//***@');
}
