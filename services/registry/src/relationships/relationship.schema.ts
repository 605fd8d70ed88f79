import { Schema } from 'mongoose';
import { outboxPlugin } from '@entente/messaging';
import { historyPlugin } from '@entente/persistence';
import { RELATIONSHIP_STATUSES, RELATIONSHIP_TYPES, RelationshipStatus, RelationshipType } from './relationship.rules';

/** One status change, kept on the relationship so its history is never rewritten. */
export interface StatusChange {
  from: RelationshipStatus;
  to: RelationshipStatus;
  reason: string | null;
  changedBy: string;
  changedAt: Date;
}

/** A tie between the jurisdiction and one of its partners, as stored. */
export interface RelationshipRecord {
  jurisdictionId: string;
  relationshipId: string;
  partnerId: string;
  /** Copied from the partner when the tie is recorded (or moved by a merge), so lists need no join. */
  partnerName: string;
  /** Null while the partner's country is unknown (ties imported from Wikidata). */
  partnerCountry: string | null;
  type: RelationshipType;
  status: RelationshipStatus;
  /** YYYY-MM-DD. */
  since: string | null;
  until: string | null;
  formalBasis: string | null;
  politicalCycle: string | null;
  politicalChampion: string | null;
  technicalOwner: string | null;
  leadDepartment: string | null;
  priorityIds: string[];
  /** YYYY-MM-DD of the newest engagement with the partner; only ever moves forward. */
  lastEngagementAt: string | null;
  statusHistory: StatusChange[];
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export const RELATIONSHIP_MODEL = 'Relationship';

const StatusChangeSchema = new Schema<StatusChange>(
  {
    from: { type: String, required: true, enum: RELATIONSHIP_STATUSES },
    to: { type: String, required: true, enum: RELATIONSHIP_STATUSES },
    reason: { type: String, default: null },
    changedBy: { type: String, required: true },
    changedAt: { type: Date, required: true },
  },
  { _id: false },
);

export const RelationshipSchema = new Schema<RelationshipRecord>(
  {
    jurisdictionId: { type: String, required: true },
    relationshipId: { type: String, required: true },
    partnerId: { type: String, required: true },
    partnerName: { type: String, required: true },
    partnerCountry: { type: String, default: null },
    type: { type: String, required: true, enum: RELATIONSHIP_TYPES },
    status: { type: String, required: true, enum: RELATIONSHIP_STATUSES },
    since: { type: String, default: null },
    until: { type: String, default: null },
    formalBasis: { type: String, default: null },
    politicalCycle: { type: String, default: null },
    politicalChampion: { type: String, default: null },
    technicalOwner: { type: String, default: null },
    leadDepartment: { type: String, default: null },
    priorityIds: { type: [String], default: [] },
    lastEngagementAt: { type: String, default: null },
    statusHistory: { type: [StatusChangeSchema], default: [] },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'relationships', versionKey: false },
);
RelationshipSchema.index({ jurisdictionId: 1, relationshipId: 1 }, { unique: true });
RelationshipSchema.index({ jurisdictionId: 1, partnerId: 1 });
RelationshipSchema.index({ jurisdictionId: 1, status: 1 });
RelationshipSchema.plugin(outboxPlugin);
RelationshipSchema.plugin(historyPlugin);
