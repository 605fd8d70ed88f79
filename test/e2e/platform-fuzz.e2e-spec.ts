import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  GraphQLField,
  GraphQLInputType,
  GraphQLSchema,
  IntrospectionQuery,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
} from 'graphql';
import { CLIENT_ERROR_CODES, TOO_MANY_VARIABLE_ERRORS_MESSAGE } from '@entente/auth';
import { AppName, DOMAIN_SERVICES } from '@entente/platform';
import { createTestUser, deleteTestUser, keycloakAdmin, newJurisdictionId, TestUser } from '@entente/testing';
import { eventually, startTestPlatform, TestPlatform } from '../support';
import {
  ABSENT,
  baselineKeyFor,
  buildBaseline,
  capPerGroup,
  documentFor,
  everyFieldWrong,
  fuzzSeed,
  hintKeyOf,
  leakedMarkers,
  mapWithConcurrency,
  misplacedKeys,
  OMIT,
  ownersOf,
  PathKey,
  Prng,
  RawJson,
  RawResponse,
  recordIdsIn,
  requestBody,
  responseProblems,
  rootFieldsOf,
  rootOperations,
  Site,
  sitesOf,
  SUBGRAPH_ROOT_FIELDS_QUERY,
  unownedRootFields,
  withValueAt,
  wrongTypeValue,
} from '../support/graphql-fuzz';

/**
 * Issue 3's acceptance, made every service's by issue 8: every input is
 * validated, a bad input names the field, generated inputs never produce a
 * 500, and no answer holds another jurisdiction's data. The operations come
 * from the live platform: the supergraph (introspected through the gateway
 * with a real token) gives their types, and each subgraph, asked directly on
 * its port, says which root fields it serves (the supergraph's introspection
 * does not: composition's join__ directives stay inside the gateway). So an
 * operation added to any service is fuzzed without touching this file.
 *
 * The cases themselves go through the gateway, as a client sends them: its
 * checks (a body that is not UTF-8, more than 50 coercion errors, error
 * masking) are part of what a client meets, and a subgraph asked directly
 * would answer some of those cases differently.
 *
 * What a *valid* value looks like is domain knowledge, kept per service below
 * (REGISTRY, PLANNING, FUNDING, NETWORK: baselines and categories by
 * operation) with what holds across services by field name (FIELD_BASELINE,
 * FIELD_CATEGORY). An operation without baselines is still fuzzed from values
 * built from its types; 'gives every operation a baseline its rules accept'
 * then says what to add where. Each case changes one field of a baseline.
 * The seed is read from the commit checked out (fuzzSeed); replay a run with
 * the seed it prints: ENTENTE_FUZZ_SEED=<seed>, or sample afresh with random.
 */
