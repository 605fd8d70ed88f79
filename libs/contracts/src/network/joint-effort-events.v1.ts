import { z } from 'zod';
import { defineEvent } from '../envelope/event-definition';
import { isIsoCountryCode } from '../reference/iso-country-codes';
import { JURISDICTION_ID_PATTERN } from '../reference/jurisdiction-levels';
import { TOPICS } from '../topics';

/** What members of a network can do together (issue 11). */
export const JOINT_EFFORT_KINDS = ['shared-trade-office', 'common-delegation', 'joint-funding-bid', 'shared-representation', 'joint-event', 'knowledge-exchange'] as const;
export type JointEffortKind = (typeof JOINT_EFFORT_KINDS)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD');

/**
 * A member jurisdiction joined a joint effort of a network, with its cost
 * share. Planning turns it into one proposed activity of the participant's
 * plan (the plan of the year the timeline starts in, or of the year it
 * joined when there is no timeline), once per (effort, participant) however
 * often the event arrives. Emitted once per joining; the envelope's
 * jurisdiction is the participant's, keyed by effort id.
 */
export const JointEffortParticipantJoinedV1 = defineEvent({
  type: 'network.joint-effort.participant-joined',
  version: 1,
  topic: TOPICS.networkJointEffort,
  schema: z.strictObject({
    effortId: z.string().min(1),
    networkId: z.string().min(1),
    participantJurisdictionId: z.string().regex(JURISDICTION_ID_PATTERN),
    kind: z.enum(JOINT_EFFORT_KINDS),
    title: z.string().trim().min(1).max(200),
    /** Percent of the effort's cost this participant carries, two decimals at most. */
    costShare: z.number().min(0).max(100),
    timeline: z.strictObject({ start: isoDate, end: isoDate }).nullable(),
    country: z
      .string()
      .refine((code): boolean => isIsoCountryCode(code), 'must be an ISO 3166-1 alpha-2 code such as FR')
      .nullable(),
    opportunityId: z.string().min(1).nullable(),
    /** When it joined (an instant): without a timeline, the plan year it falls in. */
    joinedAt: z.iso.datetime({ offset: true }),
  }),
});

export type JointEffortParticipantJoinedV1Payload = z.output<typeof JointEffortParticipantJoinedV1.schema>;
