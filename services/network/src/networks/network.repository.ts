import { Inject, Injectable } from '@nestjs/common';
import type { Connection, Model } from 'mongoose';
import { MONGO_CONNECTION } from '@entente/service-runtime';
import { NETWORK_MODEL, type NetworkRecord, NetworkSchema } from './network.schema';

/** Networks at most a platform lists at once. */
export const NETWORK_SCAN_LIMIT = 1000;

/**
 * The networks themselves. Not a tenant repository: a network belongs to no
 * jurisdiction (see network.schema.ts); nothing a member shares is here.
 */
@Injectable()
export class NetworkRepository {
  private readonly model: Model<NetworkRecord>;

  constructor(@Inject(MONGO_CONNECTION) connection: Connection) {
    this.model = (connection.models[NETWORK_MODEL] as Model<NetworkRecord> | undefined) ?? connection.model<NetworkRecord>(NETWORK_MODEL, NetworkSchema);
  }

  async create(network: NetworkRecord): Promise<NetworkRecord> {
    return (await this.model.create(network)).toObject();
  }

  get(networkId: string): Promise<NetworkRecord | null> {
    return this.model.findOne({ networkId }).lean<NetworkRecord>().exec();
  }

  byIds(networkIds: readonly string[]): Promise<NetworkRecord[]> {
    return this.model.find({ networkId: { $in: [...networkIds] } }).sort({ createdAt: 1 }).limit(NETWORK_SCAN_LIMIT).lean<NetworkRecord[]>().exec();
  }

  coordinatedBy(userId: string): Promise<NetworkRecord[]> {
    return this.model.find({ coordinatorUserIds: userId }).sort({ createdAt: 1 }).limit(NETWORK_SCAN_LIMIT).lean<NetworkRecord[]>().exec();
  }

  all(): Promise<NetworkRecord[]> {
    return this.model.find({}).sort({ createdAt: 1 }).limit(NETWORK_SCAN_LIMIT).lean<NetworkRecord[]>().exec();
  }

  async setCoordinators(networkId: string, coordinatorUserIds: string[], at: Date): Promise<NetworkRecord | null> {
    return this.model.findOneAndUpdate({ networkId }, { $set: { coordinatorUserIds, updatedAt: at } }, { returnDocument: 'after' }).lean<NetworkRecord>().exec();
  }
}