describe('input fuzzing of every service through the gateway', () => {
  const seed = fuzzSeed();
  const random = new Prng(seed);
  const SPEC = 'test/e2e/platform-fuzz.e2e-spec.ts';
  const replayHint = `replay with ENTENTE_FUZZ_SEED=${seed} npx jest ${SPEC} --selectProjects integration --runInBand`;
  /** Unique per run, not per seed: a replay must not collide with the users and jurisdictions of an earlier run. */
  const nonce = randomBytes(3).toString('hex');
  let unique = 0;
  const nextUnique = () => `${nonce}-${(unique++).toString(36)}`;

  const CONCURRENCY = 4;
  /** Mutations per field: one of its category's values and the rest from its GraphQL type's. */
  const PER_SITE = 3;
  const MIN_CASES = 300;
  /**
   * Cases per service at most, besides baselines (one of each operation and every EVERY_RUN case
   * always stay). The registry's 500-odd take about 30 s at CONCURRENCY, and its replay 25 s:
   * a service with many operations gets a sample, so the whole run stays near two minutes.
   */
  const CASE_BUDGET: Record<string, number> = { registry: Number.POSITIVE_INFINITY };
  const DEFAULT_CASE_BUDGET = 200;

  let platform: TestPlatform;
  let admin: TestUser;
  let staff: TestUser;
  let executive: TestUser;
  let victim: TestUser;
  let staffB: TestUser;
  let platformAdmin: TestUser;
  const tokens: Record<Actor, string> = { admin: '', staff: '', executive: '', platform: '' };
  /** Another jurisdiction's staff: makes B's records, whose ids no answer to A may hold. */
  let tokenB = '';

  const jurisdictionA = newJurisdictionId('fuzz-a');
  const jurisdictionB = newJurisdictionId('fuzz-b');
  const jurisdictionV = newJurisdictionId('fuzz-v');
  const jurisdictionW = newJurisdictionId('fuzz-w');
  let adminW: TestUser | undefined;
  const today = new Date().toISOString().slice(0, 10);

  /** Records the baselines point at: each operation that changes state gets its own, so cases cannot spoil each other. */
  const fixture = {
    /** Networks of A (made by the platform admin): one it is a member of, one it is invited to, one to leave, one whose grant is revoked. */
    network: { member: '', invited: '', leave: '', revoke: '', grant: '' },
    /**
     * Spotting and joint efforts, in a network of A and W (a jurisdiction of the network fixtures' own: the fuzz offboards
     * V): a suggestion involving both; efforts A leads (to steer, move, invite W into) and efforts W leads naming A (to
     * join and leave); W's post on the board (to answer) and A's posts (to close).
     */
    spotting: { network: '', suggestion: '', shares: '', move: '', invite: [] as string[], join: '', leave: [] as string[], search: '', close: [] as string[] },
    partners: { update: '', relationship: '', engagement: '', survivor: '', duplicate: '' },
    assets: { update: '', remove: '' },
    relationship: '',
    importJob: '',
    foreign: { partner: '', asset: '', relationship: '', user: '', goal: '', group: '', priority: '', kpi: '', visit: '', application: '', search: '' },
    planning: {
      /** A's partner that only planning's cases use (evidence, activity partners): no registry case merges it away. */
      partner: '',
      goal: '',
      group: '',
      /** `link` is what activities serve and is never retired; `retire` has one for each retirePriority case. */
      priorities: { link: '', change: '', kpi: '', retire: [] as string[] },
      kpi: '',
      activities: { update: '', progress: '', remove: [] as string[], remedy: [] as string[] },
      occasions: [] as string[],
      visits: { accept: '', decline: [] as string[] },
    },
    /** A's funding applications: one to edit and read, and interested ones each moveFundingApplication case takes in turn. */
    funding: { update: '', move: [] as string[] },
    /** A's admin's saved searches: one (daily) to read, change, snooze and digest, and one to delete per case. */
    alerts: { search: '', remove: [] as string[] },
    /** Scouting: a CSV source served by this spec and read once (its run, its opportunity), and a source to update, disable and enable. */
    scouting: { source: '', run: '', opportunity: '', toggle: '' },
    /** A's admin's follows of the scouted opportunities: one to follow again and update, and one to unfollow for each unfollowOpportunity case. */
    follows: { update: '', unfollow: [] as string[] },
  };

  /**
   * Records of which each case uses one up (a removed activity, a remedy applied, a declined request, a plan returned to
   * draft): enough for every case the run generates of that operation, so each gets its own while they last.
   */
  const POOL = 10;
  const REMEDY_POOL = 20;
  /**
   * A's plan years, each for the operations that change it: the cases of one operation neither spoil another's
   * state nor race it for the same plan revision (an edit is pinned to the revision it read).
   */
  const YEARS = {
    settings: 2040,
    funding: 2041,
    add: 2042,
    update: 2043,
    progress: 2044,
    remove: 2045,
    remedy: 2046,
    occasions: 2047,
    /** Where an accepted visit request puts its hosted visit. */
    visits: 2048,
    /** The lifecycle: a draft to submit, one in review to approve, an approved one to activate, an active one to close. */
    submit: 2050,
    approve: 2051,
    approved: 2052,
    active: 2053,
    /** Version 1 approved, version 2 a draft: what the queries and the diff read, and what copyPlanToNextYear copies into 2056. */
    read: 2055,
    /** In review, one for each returnPlanToDraft case. */
    returns: Array.from({ length: POOL }, (_, i) => 2060 + i),
  };
  /** createPlan's next year: each case gets one no plan has, so that a created year does not make the next case a conflict. */
  let nextPlanYear = 2100;
  /** Hands out a pool's records in turn (from the start again when they run out, which `stateful` allows for). */
  function inTurn<T>(pool: () => readonly T[]): () => T {
    let turn = 0;
    return () => {
      const items = pool();
      return items[turn++ % items.length] as T;
    };
  }
  /** What no answer to A's people may hold unasked: B's id, its fixtures' ids, and the ids of what B's staff made with every service's baselines. */
  const foreignMarkers = new Set<string>();

  /**
   * Who runs an operation: the first of these its baseline is not FORBIDDEN to. Jurisdiction A's
   * admin first; staff and executive for operations of one role (planning: staff draft, the
   * executive approves); the platform-admin for the platform's own.
   */
  const ACTORS = ['admin', 'staff', 'executive', 'platform'] as const;
  type Actor = (typeof ACTORS)[number];
  type Category =
    | 'text'
    | 'country'
    | 'currency'
    | 'date'
    | 'pastDate'
    | 'email'
    | 'url'
    | 'phone'
    | 'wikidata'
    | 'timeZone'
    | 'monthDay'
    | 'subdivision'
    | 'language'
    | 'slug'
    | 'digest'
    | 'cursor'
    | 'document'
    | `ref:${RefKind}`;
  type RefKind = 'partner' | 'asset' | 'relationship' | 'record' | 'job' | 'user' | 'jurisdiction' | 'goal' | 'group' | 'priority' | 'kpi' | 'activity' | 'occasion' | 'visit' | 'application' | 'search';

  interface Operation {
    kind: 'query' | 'mutation';
    field: GraphQLField<unknown, unknown>;
    /** The subgraph that answers it. */
    service: string;
    knowledge: ServiceKnowledge;
    document: string;
    baseline: () => Record<string, unknown>;
    actor: Actor;
    /**
     * Set by the run: how its baseline was answered. `valid`: accepted, or refused only by the platform's state (CONFLICT:
     * offboardJurisdiction's digest is never of V's latest export, so V stays for the other cases). Else why not, and the
     * fields a refusal named.
     */
    baselineAnswer?: { accepted: boolean; valid: boolean; why: string; fields: string[]; response: RawResponse };
  }

  interface Mutation {
    name: string;
    value: unknown;
    /** The rules must refuse it: an answer without errors is a failure. */
    mustReject?: boolean;
  }

  interface FuzzCase {
    n: number;
    operation: Operation;
    site: Site | null;
    mutation: Mutation | null;
    variables: Record<string, unknown>;
  }

  interface Outcome {
    fuzzCase: FuzzCase;
    response: RawResponse;
    ms: number;
  }

  const name = (c: FuzzCase) => `#${c.n} ${c.operation.service}.${c.operation.field.name}${c.site ? ` ${c.site.label}=[${c.mutation?.name}]` : ' baseline'} as ${c.operation.actor}`;

  // ---------------------------------------------------------------- domain knowledge, per service

  const PARTNERS_CSV = 'name,kind,country\nFuzzholm,city,SE\n';
  const ASSETS_CSV = 'name,category,type,countries,magnitudeValue,magnitudeUnit,asOf\nFuzz port,economic-foundations,key-industry,SE,2500,jobs,2024-01-01\n';
  const entityJson = () =>
    JSON.stringify({
      entities: {
        Q2861: {
          id: 'Q2861',
          labels: { de: { language: 'de', value: 'Rostock' } },
          claims: {
            P190: [
              {
                rank: 'normal',
                mainsnak: { snaktype: 'value', datavalue: { value: { id: 'Q25319' } } },
                qualifiers: { P580: [{ snaktype: 'value', datavalue: { value: { time: '+1957-00-00T00:00:00Z', precision: 9 } } }] },
              },
            ],
          },
        },
      },
    });

  /**
   * What one service's operations need beyond their GraphQL types. Keys are
   * `operation.path` with list indexes left out (`logEngagement.input.partnerIds`);
   * a key naming no operation of its service fails the discovery test.
   * An operation with no entry is fuzzed from values built from its types and
   * FIELD_BASELINE; when its rules refuse those, the test 'gives every operation
   * a baseline its rules accept' names the entry to add to its service's block.
   */
  interface ServiceKnowledge {
    /** Valid values: OMIT leaves the field out; undefined (or no key) builds it from the type. */
    baseline: Record<string, () => unknown>;
    /** What kind of value a field holds, beyond its GraphQL type: it decides the domain mutations. */
    category: Record<string, Category>;
    /**
     * Operations whose rule depends on the platform's current state whatever was changed, with the
     * fields that rule names: a case may be refused in the run and accepted alone, or name that field.
     */
    stateful: Record<string, string[]>;
    /**
     * What an operation needs in place just before its baseline, when an earlier baseline may have taken it away
     * (mutations' baselines run before queries').
     */
    prepare?: Record<string, () => Promise<unknown>>;
  }

  const REGISTRY: ServiceKnowledge = {
    baseline: {
      // Ids of records the operation may change.
      'updatePartner.id': () => fixture.partners.update,
      'mergePartners.survivorId': () => fixture.partners.survivor,
      'mergePartners.duplicateId': () => fixture.partners.duplicate,
      'establishRelationship.input.partnerId': () => fixture.partners.relationship,
      'logEngagement.input.partnerIds': () => [fixture.partners.engagement],
      'updateAsset.id': () => fixture.assets.update,
      'removeAsset.id': () => fixture.assets.remove,
      'changeRelationshipStatus.id': () => fixture.relationship,
      'changeRelationshipStatus.status': () => 'ACTIVE',
      'recordHistory.id': () => fixture.partners.update,
      'importJob.id': () => fixture.importJob,
      'deactivateUser.userId': () => victim.id,
      'reactivateUser.userId': () => victim.id,
      // Jurisdictions: the admin's own; the platform-admin's changes only ever touch V.
      'jurisdiction.id': () => jurisdictionA,
      'jurisdictionExport.id': () => jurisdictionA,
      'jurisdictionUsers.jurisdictionId': () => jurisdictionA,
      'updateJurisdictionProfile.id': () => jurisdictionA,
      'inviteUser.input.jurisdictionId': () => OMIT,
      'inviteUser.input.roles': () => ['STAFF'],
      'changeJurisdictionStatus.id': () => jurisdictionV,
      'changeJurisdictionStatus.status': () => 'ACTIVE',
      'offboardJurisdiction.id': () => jurisdictionV,
      'onboardJurisdiction.input.id': () => `fuzz-${nextUnique()}`,
      'onboardJurisdiction.input.name': () => 'Fuzz City',
      'updateJurisdictionProfile.input.name': () => 'Fuzz City',
      // A Table 1 asset whose category and type belong together, with a sum of money.
      'recordAsset.input.category': () => 'ECONOMIC_FOUNDATIONS',
      'recordAsset.input.type': () => 'EXPORT_SECTOR',
      'updateAsset.input.category': () => 'ECONOMIC_FOUNDATIONS',
      'updateAsset.input.type': () => 'EXPORT_SECTOR',
      'recordAsset.input.magnitude.unit': () => 'money',
      'updateAsset.input.magnitude.unit': () => 'money',
      'recordAsset.input.magnitude.value': () => 2_500_000,
      'updateAsset.input.magnitude.value': () => 2_500_000,
      'importPartnersCsv.csv': () => PARTNERS_CSV,
      'importAssetsCsv.csv': () => ASSETS_CSV,
      'importRelationshipsCsv.csv': () => `type,partnerId\nmou,${fixture.partners.relationship}\n`,
      'importWikidataEntity.json': entityJson,
      'importTwinningTies.wikidataId': () => 'Q2861',
      'loadTwinningCatalogue.relations': () => 'Q2861\tQ25319\n',
      'loadTwinningCatalogue.names': () => 'Q2861\tRostock\nQ25319\tAarhus\n',
      'countryProfile.country': () => 'DK',
    },
    category: {
      'updatePartner.id': 'ref:partner',
      'mergePartners.survivorId': 'ref:partner',
      'mergePartners.duplicateId': 'ref:partner',
      'establishRelationship.input.partnerId': 'ref:partner',
      'logEngagement.input.partnerIds': 'ref:partner',
      'updateAsset.id': 'ref:asset',
      'removeAsset.id': 'ref:asset',
      'changeRelationshipStatus.id': 'ref:relationship',
      'recordHistory.id': 'ref:record',
      'importJob.id': 'ref:job',
      'deactivateUser.userId': 'ref:user',
      'reactivateUser.userId': 'ref:user',
      'jurisdiction.id': 'ref:jurisdiction',
      'jurisdictionExport.id': 'ref:jurisdiction',
      'jurisdictionUsers.jurisdictionId': 'ref:jurisdiction',
      'updateJurisdictionProfile.id': 'ref:jurisdiction',
      'inviteUser.input.jurisdictionId': 'ref:jurisdiction',
      'changeJurisdictionStatus.id': 'ref:jurisdiction',
      'offboardJurisdiction.id': 'ref:jurisdiction',
      'onboardJurisdiction.input.id': 'slug',
    },
    /**
     * Allowed status transitions, and the twinning ties of a blank wikidataId (the jurisdiction's own id, whose ties
     * need the platform's catalogue: refused before a fuzz case loads one, accepted after; seed 745573924).
     */
    stateful: {
      changeRelationshipStatus: ['status'],
      changeJurisdictionStatus: ['status'],
      importTwinningTies: ['wikidataId'],
    },
  };

  /** An activity's planned fields that its rules check against the plan year and A's records; the rest are built from the types. */
  const activityBaseline = (operation: string, year: number): Record<string, () => unknown> => ({
    [`${operation}.year`]: () => year,
    [`${operation}.input.priorityIds`]: () => [fixture.planning.priorities.link],
    [`${operation}.input.partnerIds`]: () => [fixture.planning.partner],
    [`${operation}.input.windowStart`]: () => `${year}-05-01`,
    [`${operation}.input.windowEnd`]: () => `${year}-05-31`,
    [`${operation}.input.frequency`]: () => 'ANNUAL',
    [`${operation}.input.cycleYear`]: () => year,
  });
  const activityCategory = (operation: string): Record<string, Category> => ({
    [`${operation}.input.priorityIds`]: 'ref:priority',
    [`${operation}.input.partnerIds`]: 'ref:partner',
  });

  /**
   * Planning's operations (strategy, priorities, plans, activities, remedies, visit requests,
   * reports), on the records and plan years (YEARS) made in beforeAll. localGoalTypes and plans take
   * no arguments: their baseline is their only case.
   */
  const PLANNING: ServiceKnowledge = {
    baseline: {
      // The strategy keeps A's goal (active priorities advance it) and advisory group; a cap no case reaches.
      'saveStrategy.input.goals.goalId': () => fixture.planning.goal,
      'saveStrategy.input.advisoryGroups.groupId': () => fixture.planning.group,
      'saveStrategy.input.advisoryGroups.meetings.meetingId': () => OMIT,
      'saveStrategy.input.staffFte': () => 60,
      'saveStrategy.input.priorityCapOverride.soft': () => 100,
      'saveStrategy.input.priorityCapOverride.hard': () => 100,
      'recordAdvisoryMeeting.groupId': () => fixture.planning.group,
      'setPriority.input.goalIds': () => [fixture.planning.goal],
      'setPriority.input.evidence.recordId': () => fixture.planning.partner,
      'setPriority.input.kpis.kpiId': () => OMIT,
      'changePriority.id': () => fixture.planning.priorities.change,
      'changePriority.input.goalIds': () => [fixture.planning.goal],
      'changePriority.input.evidence.recordId': () => fixture.planning.partner,
      'changePriority.input.kpis.kpiId': () => OMIT,
      'recordKpiProgress.priorityId': () => fixture.planning.priorities.kpi,
      'recordKpiProgress.kpiId': () => fixture.planning.kpi,
      'retirePriority.id': inTurn(() => fixture.planning.priorities.retire),
      'priority.id': () => fixture.planning.priorities.kpi,
      // Plans: each operation on its own year.
      'createPlan.year': () => nextPlanYear++,
      'copyPlanToNextYear.fromYear': () => YEARS.read,
      'updatePlanSettings.year': () => YEARS.settings,
      'addFundingLine.year': () => YEARS.funding,
      ...activityBaseline('addActivity', YEARS.add),
      ...activityBaseline('updateActivity', YEARS.update),
      'updateActivity.activityId': () => fixture.planning.activities.update,
      'removeActivity.year': () => YEARS.remove,
      'removeActivity.activityId': inTurn(() => fixture.planning.activities.remove),
      'recordActivityProgress.year': () => YEARS.progress,
      'recordActivityProgress.activityId': () => fixture.planning.activities.progress,
      'recordActivityProgress.input.doneOn': () => `${YEARS.progress}-05-31`,
      'addOccasion.year': () => YEARS.occasions,
      'addOccasion.input.date': () => `${YEARS.occasions}-05-09`,
      'removeOccasion.year': () => YEARS.occasions,
      'removeOccasion.occasionId': inTurn(() => fixture.planning.occasions),
      // Rostock's remedy, on an annual activity of its own for each case.
      'applyRemedy.year': () => YEARS.remedy,
      'applyRemedy.input.kind': () => 'REDUCE_FREQUENCY',
      'applyRemedy.input.activityId': inTurn(() => fixture.planning.activities.remedy),
      'submitPlan.year': () => YEARS.submit,
      'returnPlanToDraft.year': inTurn(() => YEARS.returns),
      'approvePlan.year': () => YEARS.approve,
      'approvePlan.version': () => 1,
      'activatePlan.year': () => YEARS.approved,
      'closePlan.year': () => YEARS.active,
      'plan.year': () => YEARS.read,
      'plan.version': () => 1,
      'planVersions.year': () => YEARS.read,
      'planCapacity.year': () => YEARS.read,
      'planCapacity.version': () => 2,
      'planDiff.year': () => YEARS.read,
      'planDiff.fromVersion': () => 1,
      'planDiff.toVersion': () => 2,
      'reportingPeriods.year': () => YEARS.read,
      'planReport.year': () => YEARS.read,
      'planReport.period': () => `${YEARS.read}-Q2`,
      // Visit requests: in the year whose plan takes the hosted visit.
      'recordVisitRequest.input.dateStart': () => `${YEARS.visits}-04-01`,
      'recordVisitRequest.input.dateEnd': () => `${YEARS.visits}-04-03`,
      'acceptVisitRequest.id': () => fixture.planning.visits.accept,
      'declineVisitRequest.id': inTurn(() => fixture.planning.visits.decline),
      'visitRequest.id': () => fixture.planning.visits.accept,
    },
    category: {
      'saveStrategy.input.goals.goalId': 'ref:goal',
      'saveStrategy.input.advisoryGroups.groupId': 'ref:group',
      // Minutes of a meeting may be written ahead of it: any calendar date.
      'saveStrategy.input.advisoryGroups.meetings.date': 'date',
      'recordAdvisoryMeeting.groupId': 'ref:group',
      'recordAdvisoryMeeting.date': 'date',
      'setPriority.input.goalIds': 'ref:goal',
      'setPriority.input.evidence.recordId': 'ref:partner',
      'changePriority.id': 'ref:priority',
      'changePriority.input.goalIds': 'ref:goal',
      'changePriority.input.evidence.recordId': 'ref:partner',
      'recordKpiProgress.priorityId': 'ref:priority',
      'recordKpiProgress.kpiId': 'ref:kpi',
      'retirePriority.id': 'ref:priority',
      'priority.id': 'ref:priority',
      ...activityCategory('addActivity'),
      ...activityCategory('updateActivity'),
      'updateActivity.activityId': 'ref:activity',
      'removeActivity.activityId': 'ref:activity',
      'recordActivityProgress.activityId': 'ref:activity',
      'applyRemedy.input.activityId': 'ref:activity',
      'addOccasion.input.date': 'date',
      'removeOccasion.occasionId': 'ref:occasion',
      'acceptVisitRequest.id': 'ref:visit',
      'declineVisitRequest.id': 'ref:visit',
      'visitRequest.id': 'ref:visit',
    },
    /**
     * A year can be created once and copied once; a plan moves through its lifecycle once; a record used up (an
     * activity removed or postponed, a request decided, a priority retired) refuses the next case that reaches it
     * once a pool runs out; a saved strategy may drop the fixture's advisory group (a new one replaces it), which
     * the strategy's and the meeting's next cases name.
     */
    stateful: {
      saveStrategy: ['goals', 'goalId', 'groupId'],
      recordAdvisoryMeeting: ['groupId'],
      retirePriority: ['id'],
      createPlan: ['year'],
      copyPlanToNextYear: ['fromYear'],
      removeActivity: ['activityId'],
      removeOccasion: ['occasionId'],
      applyRemedy: ['kind', 'activityId'],
      submitPlan: ['year'],
      returnPlanToDraft: ['year'],
      approvePlan: ['year', 'version'],
      activatePlan: ['year'],
      closePlan: ['year'],
      acceptVisitRequest: ['id'],
      declineVisitRequest: ['id'],
    },
  };

  /**
   * Funding's pipeline and calendar link (funderTypes, calendarFeed and the calendar mutations take no arguments;
   * createCalendarFeed is a CONFLICT once the link exists). A move takes the next interested application of the
   * pool to preparing; a case that finds it moved already is refused with CONFLICT.
   */
  const FUNDING: ServiceKnowledge = {
    baseline: {
      'opportunityMatches.minScore': () => 0,
      'fundingApplication.id': () => fixture.funding.update,
      'addFundingApplication.input.deadline': () => '2027-03-31',
      'updateFundingApplication.id': () => fixture.funding.update,
      'updateFundingApplication.input.deadline': () => '2027-04-30T17:00:00+02:00',
      'moveFundingApplication.id': inTurn(() => fixture.funding.move),
      'moveFundingApplication.input.stage': () => 'PREPARING',
      'moveFundingApplication.input.reason': () => OMIT,
      'moveFundingApplication.input.reasonNote': () => OMIT,
      'moveFundingApplication.input.amountAwarded': () => OMIT,
      'moveFundingApplication.input.amountAwardedLocal': () => OMIT,
      'moveFundingApplication.input.awardedOn': () => OMIT,
      'moveFundingApplication.input.planYear': () => OMIT,
    },
    category: {
      'fundingApplication.id': 'ref:application',
      'updateFundingApplication.id': 'ref:application',
      'moveFundingApplication.id': 'ref:application',
    },
    stateful: { moveFundingApplication: ['stage', 'id'], createCalendarFeed: [] },
    // revokeCalendarFeed's baseline runs before calendarFeed's, which answers null without a link: make it again.
    prepare: { calendarFeed: () => gql('admin', `mutation { rotateCalendarFeed { token } }`) },
  };
  // Scouting (platform-admin): sources get a unique id each, and no schedule, so a source a case adds never
  // runs; the fixture's CSV source is the one runs read, the toggle source the one updated, disabled and enabled.
  const sourceInput = (op: string): Record<string, () => unknown> => ({
    [`${op}.input.kind`]: () => 'FEED',
    [`${op}.input.url`]: () => 'http://127.0.0.1:9/fuzz-feed.xml',
    [`${op}.input.scheduleMinutes`]: () => OMIT,
    [`${op}.input.apiKeyRef`]: () => OMIT,
    [`${op}.input.query`]: () => 'city partnerships',
  });
  Object.assign(FUNDING.baseline, {
    'opportunities.filter.keywords': () => 'partnership -tender',
    'opportunities.filter.themes': () => ['regional-development'],
    'opportunities.filter.closesAfter': () => '2026-01-01T00:00:00Z',
    'opportunities.filter.closesBefore': () => '2030-01-01T00:00:00Z',
    'opportunities.filter.postedAfter': () => '2020-01-01T00:00:00Z',
    'opportunities.filter.sourceId': () => OMIT,
    'opportunity.id': () => fixture.scouting.opportunity,
    'scoutingRuns.sourceId': () => fixture.scouting.source,
    'scoutingRun.id': () => fixture.scouting.run,
    'runFundingSource.id': () => fixture.scouting.source,
    'addFundingSource.input.sourceId': () => `fuzz-${nextUnique()}`,
    ...sourceInput('addFundingSource'),
    'updateFundingSource.id': () => fixture.scouting.toggle,
    ...sourceInput('updateFundingSource'),
    'disableFundingSource.id': () => fixture.scouting.toggle,
    'enableFundingSource.id': () => fixture.scouting.toggle,
  });

  /**
   * Network (myTiesByCountry and networks take no arguments): A's admin reads and shares in the network it is a member
   * of; the platform admin creates networks, names coordinators and invites V. Accepting, leaving and revoking each
   * have their own network, and only the first case of each finds it as it was (the others are CONFLICT).
   */
  const NETWORK: ServiceKnowledge = {
    baseline: {
      'network.id': () => fixture.network.member,
      'sharingGrants.networkId': () => fixture.network.member,
      'sharingPreview.networkId': () => fixture.network.member,
      'sharingPreview.grants.fields': () => ['name', 'country'],
      'sharingPreview.grants.assetCategories': () => OMIT,
      'networkSharedData.networkId': () => fixture.network.member,
      'networkHeatMap.networkId': () => fixture.network.member,
      'networkDelegationCalendar.networkId': () => fixture.network.member,
      'sharingAccessLog.networkId': () => fixture.network.member,
      'createNetwork.input.coordinatorUserIds': () => [],
      'setNetworkCoordinators.networkId': () => fixture.network.member,
      'setNetworkCoordinators.coordinatorUserIds': () => [],
      'inviteToNetwork.networkId': () => fixture.network.member,
      'inviteToNetwork.jurisdictionId': () => jurisdictionV,
      'acceptNetworkInvitation.networkId': () => fixture.network.invited,
      'leaveNetwork.networkId': () => fixture.network.leave,
      'shareWithNetwork.input.networkId': () => fixture.network.member,
      'shareWithNetwork.input.fields': () => ['name', 'country'],
      'shareWithNetwork.input.assetCategories': () => OMIT,
      'revokeSharing.grantId': () => fixture.network.grant,
    },
    category: {},
    stateful: {
      inviteToNetwork: ['jurisdictionId'],
      acceptNetworkInvitation: ['networkId'],
      leaveNetwork: ['networkId'],
      revokeSharing: ['grantId'],
      dismissSuggestion: ['id'],
      moveJointEffort: ['status', 'effortId'],
      inviteToJointEffort: ['jurisdictionId', 'effortId'],
      leaveJointEffort: ['effortId'],
      closePartnerSearch: ['searchId'],
    },
  };
  // Spotting and joint efforts (see fixture.spotting): A's admin reads, dismisses (once; then CONFLICT), proposes,
  // steers the efforts it leads and joins or leaves those W leads. Timelines in a year with no plan: a joining waits in planning.
  const effortInput = (op: string): Record<string, () => unknown> => ({
    [`${op}.input.networkId`]: () => fixture.spotting.network,
    [`${op}.input.kind`]: () => 'JOINT_EVENT',
    [`${op}.input.title`]: () => 'Fuzz harbour festival',
    [`${op}.input.participants`]: () => [
      { jurisdictionId: jurisdictionA, costShare: 60 },
      { jurisdictionId: jurisdictionW, costShare: 40 },
    ],
    [`${op}.input.timelineStart`]: () => '2031-05-04',
    [`${op}.input.timelineEnd`]: () => '2031-05-08',
    [`${op}.input.country`]: () => 'SE',
    [`${op}.input.opportunityId`]: () => OMIT,
  });
  Object.assign(NETWORK.baseline, {
    'networkSuggestions.networkId': () => fixture.spotting.network,
    'networkSuggestions.includeDismissed': () => true,
    'dismissSuggestion.id': () => fixture.spotting.suggestion,
    'dismissSuggestion.reason': () => 'We already work with Malmö',
    'jointEfforts.networkId': () => fixture.spotting.network,
    ...effortInput('proposeJointEffort'),
    'proposeJointEffortFromSuggestion.suggestionId': () => fixture.spotting.suggestion,
    'proposeJointEffortFromSuggestion.title': () => OMIT,
    'inviteToJointEffort.effortId': inTurn(() => fixture.spotting.invite),
    'inviteToJointEffort.jurisdictionId': () => jurisdictionW,
    'inviteToJointEffort.shares': () => [
      { jurisdictionId: jurisdictionA, costShare: 50 },
      { jurisdictionId: jurisdictionW, costShare: 50 },
    ],
    'joinJointEffort.effortId': () => fixture.spotting.join,
    'leaveJointEffort.effortId': inTurn(() => fixture.spotting.leave),
    'setJointEffortCostShares.effortId': () => fixture.spotting.shares,
    'setJointEffortCostShares.shares': () => [
      { jurisdictionId: jurisdictionA, costShare: 70 },
      { jurisdictionId: jurisdictionW, costShare: 30 },
    ],
    'moveJointEffort.effortId': () => fixture.spotting.move,
    'moveJointEffort.status': () => 'FORMING',
    'partnerSearches.networkId': () => fixture.spotting.network,
    'postPartnerSearch.input.networkId': () => fixture.spotting.network,
    'postPartnerSearch.input.kind': () => 'PARTNER_CITY',
    // Both a country and a call: whichever kind a case makes it, what that kind needs is there.
    'postPartnerSearch.input.country': () => 'PL',
    'postPartnerSearch.input.opportunityId': () => 'fuzz-call',
    'postPartnerSearch.input.description': () => 'A port city in Poland for a youth exchange',
    'answerPartnerSearch.searchId': () => fixture.spotting.search,
    'answerPartnerSearch.message': () => 'Gdynia would be glad to',
    'closePartnerSearch.searchId': inTurn(() => fixture.spotting.close),
  });

  // Saved searches and alerts (each user's own; A's admin keeps them): a search to read, update, snooze and digest,
  // and one to delete for each deleteSavedSearch case. Saving is capped per user, so a late case may be refused
  // naming `name`; a webhook points at the discard port, so its deliveries fail without leaving the machine.
  const searchInput = (op: string): Record<string, () => unknown> => ({
    [`${op}.input.criteria.keywords`]: () => ['baltic', 'sister cities'],
    [`${op}.input.criteria.excludedKeywords`]: () => ['loan'],
    [`${op}.input.criteria.statuses`]: () => ['open'],
    [`${op}.input.criteria.minAmount`]: () => 1000,
    [`${op}.input.criteria.maxAmount`]: () => 500_000,
    [`${op}.input.criteria.minDaysToClose`]: () => 7,
    [`${op}.input.criteria.maxDaysToClose`]: () => 120,
    [`${op}.input.criteria.funderTypes`]: () => ['eu'],
    [`${op}.input.criteria.themes`]: () => ['regional-development'],
    [`${op}.input.criteria.applicantTypes`]: () => ['local-governments'],
    [`${op}.input.cadence.kind`]: () => 'DAILY',
    [`${op}.input.cadence.hour`]: () => 8,
    [`${op}.input.cadence.weekday`]: () => OMIT,
    [`${op}.input.channels.inApp`]: () => true,
    [`${op}.input.channels.email`]: () => true,
    [`${op}.input.channels.webhook.url`]: () => 'http://127.0.0.1:9/entente-hook',
    [`${op}.input.channels.webhook.secret`]: () => 'fuzz-webhook-secret-0123',
  });
  Object.assign(FUNDING.baseline, {
    'savedSearch.id': () => fixture.alerts.search,
    ...searchInput('saveSearch'),
    'updateSavedSearch.id': () => fixture.alerts.search,
    ...searchInput('updateSavedSearch'),
    'snoozeSavedSearch.id': () => fixture.alerts.search,
    'snoozeSavedSearch.until': () => new Date(Date.now() + 7 * 86_400_000).toISOString(),
    'deleteSavedSearch.id': inTurn(() => fixture.alerts.remove),
    'sendSearchDigestNow.id': () => fixture.alerts.search,
    'markAlertsRead.ids': () => OMIT,
  });
  Object.assign(FUNDING.category, {
    'savedSearch.id': 'ref:search',
    'updateSavedSearch.id': 'ref:search',
    'snoozeSavedSearch.id': 'ref:search',
    'deleteSavedSearch.id': 'ref:search',
    'sendSearchDigestNow.id': 'ref:search',
  });
  Object.assign(FUNDING.stateful, { saveSearch: ['name'], deleteSavedSearch: ['id'] });

  // Followed opportunities (each user's own; A's admin follows the fixture's scouted calls): one to follow again and
  // update, and one to unfollow for each unfollowOpportunity case (a case that finds it unfollowed is NOT_FOUND).
  Object.assign(FUNDING.baseline, {
    'followOpportunity.opportunityId': () => fixture.follows.update,
    'followOpportunity.reminderDays': () => [14, 3],
    'followOpportunity.channels.inApp': () => true,
    'followOpportunity.channels.email': () => true,
    'updateFollow.opportunityId': () => fixture.follows.update,
    'updateFollow.input.reminderDays': () => [21, 7, 1],
    'updateFollow.input.channels.inApp': () => true,
    'updateFollow.input.channels.email': () => false,
    'unfollowOpportunity.opportunityId': inTurn(() => fixture.follows.unfollow),
  });
  Object.assign(FUNDING.stateful, { unfollowOpportunity: ['opportunityId'] });

  /** By service name, as DOMAIN_SERVICES spells it: a service missing here is fuzzed with no knowledge of its own. */
  const KNOWLEDGE: Record<string, ServiceKnowledge> = { registry: REGISTRY, planning: PLANNING, funding: FUNDING, network: NETWORK };
  const NO_KNOWLEDGE: ServiceKnowledge = { baseline: {}, category: {}, stateful: {} };
  /** Where a failure message sends the reader to add an entry. */
  const blockOf = (service: string) => (service in KNOWLEDGE ? `${service.toUpperCase()}.baseline` : `a new block ${service.toUpperCase()}: ServiceKnowledge, listed in KNOWLEDGE,`);

  /** Valid values by field name, whichever service's operation holds the field; a service's own `operation.path` entry comes first. */
  const FIELD_BASELINE: Record<string, () => unknown> = {
    first: () => 5,
    after: () => OMIT,
    name: () => 'Fuzzburg',
    description: () => 'Exports of wind turbines',
    country: () => 'DE',
    countries: () => ['DK'],
    sectors: () => ['Wind energy'],
    currency: () => 'EUR',
    wikidataId: () => 'Q2861',
    website: () => 'https://www.example.org',
    email: () => `fuzz-${nextUnique()}@example.org`,
    phone: () => '+45 89 40 20 00',
    firstName: () => 'Ada',
    lastName: () => 'Lovelace',
    since: () => '2019-05-01',
    until: () => '2024-05-01',
    asOf: () => '2024-12-31',
    date: () => today,
    amount: () => 4200.5,
    staffDays: () => 1.5,
    timeZone: () => 'Europe/Berlin',
    fiscalYearStart: () => '01-01',
    languages: () => ['de'],
    subdivision: () => 'DE-MV',
    population: () => 209_061,
    priorityIds: () => ['prio-1'],
    targetCountries: () => ['DK'],
    archiveDigest: () => '0'.repeat(64),
  };

  /** Categories by field name, whichever service's operation holds the field. */
  const FIELD_CATEGORY: Record<string, Category> = {
    country: 'country',
    countries: 'country',
    targetCountries: 'country',
    currency: 'currency',
    since: 'date',
    until: 'date',
    date: 'pastDate',
    asOf: 'pastDate',
    // Plans and visits lie ahead: any calendar date.
    windowStart: 'date',
    windowEnd: 'date',
    dateStart: 'date',
    dateEnd: 'date',
    doneOn: 'date',
    email: 'email',
    website: 'url',
    phone: 'phone',
    wikidataId: 'wikidata',
    timeZone: 'timeZone',
    fiscalYearStart: 'monthDay',
    subdivision: 'subdivision',
    languages: 'language',
    archiveDigest: 'digest',
    after: 'cursor',
    csv: 'document',
    json: 'document',
    relations: 'document',
    names: 'document',
  };

  /** Sums of money and staff-days: never negative, never beyond what a record may hold. */
  const NON_NEGATIVE_FIGURES = new Set([
    'amount',
    'value',
    'staffDays',
    'own',
    'external',
    'partner',
    'actualCost',
    'estimatedCost',
    'staffDaysAvailable',
    'staffDaysPerOccurrence',
    'actualStaffDays',
    'estimatedStaffDays',
    'staffFte',
  ]);

  /** Lists the rules require to have an item: by field name, or by `operation.path` where another operation's list of that name may be empty (an activity's partners). */
  const NON_EMPTY_LISTS = new Set(['logEngagement.input.partnerIds', 'languages', 'roles', 'goalIds']);
  const mustHaveItems = (operation: Operation, site: Site) => NON_EMPTY_LISTS.has(site.leaf) || NON_EMPTY_LISTS.has(`${operation.field.name}.${hintKeyOf(site.path)}`);

  /**
   * Rules that tie fields together: changing one may rightly be reported on
   * the other (an until before the since, a type of another category, a
   * figure without its as-of date, a subdivision of another country).
   */
  const RELATED: Record<string, string[]> = {
    since: ['until'],
    until: ['since'],
    category: ['type'],
    type: ['category', 'countries'],
    magnitude: ['asOf'],
    value: ['asOf'],
    unit: ['currency', 'asOf'],
    currency: ['unit'],
    country: ['subdivision'],
    subdivision: ['country'],
    survivorId: ['duplicateId'],
    duplicateId: ['survivorId'],
    names: ['relations'],
    windowStart: ['windowEnd'],
    windowEnd: ['windowStart'],
    dateStart: ['dateEnd'],
    dateEnd: ['dateStart'],
    // An evidence link of another kind: the record is then missing under that kind.
    // A pipeline move needs what its stage needs: an award its amount, not pursued its reason.
    stage: ['reason', 'reasonNote', 'amountAwarded', 'amountAwardedLocal', 'awardedOn', 'planYear'],
    reason: ['reasonNote'],
    // A deadline window is refused at its end; a source kind may need an API key reference.
    closesAfter: ['closesBefore'],
    kind: ['recordId', 'apiKeyRef'],
  };
  const hintFor = (operation: { name: string; knowledge: ServiceKnowledge }) => (path: PathKey[], leaf: string): unknown => {
    const make = operation.knowledge.baseline[`${operation.name}.${hintKeyOf(path)}`] ?? (typeof path[path.length - 1] === 'number' ? undefined : FIELD_BASELINE[leaf]);
    return make?.();
  };

  const categoryOf = (operation: Operation, site: Site): Category =>
    operation.knowledge.category[`${operation.field.name}.${hintKeyOf(site.path)}`] ?? FIELD_CATEGORY[site.leaf] ?? 'text';
  /** Every service's stateful operations: names are unique across the supergraph. */
  const statefulFields = (operation: Operation): string[] => operation.knowledge.stateful[operation.field.name] ?? [];

  // ---------------------------------------------------------------- mutations

  const HUGE = 'x'.repeat(10_000);
  const HUGE_UNICODE = '🚀'.repeat(5_000);
  const STRANGE_TEXT: Mutation[] = [
    { name: 'emoji', value: 'Zürich 東京 🚀👩🏽‍🚀' },
    { name: 'rtl-override', value: 'مدينة \u202Eevil\u202C' },
    { name: 'zero-width', value: '\u200B\u200D\uFEFF' },
    { name: 'control-chars', value: 'a\u0000b\u0001c\u001f' },
    // Half a character: UTF-8 (MongoDB, Kafka, every answer) cannot hold it and would keep U+FFFD instead.
    { name: 'lone-surrogate', value: 'a\uD800b', mustReject: true },
    { name: 'lone low surrogate', value: '\uDE80 Aarhus', mustReject: true },
    { name: 'half an emoji at the end', value: 'Zürich \uD83D', mustReject: true },
    { name: 'mongo-operator', value: '{"$gt":""}' },
    { name: 'script', value: '<script>alert(1)</script>' },
    { name: 'sql', value: "'; drop table partners; --" },
    { name: 'path', value: '../../etc/passwd' },
    { name: 'jndi', value: '${jndi:ldap://127.0.0.1/a}' },
  ];
  const invalid = (values: string[]): Mutation[] => values.map((value) => ({ name: JSON.stringify(value).slice(0, 40), value, mustReject: true }));
  const valid = (values: string[]): Mutation[] => values.map((value) => ({ name: `valid ${JSON.stringify(value).slice(0, 30)}`, value }));
  const BAD_DATES = ['2026-02-30', 'yesterday', '2024-13-01', '2024-1-1', '2023-02-29', '2024-06-01T00:00:00Z', '31/12/2024', '0000-01-01', '+002024-01-01'];

  function foreignIds(kind: RefKind, actor: Actor): string[] {
    switch (kind) {
      case 'partner':
        return [fixture.foreign.partner];
      case 'asset':
        return [fixture.foreign.asset];
      case 'relationship':
        return [fixture.foreign.relationship];
      case 'record':
      case 'job':
        return [fixture.foreign.partner, fixture.foreign.asset];
      case 'user':
        return [fixture.foreign.user, platformAdmin.id];
      case 'jurisdiction':
        // Never A for the platform-admin: suspending it would sign the fuzzing admin out.
        return actor === 'platform' ? [jurisdictionB] : [jurisdictionB, jurisdictionV];
      case 'goal':
      case 'group':
      case 'priority':
      case 'kpi':
      case 'visit':
      case 'application':
      case 'search':
        return [fixture.foreign[kind]];
      case 'activity':
      case 'occasion':
        // B has no plan: planning does not know its fiscal year (B is never onboarded: see 'jurisdiction' above).
        return [];
    }
  }

  /** An id of A's own of another kind than `kind`: refused like an unknown one. */
  function ownOfAnotherKind(kind: RefKind): string {
    switch (kind) {
      case 'partner':
        return fixture.assets.update;
      // A record is any partner, asset, relationship or engagement, so its "other kind" is an import job.
      case 'record':
        return fixture.importJob;
      case 'jurisdiction':
        return 'platform';
      case 'goal':
      case 'activity':
      case 'visit':
        return fixture.planning.priorities.link;
      case 'priority':
      case 'group':
      case 'kpi':
        return fixture.planning.goal;
      case 'occasion':
        return fixture.planning.activities.update;
      default:
        return fixture.partners.update;
    }
  }

  function categoryMutations(category: Category, actor: Actor): Mutation[] {
    if (category.startsWith('ref:')) {
      const kind = category.slice(4) as RefKind;
      return [
        { name: 'random-uuid', value: random.uuid(), mustReject: true },
        { name: 'unknown-id', value: 'no-such-id', mustReject: true },
        { name: 'object-id', value: '507f1f77bcf86cd799439011', mustReject: true },
        { name: 'mongo-operator-id', value: '{"$ne":null}', mustReject: true },
        { name: 'other-kind-own-id', value: ownOfAnotherKind(kind), mustReject: true },
        ...foreignIds(kind, actor).map((value) => ({ name: `other-jurisdiction-id`, value, mustReject: true })),
      ];
    }
    switch (category) {
      case 'country':
        return [...invalid(['Germany', 'XX', 'D', 'DEU', 'EU', '12', 'ÄÖ']), ...valid(['de', ' dk '])];
      case 'currency':
        return [...invalid(['EURO', 'eu', 'XXX', 'BTC', '€', 'XAU', 'US D']), ...valid(['usd'])];
      case 'date':
        return [...invalid(BAD_DATES), ...valid(['2024-02-29', '2999-01-01'])];
      case 'pastDate':
        return [...invalid([...BAD_DATES, '2999-01-01', addDays(today, 3)]), ...valid(['2024-02-29'])];
      case 'email':
        return [...invalid(['not-an-email', 'a@b', '@example.org', 'a b@example.org'])];
      case 'url':
        return invalid(['javascript:alert(1)', 'ftp://example.org', 'http://localhost', 'https://', 'example.org', 'https://exa mple.org']);
      case 'phone':
        // Kept as written: the description promises digits, spaces, ( ) - . / and a leading +.
        return [...invalid(['call me', '+', '123', '++49 30 1234', '+45 89 40 20 00 ext. 12']), ...valid(['+45 (89) 40-20-00', '0381/381-0', '+64 6.356.8199'])];
      case 'wikidata':
        return [...invalid(['Q0', 'P31', `Q${'9'.repeat(20)}`, 'Q-1', 'Q 1']), ...valid(['q2861'])];
      case 'timeZone':
        return [...invalid(['Mars/Olympus', '../../etc/passwd', 'Not a zone']), ...valid(['UTC'])];
      case 'monthDay':
        return [...invalid(['02-29', '13-01', '1-1', '00-00', '12-32']), ...valid(['12-31'])];
      case 'subdivision':
        return [...invalid(['US-MD', 'DE-XXXX', 'DE']), ...valid(['de-mv'])];
      case 'language':
        return [...invalid(['de_DE', 'xx-invalid-tag-too-long', '123']), ...valid(['zh-Hant-TW'])];
      case 'slug':
        return invalid(['Rostock', 'platform', 'a', '-x', 'x'.repeat(64), 'röstock']);
      case 'digest':
        return invalid(['f'.repeat(64), 'ZZ']);
      case 'cursor':
        return [...invalid(['not-a-cursor', 'AAAA']), { name: 'valid-looking cursor', value: Buffer.from(random.hex(24), 'hex').toString('base64url') }];
      case 'document':
        return [
          { name: 'header only', value: 'name,kind,country\n' },
          { name: 'binary', value: '\u0000\u0001\uFFFE\uFFFF\u0007' },
          { name: 'unclosed json', value: '{' },
          { name: 'json null', value: 'null' },
          { name: 'json array', value: '[]' },
          { name: 'deep nesting', value: `${'['.repeat(5_000)}${']'.repeat(5_000)}` },
          { name: '1000 bad rows', value: `name,kind,country\n${'Nowhere,city,Germany\n'.repeat(1_000)}` },
        ];
      default:
        return [];
    }
  }

  function typeMutations(site: Site, category: Category, baseline: Record<string, unknown>, nonEmpty: boolean): Mutation[] {
    const nonNull = isNonNullType(site.type);
    const inner = nonNull ? (site.type as { ofType: GraphQLInputType }).ofType : site.type;
    const nullMutations: Mutation[] = [{ name: 'null', value: null, mustReject: nonNull }];
    // Leaving out a field (not a list item: that only shortens the list).
    if (!site.isArgument && typeof site.path[site.path.length - 1] === 'string') nullMutations.push({ name: 'absent', value: ABSENT, mustReject: nonNull });
    if (isListType(inner)) {
      const itemType = inner.ofType as GraphQLInputType;
      const itemNamed = getNamedType(itemType);
      const item = valueAt(baseline, [...site.path, 0]);
      const mutations: Mutation[] = [
        ...nullMutations,
        { name: 'empty list', value: [], mustReject: nonEmpty },
        { name: '[null]', value: [null], mustReject: isNonNullType(itemType) },
        { name: 'nested list', value: [[item]], mustReject: true },
        // More than GraphQL's 50 coercion errors in one request: it gives up with an error of its own.
        { name: '51 nulls', value: Array.from({ length: 51 }, () => null), mustReject: isNonNullType(itemType) },
        { name: '60 wrong items', value: Array.from({ length: 60 }, () => wrongTypeValue(itemType)), mustReject: true },
      ];
      if (isInputObjectType(itemNamed)) mutations.push({ name: '1000 copies', value: Array.from({ length: 1_000 }, () => item), mustReject: true });
      else if (isEnumType(itemNamed)) mutations.push({ name: '1000 copies', value: Array.from({ length: 1_000 }, () => item) });
      else mutations.push({ name: '1000 distinct', value: Array.from({ length: 1_000 }, (_, i) => `${String(item).slice(0, 20)}-${i}`), mustReject: true });
      if (item !== undefined) mutations.push({ name: 'bare item', value: item });
      return mutations;
    }
    if (isInputObjectType(inner)) {
      const current = valueAt(baseline, site.path) as Record<string, unknown>;
      const hasRequired = Object.values(inner.getFields()).some((f) => isNonNullType(f.type) && f.defaultValue === undefined);
      return [
        ...nullMutations,
        { name: '{}', value: {}, mustReject: hasRequired },
        { name: 'unknown field', value: { ...current, bogusField: 1 }, mustReject: true },
        { name: 'string', value: 'not an object', mustReject: true },
        { name: 'mongo operator object', value: { $gt: '' }, mustReject: true },
        { name: 'every field wrong', value: everyFieldWrong(inner), mustReject: Object.keys(inner.getFields()).length > 0 },
      ];
    }
    if (isEnumType(inner)) {
      const current = String(valueAt(baseline, site.path));
      const others = inner.getValues().map((v) => v.name).filter((v) => v !== current);
      return [
        ...nullMutations,
        { name: 'lower case', value: current.toLowerCase(), mustReject: true },
        { name: 'stored spelling', value: current.toLowerCase().replace(/_/g, '-'), mustReject: true },
        { name: 'bogus', value: 'NOT_A_VALUE', mustReject: true },
        { name: 'empty', value: '', mustReject: true },
        { name: 'number', value: 1, mustReject: true },
        ...(others.length > 0 ? [{ name: 'another value', value: random.pick(others) }] : []),
      ];
    }
    switch (inner.name) {
      case 'Int': {
        const bounds: Mutation[] =
          site.leaf === 'first'
            ? [{ name: '0', value: 0, mustReject: true }, { name: '-1', value: -1, mustReject: true }, { name: '101', value: 101, mustReject: true }, { name: '100', value: 100 }]
            : site.leaf === 'population'
              ? [{ name: '-1', value: -1, mustReject: true }, { name: 'max int', value: 2_147_483_647, mustReject: true }, { name: '0', value: 0 }]
              : [{ name: '-1', value: -1 }, { name: 'max int', value: 2_147_483_647 }];
        return [
          ...nullMutations,
          ...bounds,
          { name: 'beyond Int', value: 2_147_483_648, mustReject: true },
          { name: 'below Int', value: -2_147_483_649, mustReject: true },
          { name: 'fraction', value: 1.5, mustReject: true },
          { name: 'numeric string', value: '5', mustReject: true },
          { name: 'NaN string', value: 'NaN', mustReject: true },
          { name: '1e400', value: new RawJson('1e400'), mustReject: true },
          { name: 'boolean', value: true, mustReject: true },
        ];
      }
      case 'Float': {
        const money = NON_NEGATIVE_FIGURES.has(site.leaf);
        return [
          ...nullMutations,
          { name: '-1', value: -1, mustReject: money },
          { name: '-0.0001', value: -0.0001, mustReject: money },
          { name: '0', value: 0 },
          { name: '1e308', value: 1e308, mustReject: money },
          { name: 'max float', value: Number.MAX_VALUE, mustReject: money },
          { name: 'beyond safe integer', value: 9_007_199_254_740_993, mustReject: money },
          { name: 'denormal', value: 1e-320 },
          { name: 'two decimals', value: 0.15, mustReject: site.leaf === 'staffDays' },
          { name: 'NaN string', value: 'NaN', mustReject: true },
          { name: 'Infinity string', value: 'Infinity', mustReject: true },
          { name: '1e400', value: new RawJson('1e400'), mustReject: true },
          { name: '-1e400', value: new RawJson('-1e400'), mustReject: true },
        ];
      }
      case 'Boolean':
        return [
          ...nullMutations,
          { name: 'string', value: 'true', mustReject: true },
          { name: 'number', value: 1, mustReject: true },
        ];
      default: {
        // String and ID (and any custom scalar): text.
        const bounded = category !== 'document';
        return [
          ...nullMutations,
          { name: 'empty', value: '', mustReject: nonNull },
          { name: 'blank', value: '   ', mustReject: nonNull },
          { name: '10k chars', value: HUGE, mustReject: bounded },
          { name: '10k emoji units', value: HUGE_UNICODE, mustReject: bounded },
          ...STRANGE_TEXT,
          { name: 'number', value: 12345, mustReject: inner.name === 'String' },
          { name: 'boolean', value: true, mustReject: true },
          { name: 'object', value: { $gt: '' }, mustReject: true },
          { name: 'list', value: ['a', 'b'], mustReject: true },
        ];
      }
    }
  }

  function valueAt(root: Record<string, unknown>, path: readonly PathKey[]): unknown {
    let value: unknown = root;
    for (const key of path) value = (value as Record<PathKey, unknown> | undefined)?.[key];
    return value;
  }

  function addDays(isoDate: string, days: number): string {
    const date = new Date(`${isoDate}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() + days);
    return date.toISOString().slice(0, 10);
  }

  /**
   * Classes of input that once got past the checks (issue 7: more than 50
   * coercion errors in one request answered INTERNAL_SERVER_ERROR; half a
   * character was stored as U+FFFD): every run sends each at least once,
   * where it must be refused, whatever the seed samples. Text goes to free
   * text, where only the rules can refuse it.
   */
  const EVERY_RUN: Record<string, (category: Category) => boolean> = {
    '51 nulls': () => true,
    '60 wrong items': () => true,
    'every field wrong': () => true,
    'lone-surrogate': (category) => category === 'text',
    'lone low surrogate': (category) => category === 'text',
    'half an emoji at the end': (category) => category === 'document',
  };

  interface Candidate {
    operation: Operation;
    site: Site;
    mutation: Mutation;
  }

  /** `spare` collects, by EVERY_RUN name, the places such a mutation could have gone but was not sampled. */
  function casesOf(operation: Operation, firstNumber: number, spare: Map<string, Candidate[]>): FuzzCase[] {
    const baseline = operation.baseline();
    const cases: FuzzCase[] = [];
    for (const site of sitesOf(operation.field, baseline)) {
      const category = categoryOf(operation, site);
      const specific = categoryMutations(category, operation.actor);
      const generic = typeMutations(site, category, baseline, mustHaveItems(operation, site));
      const chosen = [...random.sample(specific, 1), ...random.sample(generic, PER_SITE - Math.min(1, specific.length))];
      for (const mutation of chosen) cases.push(caseOf(firstNumber + cases.length, { operation, site, mutation }));
      for (const mutation of generic) {
        if (chosen.includes(mutation) || !mutation.mustReject || !EVERY_RUN[mutation.name]?.(category)) continue;
        spare.set(mutation.name, [...(spare.get(mutation.name) ?? []), { operation, site, mutation }]);
      }
    }
    return cases;
  }

  function caseOf(n: number, { operation, site, mutation }: Candidate): FuzzCase {
    // Each case gets fresh unique values (a new jurisdiction id, a new e-mail), so one case's success does not make the next a conflict.
    return { n, operation, site, mutation, variables: withValueAt(operation.baseline(), site.path, mutation.value) };
  }

  /** One case of each EVERY_RUN class the sampling left out, at a random place it fits. */
  function casesEveryRunNeeds(sampled: readonly FuzzCase[], spare: Map<string, Candidate[]>, firstNumber: number): FuzzCase[] {
    const added: FuzzCase[] = [];
    for (const name of Object.keys(EVERY_RUN)) {
      if (sampled.some((c) => c.mutation?.name === name && c.mutation.mustReject && EVERY_RUN[name]?.(categoryOf(c.operation, c.site as Site)))) continue;
      const candidates = spare.get(name) ?? [];
      if (candidates.length === 0) throw new Error(`no site takes the EVERY_RUN mutation ${name}: the schema changed; adjust EVERY_RUN`);
      added.push(caseOf(firstNumber + added.length, random.pick(candidates)));
    }
    return added;
  }

  // ---------------------------------------------------------------- transport and checks

  async function send(token: string, query: string, variables: Record<string, unknown>): Promise<RawResponse> {
    const response = await fetch(platform.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: requestBody(query, variables),
    });
    const text = await response.text();
    let body: RawResponse['body'] = null;
    try {
      const parsed = JSON.parse(text) as unknown;
      if (parsed !== null && typeof parsed === 'object') body = parsed as RawResponse['body'];
    } catch {
      body = null;
    }
    return { status: response.status, text, body };
  }

  async function gql<T>(actor: Actor, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await send(tokens[actor], query, variables);
    if (!response.body?.data || response.body.errors?.length) throw new Error(`${query.slice(0, 80)}… answered ${response.status}: ${response.text.slice(0, 500)}`);
    return response.body.data as T;
  }

  async function run(fuzzCase: FuzzCase): Promise<Outcome> {
    const started = Date.now();
    const response = await send(tokens[fuzzCase.operation.actor], fuzzCase.operation.document, fuzzCase.variables);
    return { fuzzCase, response, ms: Date.now() - started };
  }

  const errorsOf = (response: RawResponse) => response.body?.errors ?? [];

  /** One subgraph asked directly on its port (only to learn which root fields it serves). */
  async function askSubgraph(service: AppName): Promise<Parameters<typeof rootFieldsOf>[0]> {
    const response = await fetch(`http://127.0.0.1:${platform.settings.ports[service]}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.admin}` },
      body: JSON.stringify({ query: SUBGRAPH_ROOT_FIELDS_QUERY }),
    });
    const text = await response.text();
    const body = JSON.parse(text) as { data?: Parameters<typeof rootFieldsOf>[0] };
    if (!body.data) throw new Error(`the ${service} subgraph did not say its root fields (HTTP ${response.status}): ${text.slice(0, 300)}`);
    return body.data;
  }

  /** How a baseline was answered: accepted, or why not and which fields the refusal named (GraphQL's coercion names the variable path). */
  function baselineAnswerOf(outcome: Outcome): NonNullable<Operation['baselineAnswer']> {
    const { response } = outcome;
    if (accepted(outcome)) return { accepted: true, valid: true, why: 'was accepted', fields: [], response };
    const errors = errorsOf(response);
    const fields = errors.flatMap((e) => {
      if (e.extensions?.['code'] !== 'BAD_USER_INPUT') return [];
      const problems = Array.isArray(e.extensions['problems']) ? (e.extensions['problems'] as Array<{ field?: unknown }>).map((p) => p.field) : [];
      return [e.extensions['field'], ...problems].filter((f): f is string => typeof f === 'string' && f.trim() !== '');
    });
    const first = errors[0];
    const why = first
      ? `${isGraphQLTypeError(String(first.message)) ? 'does not fit the schema' : `was answered ${codeOf(response) || `HTTP ${response.status}`}`}: ${String(first.message).slice(0, 200)}`
      : `was answered without data (HTTP ${response.status})`;
    return { accepted: false, valid: codeOf(response) === 'CONFLICT', why, fields: [...new Set(fields)], response };
  }

  /** What to add where, so that an operation's baseline is accepted. */
  function baselineAdvice(operation: Operation): string {
    const answer = operation.baselineAnswer;
    const head = `${operation.service}.${operation.field.name} as ${operation.actor}: its baseline ${answer?.why ?? 'was never sent'}`;
    const where = `${blockOf(operation.service)} in ${SPEC}`;
    if (answer && answer.fields.length > 0) {
      return `${head}. Add a value its rules accept to ${where}: ${answer.fields.map((f) => `'${baselineKeyFor(operation.field, f)}': () => …`).join(', ')}`;
    }
    if (answer && codeOf(answer.response) === 'FORBIDDEN') return `${head}. None of ${ACTORS.join(', ')} may run it: give one of them (beforeAll) the role it needs`;
    const ids = [
      ...new Set(
        sitesOf(operation.field, operation.baseline())
          .filter((site) => getNamedType(site.type).name === 'ID')
          .map((site) => `'${operation.field.name}.${hintKeyOf(site.path)}'`),
      ),
    ];
    const records = ids.length > 0 ? `, e.g. ids of records ${operation.actor} may use, made in beforeAll like fixture.partners: ${ids.join(', ')}` : '';
    return `${head}. Add values its rules accept to ${where}${records}`;
  }
  const accepted = (outcome: Outcome) => errorsOf(outcome.response).length === 0 && outcome.response.body?.data?.[outcome.fuzzCase.operation.field.name] != null;
  const codeOf = (response: RawResponse) => String(errorsOf(response)[0]?.extensions?.['code'] ?? '');
  /** GraphQL's own coercion of variables (types, enums, non-null) happens before any resolver and names the variable, not a field; after 50 it gives up. */
  const isGraphQLTypeError = (message: string) => /^Variable "\$[^"]+" /.test(message) || message === TOO_MANY_VARIABLE_ERRORS_MESSAGE;

  function fieldsNamed(response: RawResponse): { ours: boolean; fields: string[]; unnamed: string[] } {
    const fields: string[] = [];
    const unnamed: string[] = [];
    let ours = false;
    for (const error of errorsOf(response)) {
      if (error.extensions?.['code'] !== 'BAD_USER_INPUT') continue;
      const field = error.extensions['field'];
      // GraphQL's own (the gateway names the variable path too): named, but not held to the changed field.
      const graphQLs = isGraphQLTypeError(String(error.message));
      if (typeof field !== 'string' || field.trim() === '') unnamed.push(String(error.message).slice(0, 160));
      if (graphQLs) continue;
      ours = true;
      if (typeof field === 'string' && field.trim() !== '') fields.push(field);
      const problems = error.extensions['problems'];
      if (Array.isArray(problems)) for (const p of problems as Array<{ field?: unknown }>) if (typeof p.field === 'string') fields.push(p.field);
    }
    return { ours, fields, unnamed };
  }

  const tokensOf = (label: string) => label.split(/[.[\]]+/).filter((t) => t !== '' && !/^\d+$/.test(t));

  /** Whether a field the server named can be the one the case changed (same name, a parent or child of it, or a rule that ties them). */
  function relates(fuzzCase: FuzzCase, named: string): boolean {
    const site = fuzzCase.site as Site;
    const argument = fuzzCase.operation.field.args.find((a) => a.name === site.path[0]);
    const argumentIsObject = argument !== undefined && isInputObjectType(getNamedType(argument.type));
    // The whole input replaced: any of its fields may be the one at fault.
    if (argumentIsObject && site.path.length === 1) return true;
    const mutated = tokensOf(site.label).slice(argumentIsObject ? 1 : 0);
    const leaf = mutated[mutated.length - 1] as string;
    const namedTokens = tokensOf(named);
    const namedLeaf = namedTokens[namedTokens.length - 1] as string;
    return (
      namedTokens.includes(leaf) ||
      mutated.includes(namedLeaf) ||
      (RELATED[leaf] ?? []).includes(namedLeaf) ||
      statefulFields(fuzzCase.operation).includes(namedLeaf) ||
      // The baseline of an operation without knowledge may itself be refused: naming its field is no fault of the change.
      (fuzzCase.operation.baselineAnswer?.fields ?? []).some((field) => tokensOf(field).at(-1) === namedLeaf)
    );
  }

  /** Everything wrong with one answer, as lines for the report. */
  function judge(outcome: Outcome): string[] {
    const { fuzzCase, response } = outcome;
    const problems = responseProblems(response, CLIENT_ERROR_CODES);
    // A character replaced on the way (half of one stored as U+FFFD): the answer holds what the request did not.
    if (/\uFFFD|\\ufffd/i.test(response.text) && !/\uFFFD|\\ufffd/i.test(requestBody('', fuzzCase.variables))) problems.push('the answer holds U+FFFD, which the request did not send: a character was replaced, not refused');
    const { ours, fields, unnamed } = fieldsNamed(response);
    for (const message of unnamed) problems.push(`BAD_USER_INPUT without extensions.field: ${message}`);
    // Jurisdiction A's people never see B: not its id, not the ids of records B made (the platform-admin sees every jurisdiction).
    if (fuzzCase.operation.actor !== 'platform') {
      for (const marker of leakedMarkers(response.text, requestBody(fuzzCase.operation.document, fuzzCase.variables), foreignMarkers)) {
        problems.push(`the answer holds ${marker}, another jurisdiction's, which the request did not send`);
      }
    }
    // A refused baseline is not judged here: 'gives every operation a baseline its rules accept' says what to add.
    if (fuzzCase.site !== null) {
      if (ours && fields.length > 0 && !fields.some((field) => relates(fuzzCase, field))) {
        problems.push(`named ${fields.join(', ')}, not the changed ${fuzzCase.site.label}: ${String(errorsOf(response)[0]?.message).slice(0, 160)}`);
      }
      if (fuzzCase.mutation?.mustReject && errorsOf(response).length === 0) problems.push('accepted a value the rules must refuse');
    }
    return problems;
  }

  // ---------------------------------------------------------------- state

  const SNAPSHOT_ADMIN = `query($j: ID) {
    partners(first: 1) { totalCount } assets(first: 1) { totalCount } relationships(first: 1) { totalCount }
    engagements(first: 1) { totalCount } importJobs(first: 1) { totalCount }
    jurisdictionUsers { id enabled } jurisdictionExport(id: $j) { digest } }`;
  const SNAPSHOT_PLATFORM = `query($v: ID) {
    jurisdictions(first: 1) { totalCount } importJobs(first: 1) { totalCount }
    twinningCatalogue { loadedAt places ties } jurisdictionExport(id: $v) { digest } jurisdiction(id: $v) { status statusReason updatedAt } }`;

  interface Snapshot {
    admin: Record<string, unknown>;
    platform: Record<string, unknown>;
  }

  async function snapshot(): Promise<Snapshot> {
    const [adminView, platformView] = await Promise.all([
      gql<Record<string, unknown>>('admin', SNAPSHOT_ADMIN, { j: jurisdictionA }),
      gql<Record<string, unknown>>('platform', SNAPSHOT_PLATFORM, { v: jurisdictionV }),
    ]);
    return { admin: adminView, platform: platformView };
  }

  function snapshotDifferences(before: Snapshot, after: Snapshot): string[] {
    const lines: string[] = [];
    for (const view of ['admin', 'platform'] as const) {
      for (const key of Object.keys(before[view])) {
        const from = JSON.stringify(before[view][key]);
        const to = JSON.stringify(after[view][key]);
        if (from !== to) lines.push(`${key}: ${from.slice(0, 120)} → ${to.slice(0, 120)}`);
      }
    }
    return lines;
  }

  /** Waits until no import job of A or of the platform is still queued or running: they write in the background. */
  async function settleImports(): Promise<void> {
    const unfinished = async (actor: Actor) => {
      let after: string | null = null;
      let count = 0;
      do {
        const page: { importJobs: { nodes: Array<{ status: string }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } = await gql(
          actor,
          `query($after: String) { importJobs(first: 100, after: $after) { nodes { status } pageInfo { hasNextPage endCursor } } }`,
          { after },
        );
        count += page.importJobs.nodes.filter((job) => !['SUCCEEDED', 'FAILED'].includes(job.status)).length;
        after = page.importJobs.pageInfo.hasNextPage ? page.importJobs.pageInfo.endCursor : null;
      } while (after);
      return count;
    };
    const { value } = await eventually(async () => (await unfinished('admin')) + (await unfinished('platform')), (count) => count === 0, 60_000);
    if (value !== 0) throw new Error(`${value} import job(s) still running after 60 s`);
  }

  async function keycloakUsersOf(jurisdictionId: string): Promise<Array<{ id: string; username: string }>> {
    const query = new URLSearchParams({ q: `jurisdiction:${jurisdictionId}`, max: '500', briefRepresentation: 'false' });
    const response = await keycloakAdmin().request('GET', `/users?${query.toString()}`);
    if (!response.ok) throw new Error(`Keycloak user search answered ${response.status}`);
    const users = (await response.json()) as Array<{ id: string; username: string; attributes?: Record<string, string[]> }>;
    return users.filter((u) => u.attributes?.['jurisdiction']?.[0] === jurisdictionId);
  }

  // ---------------------------------------------------------------- set-up

  async function asB<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await send(tokenB, query, variables);
    if (!response.body?.data || response.body.errors?.length) throw new Error(`as B: ${query.slice(0, 80)}… answered ${response.status}: ${response.text.slice(0, 500)}`);
    return response.body.data as T;
  }

  /** Waits while planning has not had A's registry event yet (its profile, a partner) and `send` is refused with `code`; throws on any other refusal. */
  async function onceKnown(request: () => Promise<RawResponse>, code: string, what: string): Promise<Record<string, unknown>> {
    const { value } = await eventually(request, (response) => codeOf(response) !== code, 30_000);
    if (!value.body?.data || errorsOf(value).length > 0) throw new Error(`${what} answered ${value.status}: ${value.text.slice(0, 500)}`);
    return value.body.data;
  }

  /**
   * Planning's records: A's strategy, priorities, plan years (YEARS) with their activities and occasions, visit
   * requests; and B's strategy, priority and visit request, whose ids no answer to A may hold. Planning learns A's
   * fiscal year and currency, and its partners, from the registry's events: the first plan and the first evidence
   * link wait for them.
   */
  async function makePlanningFixtures(): Promise<void> {
    const made = fixture.planning;
    const registered = await gql<{ registerPartner: { id: string } }>('admin', `mutation { registerPartner(input: { name: "Szczecin", kind: CITY, country: "PL" }) { id } }`);
    made.partner = registered.registerPartner.id;

    const SAVE_STRATEGY = `mutation($input: StrategyInput!) { saveStrategy(input: $input) { goals { goalId } advisoryGroups { groupId } } }`;
    type Saved = { saveStrategy: { goals: Array<{ goalId: string }>; advisoryGroups: Array<{ groupId: string }> } };
    const strategy = (who: string) => ({
      input: {
        goals: [{ kind: 'ECONOMIC_DEVELOPMENT_AND_TRADE', title: `${who}: port economy`, statement: 'Grow the exports of the port cluster' }],
        advisoryGroups: [{ name: `${who}: business advisory group`, members: [{ name: 'Ada Lovelace', sector: 'logistics' }] }],
        staffFte: 60,
        priorityCapOverride: { soft: 100, hard: 100 },
      },
    });
    const [own, foreign] = await Promise.all([gql<Saved>('admin', SAVE_STRATEGY, strategy('Fuzz A')), asB<Saved>(SAVE_STRATEGY, strategy('Fuzz B'))]);
    made.goal = own.saveStrategy.goals[0]?.goalId ?? '';
    made.group = own.saveStrategy.advisoryGroups[0]?.groupId ?? '';
    fixture.foreign.goal = foreign.saveStrategy.goals[0]?.goalId ?? '';
    fixture.foreign.group = foreign.saveStrategy.advisoryGroups[0]?.groupId ?? '';

    const SET_PRIORITY = `mutation($input: SetPriorityInput!) { setPriority(input: $input) { priority { id kpis { kpiId } } } }`;
    type SetAnswer = { setPriority: { priority: { id: string; kpis: Array<{ kpiId: string }> } } };
    const priorityInput = (title: string, goal: string, more: Record<string, unknown> = {}) => ({ input: { title, goalIds: [goal], focus: 'ECONOMIC_COMPLEMENTARITY', ...more } });
    const kpis = [{ name: 'Exports to the Baltic', unit: 'EUR', baseline: 1_000_000, target: 1_500_000 }];
    // The priority activities serve and visits from Denmark fit: no other is about Denmark, and it is never retired.
    const link = (await onceKnown(
      () => send(tokens.admin, SET_PRIORITY, priorityInput('Baltic maritime trade', made.goal, { targetCountries: ['DK'], sectors: ['maritime'], evidence: [{ kind: 'PARTNER', recordId: made.partner }] })),
      'BAD_USER_INPUT',
      'setPriority with evidence',
    )) as SetAnswer;
    made.priorities.link = link.setPriority.priority.id;
    const set = (title: string, more: Record<string, unknown> = {}) => gql<SetAnswer>('admin', SET_PRIORITY, priorityInput(title, made.goal, { targetCountries: ['JP'], ...more }));
    const [change, kpi, foreignPriority, ...retire] = await Promise.all([
      set('Offshore wind partnerships'),
      set('Youth exchanges', { kpis }),
      asB<SetAnswer>(SET_PRIORITY, priorityInput('Fuzz B: trade', fixture.foreign.goal, { kpis })),
      ...Array.from({ length: POOL }, (_, i) => set(`Retirable priority ${i + 1}`)),
    ]);
    made.priorities.change = change.setPriority.priority.id;
    made.priorities.kpi = kpi.setPriority.priority.id;
    made.kpi = kpi.setPriority.priority.kpis[0]?.kpiId ?? '';
    made.priorities.retire = retire.map((r) => r.setPriority.priority.id);
    fixture.foreign.priority = foreignPriority.setPriority.priority.id;
    fixture.foreign.kpi = foreignPriority.setPriority.priority.kpis[0]?.kpiId ?? '';

    const CREATE = `mutation($year: Int!, $input: PlanSettingsInput) { createPlan(year: $year, input: $input) { version } }`;
    // Budget to spare, and an external line a remedy can move cost to.
    const settings = {
      budgetLines: [
        { source: 'OWN', label: 'City budget', amount: 50_000 },
        { source: 'EXTERNAL', label: 'Interreg grant', amount: 20_000 },
      ],
      staffDaysAvailable: 200,
    };
    const create = (year: number) => gql('admin', CREATE, { year, input: settings });
    await onceKnown(() => send(tokens.admin, CREATE, { year: YEARS.settings, input: settings }), 'CONFLICT', `createPlan(${YEARS.settings})`);
    const step = (actor: Actor, mutation: string) => (year: number) => gql(actor, `mutation($year: Int!) { ${mutation} { status } }`, { year });
    const submit = step('admin', 'submitPlan(year: $year)');
    const approve = step('executive', 'approvePlan(year: $year, version: 1)');
    const activate = step('admin', 'activatePlan(year: $year)');
    const ADD_ACTIVITY = `mutation($year: Int!, $input: ActivityInput!) { addActivity(year: $year, input: $input) { activities { id } } }`;
    /** One at a time: an edit is pinned to the plan revision it read. */
    const addActivities = async (year: number, count: number): Promise<string[]> => {
      const ids: string[] = [];
      for (let i = 0; i < count; i++) {
        const input = { title: `Delegation ${i + 1}`, type: 'OUTBOUND_DELEGATION', priorityIds: [made.priorities.link], country: 'DK', frequency: 'ANNUAL', costPerOccurrence: { own: 1_000 }, staffDaysPerOccurrence: 2 };
        const plan = await gql<{ addActivity: { activities: Array<{ id: string }> } }>('admin', ADD_ACTIVITY, { year, input });
        ids.push(...plan.addActivity.activities.map((a) => a.id).filter((id) => !ids.includes(id)));
      }
      return ids;
    };
    const ADD_OCCASION = `mutation($year: Int!, $input: OccasionInput!) { addOccasion(year: $year, input: $input) { occasions { id kind } } }`;
    const addOccasions = async (year: number, count: number): Promise<string[]> => {
      const ids: string[] = [];
      for (let i = 0; i < count; i++) {
        const plan = await gql<{ addOccasion: { occasions: Array<{ id: string; kind: string }> } }>('admin', ADD_OCCASION, { year, input: { date: `${year}-05-09`, title: `Europe Day ${i + 1}` } });
        ids.push(...plan.addOccasion.occasions.filter((o) => o.kind.toLowerCase() === 'added' && !ids.includes(o.id)).map((o) => o.id));
      }
      return ids;
    };
    const RECORD_VISIT = `mutation($input: VisitRequestInput!) { recordVisitRequest(input: $input) { id } }`;
    const visit = (visitor: string) => ({ input: { visitor, country: 'DK', purpose: 'Port logistics', dateStart: `${YEARS.visits}-04-01`, dateEnd: `${YEARS.visits}-04-03` } });
    const recordVisit = async (visitor: string) => (await gql<{ recordVisitRequest: { id: string } }>('admin', RECORD_VISIT, visit(visitor))).recordVisitRequest.id;

    const [update, progress, remove, remedy, occasions, accept, decline, foreignVisit] = await Promise.all([
      create(YEARS.update).then(() => addActivities(YEARS.update, 1)),
      create(YEARS.progress).then(() => addActivities(YEARS.progress, 1)),
      create(YEARS.remove).then(() => addActivities(YEARS.remove, POOL)),
      create(YEARS.remedy).then(() => addActivities(YEARS.remedy, REMEDY_POOL)),
      create(YEARS.occasions).then(() => addOccasions(YEARS.occasions, POOL)),
      recordVisit('Aarhus port authority'),
      Promise.all(Array.from({ length: POOL }, (_, i) => recordVisit(`Delegation ${i + 1}`))),
      asB<{ recordVisitRequest: { id: string } }>(RECORD_VISIT, visit('Fuzz B: delegation')),
      ...[YEARS.funding, YEARS.add, YEARS.visits].map(create),
      create(YEARS.submit),
      create(YEARS.approve).then(() => submit(YEARS.approve)),
      create(YEARS.approved).then(() => submit(YEARS.approved)).then(() => approve(YEARS.approved)),
      create(YEARS.active).then(() => submit(YEARS.active)).then(() => approve(YEARS.active)).then(() => activate(YEARS.active)),
      ...YEARS.returns.map((year) => create(year).then(() => submit(year))),
      // An edit after approval starts version 2 as a draft.
      create(YEARS.read)
        .then(() => addActivities(YEARS.read, 1))
        .then(() => submit(YEARS.read))
        .then(() => approve(YEARS.read))
        .then(() => gql('admin', `mutation($year: Int!) { updatePlanSettings(year: $year, input: { staffDaysAvailable: 150 }) { version } }`, { year: YEARS.read })),
    ]);
    made.activities = { update: update[0] ?? '', progress: progress[0] ?? '', remove, remedy };
    made.occasions = occasions;
    made.visits = { accept, decline };
    fixture.foreign.visit = foreignVisit.recordVisitRequest.id;
  }

  /** A's admin's saved searches (the daily one the baselines read, a pool to delete) and B's, whose id no answer to A may hold. */
  async function makeAlertsFixtures(): Promise<void> {
    const SAVE = `mutation($input: SavedSearchInput!) { saveSearch(input: $input) { search { id } } }`;
    const input = (name: string) => ({ input: { name, criteria: { keywords: ['baltic'] }, cadence: { kind: 'DAILY', hour: 8, timeZone: 'Europe/Berlin' }, channels: { inApp: true, email: true } } });
    type Saved = { saveSearch: { search: { id: string } } };
    const [search, foreign, ...remove] = await Promise.all([
      gql<Saved>('admin', SAVE, input('Baltic calls')),
      asB<Saved>(SAVE, input('Fuzz B: calls')),
      ...Array.from({ length: POOL }, (_, i) => gql<Saved>('admin', SAVE, input(`To delete ${i + 1}`))),
    ]);
    fixture.alerts.search = search.saveSearch.search.id;
    fixture.alerts.remove = remove.map((saved) => saved.saveSearch.search.id);
    fixture.foreign.search = foreign.saveSearch.search.id;
  }

  /** Funding's records: A's applications (one to edit, a pool to move) and B's, whose id no answer to A may hold. */
  async function makeFundingFixtures(): Promise<void> {
    const ADD = `mutation($input: FundingApplicationInput!) { addFundingApplication(input: $input) { id } }`;
    const input = (title: string) => ({ input: { title, funder: 'Interreg BSR', deadline: '2027-03-31', amountRequested: { amount: 50_000, currency: 'EUR' } } });
    type Added = { addFundingApplication: { id: string } };
    const [update, foreign, ...move] = await Promise.all([
      gql<Added>('admin', ADD, input('Interreg small projects')),
      asB<Added>(ADD, input('Fuzz B: bid')),
      ...Array.from({ length: POOL }, (_, i) => gql<Added>('admin', ADD, input(`Bid ${i + 1}`))),
    ]);
    fixture.funding.update = update.addFundingApplication.id;
    fixture.funding.move = move.map((m) => m.addFundingApplication.id);
    fixture.foreign.application = foreign.addFundingApplication.id;
  }

  /** A CSV of one opportunity, served to the funding service from this process; closed in afterAll. */
  let sourceServer: Server | undefined;

  /** Scouting's records (platform-wide, made by the platform admin): a CSV source read once, and a source to toggle. */
  async function makeScoutingFixtures(): Promise<void> {
    sourceServer = createServer((_request, response) => {
      const more = Array.from({ length: POOL }, (_, i) => `f${i + 2},Fuzz call ${i + 2},Fuzz Foundation,2029-07-${String(i + 1).padStart(2, '0')},EUR,culture\n`).join('');
      response.writeHead(200, { 'content-type': 'text/csv' }).end(`id,title,funder,closesAt,currency,themes\nf1,Fuzz partnership fund,Fuzz Foundation,2029-06-30,EUR,regional development\n${more}`);
    });
    await new Promise<void>((resolve) => sourceServer?.listen(0, '127.0.0.1', resolve));
    const { port } = sourceServer.address() as AddressInfo;
    const ADD = `mutation($input: AddFundingSourceInput!) { addFundingSource(input: $input) { id } }`;
    const source = (await gql<{ addFundingSource: { id: string } }>('platform', ADD, { input: { sourceId: `fuzz-list-${nonce}`, name: 'Fuzz list', kind: 'CSV', url: `http://127.0.0.1:${port}/list.csv`, funderType: 'TRUST_OR_FOUNDATION', timeZone: 'Europe/Berlin' } })).addFundingSource.id;
    fixture.scouting.toggle = (await gql<{ addFundingSource: { id: string } }>('platform', ADD, { input: { sourceId: `fuzz-toggle-${nonce}`, name: 'Fuzz toggle', kind: 'FEED', url: 'http://127.0.0.1:9/fuzz-feed.xml' } })).addFundingSource.id;
    const run = (await gql<{ runFundingSource: { id: string } }>('platform', `mutation($id: ID!) { runFundingSource(id: $id) { id } }`, { id: source })).runFundingSource.id;
    await eventually(
      async () => (await gql<{ scoutingRun: { status: string } }>('platform', `query($id: ID!) { scoutingRun(id: $id) { status } }`, { id: run })).scoutingRun.status,
      (status) => status === 'SUCCEEDED',
      60_000,
    );
    fixture.scouting = { ...fixture.scouting, source, run, opportunity: `${source}:f1` };
    const FOLLOW = `mutation($id: ID!) { followOpportunity(opportunityId: $id) { opportunityId } }`;
    const unfollow = Array.from({ length: POOL }, (_, i) => `${source}:f${i + 2}`);
    await Promise.all([fixture.scouting.opportunity, ...unfollow].map((id) => gql('admin', FOLLOW, { id })));
    fixture.follows = { update: fixture.scouting.opportunity, unfollow };
  }

  /** A's networks (see NETWORK): made by the platform admin, A invited once the network service knows it, and accepting where it is a member. */
  async function makeNetworkFixtures(): Promise<void> {
    const CREATE = `mutation($name: String!) { createNetwork(input: { name: $name }) { id } }`;
    const INVITE = `mutation($n: ID!, $j: ID!) { inviteToNetwork(networkId: $n, jurisdictionId: $j) { status } }`;
    const SHARE = `mutation($n: ID!) { shareWithNetwork(input: { networkId: $n, scope: PARTNERS }) { id } }`;
    const make = async (name: string, accept: boolean): Promise<string> => {
      const id = (await gql<{ createNetwork: { id: string } }>('platform', CREATE, { name })).createNetwork.id;
      await eventually(() => send(tokens.platform, INVITE, { n: id, j: jurisdictionA }), (r) => !r.body?.errors, 30_000);
      if (accept) await gql('admin', `mutation($n: ID!) { acceptNetworkInvitation(networkId: $n) { status } }`, { n: id });
      return id;
    };
    const [member, invited, leave, revoke] = await Promise.all([make('Fuzz network', true), make('Fuzz invitation', false), make('Fuzz to leave', true), make('Fuzz to revoke', true)]);
    await gql('admin', SHARE, { n: member });
    const grant = (await gql<{ shareWithNetwork: { id: string } }>('admin', SHARE, { n: revoke })).shareWithNetwork.id;
    fixture.network = { member, invited, leave, revoke, grant };
    await makeSpottingFixtures(make);
  }

  /** A network of A and W, both tied to Malmö (a suggestion), and the joint efforts the baselines work on (see fixture.spotting). */
  async function makeSpottingFixtures(make: (name: string, accept: boolean) => Promise<string>): Promise<void> {
    const profile = { level: 'CITY', country: 'DE', timeZone: 'Europe/Berlin', currency: 'EUR', fiscalYearStart: '01-01', languages: ['de'] };
    adminW = await createTestUser({ jurisdiction: jurisdictionW, roles: ['jurisdiction-admin'] });
    await gql('platform', `mutation($input: OnboardJurisdictionInput!) { onboardJurisdiction(input: $input) { jurisdiction { id } } }`, { input: { id: jurisdictionW, name: 'Fuzz W', ...profile } });
    await gql('platform', `mutation($id: ID!) { changeJurisdictionStatus(id: $id, status: ACTIVE) { id } }`, { id: jurisdictionW });
    const tokenW = await adminW.token();
    const asW = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
      const answer = await send(tokenW, query, variables);
      if (answer.body?.errors) throw new Error(`W's fixture failed: ${JSON.stringify(answer.body.errors).slice(0, 300)}`);
      return answer.body?.data as T;
    };
    const network = await make('Fuzz spotting', true);
    await eventually(() => send(tokens.platform, `mutation($n: ID!, $j: ID!) { inviteToNetwork(networkId: $n, jurisdictionId: $j) { status } }`, { n: network, j: jurisdictionW }), (r) => !r.body?.errors, 30_000);
    await asW(`mutation($n: ID!) { acceptNetworkInvitation(networkId: $n) { status } }`, { n: network });
    const MALMO = `mutation { registerPartner(input: { name: "Malmö", kind: CITY, country: "SE" }) { id } }`;
    await gql('admin', MALMO);
    await asW(MALMO, {});
    const SHARE = `mutation($n: ID!) { shareWithNetwork(input: { networkId: $n, scope: PARTNERS }) { id } }`;
    await gql('admin', SHARE, { n: network });
    await asW(SHARE, { n: network });
    const { value: suggestions } = await eventually(
      async () => (await gql<{ networkSuggestions: Array<{ id: string; key: string }> }>('admin', `query($n: ID!) { networkSuggestions(networkId: $n) { id key } }`, { n: network })).networkSuggestions,
      (found) => found.some((s) => s.key === 'engagement-city/SE/malmo'),
      30_000,
    );
    const PROPOSE = `mutation($i: ProposeJointEffortInput!) { proposeJointEffort(input: $i) { id } }`;
    const effort = (lead: string, other: string | null) => ({
      networkId: network,
      kind: 'KNOWLEDGE_EXCHANGE',
      title: 'Fuzz exchange',
      participants: other ? [{ jurisdictionId: lead, costShare: 50 }, { jurisdictionId: other, costShare: 50 }] : [{ jurisdictionId: lead, costShare: 100 }],
    });
    const ledByA = async (withW: boolean) => (await gql<{ proposeJointEffort: { id: string } }>('admin', PROPOSE, { i: effort(jurisdictionA, withW ? jurisdictionW : null) })).proposeJointEffort.id;
    const ledByW = async () => (await asW<{ proposeJointEffort: { id: string } }>(PROPOSE, { i: effort(jurisdictionW, jurisdictionA) })).proposeJointEffort.id;
    const POST = `mutation($i: PostPartnerSearchInput!) { postPartnerSearch(input: $i) { id } }`;
    const post = { networkId: network, kind: 'PARTNER_CITY', country: 'PL', description: 'A port city in Poland' };
    const search = (await asW<{ postPartnerSearch: { id: string } }>(POST, { i: post })).postPartnerSearch.id;
    const close = await Promise.all([1, 2, 3, 4].map(async () => (await gql<{ postPartnerSearch: { id: string } }>('admin', POST, { i: post })).postPartnerSearch.id));
    fixture.spotting = {
      network,
      search,
      close,
      suggestion: suggestions.find((s) => s.key === 'engagement-city/SE/malmo')?.id ?? '',
      shares: await ledByA(true),
      move: await ledByA(true),
      invite: await Promise.all([1, 2, 3, 4].map(() => ledByA(false))),
      join: await ledByW(),
      leave: await Promise.all([1, 2, 3, 4].map(() => ledByW())),
    };
  }

  /** Paths of the fixture's ids that were not made. */
  function unmade(value: unknown, at: string): string[] {
    if (typeof value === 'string') return value === '' ? [at] : [];
    if (Array.isArray(value)) return value.length === 0 ? [at] : value.flatMap((item, index) => unmade(item, `${at}[${index}]`));
    return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => unmade(child, `${at}.${key}`));
  }

  beforeAll(async () => {
    [admin, staff, executive, victim, staffB, platformAdmin] = await Promise.all([
      createTestUser({ jurisdiction: jurisdictionA, roles: ['jurisdiction-admin'] }),
      createTestUser({ jurisdiction: jurisdictionA, roles: ['staff'] }),
      createTestUser({ jurisdiction: jurisdictionA, roles: ['executive'] }),
      createTestUser({ jurisdiction: jurisdictionA, roles: ['staff'] }),
      createTestUser({ jurisdiction: jurisdictionB, roles: ['staff'] }),
      createTestUser({ jurisdiction: 'platform', roles: ['platform-admin'] }),
    ]);
    platform = await startTestPlatform({ name: 'fuzz' });
    [tokens.admin, tokens.staff, tokens.executive, tokens.platform, tokenB] = await Promise.all([admin.token(), staff.token(), executive.token(), platformAdmin.token(), staffB.token()]);

    const profile = { level: 'CITY', country: 'DE', subdivision: 'DE-MV', wikidataId: 'Q2861', timeZone: 'Europe/Berlin', currency: 'EUR', fiscalYearStart: '01-01', languages: ['de'] };
    const ONBOARD = `mutation($input: OnboardJurisdictionInput!) { onboardJurisdiction(input: $input) { jurisdiction { id } } }`;
    await gql('platform', ONBOARD, { input: { id: jurisdictionA, name: 'Fuzz A', ...profile } });
    await gql('platform', ONBOARD, { input: { id: jurisdictionV, name: 'Fuzz V', ...profile } });
    await gql('platform', `mutation($id: ID!) { changeJurisdictionStatus(id: $id, status: ACTIVE) { id } }`, { id: jurisdictionA });

    const REGISTER = `mutation($input: RegisterPartnerInput!) { registerPartner(input: $input) { id } }`;
    const register = async (token: string, input: Record<string, unknown>) => {
      const response = await send(token, REGISTER, { input });
      return (response.body?.data?.['registerPartner'] as { id: string }).id;
    };
    [fixture.partners.update, fixture.partners.relationship, fixture.partners.engagement, fixture.partners.survivor, fixture.partners.duplicate, fixture.foreign.partner] = await Promise.all([
      register(tokens.admin, { name: 'Aarhus', kind: 'CITY', country: 'DK' }),
      register(tokens.admin, { name: 'Bremen', kind: 'CITY', country: 'DE' }),
      register(tokens.admin, { name: 'Turku', kind: 'CITY', country: 'FI' }),
      register(tokens.admin, { name: 'Gdańsk', kind: 'CITY', country: 'PL' }),
      register(tokens.admin, { name: 'Gdansk', kind: 'CITY', country: 'PL' }),
      register(tokenB, { name: 'Riga', kind: 'CITY', country: 'LV' }),
    ]);
    const RECORD = `mutation($input: AssetInput!) { recordAsset(input: $input) { id } }`;
    const asset = { name: 'Wind turbines to Denmark', category: 'ECONOMIC_FOUNDATIONS', type: 'EXPORT_SECTOR', countries: ['DK'] };
    const recordAsset = async (token: string) => ((await send(token, RECORD, { input: asset })).body?.data?.['recordAsset'] as { id: string }).id;
    [fixture.assets.update, fixture.assets.remove, fixture.foreign.asset] = await Promise.all([recordAsset(tokens.admin), recordAsset(tokens.admin), recordAsset(tokenB)]);
    const ESTABLISH = `mutation($input: EstablishRelationshipInput!) { establishRelationship(input: $input) { id } }`;
    fixture.relationship = (await gql<{ establishRelationship: { id: string } }>('admin', ESTABLISH, { input: { partnerId: fixture.partners.relationship, type: 'MOU' } })).establishRelationship.id;
    const foreignRelationship = await send(tokenB, ESTABLISH, { input: { partnerId: fixture.foreign.partner, type: 'MOU' } });
    fixture.foreign.relationship = (foreignRelationship.body?.data?.['establishRelationship'] as { id: string }).id;
    fixture.foreign.user = staffB.id;
    fixture.importJob = (await gql<{ importPartnersCsv: { id: string } }>('admin', `mutation($csv: String!) { importPartnersCsv(csv: $csv) { id } }`, { csv: 'name,kind,country\nOulu,city,FI\n' })).importPartnersCsv.id;
    await gql('platform', `mutation($r: String!, $n: String!) { loadTwinningCatalogue(relations: $r, names: $n) { id } }`, { r: 'Q2861\tQ25319\n', n: 'Q2861\tRostock\nQ25319\tAarhus\n' });
    await Promise.all([settleImports(), makePlanningFixtures(), makeFundingFixtures(), makeScoutingFixtures(), makeAlertsFixtures()]);
    await makeNetworkFixtures();
    const missing = unmade(fixture, 'fixture');
    if (missing.length > 0) throw new Error(`not created: ${missing.join(', ')}`);
    for (const marker of [jurisdictionB, ...Object.values(fixture.foreign)]) foreignMarkers.add(marker);
  }, 240_000);

  afterAll(async () => {
    await platform?.stop();
    sourceServer?.closeAllConnections();
    sourceServer?.close();
    // Users the fuzz created: invitations into A, first admins of jurisdictions it onboarded.
    const onboarded = outcomes.filter((o) => o.fuzzCase.operation.field.name === 'onboardJurisdiction').map((o) => (o.fuzzCase.variables['input'] as { id?: unknown } | null)?.id);
    const jurisdictions = new Set([jurisdictionA, jurisdictionV, ...onboarded.filter((id): id is string => typeof id === 'string' && /^fuzz-[a-z0-9-]+$/.test(id))]);
    const created = (await Promise.all([...jurisdictions].map((id) => keycloakUsersOf(id).catch(() => [])))).flat();
    const fixtures = [admin, staff, executive, victim, staffB, platformAdmin, adminW].filter((u): u is TestUser => u !== undefined);
    await Promise.all([...new Set([...created.map((u) => u.id), ...fixtures.map((u) => u.id)])].map((id) => deleteTestUser(id).catch(() => undefined)));
  }, 120_000);

  // ---------------------------------------------------------------- the run

  /** Every answer of the run, also for afterAll (users of the jurisdictions it onboarded) and the report. */
  const outcomes: Outcome[] = [];
  const failures: string[] = [];

  /** Runs `make` the first time it is asked for, and hands every later caller the same promise. */
  function once<T>(make: () => Promise<T>): () => Promise<T> {
    let made: Promise<T> | undefined;
    return () => (made ??= make());
  }

  // The operations and the run are fixtures, made by whichever test first needs them: each test below
  // stands alone (with -t, or in any order); the run takes minutes, so a whole file makes it once.
  const discovery = once(async () => {
    const schema: GraphQLSchema = buildClientSchema(await gql<IntrospectionQuery>('admin', getIntrospectionQuery()));
    // Whose each root field is: every subgraph says it of itself, on its own port (the supergraph's introspection does not).
    const subgraphs = await Promise.all(DOMAIN_SERVICES.map(async (service) => ({ service: service as string, fields: rootFieldsOf(await askSubgraph(service)) })));
    const owners = ownersOf(subgraphs);
    const operations: Operation[] = rootOperations(schema, owners).map(({ kind, field, service }) => {
      const knowledge = KNOWLEDGE[service] ?? NO_KNOWLEDGE;
      return { kind, field, service, knowledge, document: documentFor(kind, field), baseline: () => buildBaseline(field, hintFor({ name: field.name, knowledge })), actor: 'admin' };
    });
    return { schema, operations, owners };
  });

  const fuzzRun = once(async () => {
    const { operations } = await discovery();
    const started = Date.now();
    console.log(`platform fuzz: seed ${seed} (${replayHint})`);

    // Baselines first, one at a time: they tell who may run each operation, and whether its values are valid.
    let n = 0;
    for (const operation of operations) {
      await (KNOWLEDGE[operation.service] ?? NO_KNOWLEDGE).prepare?.[operation.field.name]?.();
      const baseline: FuzzCase = { n: n++, operation, site: null, mutation: null, variables: operation.baseline() };
      let outcome = await run(baseline);
      for (const actor of ACTORS.slice(1)) {
        if (codeOf(outcome.response) !== 'FORBIDDEN') break;
        operation.actor = actor;
        outcome = await run(baseline);
      }
      if (codeOf(outcome.response) === 'FORBIDDEN') {
        // Refused to everyone: fuzzed as A's admin, whose answers are searched for B's data.
        operation.actor = 'admin';
        outcome = await run(baseline);
      }
      operation.baselineAnswer = baselineAnswerOf(outcome);
      outcomes.push(outcome);
    }

    // B's staff makes what each accepted baseline makes, so that A's answers can be searched for it (an id A's baselines
    // were already answered with is A's own: if B's call reached it, that is the tenancy matrix's finding, not a leak here).
    const seenByA = outcomes.map((o) => o.response.text).join('\n');
    for (const operation of operations.filter((o) => o.kind === 'mutation' && o.baselineAnswer?.accepted)) {
      const answer = await send(tokenB, operation.document, operation.baseline());
      for (const id of recordIdsIn(answer.body?.data)) if (!seenByA.includes(id)) foreignMarkers.add(id);
    }

    const spare = new Map<string, Candidate[]>();
    const generated = operations.flatMap((operation) => casesOf(operation, 0, spare));
    const services = [...new Set(operations.map((o) => o.service))];
    const sampled = services.flatMap((service) =>
      capPerGroup(
        generated.filter((c) => c.operation.service === service),
        CASE_BUDGET[service] ?? DEFAULT_CASE_BUDGET,
        (c) => c.operation.field.name,
        (c) => c.mutation !== null && c.mutation.name in EVERY_RUN,
        random,
      ),
    );
    sampled.forEach((c, index) => (c.n = n + index));
    const cases = random.shuffle([...sampled, ...casesEveryRunNeeds(sampled, spare, n + sampled.length)]);
    outcomes.push(...(await mapWithConcurrency(cases, CONCURRENCY, run)));
    return { operations, cases, outcomes, seconds: ((Date.now() - started) / 1000).toFixed(1) };
  });

  it('finds every operation of every service in the supergraph, and knowledge only for operations that exist', async () => {
    const { schema, operations, owners } = await discovery();
    expect(unownedRootFields(schema, owners)).toEqual([]);
    expect([...new Set(operations.map((o) => o.service))].sort()).toEqual([...DOMAIN_SERVICES].sort());
    // Spot checks that the split by subgraph worked: an operation of each service, under its own.
    const serviceOf = new Map(operations.map((o) => [o.field.name, o.service]));
    expect(Object.fromEntries(['registerPartner', 'countryProfile', 'onboardJurisdiction', 'localGoalTypes', 'funderTypes', 'myTiesByCountry'].map((op) => [op, serviceOf.get(op)]))).toEqual({
      registerPartner: 'registry',
      countryProfile: 'registry',
      onboardJurisdiction: 'registry',
      localGoalTypes: 'planning',
      funderTypes: 'funding',
      myTiesByCountry: 'network',
    });
    const keys = Object.fromEntries(Object.entries(KNOWLEDGE).map(([service, k]) => [service, [...Object.keys(k.baseline), ...Object.keys(k.category), ...Object.keys(k.stateful)]]));
    expect(misplacedKeys(keys, owners)).toEqual([]);
  });

  it('gives every operation a baseline its rules accept, so that its cases reach past the first check', async () => {
    const { operations } = await fuzzRun();
    expect(operations.filter((o) => !o.baselineAnswer?.valid).map(baselineAdvice)).toEqual([]);
  });

  it('never answers a generated input with a 5xx, an internal error, a stack trace or another jurisdiction\'s data, and names the field of every bad input', async () => {
    const { operations, cases, seconds } = await fuzzRun();
    expect(operations.length).toBeGreaterThan(0);
    for (const everyRun of Object.keys(EVERY_RUN)) expect(cases.some((c) => c.mutation?.name === everyRun)).toBe(true);
    expect(cases.length + operations.length).toBeGreaterThanOrEqual(MIN_CASES);
    // Every operation with a value to change has cases; one without arguments has its baseline.
    const changeable = operations.filter((o) => sitesOf(o.field, o.baseline()).length > 0);
    expect(changeable.filter((o) => !cases.some((c) => c.operation === o)).map((o) => `${o.service}.${o.field.name}`)).toEqual([]);

    for (const outcome of outcomes) for (const problem of judge(outcome)) failures.push(`${name(outcome.fuzzCase)}: ${problem}`);
    const byCode = outcomes.reduce<Record<string, number>>((tally, o) => {
      const key = accepted(o) ? 'accepted' : codeOf(o.response) || `HTTP ${o.response.status}`;
      return { ...tally, [key]: (tally[key] ?? 0) + 1 };
    }, {});
    const byService = operations.reduce<Record<string, { operations: number; cases: number }>>((tally, o) => {
      const own = tally[o.service] ?? { operations: 0, cases: 0 };
      return { ...tally, [o.service]: { operations: own.operations + 1, cases: own.cases + outcomes.filter((x) => x.fuzzCase.operation === o).length } };
    }, {});
    console.log(`platform fuzz: ${outcomes.length} cases over ${operations.length} operations in ${seconds} s: ${JSON.stringify(byCode)} ${JSON.stringify(byService)}`);
    writeReport();
    expect({ seed, failures }).toEqual({ seed, failures: [] });
  }, 300_000);

  // This test and the read-back below make the run themselves when they run alone: their timeouts include it.
  // The snapshots read the registry's state: another service's refused mutations are sent again and judged, not compared.
  it('leaves no trace of a refused mutation', async () => {
    const { outcomes } = await fuzzRun();
    expect(outcomes.length).toBeGreaterThan(0);
    const started = Date.now();
    const refused = outcomes.filter((o) => o.fuzzCase.operation.kind === 'mutation' && o.fuzzCase.site !== null && !accepted(o));
    expect(refused.length).toBeGreaterThan(0);
    const problems: string[] = [];

    // A refused onboarding stores no jurisdiction and invites nobody (the onboarding of a jurisdiction is retried on its id, so a replay would not show it).
    for (const outcome of refused.filter((o) => o.fuzzCase.operation.field.name === 'onboardJurisdiction')) {
      const id = (outcome.fuzzCase.variables['input'] as { id?: unknown } | null)?.id;
      if (typeof id !== 'string' || !/^fuzz-[a-z0-9-]+$/.test(id)) continue;
      const stored = await send(tokens.platform, `query($id: ID) { jurisdiction(id: $id) { id status } }`, { id });
      if (stored.body?.data?.['jurisdiction']) problems.push(`${name(outcome.fuzzCase)}: refused, yet jurisdiction ${id} was stored`);
      const users = await keycloakUsersOf(id);
      if (users.length > 0) problems.push(`${name(outcome.fuzzCase)}: refused, yet invited ${users.map((u) => u.username).join(', ')}`);
    }

    // Every other refused mutation is sent again, one at a time, between snapshots of A and of the platform (counts and the export digest of every record and user).
    await settleImports();
    let before = await snapshot();
    let snapshots = 1;
    let unchecked = 0;
    const stateDependent = (o: Outcome) => statefulFields(o.fuzzCase.operation).length > 0 || codeOf(o.response) === 'CONFLICT';
    // Snapshots are of the registry: another service's mutation, which never writes there, needs none around it.
    const seenBySnapshots = (o: Outcome) => o.fuzzCase.operation.service === 'registry';
    for (const original of refused) {
      const dependent = stateDependent(original);
      const bracket = dependent && seenBySnapshots(original);
      if (bracket && unchecked > 0) {
        const now = await snapshot();
        snapshots++;
        problems.push(...snapshotDifferences(before, now).map((d) => `refused mutations before ${name(original.fuzzCase)} changed ${d}`));
        before = now;
        unchecked = 0;
      }
      const again = await run(original.fuzzCase);
      problems.push(...judge(again).map((p) => `${name(original.fuzzCase)} (again): ${p}`));
      if (accepted(again)) {
        if (!dependent) problems.push(`${name(original.fuzzCase)}: refused (${codeOf(original.response)}) in the run but accepted alone: its rule depends on state; add it to ${original.fuzzCase.operation.service.toUpperCase()}.stateful`);
        if (!seenBySnapshots(original)) continue;
        await settleImports();
        before = await snapshot();
        snapshots++;
        unchecked = 0;
        continue;
      }
      unchecked++;
      if (bracket) {
        const now = await snapshot();
        snapshots++;
        problems.push(...snapshotDifferences(before, now).map((d) => `${name(original.fuzzCase)} was refused but changed ${d}`));
        before = now;
        unchecked = 0;
      }
    }
    await settleImports();
    problems.push(...snapshotDifferences(before, await snapshot()).map((d) => `refused mutations at the end of the replay changed ${d}`));
    console.log(`platform fuzz: replayed ${refused.length} refused mutations between ${snapshots + 1} snapshots in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect({ seed, problems }).toEqual({ seed, problems: [] });
  }, 600_000);

  // The two classes of issue 7 by hand, whatever the seed: through the gateway, as a client sends them.
  it('answers more than 50 coercion errors (51 nulls for contacts) with BAD_USER_INPUT only', async () => {
    const REGISTER = `mutation($input: RegisterPartnerInput!) { registerPartner(input: $input) { id } }`;
    const response = await send(tokens.admin, REGISTER, { input: { name: 'Nullby', kind: 'CITY', country: 'DK', contacts: Array.from({ length: 51 }, () => null) } });
    expect(responseProblems(response, CLIENT_ERROR_CODES)).toEqual([]);
    const errors = errorsOf(response);
    expect(errors).toHaveLength(51);
    expect(errors.filter((e) => e.extensions?.['code'] !== 'BAD_USER_INPUT')).toEqual([]);
    expect(errors[0]?.extensions?.['field']).toBe('input.contacts[0]');
    expect(errors[50]).toEqual({ message: TOO_MANY_VARIABLE_ERRORS_MESSAGE, extensions: { code: 'BAD_USER_INPUT', field: 'input.contacts' } });
  });

  it('refuses half a character (a lone surrogate) naming each field, and stores nothing', async () => {
    const before = await snapshot();
    const REGISTER = `mutation($input: RegisterPartnerInput!) { registerPartner(input: $input) { id } }`;
    const input = { name: 'Aarhus \uD83D', kind: 'CITY', country: 'DK', contacts: [{ name: 'Anne Jensen', notes: '\uDE80 prefers e-mail' }] };
    const response = await send(tokens.admin, REGISTER, { input });
    expect(responseProblems(response, CLIENT_ERROR_CODES)).toEqual([]);
    expect(response.body?.data?.['registerPartner'] ?? null).toBeNull();
    const [error] = errorsOf(response);
    expect(error?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'name',
      problems: [
        { field: 'name', message: expect.stringMatching(/^has a broken character at position 8 \(U\+D83D, half of a character such as an emoji.*; remove it or send the text again as valid Unicode$/) },
        { field: 'contacts[0].notes', message: expect.stringMatching(/^has a broken character at position 1 \(U\+DE80/) },
      ],
    });
    const csv = await send(tokens.admin, `mutation($csv: String!) { importPartnersCsv(csv: $csv) { id } }`, { csv: 'name,kind,country\nOdense \uD83D,city,DK\n' });
    expect(errorsOf(csv)[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'csv', problems: [{ field: 'csv', message: expect.stringMatching(/^has a broken character on line 2 /) }] });
    // The same half character as raw bytes (CESU-8 / WTF-8 write it so): not UTF-8, refused at the gateway before it could become U+FFFD.
    const json = Buffer.from(requestBody(REGISTER, { input: { name: 'Rawby __', kind: 'CITY', country: 'DK' } }));
    const at = json.indexOf('__');
    const raw = await fetch(platform.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.admin}` },
      body: Buffer.concat([json.subarray(0, at), Buffer.from([0xed, 0xa0, 0xbd]), json.subarray(at + 2)]),
    });
    expect(raw.status).toBeLessThan(500);
    const rawAnswer = (await raw.json()) as RawResponse['body'];
    expect(rawAnswer?.errors?.[0]).toMatchObject({ message: expect.stringMatching(/^input\.name: has bytes that are not UTF-8 /), extensions: { code: 'BAD_USER_INPUT', field: 'input.name' } });
    expect(snapshotDifferences(before, await snapshot())).toEqual([]);
  });

  it('still reads back everything the accepted cases stored, through every query of every service', async () => {
    const { outcomes, operations } = await fuzzRun();
    expect(outcomes.length).toBeGreaterThan(0);
    await settleImports();
    const problems: string[] = [];
    const readers = operations.filter((o) => o.kind === 'query');
    expect(readers.map((r) => r.field.name)).toEqual(expect.arrayContaining(['tableOneSummary', 'partnerDuplicates', 'partners', 'assets', 'jurisdictions', 'localGoalTypes', 'funderTypes', 'myTiesByCountry']));
    for (const reader of readers) {
      const hint = hintFor({ name: reader.field.name, knowledge: reader.knowledge });
      const variables = buildBaseline(reader.field, (path, leaf) => (leaf === 'first' ? 100 : hint(path, leaf)));
      const response = await send(tokens[reader.actor], reader.document, variables);
      // A query whose own baseline was refused (no knowledge yet) is only held to the answers any input must get.
      const refused = reader.baselineAnswer?.accepted && errorsOf(response).length > 0 ? [`refused: ${errorsOf(response)[0]?.message}`] : [];
      problems.push(...[...responseProblems(response, CLIENT_ERROR_CODES), ...refused].map((p) => `${reader.service}.${reader.field.name} as ${reader.actor}: ${p}`));
    }
    expect({ seed, problems }).toEqual({ seed, problems: [] });
  }, 360_000);

  /** Every case and answer in .runtime/platform-fuzz-<seed>.json, to read a failure at leisure. */
  function writeReport(): void {
    const dir = join(__dirname, '..', '..', '.runtime');
    mkdirSync(dir, { recursive: true });
    const rows = outcomes.map((o) => ({
      case: name(o.fuzzCase),
      ms: o.ms,
      status: o.response.status,
      variables: requestBody('', o.fuzzCase.variables).slice(0, 2_000),
      answer: o.response.text.slice(0, 2_000),
    }));
    writeFileSync(join(dir, `platform-fuzz-${seed}.json`), JSON.stringify({ seed, failures, cases: rows }, null, 1));
  }
});
