import { Schema } from 'mongoose';

export const ALERT_KINDS = ['new-match', 'changed-match', 'webhook-disabled', 'followed-changed', 'deadline-reminder'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** What an alert says about its opportunity, as it was when alerted. */
export interface AlertedOpportunity {
  opportunityId: string;
  version: number;
  title: string;
  funder: string;
  url: string | null;
  status: string;
  closesAt: Date | null;
  timeZone: string;
  awardCeiling: number | null;
  currency: string | null;
}

/**
 * One alert in one user's inbox: the same opportunity version is recorded
 * once per search (unique `alertKey`), which is the platform's promise of
 * "never the same alert twice". Daily and weekly searches' alerts wait for
 * their digest (`digestKey` set when a digest takes them).
 */
export interface AlertItemRecord {
  jurisdictionId: string;
  ownerId: string;
  alertId: string;
  alertKey: string;
  kind: AlertKind;
  searchId: string | null;
  /** The follow that raised it (a followed opportunity's change or deadline reminder); null for a search's alert. */
  followId?: string | null;
  /** The search's name, or "Followed call". */
  sourceName: string;
  /** One line a person reads: why this alert. */
  summary: string;
  opportunity: AlertedOpportunity | null;
  /** Whether the search sends at once; false: it waits for the search's digest. */
  instant: boolean;
  /** Whether it goes out live on the alertReceived subscription (the search's in-app channel); the inbox query shows every alert. */
  inApp: boolean;
  digestKey: string | null;
  createdAt: Date;
  readAt: Date | null;
}

export const ALERT_ITEM_MODEL = 'AlertItem';

export const AlertItemSchema = new Schema<AlertItemRecord>(
  {
    jurisdictionId: { type: String, required: true },
    ownerId: { type: String, required: true },
    alertId: { type: String, required: true },
    alertKey: { type: String, required: true },
    kind: { type: String, required: true, enum: ALERT_KINDS },
    searchId: { type: String, default: null },
    followId: { type: String, default: null },
    sourceName: { type: String, required: true },
    summary: { type: String, required: true },
    opportunity: { type: Schema.Types.Mixed, default: null },
    instant: { type: Boolean, required: true },
    inApp: { type: Boolean, default: true },
    digestKey: { type: String, default: null },
    createdAt: { type: Date, required: true },
    readAt: { type: Date, default: null },
  },
  { collection: 'alert_items', versionKey: false },
);
AlertItemSchema.index({ alertKey: 1 }, { unique: true });
AlertItemSchema.index({ jurisdictionId: 1, alertId: 1 }, { unique: true });
AlertItemSchema.index({ jurisdictionId: 1, ownerId: 1, createdAt: -1 });
AlertItemSchema.index({ jurisdictionId: 1, searchId: 1, digestKey: 1 });
