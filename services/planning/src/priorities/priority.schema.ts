import { Schema } from 'mongoose';
import { PRIORITY_FOCI, type PriorityFocus } from '@entente/contracts';
import { outboxPlugin } from '@entente/messaging';
import { historyPlugin } from '@entente/persistence';
import { REGISTRY_RECORD_KINDS, type RegistryRecordKind } from '../registry-records/registry-record.schema';

export const PRIORITY_STATUSES = ['active', 'retired'] as const;
export type PriorityStatus = (typeof PRIORITY_STATUSES)[number];

/** A registry record that shows why the priority is worth it (a partner, a tie, an asset). */
export interface EvidenceLink {
  kind: RegistryRecordKind;
  recordId: string;
}

/** A measure of the priority: where it started, where it should get, where it is (null until first reported). */
export interface Kpi {
  kpiId: string;
  name: string;
  unit: string;
  baseline: number;
  target: number;
  current: number | null;
}

/** What a person sets and changes of a priority. */
export interface PriorityContent {
  title: string;
  description: string | null;
  /** Goals of the jurisdiction's strategy it advances; at least one. */
  goalIds: string[];
  focus: PriorityFocus;
  /** ISO 3166-1 alpha-2. */
  targetCountries: string[];
  sectors: string[];
  themes: string[];
  evidence: EvidenceLink[];
  kpis: Kpi[];
  /** UN Sustainable Development Goals, 1 to 17. */
  sdgs: number[];
}

/** A priority as stored (plans and reports read these through PriorityRepository). */
export interface PriorityRecord extends PriorityContent {
  jurisdictionId: string;
  priorityId: string;
  status: PriorityStatus;
  retiredReason: string | null;
  retiredAt: Date | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export const PRIORITY_MODEL = 'Priority';

const plain = { _id: false } as const;

export const PrioritySchema = new Schema<PriorityRecord>(
  {
    jurisdictionId: { type: String, required: true },
    priorityId: { type: String, required: true },
    title: { type: String, required: true },
    description: { type: String, default: null },
    goalIds: { type: [String], default: [] },
    focus: { type: String, required: true, enum: PRIORITY_FOCI },
    targetCountries: { type: [String], default: [] },
    sectors: { type: [String], default: [] },
    themes: { type: [String], default: [] },
    evidence: { type: [new Schema({ kind: { type: String, required: true, enum: REGISTRY_RECORD_KINDS }, recordId: { type: String, required: true } }, plain)], default: [] },
    kpis: {
      type: [
        new Schema(
          {
            kpiId: { type: String, required: true },
            name: { type: String, required: true },
            unit: { type: String, required: true },
            baseline: { type: Number, required: true },
            target: { type: Number, required: true },
            current: { type: Number, default: null },
          },
          plain,
        ),
      ],
      default: [],
    },
    sdgs: { type: [Number], default: [] },
    status: { type: String, required: true, enum: PRIORITY_STATUSES },
    retiredReason: { type: String, default: null },
    retiredAt: { type: Date, default: null },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'priorities', versionKey: false },
);
PrioritySchema.index({ jurisdictionId: 1, priorityId: 1 }, { unique: true });
PrioritySchema.index({ jurisdictionId: 1, status: 1 });
PrioritySchema.plugin(outboxPlugin);
PrioritySchema.plugin(historyPlugin);
