import { Inject, Injectable } from '@nestjs/common';
import { type Connection, type Model, Schema, type SchemaDefinition } from 'mongoose';
import { JURISDICTION_LEVELS, JURISDICTION_STATUSES, type JurisdictionProfilePayload, type JurisdictionStatus } from '@entente/contracts';
import { type Stored, TenantRepository, type TenantScope, tenantQuery } from '@entente/persistence';
import { MONGO_CONNECTION } from '../bootstrap/database.module';

/** What a service keeps of a jurisdiction's profile, replaced whole by every onboarded/updated event. */
export interface JurisdictionView extends JurisdictionProfilePayload {
  updatedAt: Date;
}

/**
 * The profile as every service stores it (the registry's own jurisdiction
 * record included): the one mongoose declaration of the fields
 * `jurisdictionProfileSchema` (libs/contracts) describes on the wire.
 */
export const JURISDICTION_PROFILE_FIELDS: SchemaDefinition<JurisdictionProfilePayload> = {
  jurisdictionId: { type: String, required: true },
  name: { type: String, required: true },
  level: { type: String, required: true, enum: JURISDICTION_LEVELS },
  country: { type: String, required: true },
  subdivision: { type: String, default: null },
  wikidataId: { type: String, default: null },
  timeZone: { type: String, required: true },
  currency: { type: String, required: true },
  fiscalYearStart: { type: String, required: true },
  languages: { type: [String], default: [] },
  population: { type: Number, default: null },
  status: { type: String, required: true, enum: JURISDICTION_STATUSES },
};

const JurisdictionViewSchema = new Schema<JurisdictionView>(
  { ...JURISDICTION_PROFILE_FIELDS, updatedAt: { type: Date, required: true } },
  { collection: 'jurisdiction_directory', versionKey: false },
);
JurisdictionViewSchema.index({ jurisdictionId: 1 }, { unique: true });

/**
 * A service's read model of the platform's jurisdictions (planning's capacity,
 * funding's eligibility and network's members read the profile from here).
 * Fed only by registry.jurisdiction events; every write is an upsert keyed by
 * the jurisdiction, so a redelivered event changes nothing.
 */
@Injectable()
export class JurisdictionDirectory extends TenantRepository<JurisdictionView> {
  constructor(@Inject(MONGO_CONNECTION) connection: Connection) {
    super((connection.models.JurisdictionView as Model<JurisdictionView> | undefined) ?? connection.model<JurisdictionView>('JurisdictionView', JurisdictionViewSchema));
  }

  find(scope: TenantScope): Promise<(JurisdictionView & Stored) | null> {
    return this.findOne(tenantQuery<JurisdictionView>(scope));
  }

  /** The profile as an event of the jurisdiction (`scope`) states it; an event whose payload names another jurisdiction is refused. */
  async replaceProfile(scope: TenantScope, profile: JurisdictionProfilePayload): Promise<void> {
    if (profile.jurisdictionId !== scope.jurisdictionId) throw new Error(`A profile of ${profile.jurisdictionId} arrived in an event of ${scope.jurisdictionId}`);
    await this.updateOne(tenantQuery<JurisdictionView>(scope), { $set: { ...profile, updatedAt: new Date() } }, { upsert: true });
  }

  /** A status change for a jurisdiction this service never saw onboarded is ignored: the profile will come with its next update. */
  async setStatus(scope: TenantScope, status: JurisdictionStatus): Promise<void> {
    await this.updateOne(tenantQuery<JurisdictionView>(scope), { $set: { status, updatedAt: new Date() } });
  }
}
