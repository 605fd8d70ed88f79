import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestUser, deleteTestUser, newJurisdictionId, TestUser } from '@entente/testing';
import { eventually, GraphQLResponse, startTestPlatform, TestPlatform } from '../support';

/**
 * The cross-jurisdiction matrix: for every query and mutation of the
 * supergraph, a jurisdiction-admin of jurisdiction B aims it at jurisdiction
 * A's records. Each answer must be a denial or B's own (empty) data — never
 * anything of A's (no id, no name) — and afterwards everything A holds reads
 * exactly as before. The operation list comes from the live schema: an
 * operation added without a case here fails the first test.
 */
describe('cross-jurisdiction and role matrix through the gateway', () => {
  let platform: TestPlatform;
  let platformAdmin: TestUser;
  let adminA: TestUser;
  let adminB: TestUser;
  let viewerA: TestUser;
  let staffA: TestUser;
  let executiveA: TestUser;
  const jurisdictionA = newJurisdictionId('matrix-a');
  const jurisdictionB = newJurisdictionId('matrix-b');
  const marker = `Secret${randomBytes(4).toString('hex')}`;
  const ids: Record<'partner' | 'partner2' | 'asset' | 'relationship' | 'engagement' | 'job' | 'goal' | 'group' | 'priority' | 'kpi' | 'activity' | 'occasion' | 'visit' | 'application' | 'search' | 'followed', string> = {
    partner: '',
    partner2: '',
    asset: '',
    relationship: '',
    engagement: '',
    job: '',
    goal: '',
    group: '',
    priority: '',
    kpi: '',
    activity: '',
    occasion: '',
    visit: '',
    application: '',
    search: '',
    followed: '',
  };
  /** A CSV of one public opportunity, served to funding's scouting: A's admin follows it. */
  let opportunityFeed: Server | undefined;
  const YEAR = 2027;
  /**
   * Network (issue 11): A and C are members of a network coordinated by
   * `coordinator`; A shares its partners with it. `otherCoordinator`
   * coordinates a network of its own. The network's name carries the marker,
   * so naming it is a leak. A and C share priorities naming DK (a
   * suggestion), A leads a joint effort with C named, and A seeks a partner
   * on the network's board.
   */
  const net = { network: '', grant: '', suggestion: '', effort: '', search: '' };
  const jurisdictionC = newJurisdictionId('matrix-c');
  let adminC: TestUser;
  let coordinator: TestUser;
  let otherCoordinator: TestUser;

  function ok<T>(response: GraphQLResponse<T>): T {
    expect(response.errors).toBeUndefined();
    return response.data as T;
  }

  const today = new Date().toISOString().slice(0, 10);
  /** How B aims each operation at A. `denied`: must fail with one of the codes; `own`: may succeed on B's own data. */
  type Case = { query: string; variables?: () => Record<string, unknown>; expect: 'denied' | 'own'; codes?: string[] };
  const DENIED = ['NOT_FOUND', 'FORBIDDEN', 'BAD_USER_INPUT'];
  const CASES: Record<string, Case> = {
    // Queries
    partners: { query: `{ partners { totalCount nodes { id name } } }`, expect: 'own' },
    partnerDuplicates: { query: `{ partnerDuplicates { reason partners { id name } } }`, expect: 'own' },
    assets: { query: `{ assets { totalCount nodes { id name } } }`, expect: 'own' },
    tableOneSummary: { query: `{ tableOneSummary { category count byType { type count } } }`, expect: 'own' },
    countryProfile: {
      query: `{ countryProfile(country: "DK") { country exports { count keyFigures { total } assets { id name } endCursor } partners { id name } relationships { id } engagements { id } } }`,
      expect: 'own',
    },
    countryProfileAssets: { query: `{ countryProfileAssets(country: "DK", section: EXPORTS) { totalCount nodes { id name } } }`, expect: 'own' },
    relationships: { query: `{ relationships { totalCount nodes { id partnerName } } }`, expect: 'own' },
    dormantRelationships: { query: `{ dormantRelationships { totalCount nodes { id partnerName } } }`, expect: 'own' },
    engagements: { query: `{ engagements { totalCount nodes { id purpose } } }`, expect: 'own' },
    recordHistory: { query: `query($id: ID!) { recordHistory(id: $id) { entries { action } } }`, variables: () => ({ id: ids.partner }), expect: 'denied', codes: ['NOT_FOUND'] },
    importJob: { query: `query($id: ID!) { importJob(id: $id) { id status } }`, variables: () => ({ id: ids.job }), expect: 'denied', codes: ['NOT_FOUND'] },
    importJobs: { query: `{ importJobs { totalCount nodes { id } } }`, expect: 'own' },
    twinningCatalogue: { query: `{ twinningCatalogue { places ties } }`, expect: 'own' },
    jurisdiction: { query: `query($id: ID) { jurisdiction(id: $id) { id name } }`, variables: () => ({ id: jurisdictionA }), expect: 'denied', codes: ['NOT_FOUND'] },
    jurisdictions: { query: `{ jurisdictions { totalCount nodes { id } } }`, expect: 'denied', codes: ['FORBIDDEN'] },
    jurisdictionExport: { query: `query($id: ID) { jurisdictionExport(id: $id) { digest archive } }`, variables: () => ({ id: jurisdictionA }), expect: 'denied', codes: ['NOT_FOUND'] },
    jurisdictionUsers: { query: `query($id: ID) { jurisdictionUsers(jurisdictionId: $id) { id username } }`, variables: () => ({ id: jurisdictionA }), expect: 'denied', codes: ['NOT_FOUND'] },
    myTiesByCountry: { query: `{ myTiesByCountry { country partnerCount } }`, expect: 'own' },
    localGoalTypes: { query: `{ localGoalTypes { kind title } }`, expect: 'own' },
    funderTypes: { query: `{ funderTypes { kind title } }`, expect: 'own' },
    // Planning: B has no strategy, priorities or plan of its own; every id is A's.
    strategy: { query: `{ strategy { goals { goalId title } advisoryGroups { groupId name } } }`, expect: 'own' },
    priorities: { query: `{ priorities { totalCount nodes { id title } } }`, expect: 'own' },
    priority: { query: `query($id: ID!) { priority(id: $id) { id title } }`, variables: () => ({ id: ids.priority }), expect: 'denied', codes: ['NOT_FOUND'] },
    priorityCap: { query: `{ priorityCap { active soft hard } }`, expect: 'own' },
    plans: { query: `{ plans { year version status } }`, expect: 'own' },
    planVersions: { query: `{ planVersions(year: ${YEAR}) { version status } }`, expect: 'own' },
    plan: { query: `{ plan(year: ${YEAR}) { version activities { id title } } }`, expect: 'denied', codes: ['NOT_FOUND'] },
    planCapacity: { query: `{ planCapacity(year: ${YEAR}) { fits remedies { activityTitle } } }`, expect: 'denied', codes: ['NOT_FOUND'] },
    planDiff: { query: `{ planDiff(year: ${YEAR}, fromVersion: 1, toVersion: 1) { changes { label } } }`, expect: 'denied', codes: ['NOT_FOUND'] },
    reportingPeriods: { query: `{ reportingPeriods(year: ${YEAR}) { key } }`, expect: 'denied', codes: ['NOT_FOUND'] },
    planReport: { query: `{ planReport(year: ${YEAR}, format: HTML) { content } }`, expect: 'denied', codes: ['NOT_FOUND'] },
    visitRequests: { query: `{ visitRequests { totalCount nodes { id visitor } } }`, expect: 'own' },
    visitRequest: { query: `query($id: ID!) { visitRequest(id: $id) { id visitor } }`, variables: () => ({ id: ids.visit }), expect: 'denied', codes: ['NOT_FOUND'] },
    saveStrategy: {
      // A's goal id is not a goal of B's strategy: refused like any unknown id.
      query: `mutation($g: ID) { saveStrategy(input: { goals: [{ goalId: $g, kind: SUSTAINABILITY, title: "B's goal", statement: "B's own" }] }) { goals { goalId title } } }`,
      variables: () => ({ g: ids.goal }),
      expect: 'denied',
      codes: ['BAD_USER_INPUT'],
    },
    recordAdvisoryMeeting: {
      query: `mutation($id: ID!) { recordAdvisoryMeeting(groupId: $id, date: "2026-11-30", notes: "taken over") { goals { goalId } } }`,
      variables: () => ({ id: ids.group }),
      expect: 'denied',
      codes: ['NOT_FOUND'],
    },
    setPriority: {
      query: `mutation($g: ID!) { setPriority(input: { title: "B's priority", goalIds: [$g], focus: CULTURAL_TIES }) { priority { id } } }`,
      variables: () => ({ g: ids.goal }),
      expect: 'denied',
      codes: ['BAD_USER_INPUT'],
    },
    changePriority: { query: `mutation($id: ID!) { changePriority(id: $id, input: { title: "taken over" }) { priority { id } } }`, variables: () => ({ id: ids.priority }), expect: 'denied', codes: ['NOT_FOUND'] },
    recordKpiProgress: {
      query: `mutation($id: ID!, $k: ID!) { recordKpiProgress(priorityId: $id, kpiId: $k, current: 99) { id } }`,
      variables: () => ({ id: ids.priority, k: ids.kpi }),
      expect: 'denied',
      codes: ['NOT_FOUND'],
    },
    retirePriority: { query: `mutation($id: ID!) { retirePriority(id: $id, reason: "x") { id } }`, variables: () => ({ id: ids.priority }), expect: 'denied', codes: ['NOT_FOUND'] },
    // B is not onboarded, so planning does not know its fiscal year: refused for B, never touching A.
    createPlan: { query: `mutation { createPlan(year: ${YEAR}) { version } }`, expect: 'own', codes: ['CONFLICT'] },
    copyPlanToNextYear: { query: `mutation { copyPlanToNextYear(fromYear: ${YEAR}) { year } }`, expect: 'denied', codes: ['NOT_FOUND'] },
    updatePlanSettings: { query: `mutation { updatePlanSettings(year: ${YEAR}, input: { staffDaysAvailable: 1 }) { version } }`, expect: 'denied', codes: ['NOT_FOUND'] },
    addFundingLine: { query: `mutation { addFundingLine(year: ${YEAR}, input: { label: "x", amount: 1 }) { version } }`, expect: 'denied', codes: ['NOT_FOUND'] },
    addActivity: { query: `mutation { addActivity(year: ${YEAR}, input: { title: "x", type: ONLINE_EVENT }) { version } }`, expect: 'denied', codes: ['NOT_FOUND'] },
    updateActivity: {
      query: `mutation($id: ID!) { updateActivity(year: ${YEAR}, activityId: $id, input: { title: "taken over" }) { version } }`,
      variables: () => ({ id: ids.activity }),
      expect: 'denied',
      codes: ['NOT_FOUND'],
    },
    removeActivity: { query: `mutation($id: ID!) { removeActivity(year: ${YEAR}, activityId: $id) { version } }`, variables: () => ({ id: ids.activity }), expect: 'denied', codes: ['NOT_FOUND'] },
    recordActivityProgress: {
      query: `mutation($id: ID!) { recordActivityProgress(year: ${YEAR}, activityId: $id, input: { status: DONE }) { version } }`,
      variables: () => ({ id: ids.activity }),
      expect: 'denied',
      codes: ['NOT_FOUND'],
    },
    addOccasion: { query: `mutation { addOccasion(year: ${YEAR}, input: { date: "${YEAR}-05-09", title: "Europe Day" }) { version } }`, expect: 'denied', codes: ['NOT_FOUND'] },
    removeOccasion: { query: `mutation($id: ID!) { removeOccasion(year: ${YEAR}, occasionId: $id) { version } }`, variables: () => ({ id: ids.occasion }), expect: 'denied', codes: ['NOT_FOUND'] },
    applyRemedy: {
      query: `mutation($id: ID!) { applyRemedy(year: ${YEAR}, input: { kind: POSTPONE, activityId: $id, rationale: "x" }) { decision { summary } } }`,
      variables: () => ({ id: ids.activity }),
      expect: 'denied',
      codes: ['NOT_FOUND'],
    },
    submitPlan: { query: `mutation { submitPlan(year: ${YEAR}) { status } }`, expect: 'denied', codes: ['NOT_FOUND'] },
    returnPlanToDraft: { query: `mutation { returnPlanToDraft(year: ${YEAR}, reason: "x") { status } }`, expect: 'denied', codes: ['FORBIDDEN'] },
    approvePlan: { query: `mutation { approvePlan(year: ${YEAR}, version: 1) { status } }`, expect: 'denied', codes: ['FORBIDDEN'] },
    activatePlan: { query: `mutation { activatePlan(year: ${YEAR}) { status } }`, expect: 'denied', codes: ['NOT_FOUND'] },
    closePlan: { query: `mutation { closePlan(year: ${YEAR}) { status } }`, expect: 'denied', codes: ['NOT_FOUND'] },
    recordVisitRequest: {
      query: `mutation { recordVisitRequest(input: { visitor: "B's visitor", country: "DK", purpose: "x", dateStart: "${YEAR}-03-01" }) { id score } }`,
      expect: 'own',
    },
    acceptVisitRequest: { query: `mutation($id: ID!) { acceptVisitRequest(id: $id) { id } }`, variables: () => ({ id: ids.visit }), expect: 'denied', codes: ['NOT_FOUND'] },
    declineVisitRequest: { query: `mutation($id: ID!) { declineVisitRequest(id: $id, reason: "x") { id } }`, variables: () => ({ id: ids.visit }), expect: 'denied', codes: ['NOT_FOUND'] },
    // Funding: B has no pipeline, priorities or calendar link of its own; the application id is A's.
    opportunityMatches: { query: `{ opportunityMatches { opportunityId score explanation } }`, expect: 'own' },
    fundingApplications: { query: `{ fundingApplications { totalCount nodes { id title } } }`, expect: 'own' },
    fundingApplication: { query: `query($id: ID!) { fundingApplication(id: $id) { id title } }`, variables: () => ({ id: ids.application }), expect: 'denied', codes: ['NOT_FOUND'] },
    calendarFeed: { query: `{ calendarFeed { createdAt } }`, expect: 'own' },
    // Saved searches and alerts are each user's own; the search id is A's admin's.
    savedSearches: { query: `{ savedSearches { totalCount nodes { id name } } }`, expect: 'own' },
    savedSearch: { query: `query($id: ID!) { savedSearch(id: $id) { id name } }`, variables: () => ({ id: ids.search }), expect: 'denied', codes: ['NOT_FOUND'] },
    alerts: { query: `{ alerts { totalCount nodes { id summary } } }`, expect: 'own' },
    unreadAlertCount: { query: `{ unreadAlertCount }`, expect: 'own' },
    saveSearch: { query: `mutation { saveSearch(input: { name: "B's search", cadence: { kind: INSTANT }, channels: { inApp: true } }) { notice search { id } } }`, expect: 'own' },
    updateSavedSearch: {
      query: `mutation($id: ID!) { updateSavedSearch(id: $id, input: { name: "taken over", cadence: { kind: INSTANT }, channels: { inApp: true } }) { notice } }`,
      variables: () => ({ id: ids.search }),
      expect: 'denied',
      codes: ['NOT_FOUND'],
    },
    snoozeSavedSearch: { query: `mutation($id: ID!) { snoozeSavedSearch(id: $id, until: null) { id } }`, variables: () => ({ id: ids.search }), expect: 'denied', codes: ['NOT_FOUND'] },
    deleteSavedSearch: { query: `mutation($id: ID!) { deleteSavedSearch(id: $id) }`, variables: () => ({ id: ids.search }), expect: 'denied', codes: ['NOT_FOUND'] },
    sendSearchDigestNow: { query: `mutation($id: ID!) { sendSearchDigestNow(id: $id) }`, variables: () => ({ id: ids.search }), expect: 'denied', codes: ['NOT_FOUND'] },
    markAlertsRead: { query: `mutation { markAlertsRead }`, expect: 'own' },
    // Follows are each user's own: B does not follow the opportunity A's admin follows (B may follow it for itself, last).
    followedOpportunities: { query: `{ followedOpportunities { totalCount nodes { opportunityId reminderDays } } }`, expect: 'own' },
    updateFollow: {
      query: `mutation($id: ID!) { updateFollow(opportunityId: $id, input: { reminderDays: [1] }) { opportunityId } }`,
      variables: () => ({ id: ids.followed }),
      expect: 'denied',
      codes: ['NOT_FOUND'],
    },
    unfollowOpportunity: { query: `mutation($id: ID!) { unfollowOpportunity(opportunityId: $id) }`, variables: () => ({ id: ids.followed }), expect: 'denied', codes: ['NOT_FOUND'] },
    followOpportunity: { query: `mutation($id: ID!) { followOpportunity(opportunityId: $id, reminderDays: [7]) { opportunityId reminderDays } }`, variables: () => ({ id: ids.followed }), expect: 'own' },
    addFundingApplication: { query: `mutation { addFundingApplication(input: { title: "B's bid" }) { id title } }`, expect: 'own' },
    updateFundingApplication: {
      query: `mutation($id: ID!) { updateFundingApplication(id: $id, input: { title: "taken over" }) { id } }`,
      variables: () => ({ id: ids.application }),
      expect: 'denied',
      codes: ['NOT_FOUND'],
    },
    moveFundingApplication: {
      query: `mutation($id: ID!) { moveFundingApplication(id: $id, input: { stage: NOT_PURSUED, reason: OTHER, reasonNote: "taken over" }) { id } }`,
      variables: () => ({ id: ids.application }),
      expect: 'denied',
      codes: ['NOT_FOUND'],
    },
    createCalendarFeed: { query: `mutation { createCalendarFeed { path } }`, expect: 'own' },
    rotateCalendarFeed: { query: `mutation { rotateCalendarFeed { path } }`, expect: 'own' },
    revokeCalendarFeed: { query: `mutation { revokeCalendarFeed }`, expect: 'own' },
    // Opportunities are public (no jurisdiction owns one); sources and runs are platform-admin only.
    opportunities: { query: `{ opportunities(filter: { keywords: "${marker}" }) { totalCount nodes { id title } } }`, expect: 'own' },
    opportunity: { query: `query($id: ID!) { opportunity(id: $id) { id title } }`, variables: () => ({ id: `matrix:${marker}` }), expect: 'denied', codes: ['NOT_FOUND'] },
    fundingSources: { query: `{ fundingSources { totalCount nodes { id url } } }`, expect: 'denied', codes: ['FORBIDDEN'] },
    scoutingRuns: { query: `query($id: ID!) { scoutingRuns(sourceId: $id) { totalCount } }`, variables: () => ({ id: 'matrix-source' }), expect: 'denied', codes: ['FORBIDDEN'] },
    scoutingRun: { query: `query($id: ID!) { scoutingRun(id: $id) { id status } }`, variables: () => ({ id: 'matrix-run' }), expect: 'denied', codes: ['FORBIDDEN'] },
    addFundingSource: { query: `mutation { addFundingSource(input: { name: "B's feed", kind: FEED, url: "http://127.0.0.1:9/feed.xml" }) { id } }`, expect: 'denied', codes: ['FORBIDDEN'] },
    updateFundingSource: { query: `mutation { updateFundingSource(id: "matrix-source", input: { name: "taken over" }) { id } }`, expect: 'denied', codes: ['FORBIDDEN'] },
    disableFundingSource: { query: `mutation { disableFundingSource(id: "matrix-source") { id } }`, expect: 'denied', codes: ['FORBIDDEN'] },
    enableFundingSource: { query: `mutation { enableFundingSource(id: "matrix-source") { id } }`, expect: 'denied', codes: ['FORBIDDEN'] },
    runFundingSource: { query: `mutation { runFundingSource(id: "matrix-source") { id } }`, expect: 'denied', codes: ['FORBIDDEN'] },
    // Network: B is in no network; every network and grant id is A's.
    networks: { query: `{ networks { id name myMembership } }`, expect: 'own' },
    network: { query: `query($id: ID!) { network(id: $id) { id name members { jurisdictionId } } }`, variables: () => ({ id: net.network }), expect: 'denied', codes: ['NOT_FOUND'] },
    sharingGrants: { query: `{ sharingGrants { id scope current } }`, expect: 'own' },
    sharingPreview: { query: `query($id: ID!) { sharingPreview(networkId: $id) { jurisdictionId partners { id name } } }`, variables: () => ({ id: net.network }), expect: 'denied', codes: ['NOT_FOUND'] },
    networkSharedData: { query: `query($id: ID!) { networkSharedData(networkId: $id) { jurisdictionId partners { id name } } }`, variables: () => ({ id: net.network }), expect: 'denied', codes: ['NOT_FOUND'] },
    networkHeatMap: { query: `query($id: ID!) { networkHeatMap(networkId: $id) { jurisdictionId country total } }`, variables: () => ({ id: net.network }), expect: 'denied', codes: ['NOT_FOUND'] },
    networkDelegationCalendar: { query: `query($id: ID!) { networkDelegationCalendar(networkId: $id) { jurisdictionId activityId } }`, variables: () => ({ id: net.network }), expect: 'denied', codes: ['NOT_FOUND'] },
    sharingAccessLog: { query: `{ sharingAccessLog { totalCount nodes { networkId readerUsername } } }`, expect: 'own' },
    createNetwork: { query: `mutation { createNetwork(input: { name: "B's network" }) { id } }`, expect: 'denied', codes: ['FORBIDDEN'] },
    setNetworkCoordinators: { query: `mutation($id: ID!) { setNetworkCoordinators(networkId: $id, coordinatorUserIds: []) { id } }`, variables: () => ({ id: net.network }), expect: 'denied', codes: ['FORBIDDEN'] },
    inviteToNetwork: { query: `mutation($id: ID!, $j: ID!) { inviteToNetwork(networkId: $id, jurisdictionId: $j) { status } }`, variables: () => ({ id: net.network, j: jurisdictionB }), expect: 'denied', codes: ['FORBIDDEN'] },
    acceptNetworkInvitation: { query: `mutation($id: ID!) { acceptNetworkInvitation(networkId: $id) { status } }`, variables: () => ({ id: net.network }), expect: 'denied', codes: ['NOT_FOUND'] },
    shareWithNetwork: { query: `mutation($id: ID!) { shareWithNetwork(input: { networkId: $id, scope: PARTNERS }) { id } }`, variables: () => ({ id: net.network }), expect: 'denied', codes: ['NOT_FOUND'] },
    revokeSharing: { query: `mutation($id: ID!) { revokeSharing(grantId: $id) { id } }`, variables: () => ({ id: net.grant }), expect: 'denied', codes: ['NOT_FOUND'] },
    leaveNetwork: { query: `mutation($id: ID!) { leaveNetwork(networkId: $id) { status } }`, variables: () => ({ id: net.network }), expect: 'denied', codes: ['NOT_FOUND'] },
    networkSuggestions: { query: `query($id: ID!) { networkSuggestions(networkId: $id, includeDismissed: true) { id key explanation evidence { recordId summary } } }`, variables: () => ({ id: net.network }), expect: 'denied', codes: ['NOT_FOUND'] },
    dismissSuggestion: { query: `mutation($id: ID!) { dismissSuggestion(id: $id, reason: "not for us") { id status } }`, variables: () => ({ id: net.suggestion }), expect: 'denied', codes: ['NOT_FOUND'] },
    jointEfforts: { query: `query($id: ID!) { jointEfforts(networkId: $id) { id title participants { jurisdictionId name } } }`, variables: () => ({ id: net.network }), expect: 'denied', codes: ['NOT_FOUND'] },
    proposeJointEffort: {
      query: `mutation($id: ID!, $a: ID!, $c: ID!) { proposeJointEffort(input: { networkId: $id, kind: JOINT_EVENT, title: "Harbour festival", participants: [{ jurisdictionId: $c, costShare: 50 }, { jurisdictionId: $a, costShare: 50 }] }) { id } }`,
      variables: () => ({ id: net.network, a: jurisdictionA, c: jurisdictionC }),
      expect: 'denied',
      codes: ['NOT_FOUND'],
    },
    proposeJointEffortFromSuggestion: { query: `mutation($id: ID!) { proposeJointEffortFromSuggestion(suggestionId: $id) { id } }`, variables: () => ({ id: net.suggestion }), expect: 'denied', codes: ['NOT_FOUND'] },
    inviteToJointEffort: {
      query: `mutation($e: ID!, $a: ID!, $c: ID!) { inviteToJointEffort(effortId: $e, jurisdictionId: $c, shares: [{ jurisdictionId: $a, costShare: 50 }, { jurisdictionId: $c, costShare: 50 }]) { id } }`,
      variables: () => ({ e: net.effort, a: jurisdictionA, c: jurisdictionC }),
      expect: 'denied',
      codes: ['NOT_FOUND'],
    },
    joinJointEffort: { query: `mutation($e: ID!) { joinJointEffort(effortId: $e) { id } }`, variables: () => ({ e: net.effort }), expect: 'denied', codes: ['NOT_FOUND'] },
    leaveJointEffort: { query: `mutation($e: ID!) { leaveJointEffort(effortId: $e) { id } }`, variables: () => ({ e: net.effort }), expect: 'denied', codes: ['NOT_FOUND'] },
    setJointEffortCostShares: {
      query: `mutation($e: ID!, $a: ID!, $c: ID!) { setJointEffortCostShares(effortId: $e, shares: [{ jurisdictionId: $a, costShare: 90 }, { jurisdictionId: $c, costShare: 10 }]) { id } }`,
      variables: () => ({ e: net.effort, a: jurisdictionA, c: jurisdictionC }),
      expect: 'denied',
      codes: ['NOT_FOUND'],
    },
    moveJointEffort: { query: `mutation($e: ID!) { moveJointEffort(effortId: $e, status: WITHDRAWN) { id status } }`, variables: () => ({ e: net.effort }), expect: 'denied', codes: ['NOT_FOUND'] },
    partnerSearches: { query: `query($id: ID!) { partnerSearches(networkId: $id) { id description answers { message } } }`, variables: () => ({ id: net.network }), expect: 'denied', codes: ['NOT_FOUND'] },
    postPartnerSearch: {
      query: `mutation($id: ID!) { postPartnerSearch(input: { networkId: $id, kind: PARTNER_CITY, country: "PL", description: "A port city" }) { id } }`,
      variables: () => ({ id: net.network }),
      expect: 'denied',
      codes: ['NOT_FOUND'],
    },
    answerPartnerSearch: { query: `mutation($id: ID!) { answerPartnerSearch(searchId: $id, message: "Gdynia would") { id } }`, variables: () => ({ id: net.search }), expect: 'denied', codes: ['NOT_FOUND'] },
    closePartnerSearch: { query: `mutation($id: ID!) { closePartnerSearch(searchId: $id) { id status } }`, variables: () => ({ id: net.search }), expect: 'denied', codes: ['NOT_FOUND'] },
    // Mutations
    registerPartner: { query: `mutation { registerPartner(input: { name: "B's own partner", kind: CITY, country: "DK" }) { id name } }`, expect: 'own' },
    updatePartner: { query: `mutation($id: ID!) { updatePartner(id: $id, input: { name: "taken over" }) { id } }`, variables: () => ({ id: ids.partner }), expect: 'denied', codes: ['NOT_FOUND'] },
    mergePartners: {
      query: `mutation($a: ID!, $b: ID!) { mergePartners(survivorId: $a, duplicateId: $b) { id } }`,
      variables: () => ({ a: ids.partner, b: ids.partner2 }),
      expect: 'denied',
      codes: ['NOT_FOUND'],
    },
    recordAsset: { query: `mutation { recordAsset(input: { name: "B's asset", category: ECONOMIC_FOUNDATIONS, type: KEY_INDUSTRY }) { id } }`, expect: 'own' },
    updateAsset: {
      query: `mutation($id: ID!) { updateAsset(id: $id, input: { name: "taken over", category: ECONOMIC_FOUNDATIONS, type: KEY_INDUSTRY }) { id } }`,
      variables: () => ({ id: ids.asset }),
      expect: 'denied',
      codes: ['NOT_FOUND'],
    },
    removeAsset: { query: `mutation($id: ID!) { removeAsset(id: $id) }`, variables: () => ({ id: ids.asset }), expect: 'denied', codes: ['NOT_FOUND'] },
    establishRelationship: {
      query: `mutation($p: ID!) { establishRelationship(input: { partnerId: $p, type: SISTER_CITY, status: ACTIVE }) { id } }`,
      variables: () => ({ p: ids.partner }),
      expect: 'denied',
      codes: ['BAD_USER_INPUT', 'NOT_FOUND'],
    },
    changeRelationshipStatus: {
      query: `mutation($id: ID!) { changeRelationshipStatus(id: $id, status: ENDED) { id } }`,
      variables: () => ({ id: ids.relationship }),
      expect: 'denied',
      codes: ['NOT_FOUND'],
    },
    logEngagement: {
      query: `mutation($p: [ID!]!, $d: String!) { logEngagement(input: { date: $d, type: VIRTUAL_MEETING, partnerIds: $p, purpose: "x" }) { id } }`,
      variables: () => ({ p: [ids.partner], d: today }),
      expect: 'denied',
      codes: ['BAD_USER_INPUT', 'NOT_FOUND'],
    },
    importPartnersCsv: { query: `mutation($csv: String!) { importPartnersCsv(csv: $csv) { id } }`, variables: () => ({ csv: `name,kind,country\nB import,city,DK\n` }), expect: 'own' },
    importAssetsCsv: { query: `mutation($csv: String!) { importAssetsCsv(csv: $csv) { id } }`, variables: () => ({ csv: `name,category,type\nB asset,economic-foundations,key-industry\n` }), expect: 'own' },
    importRelationshipsCsv: {
      // Names A's partner by id: the job must fail (it is not B's partner) and touch nothing of A's.
      query: `mutation($csv: String!) { importRelationshipsCsv(csv: $csv) { id } }`,
      variables: () => ({ csv: `partnerId,type\n${ids.partner},sister-city\n` }),
      expect: 'own',
    },
    // Without a loaded catalogue this is refused (CONFLICT); with one it imports into B only.
    importTwinningTies: { query: `mutation { importTwinningTies(wikidataId: "Q2861") { id } }`, expect: 'own', codes: ['CONFLICT'] },
    importWikidataEntity: {
      query: `mutation($json: String!) { importWikidataEntity(json: $json) { id } }`,
      variables: () => ({ json: JSON.stringify({ entities: { Q2861: { id: 'Q2861', labels: { en: { value: 'Rostock' } }, claims: {} } } }) }),
      expect: 'own',
      codes: DENIED,
    },
    loadTwinningCatalogue: { query: `mutation { loadTwinningCatalogue(relations: "Q1\\tQ2\\n", names: "Q1\\tA\\n") { id } }`, expect: 'denied', codes: ['FORBIDDEN'] },
    onboardJurisdiction: {
      query: `mutation($id: String!) { onboardJurisdiction(input: { id: $id, name: "x", level: CITY, country: "DE", timeZone: "Europe/Berlin", currency: "EUR", fiscalYearStart: "01-01", languages: ["de"] }) { jurisdiction { id } } }`,
      variables: () => ({ id: jurisdictionA }),
      expect: 'denied',
      codes: ['FORBIDDEN'],
    },
    updateJurisdictionProfile: {
      query: `mutation($id: ID) { updateJurisdictionProfile(id: $id, input: { name: "taken over" }) { id } }`,
      variables: () => ({ id: jurisdictionA }),
      expect: 'denied',
      codes: ['NOT_FOUND'],
    },
    changeJurisdictionStatus: { query: `mutation($id: ID!) { changeJurisdictionStatus(id: $id, status: SUSPENDED) { id } }`, variables: () => ({ id: jurisdictionA }), expect: 'denied', codes: ['FORBIDDEN'] },
    offboardJurisdiction: {
      query: `mutation($id: ID!) { offboardJurisdiction(id: $id, archiveDigest: "${'0'.repeat(64)}") { id } }`,
      variables: () => ({ id: jurisdictionA }),
      expect: 'denied',
      codes: ['FORBIDDEN'],
    },
    inviteUser: {
      query: `mutation($id: String) { inviteUser(input: { email: "intruder-${marker.toLowerCase()}@example.org", firstName: "I", lastName: "I", roles: [STAFF], jurisdictionId: $id }) { user { id } } }`,
      variables: () => ({ id: jurisdictionA }),
      expect: 'denied',
      codes: ['NOT_FOUND'],
    },
    deactivateUser: { query: `mutation($id: ID!) { deactivateUser(userId: $id) { id } }`, variables: () => ({ id: adminA.id }), expect: 'denied', codes: ['NOT_FOUND'] },
    reactivateUser: { query: `mutation($id: ID!) { reactivateUser(userId: $id) { id } }`, variables: () => ({ id: adminA.id }), expect: 'denied', codes: ['NOT_FOUND'] },
  };

  /** Everything A can read about itself; compared before and after B's attempts. */
  async function snapshotOfA(): Promise<string> {
    const token = await adminA.token();
    const read = async (query: string, variables: Record<string, unknown> = {}) => JSON.stringify(ok(await platform.graphql(token, query, variables)));
    const parts = await Promise.all([
      read(`{ jurisdiction { id name status population } }`),
      read(`{ jurisdictionUsers { id username roles enabled } }`),
      read(`{ partners(first: 100) { totalCount nodes { id name kind country wikidataId } } }`),
      read(`{ assets(first: 100) { totalCount nodes { id name category type } } }`),
      read(`{ relationships(first: 100) { totalCount nodes { id status partnerName lastEngagementAt } } }`),
      read(`{ engagements(first: 100) { totalCount nodes { id purpose partnerIds } } }`),
      read(`{ importJobs(first: 100) { totalCount nodes { id status } } }`),
      read(`{ tableOneSummary { category count byType { type count } } }`),
      read(`{ strategy { goals { goalId title statement } advisoryGroups { groupId name meetings { date notes } } staffFte } }`),
      read(`{ priorities(first: 100) { totalCount nodes { id title status kpis { kpiId current } } } }`),
      read(`{ plans { year version status activityCount } }`),
      read(`{ plan(year: ${YEAR}) { version status staffDaysAvailable budgetLines { id amount } occasions { id title } activities { id title status frequency } decisions { summary } } }`),
      read(`{ visitRequests(first: 100) { totalCount nodes { id visitor status } } }`),
      read(`{ fundingApplications(first: 100) { totalCount nodes { id title stage reason notes history { action } } } }`),
      read(`{ followedOpportunities(first: 100) { totalCount nodes { opportunityId reminderDays channels { inApp email } nextReminderAt } } }`),
      read(`{ networks { id name myMembership } }`),
      read(`{ sharingGrants { id scope fields current } }`),
      read(`query($id: ID!) { sharingPreview(networkId: $id) { partners { id name country } } }`, { id: net.network }),
      ...(['partner', 'partner2', 'asset', 'relationship', 'engagement'] as const).map((kind) =>
        read(`query($id: ID!) { recordHistory(id: $id) { entries { action at changes { field to } } } }`, { id: ids[kind] }),
      ),
    ]);
    return parts.join('\n');
  }

  async function schemaOperations(): Promise<string[]> {
    const data = ok(await platform.graphql<{ __schema: { queryType: { fields: Array<{ name: string }> }; mutationType: { fields: Array<{ name: string }> } } }>(
      await adminB.token(),
      `{ __schema { queryType { fields { name } } mutationType { fields { name } } } }`,
    ));
    return [...data.__schema.queryType.fields, ...data.__schema.mutationType.fields].map((f) => f.name).filter((name) => !name.startsWith('_'));
  }

  beforeAll(async () => {
    platform = await startTestPlatform({ name: 'matrix' });
    [platformAdmin, adminA, adminB, viewerA, staffA, executiveA] = await Promise.all([
      createTestUser({ jurisdiction: 'platform', roles: ['platform-admin'] }),
      createTestUser({ jurisdiction: jurisdictionA, roles: ['jurisdiction-admin'] }),
      createTestUser({ jurisdiction: jurisdictionB, roles: ['jurisdiction-admin'] }),
      createTestUser({ jurisdiction: jurisdictionA, roles: ['viewer'] }),
      createTestUser({ jurisdiction: jurisdictionA, roles: ['staff'] }),
      createTestUser({ jurisdiction: jurisdictionA, roles: ['executive'] }),
    ]);
    ok(await platform.graphql(await platformAdmin.token(), `mutation($id: String!) { onboardJurisdiction(input: { id: $id, name: "${marker} City", level: CITY, country: "DE", timeZone: "Europe/Berlin", currency: "EUR", fiscalYearStart: "01-01", languages: ["de"] }) { jurisdiction { id } } }`, { id: jurisdictionA }));
    const token = await adminA.token();
    const partner = async (name: string) =>
      ok(await platform.graphql<{ registerPartner: { id: string } }>(token, `mutation($n: String!) { registerPartner(input: { name: $n, kind: CITY, country: "DK", wikidataId: "Q25319" }) { id } }`, { n: name })).registerPartner.id;
    ids.partner = await partner(`${marker} Aarhus`);
    ids.partner2 = await partner(`${marker} Århus`);
    ids.asset = ok(await platform.graphql<{ recordAsset: { id: string } }>(token, `mutation($n: String!) { recordAsset(input: { name: $n, category: ECONOMIC_FOUNDATIONS, type: EXPORT_SECTOR, countries: ["DK"], confidentiality: INTERNAL }) { id } }`, { n: `${marker} wind turbines` })).recordAsset.id;
    ids.relationship = ok(await platform.graphql<{ establishRelationship: { id: string } }>(token, `mutation($p: ID!) { establishRelationship(input: { partnerId: $p, type: SISTER_CITY, status: ACTIVE, since: "1965-05-01" }) { id } }`, { p: ids.partner })).establishRelationship.id;
    ids.engagement = ok(await platform.graphql<{ logEngagement: { id: string } }>(token, `mutation($p: [ID!]!, $d: String!) { logEngagement(input: { date: $d, type: VIRTUAL_MEETING, partnerIds: $p, purpose: "${marker} harbour talks" }) { id } }`, { p: [ids.partner], d: today })).logEngagement.id;
    ids.job = ok(await platform.graphql<{ importPartnersCsv: { id: string } }>(token, `mutation($csv: String!) { importPartnersCsv(csv: $csv) { id } }`, { csv: `name,kind,country\n${marker} Riga,city,LV\n` })).importPartnersCsv.id;
    await eventually(() => platform.graphql<{ importJob: { status: string } }>(token, `query($id: ID!) { importJob(id: $id) { status } }`, { id: ids.job }), (r) => ['SUCCEEDED', 'FAILED'].includes(r.data?.importJob.status ?? ''), 30_000);
    const strategy = ok(
      await platform.graphql<{ saveStrategy: { goals: Array<{ goalId: string }>; advisoryGroups: Array<{ groupId: string }> } }>(
        token,
        `mutation { saveStrategy(input: { goals: [{ kind: ECONOMIC_DEVELOPMENT_AND_TRADE, title: "${marker} port economy", statement: "exports" }], advisoryGroups: [{ name: "${marker} tariff advisory group", members: [{ name: "A. Person", sector: "logistics" }] }] }) { goals { goalId } advisoryGroups { groupId } } }`,
      ),
    ).saveStrategy;
    ids.goal = strategy.goals[0]?.goalId ?? '';
    ids.group = strategy.advisoryGroups[0]?.groupId ?? '';
    const priority = ok(
      await platform.graphql<{ setPriority: { priority: { id: string; kpis: Array<{ kpiId: string }> } } }>(
        token,
        `mutation($g: ID!) { setPriority(input: { title: "${marker} Baltic trade", goalIds: [$g], focus: ECONOMIC_COMPLEMENTARITY, targetCountries: ["DK"], kpis: [{ name: "exports", unit: "EUR", baseline: 1, target: 2 }] }) { priority { id kpis { kpiId } } } }`,
        { g: ids.goal },
      ),
    ).setPriority.priority;
    ids.priority = priority.id;
    ids.kpi = priority.kpis[0]?.kpiId ?? '';
    await eventually(() => platform.graphql(token, `mutation { createPlan(year: ${YEAR}, input: { staffDaysAvailable: 50 }) { version } }`), (r) => !r.errors, 30_000);
    const plan = ok(
      await platform.graphql<{ addActivity: { activities: Array<{ id: string }> } }>(
        token,
        `mutation($p: ID!) { addActivity(year: ${YEAR}, input: { title: "${marker} delegation", type: OUTBOUND_DELEGATION, priorityIds: [$p], country: "DK", frequency: ANNUAL, costPerOccurrence: { own: 1000 } }) { activities { id } } }`,
        { p: ids.priority },
      ),
    ).addActivity;
    ids.activity = plan.activities[0]?.id ?? '';
    ids.occasion = ok(
      await platform.graphql<{ addOccasion: { occasions: Array<{ id: string; kind: string }> } }>(token, `mutation { addOccasion(year: ${YEAR}, input: { date: "${YEAR}-05-09", title: "${marker} Europe Day" }) { occasions { id kind } } }`),
    ).addOccasion.occasions.find((o) => o.kind === 'added')?.id as string;
    ids.visit = ok(
      await platform.graphql<{ recordVisitRequest: { id: string } }>(token, `mutation { recordVisitRequest(input: { visitor: "${marker} delegation", country: "DK", purpose: "ports", dateStart: "${YEAR}-04-01" }) { id } }`),
    ).recordVisitRequest.id;
    ids.application = ok(
      await platform.graphql<{ addFundingApplication: { id: string } }>(token, `mutation { addFundingApplication(input: { title: "${marker} Interreg bid", deadline: "${YEAR}-03-31", notes: "${marker} notes" }) { id } }`),
    ).addFundingApplication.id;
    // A public opportunity scouted from a CSV this spec serves (its title is not A's: opportunities belong to nobody), followed by A's admin.
    opportunityFeed = createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/csv' }).end(`id,title,funder,closesAt,currency\nm1,Matrix partnership fund,Matrix Foundation,2031-06-30,EUR\n`));
    await new Promise<void>((resolve) => opportunityFeed?.listen(0, '127.0.0.1', resolve));
    const sourceId = `matrix-${randomBytes(3).toString('hex')}`;
    const adminToken0 = await platformAdmin.token();
    ok(
      await platform.graphql(adminToken0, `mutation($input: AddFundingSourceInput!) { addFundingSource(input: $input) { id } }`, {
        input: { sourceId, name: 'Matrix list', kind: 'CSV', url: `http://127.0.0.1:${(opportunityFeed.address() as AddressInfo).port}/list.csv`, funderType: 'TRUST_OR_FOUNDATION', timeZone: 'Europe/Berlin' },
      }),
    );
    const run = ok(await platform.graphql<{ runFundingSource: { id: string } }>(adminToken0, `mutation($id: ID!) { runFundingSource(id: $id) { id } }`, { id: sourceId })).runFundingSource.id;
    await eventually(() => platform.graphql<{ scoutingRun: { status: string } }>(adminToken0, `query($id: ID!) { scoutingRun(id: $id) { status } }`, { id: run }), (r) => r.data?.scoutingRun.status === 'SUCCEEDED', 60_000);
    ids.followed = ok(await platform.graphql<{ followOpportunity: { opportunityId: string } }>(token, `mutation($id: ID!) { followOpportunity(opportunityId: $id, reminderDays: [30, 10]) { opportunityId } }`, { id: `${sourceId}:m1` })).followOpportunity.opportunityId;
    ids.search = ok(
      await platform.graphql<{ saveSearch: { search: { id: string } } }>(token, `mutation { saveSearch(input: { name: "${marker} calls", criteria: { keywords: ["${marker}"] }, cadence: { kind: DAILY }, channels: { inApp: true, email: true } }) { search { id } } }`),
    ).saveSearch.search.id;
    // A and C in a network coordinated by `coordinator`, A sharing its partners; `otherCoordinator` runs a network of its own.
    [adminC, coordinator, otherCoordinator] = await Promise.all([
      createTestUser({ jurisdiction: jurisdictionC, roles: ['jurisdiction-admin'] }),
      createTestUser({ jurisdiction: newJurisdictionId('matrix-coord'), roles: ['regional-coordinator'] }),
      createTestUser({ jurisdiction: newJurisdictionId('matrix-coord'), roles: ['regional-coordinator'] }),
    ]);
    const adminToken = await platformAdmin.token();
    ok(await platform.graphql(adminToken, `mutation($id: String!) { onboardJurisdiction(input: { id: $id, name: "Matrix C", level: CITY, country: "DE", timeZone: "Europe/Berlin", currency: "EUR", fiscalYearStart: "01-01", languages: ["de"] }) { jurisdiction { id } } }`, { id: jurisdictionC }));
    net.network = ok(
      await platform.graphql<{ createNetwork: { id: string } }>(adminToken, `mutation($c: ID!) { createNetwork(input: { name: "${marker} network", coordinatorUserIds: [$c] }) { id } }`, { c: coordinator.id }),
    ).createNetwork.id;
    ok(await platform.graphql(await otherCoordinator.token(), `mutation { createNetwork(input: { name: "Another network" }) { id } }`));
    for (const [member, admin] of [[jurisdictionA, adminA], [jurisdictionC, adminC]] as const) {
      const invited = await eventually(
        async () => platform.graphql(await coordinator.token(), `mutation($n: ID!, $j: ID!) { inviteToNetwork(networkId: $n, jurisdictionId: $j) { status } }`, { n: net.network, j: member }),
        (r) => !r.errors,
        30_000,
      );
      ok(invited.value);
      ok(await platform.graphql(await admin.token(), `mutation($n: ID!) { acceptNetworkInvitation(networkId: $n) { status } }`, { n: net.network }));
    }
    net.grant = ok(await platform.graphql<{ shareWithNetwork: { id: string } }>(token, `mutation($n: ID!) { shareWithNetwork(input: { networkId: $n, scope: PARTNERS }) { id } }`, { n: net.network })).shareWithNetwork.id;
    await eventually(
      async () => ok(await platform.graphql<{ sharingPreview: { partners: unknown[] } }>(token, `query($n: ID!) { sharingPreview(networkId: $n) { partners { id } } }`, { n: net.network })).sharingPreview.partners,
      (partners) => partners.length >= 2,
      30_000,
    );
    // A and C share priorities naming DK: the coordinator sees a suggestion; A leads a joint effort naming C.
    const tokenC = await adminC.token();
    const goalC = ok(await platform.graphql<{ saveStrategy: { goals: Array<{ goalId: string }> } }>(tokenC, `mutation { saveStrategy(input: { goals: [{ kind: ECONOMIC_DEVELOPMENT_AND_TRADE, title: "C exports", statement: "exports" }] }) { goals { goalId } } }`)).saveStrategy.goals[0]?.goalId;
    ok(await platform.graphql(tokenC, `mutation($g: ID!) { setPriority(input: { title: "C and Denmark", goalIds: [$g], focus: ECONOMIC_COMPLEMENTARITY, targetCountries: ["DK"] }) { priority { id } } }`, { g: goalC }));
    for (const t of [token, tokenC]) ok(await platform.graphql(t, `mutation($n: ID!) { shareWithNetwork(input: { networkId: $n, scope: PRIORITIES }) { id } }`, { n: net.network }));
    const coordinatorToken = await coordinator.token();
    const { value: suggestions } = await eventually(
      async () => ok(await platform.graphql<{ networkSuggestions: Array<{ id: string; key: string; members: Array<{ jurisdictionId: string }> }> }>(coordinatorToken, `query($n: ID!) { networkSuggestions(networkId: $n) { id key members { jurisdictionId } } }`, { n: net.network })).networkSuggestions,
      (found) => found.some((s) => s.key === 'shared-market/DK' && s.members.length === 2),
      30_000,
    );
    net.suggestion = suggestions.find((s) => s.key === 'shared-market/DK')?.id ?? '';
    net.effort = ok(
      await platform.graphql<{ proposeJointEffort: { id: string } }>(token, `mutation($n: ID!, $a: ID!, $c: ID!) { proposeJointEffort(input: { networkId: $n, kind: KNOWLEDGE_EXCHANGE, title: "${marker} port exchange", participants: [{ jurisdictionId: $a, costShare: 60 }, { jurisdictionId: $c, costShare: 40 }] }) { id } }`, {
        n: net.network,
        a: jurisdictionA,
        c: jurisdictionC,
      }),
    ).proposeJointEffort.id;
    net.search = ok(
      await platform.graphql<{ postPartnerSearch: { id: string } }>(token, `mutation($n: ID!) { postPartnerSearch(input: { networkId: $n, kind: PARTNER_CITY, country: "PL", description: "${marker} seeks a Polish port" }) { id } }`, { n: net.network }),
    ).postPartnerSearch.id;
  }, 240_000);

  afterAll(async () => {
    await new Promise((resolve) => (opportunityFeed ? opportunityFeed.close(resolve) : resolve(undefined)));
    await platform?.stop();
    await Promise.all([platformAdmin, adminA, adminB, viewerA, staffA, executiveA].filter(Boolean).map((u) => deleteTestUser(u.id)));
  });

  it('has a case for every query and mutation of the supergraph', async () => {
    const operations = await schemaOperations();
    expect(operations.length).toBeGreaterThan(30);
    expect(operations.filter((name) => !(name in CASES))).toEqual([]);
    expect(Object.keys(CASES).filter((name) => !operations.includes(name))).toEqual([]);
  });

  it('gives a user of another jurisdiction nothing of A and lets them change nothing of A', async () => {
    const before = await snapshotOfA();
    expect(before).toContain(marker);
    const token = await adminB.token();
    const failures: string[] = [];
    for (const [name, c] of Object.entries(CASES)) {
      const variables = c.variables?.() ?? {};
      const response = await platform.graphql(token, c.query, variables);
      const text = JSON.stringify(response);
      // An id B sent may be echoed back ("Partner … was not found"): B knew it already. Anything else of A is a leak.
      const sent = c.query + JSON.stringify(variables);
      const leaked = [marker, jurisdictionA, ...Object.values(ids)].filter((secret) => text.includes(secret) && !sent.includes(secret));
      if (leaked.length > 0) failures.push(`${name}: answer reveals ${leaked.join(', ')}: ${text.slice(0, 300)}`);
      if (response.status >= 500) failures.push(`${name}: HTTP ${response.status}`);
      const code = response.errors?.[0]?.extensions?.['code'];
      if (c.expect === 'denied') {
        if (!response.errors) failures.push(`${name}: succeeded but must be denied: ${text.slice(0, 300)}`);
        else if (!(c.codes ?? DENIED).includes(String(code))) failures.push(`${name}: ${String(code)} instead of ${(c.codes ?? DENIED).join('/')}: ${text.slice(0, 300)}`);
      } else if (response.errors && !(c.codes ?? []).includes(String(code))) {
        failures.push(`${name}: B's own operation failed with ${String(code)}: ${text.slice(0, 300)}`);
      }
    }
    // B's own import jobs run in the background: let them finish before comparing.
    await eventually(
      async () => ok(await platform.graphql<{ importJobs: { nodes: Array<{ status: string }> } }>(token, `{ importJobs(first: 100) { nodes { status } } }`)).importJobs.nodes,
      (jobs) => jobs.every((job) => job.status === 'SUCCEEDED' || job.status === 'FAILED'),
      60_000,
    );
    expect(failures).toEqual([]);
    expect(await snapshotOfA()).toEqual(before);
  }, 180_000);
  /**
   * The role matrix inside A: who may call each mutation and each restricted
   * query. Every other role of A is refused with FORBIDDEN, aimed at A's own
   * records, and A reads the same afterwards.
   */
  const WRITERS = ['staff', 'jurisdiction-admin'];
  const ALLOWED: Record<string, string[]> = {
    registerPartner: WRITERS,
    updatePartner: WRITERS,
    recordAsset: WRITERS,
    updateAsset: WRITERS,
    establishRelationship: WRITERS,
    changeRelationshipStatus: WRITERS,
    logEngagement: WRITERS,
    importPartnersCsv: WRITERS,
    importAssetsCsv: WRITERS,
    importRelationshipsCsv: WRITERS,
    importTwinningTies: WRITERS,
    importWikidataEntity: WRITERS,
    mergePartners: ['jurisdiction-admin'],
    removeAsset: ['jurisdiction-admin'],
    updateJurisdictionProfile: ['jurisdiction-admin'],
    inviteUser: ['jurisdiction-admin'],
    deactivateUser: ['jurisdiction-admin'],
    reactivateUser: ['jurisdiction-admin'],
    jurisdictionExport: ['jurisdiction-admin'],
    jurisdictionUsers: ['jurisdiction-admin'],
    jurisdictions: [],
    onboardJurisdiction: [],
    changeJurisdictionStatus: [],
    offboardJurisdiction: [],
    loadTwinningCatalogue: [],
    saveStrategy: WRITERS,
    recordAdvisoryMeeting: WRITERS,
    setPriority: WRITERS,
    changePriority: WRITERS,
    recordKpiProgress: WRITERS,
    retirePriority: WRITERS,
    createPlan: WRITERS,
    copyPlanToNextYear: WRITERS,
    updatePlanSettings: WRITERS,
    addFundingLine: WRITERS,
    addActivity: WRITERS,
    updateActivity: WRITERS,
    removeActivity: WRITERS,
    recordActivityProgress: WRITERS,
    addOccasion: WRITERS,
    removeOccasion: WRITERS,
    applyRemedy: [...WRITERS, 'executive'],
    submitPlan: ['jurisdiction-admin'],
    returnPlanToDraft: ['executive'],
    approvePlan: ['executive'],
    activatePlan: ['jurisdiction-admin'],
    closePlan: ['jurisdiction-admin'],
    recordVisitRequest: WRITERS,
    acceptVisitRequest: WRITERS,
    declineVisitRequest: WRITERS,
    // Networks: coordinators (and the platform admin) manage them; a member's admin joins, shares and leaves.
    createNetwork: [],
    setNetworkCoordinators: [],
    inviteToNetwork: [],
    acceptNetworkInvitation: ['jurisdiction-admin'],
    leaveNetwork: ['jurisdiction-admin'],
    shareWithNetwork: ['jurisdiction-admin'],
    revokeSharing: ['jurisdiction-admin'],
    // Spotting and joint efforts: a member's admin dismisses, proposes, joins and leaves; the lead's admin (or a coordinator) steers.
    dismissSuggestion: ['jurisdiction-admin'],
    proposeJointEffort: ['jurisdiction-admin'],
    proposeJointEffortFromSuggestion: ['jurisdiction-admin'],
    inviteToJointEffort: ['jurisdiction-admin'],
    joinJointEffort: ['jurisdiction-admin'],
    leaveJointEffort: ['jurisdiction-admin'],
    setJointEffortCostShares: ['jurisdiction-admin'],
    moveJointEffort: ['jurisdiction-admin'],
    // The seeking-partners board: a member's people post, answer and close their own.
    postPartnerSearch: WRITERS,
    answerPartnerSearch: WRITERS,
    closePartnerSearch: WRITERS,
    addFundingApplication: WRITERS,
    updateFundingApplication: WRITERS,
    moveFundingApplication: WRITERS,
    // Each user's own calendar link: every role of the jurisdiction may have one.
    createCalendarFeed: ['viewer', 'executive', ...WRITERS],
    rotateCalendarFeed: ['viewer', 'executive', ...WRITERS],
    revokeCalendarFeed: ['viewer', 'executive', ...WRITERS],
    // Each user's own saved searches and alert inbox: every role of the jurisdiction may keep them.
    saveSearch: ['viewer', 'executive', ...WRITERS],
    updateSavedSearch: ['viewer', 'executive', ...WRITERS],
    snoozeSavedSearch: ['viewer', 'executive', ...WRITERS],
    deleteSavedSearch: ['viewer', 'executive', ...WRITERS],
    sendSearchDigestNow: ['viewer', 'executive', ...WRITERS],
    markAlertsRead: ['viewer', 'executive', ...WRITERS],
    // Each user's own follows: every role of the jurisdiction may follow opportunities.
    followOpportunity: ['viewer', 'executive', ...WRITERS],
    updateFollow: ['viewer', 'executive', ...WRITERS],
    unfollowOpportunity: ['viewer', 'executive', ...WRITERS],
    // Sources of opportunities and their runs: the platform admin's alone.
    fundingSources: [],
    scoutingRuns: [],
    scoutingRun: [],
    addFundingSource: [],
    updateFundingSource: [],
    disableFundingSource: [],
    enableFundingSource: [],
    runFundingSource: [],
  };

  afterAll(async () => {
    await Promise.all([adminC, coordinator, otherCoordinator].filter(Boolean).map((u) => deleteTestUser(u.id)));
  });

  /**
   * The network dimension: every network operation as a member of A's
   * network (C's admin), a jurisdiction outside it (B's admin) and a
   * coordinator of another network. Outsiders are answered as if the
   * network did not exist and are never shown its name, ids or shared data.
   */
  it('gives a network member what grants allow, and a non-member or another network’s coordinator nothing', async () => {
    type Expected = 'ok' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT';
    const NETWORK_DIMENSION: Record<string, { member: Expected; nonMember: Expected; otherCoordinator: Expected; query?: string }> = {
      networks: { member: 'ok', nonMember: 'ok', otherCoordinator: 'ok' },
      network: { member: 'ok', nonMember: 'NOT_FOUND', otherCoordinator: 'NOT_FOUND' },
      sharingGrants: { member: 'ok', nonMember: 'ok', otherCoordinator: 'ok' },
      sharingPreview: { member: 'ok', nonMember: 'NOT_FOUND', otherCoordinator: 'NOT_FOUND' },
      networkSharedData: { member: 'ok', nonMember: 'NOT_FOUND', otherCoordinator: 'NOT_FOUND' },
      networkHeatMap: { member: 'ok', nonMember: 'NOT_FOUND', otherCoordinator: 'NOT_FOUND' },
      networkDelegationCalendar: { member: 'ok', nonMember: 'NOT_FOUND', otherCoordinator: 'NOT_FOUND' },
      sharingAccessLog: { member: 'ok', nonMember: 'ok', otherCoordinator: 'ok' },
      createNetwork: { member: 'FORBIDDEN', nonMember: 'FORBIDDEN', otherCoordinator: 'ok' },
      setNetworkCoordinators: { member: 'FORBIDDEN', nonMember: 'FORBIDDEN', otherCoordinator: 'NOT_FOUND' },
      inviteToNetwork: { member: 'FORBIDDEN', nonMember: 'FORBIDDEN', otherCoordinator: 'NOT_FOUND' },
      acceptNetworkInvitation: { member: 'CONFLICT', nonMember: 'NOT_FOUND', otherCoordinator: 'FORBIDDEN' },
      shareWithNetwork: { member: 'ok', nonMember: 'NOT_FOUND', otherCoordinator: 'FORBIDDEN' },
      revokeSharing: { member: 'NOT_FOUND', nonMember: 'NOT_FOUND', otherCoordinator: 'FORBIDDEN' },
      // Spotting: C is involved in the suggestion (its priority is evidence), so it may dismiss it and propose from it.
      networkSuggestions: { member: 'ok', nonMember: 'NOT_FOUND', otherCoordinator: 'NOT_FOUND' },
      dismissSuggestion: { member: 'ok', nonMember: 'NOT_FOUND', otherCoordinator: 'NOT_FOUND' },
      // Joint efforts: A leads net.effort, C is named in it; C proposes its own, joins and leaves A's, but does not steer it.
      jointEfforts: { member: 'ok', nonMember: 'NOT_FOUND', otherCoordinator: 'NOT_FOUND' },
      proposeJointEffort: { member: 'ok', nonMember: 'NOT_FOUND', otherCoordinator: 'FORBIDDEN' },
      proposeJointEffortFromSuggestion: { member: 'ok', nonMember: 'NOT_FOUND', otherCoordinator: 'FORBIDDEN' },
      inviteToJointEffort: { member: 'FORBIDDEN', nonMember: 'NOT_FOUND', otherCoordinator: 'NOT_FOUND' },
      setJointEffortCostShares: { member: 'FORBIDDEN', nonMember: 'NOT_FOUND', otherCoordinator: 'NOT_FOUND' },
      moveJointEffort: { member: 'FORBIDDEN', nonMember: 'NOT_FOUND', otherCoordinator: 'NOT_FOUND' },
      joinJointEffort: { member: 'ok', nonMember: 'NOT_FOUND', otherCoordinator: 'FORBIDDEN' },
      leaveJointEffort: { member: 'ok', nonMember: 'NOT_FOUND', otherCoordinator: 'FORBIDDEN' },
      // The board: C reads it, posts its own and answers A's post, but does not close A's.
      partnerSearches: { member: 'ok', nonMember: 'NOT_FOUND', otherCoordinator: 'NOT_FOUND' },
      postPartnerSearch: { member: 'ok', nonMember: 'NOT_FOUND', otherCoordinator: 'FORBIDDEN' },
      answerPartnerSearch: { member: 'ok', nonMember: 'NOT_FOUND', otherCoordinator: 'FORBIDDEN' },
      closePartnerSearch: { member: 'FORBIDDEN', nonMember: 'NOT_FOUND', otherCoordinator: 'FORBIDDEN' },
      // Last: the member leaves.
      leaveNetwork: { member: 'ok', nonMember: 'NOT_FOUND', otherCoordinator: 'FORBIDDEN' },
    };
    const operations = await schemaOperations();
    const networkOperations = operations.filter((name) => ['network', 'sharing', 'Network', 'Sharing', 'Suggestion', 'JointEffort', 'jointEffort', 'PartnerSearch', 'partnerSearch'].some((word) => name.includes(word)));
    expect(networkOperations.filter((name) => !(name in NETWORK_DIMENSION))).toEqual([]);

    // The member sees A's partners by name, as A granted.
    const seen = ok(await platform.graphql<{ networkSharedData: Array<{ jurisdictionId: string; partners: Array<{ name: string }> }> }>(await adminC.token(), CASES.networkSharedData?.query ?? '', { id: net.network }));
    expect(seen.networkSharedData.find((m) => m.jurisdictionId === jurisdictionA)?.partners.map((p) => p.name)).toContain(`${marker} Aarhus`);
    const before = await snapshotOfA();
    const actors = { nonMember: adminB, otherCoordinator, member: adminC } as const;
    const failures: string[] = [];
    for (const [name, expected] of Object.entries(NETWORK_DIMENSION)) {
      const c = CASES[name] as Case;
      for (const [who, user] of Object.entries(actors) as Array<[keyof typeof actors, TestUser]>) {
        const variables = c.variables?.() ?? {};
        const response = await platform.graphql(await user.token(), c.query, variables);
        const code = response.errors ? String(response.errors[0]?.extensions?.['code']) : 'ok';
        if (code !== expected[who]) failures.push(`${name} as ${who}: ${code} instead of ${expected[who]}: ${JSON.stringify(response).slice(0, 200)}`);
        if (who !== 'member') {
          const text = JSON.stringify(response);
          const sent = c.query + JSON.stringify(variables);
          const leaked = [marker, jurisdictionA, net.network, net.grant, net.suggestion, net.effort, net.search, ...Object.values(ids)].filter((secret) => secret && text.includes(secret) && !sent.includes(secret));
          if (leaked.length > 0) failures.push(`${name} as ${who}: answer reveals ${leaked.join(', ')}`);
        }
      }
    }
    expect(failures).toEqual([]);
    // C left last; A's data is as it was, its grant still current.
    expect(await snapshotOfA()).toEqual(before);
  }, 180_000);

  it('refuses every role of A that an operation does not allow, and changes nothing', async () => {
    const mutations = ok(await platform.graphql<{ __schema: { mutationType: { fields: Array<{ name: string }> } } }>(await viewerA.token(), `{ __schema { mutationType { fields { name } } } }`));
    // Every mutation has a rule here: a new one without it fails.
    expect(mutations.__schema.mutationType.fields.map((f) => f.name).filter((name) => !(name in ALLOWED))).toEqual([]);

    const before = await snapshotOfA();
    const members: Record<string, TestUser> = { viewer: viewerA, executive: executiveA, staff: staffA, 'jurisdiction-admin': adminA };
    const failures: string[] = [];
    let refusals = 0;
    for (const [name, allowed] of Object.entries(ALLOWED)) {
      const c = CASES[name] as Case;
      for (const [role, user] of Object.entries(members)) {
        if (allowed.includes(role)) continue;
        // Aimed at A's own records (the role check comes first, so nothing of A may change).
        const response = await platform.graphql(await user.token(), c.query, c.variables?.() ?? {});
        const code = response.errors?.[0]?.extensions?.['code'];
        if (code !== 'FORBIDDEN') failures.push(`${name} as ${role}: ${String(code ?? 'succeeded')}: ${JSON.stringify(response).slice(0, 200)}`);
        else refusals += 1;
      }
    }
    expect(failures).toEqual([]);
    expect(refusals).toBeGreaterThan(60);
    expect(await snapshotOfA()).toEqual(before);
  }, 180_000);
});
