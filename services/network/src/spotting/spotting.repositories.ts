import { Inject, Injectable } from '@nestjs/common';
import type { Connection, Model, Schema } from 'mongoose';
import { OPPORTUNITY_STATUSES } from '@entente/contracts';
import { MONGO_CONNECTION } from '@entente/service-runtime';
import type { Dismissal, OpenCall, Suggestion } from './suggestion';
import {
  DISMISSAL_MODEL,
  type DismissalRecord,
  DismissalSchema,
  OPEN_CALL_MODEL,
  type OpenCallRecord,
  OpenCallSchema,
  SUGGESTION_MODEL,
  type SuggestionRecord,
  SuggestionSchema,
} from './spotting.schema';

function modelOf<T>(connection: Connection, name: string, schema: Schema<T>): Model<T> {
  return (connection.models[name] as Model<T> | undefined) ?? connection.model<T>(name, schema);
}

/** A suggestion's id in the API: its network and key, so one id names one suggestion across every network. */
export function suggestionIdOf(networkId: string, key: string): string {
  return `${networkId}~${key}`;
}

/**
 * Suggestions per network. Not a tenant repository: a suggestion is the
 * network's (see spotting.schema.ts); who reads it is decided by
 * NetworkAccess before any method here is called.
 */
@Injectable()
export class SuggestionRepository {
  private readonly model: Model<SuggestionRecord>;

  constructor(@Inject(MONGO_CONNECTION) connection: Connection) {
    this.model = modelOf(connection, SUGGESTION_MODEL, SuggestionSchema);
  }

  async ready(): Promise<void> {
    await this.model.createIndexes();
  }

  /** Stores what one update of the spotter made: new or different suggestions, and those that lapsed. */
  async apply(networkId: string, upserted: readonly Suggestion[], removed: readonly string[]): Promise<void> {
    const at = new Date();
    const writes = [
      ...upserted.map((s) => ({
        replaceOne: { filter: { networkId, key: s.key }, replacement: { ...s, networkId, suggestionId: suggestionIdOf(networkId, s.key), updatedAt: at } as SuggestionRecord, upsert: true },
      })),
      ...removed.map((key) => ({ deleteOne: { filter: { networkId, key } } })),
    ];
    if (writes.length > 0) await this.model.bulkWrite(writes, { ordered: true });
  }

  /** Replaces a network's suggestions with a full evaluation's (at start-up). */
  async replaceAll(networkId: string, suggestions: readonly Suggestion[]): Promise<void> {
    const keys = suggestions.map((s) => s.key);
    await this.model.deleteMany({ networkId, key: { $nin: keys } }).exec();
    await this.apply(networkId, suggestions, []);
  }

  ofNetwork(networkId: string, includeDismissed: boolean): Promise<SuggestionRecord[]> {
    return this.model
      .find(includeDismissed ? { networkId } : { networkId, status: 'open' })
      .sort({ score: -1, key: 1 })
      .lean<SuggestionRecord[]>()
      .exec();
  }

  get(suggestionId: string): Promise<SuggestionRecord | null> {
    return this.model.findOne({ suggestionId }).lean<SuggestionRecord>().exec();
  }
}

@Injectable()
export class DismissalRepository {
  private readonly model: Model<DismissalRecord>;

  constructor(@Inject(MONGO_CONNECTION) connection: Connection) {
    this.model = modelOf(connection, DISMISSAL_MODEL, DismissalSchema);
  }

  async ready(): Promise<void> {
    await this.model.createIndexes();
  }

  async put(networkId: string, key: string, dismissal: Dismissal): Promise<void> {
    await this.model.updateOne({ networkId, key }, { $set: { dismissal } }, { upsert: true }).exec();
  }

  /** Different evidence opened the suggestion again: its dismissal is forgotten. */
  async forget(networkId: string, keys: readonly string[]): Promise<void> {
    if (keys.length > 0) await this.model.deleteMany({ networkId, key: { $in: [...keys] } }).exec();
  }

  async ofNetwork(networkId: string): Promise<Array<{ key: string; dismissal: Dismissal }>> {
    const rows = await this.model.find({ networkId }).lean<DismissalRecord[]>().exec();
    return rows.map(({ key, dismissal }) => ({ key, dismissal: { ...dismissal, at: new Date(dismissal.at) } }));
  }
}

/**
 * Whether a call's state is newer than the stored one: a higher version (funding
 * counts content changes), or the same version further along its life
 * (opening and closing need not change the content).
 */
export function isNewerCall(next: { version: number; status: OpenCall['status'] }, stored: { version: number; status: OpenCall['status'] }): boolean {
  if (next.version !== stored.version) return next.version > stored.version;
  return OPPORTUNITY_STATUSES.indexOf(next.status) > OPPORTUNITY_STATUSES.indexOf(stored.status);
}

@Injectable()
export class OpenCallRepository {
  private readonly model: Model<OpenCallRecord>;

  constructor(@Inject(MONGO_CONNECTION) connection: Connection) {
    this.model = modelOf(connection, OPEN_CALL_MODEL, OpenCallSchema);
  }

  async ready(): Promise<void> {
    await this.model.createIndexes();
  }

  /** Keeps the newer state; false when the stored one is as new or newer (a redelivery, or an event overtaken by a later one). */
  async put(call: OpenCall, version: number): Promise<boolean> {
    const stored = await this.model.findOne({ opportunityId: call.opportunityId }).lean<OpenCallRecord>().exec();
    if (stored && !isNewerCall({ version, status: call.status }, { version: stored.version, status: stored.call.status })) return false;
    await this.model.updateOne({ opportunityId: call.opportunityId }, { $set: { version, call } }, { upsert: true }).exec();
    return true;
  }

  async all(): Promise<OpenCall[]> {
    return (await this.model.find({}).lean<OpenCallRecord[]>().exec()).map((r) => r.call);
  }
}
