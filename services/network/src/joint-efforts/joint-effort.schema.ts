import { Schema } from 'mongoose';
import { outboxPlugin } from '@entente/messaging';
import { historyPlugin } from '@entente/persistence';
import { JOINT_EFFORT_KINDS, JOINT_EFFORT_STATUSES, type JointEffort } from './joint-effort';

/**
 * A joint effort of a network: the network's, like the network itself (its
 * participants are members that chose to take part). `revision` guards each
 * change against a concurrent one.
 */
export type JointEffortRecord = JointEffort & { createdBy: string; createdAt: Date; updatedAt: Date; revision: number };

export const JOINT_EFFORT_MODEL = 'JointEffort';

export const JointEffortSchema = new Schema<JointEffortRecord>(
  {
    id: { type: String, required: true },
    networkId: { type: String, required: true },
    kind: { type: String, required: true, enum: JOINT_EFFORT_KINDS },
    title: { type: String, required: true },
    leadJurisdictionId: { type: String, required: true },
    participants: { type: Schema.Types.Mixed, default: [] },
    timeline: { type: Schema.Types.Mixed, default: null },
    status: { type: String, required: true, enum: JOINT_EFFORT_STATUSES },
    country: { type: String, default: null },
    opportunityId: { type: String, default: null },
    fromSuggestion: { type: Schema.Types.Mixed, default: null },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    revision: { type: Number, required: true },
  },
  { collection: 'joint_efforts', versionKey: false, minimize: false },
);
JointEffortSchema.index({ id: 1 }, { unique: true });
JointEffortSchema.index({ networkId: 1, createdAt: -1 });

/**
 * A participant's joining of one effort: the participant's record (erased
 * with it), written once with the event planning turns into a proposed
 * activity. Its unique key (jurisdiction, effort) is what makes the event
 * happen once, however often a joining is retried.
 */
export interface EffortJoinRecord {
  jurisdictionId: string;
  effortId: string;
  networkId: string;
  costShare: number;
  joinedAt: Date;
}

export const EFFORT_JOIN_MODEL = 'JointEffortJoin';

export const EffortJoinSchema = new Schema<EffortJoinRecord>(
  {
    jurisdictionId: { type: String, required: true },
    effortId: { type: String, required: true },
    networkId: { type: String, required: true },
    costShare: { type: Number, required: true },
    joinedAt: { type: Date, required: true },
  },
  { collection: 'joint_effort_joins', versionKey: false },
);
EffortJoinSchema.index({ jurisdictionId: 1, effortId: 1 }, { unique: true });
EffortJoinSchema.plugin(outboxPlugin);
EffortJoinSchema.plugin(historyPlugin);
