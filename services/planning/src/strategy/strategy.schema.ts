import { Schema } from 'mongoose';
import { historyPlugin } from '@entente/persistence';
import { GOAL_KINDS, GOVERNANCE_MODELS, type StrategyContent } from './strategy.rules';

/** A jurisdiction's one strategy, as stored. */
export interface StrategyRecord extends StrategyContent {
  jurisdictionId: string;
  updatedBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export const STRATEGY_MODEL = 'Strategy';

const plain = { _id: false } as const;

const GoalSchema = new Schema(
  {
    goalId: { type: String, required: true },
    kind: { type: String, required: true, enum: GOAL_KINDS },
    title: { type: String, required: true },
    statement: { type: String, required: true },
    indicators: { type: [String], default: [] },
  },
  plain,
);

const MeetingSchema = new Schema({ meetingId: { type: String, required: true }, date: { type: String, required: true }, notes: { type: String, required: true } }, plain);

const GroupSchema = new Schema(
  {
    groupId: { type: String, required: true },
    name: { type: String, required: true },
    purpose: { type: String, default: null },
    members: { type: [new Schema({ name: { type: String, required: true }, sector: { type: String, required: true }, organisation: { type: String, default: null } }, plain)], default: [] },
    meetings: { type: [MeetingSchema], default: [] },
  },
  plain,
);

export const StrategySchema = new Schema<StrategyRecord>(
  {
    jurisdictionId: { type: String, required: true },
    goals: { type: [GoalSchema], default: [] },
    governanceModel: { type: String, default: null, enum: [...GOVERNANCE_MODELS, null] },
    executiveSponsor: { type: new Schema({ name: { type: String, required: true }, role: { type: String, required: true } }, plain), default: null },
    advisoryGroups: { type: [GroupSchema], default: [] },
    nationalPolicyAlignment: { type: String, default: null },
    staffFte: { type: Number, default: null },
    priorityCapOverride: { type: new Schema({ soft: { type: Number, required: true }, hard: { type: Number, required: true } }, plain), default: null },
    updatedBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'strategies', versionKey: false },
);
StrategySchema.index({ jurisdictionId: 1 }, { unique: true });
StrategySchema.plugin(historyPlugin);
