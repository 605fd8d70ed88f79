import type { Connection, Model, Schema } from 'mongoose';
import type { TenantScope } from './tenant-scope';

const NOT_EXPORTED = new WeakSet<Schema>();

/**
 * Marks a tenant schema as bookkeeping rather than the jurisdiction's data
 * (the version stamp a cache checks): erased with the jurisdiction like any
 * tenant record, but left out of its export, so that a stamp moved by a
 * write that changed nothing does not change what the export holds (nor its
 * digest, which offboarding compares).
 */
export function excludeFromExport<S extends Schema>(schema: S): S {
  NOT_EXPORTED.add(schema);
  return schema;
}

/**
 * Everything a service holds for one jurisdiction, found by the rule every
 * tenant repository follows: a record belongs to the jurisdiction named by its
 * `jurisdictionId`. Working over the connection's registered models (rather
 * than a list kept by hand) means a feature added later is exported and erased
 * without anyone remembering to add it here.
 */
function tenantModels(connection: Connection): Model<unknown>[] {
  return Object.values(connection.models)
    .filter((model) => model.schema.path('jurisdictionId') !== undefined)
    .sort((a, b) => a.collection.collectionName.localeCompare(b.collection.collectionName)) as Model<unknown>[];
}

/** Fields that are plumbing, not the jurisdiction's data: ids of the store and undelivered events. */
const PLUMBING_FIELDS = ['_id', '_outbox'];

/** The jurisdiction's records per collection, as plain JSON-ready objects in insertion order. */
export async function exportTenantData(connection: Connection, scope: TenantScope): Promise<Record<string, Record<string, unknown>[]>> {
  const result: Record<string, Record<string, unknown>[]> = {};
  for (const model of tenantModels(connection)) {
    if (NOT_EXPORTED.has(model.schema)) continue;
    const rows = (await model.find({ jurisdictionId: scope.jurisdictionId }).sort({ _id: 1 }).lean().exec()) as Record<string, unknown>[];
    if (rows.length === 0) continue;
    result[model.collection.collectionName] = rows.map((row) => Object.fromEntries(Object.entries(row).filter(([key]) => !PLUMBING_FIELDS.includes(key))));
  }
  return result;
}

/** Deletes every record of the jurisdiction; returns how many went per collection. Safe to repeat. */
export async function eraseTenantData(connection: Connection, scope: TenantScope): Promise<Record<string, number>> {
  const deleted: Record<string, number> = {};
  for (const model of tenantModels(connection)) {
    const result = await model.deleteMany({ jurisdictionId: scope.jurisdictionId }).exec();
    deleted[model.collection.collectionName] = result.deletedCount;
  }
  return deleted;
}
