import { Schema } from 'mongoose';

export const PRIORITY_VIEW_STATUSES = ['active', 'retired'] as const;
export type PriorityViewStatus = (typeof PRIORITY_VIEW_STATUSES)[number];

/**
 * What funding keeps of a jurisdiction's priority, fed only by planning's
 * priority events: where it points (themes, target countries, sectors) and
 * its title, for matching opportunities to it and saying why.
 */
export interface PriorityView {
  jurisdictionId: string;
  priorityId: string;
  title: string;
  /** ISO 3166-1 alpha-2. */
  countries: string[];
  /** Lower-cased as planning states them. */
  sectors: string[];
  themes: string[];
  status: PriorityViewStatus;
  /** occurredAt of the newest event whose state this row holds: an older one arriving later is not applied. */
  stateAt: Date;
}

export const PRIORITY_VIEW_MODEL = 'FundingPriorityView';

export const PriorityViewSchema = new Schema<PriorityView>(
  {
    jurisdictionId: { type: String, required: true },
    priorityId: { type: String, required: true },
    title: { type: String, required: true },
    countries: { type: [String], default: [] },
    sectors: { type: [String], default: [] },
    themes: { type: [String], default: [] },
    status: { type: String, required: true, enum: PRIORITY_VIEW_STATUSES },
    stateAt: { type: Date, required: true },
  },
  { collection: 'priorities', versionKey: false },
);
PriorityViewSchema.index({ jurisdictionId: 1, priorityId: 1 }, { unique: true });
PriorityViewSchema.index({ jurisdictionId: 1, status: 1 });
