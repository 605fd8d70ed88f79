/**
 * Funding's public module, for tooling that runs its code in process (the
 * benchmarks in tools/bench, npm start's demo files): the Grants.gov
 * extract's reader and generator, the ingest a scouting run does, and the
 * saved-search index and criteria alerts test opportunities with. Nothing
 * else of funding is reachable from outside it (Nx module boundaries).
 */
export type { ReadItem } from './connectors/connector';
export { readGrantsGovZip } from './connectors/grants-gov/grants-gov-extract.reader';
export { mapGrantsGovRecord } from './connectors/grants-gov/grants-gov.mapper';
export { closeDateMovedOf, SAMPLE_EXTRACT_TODAY, type SampleGrantRecord, steadyOpenRecordId, writeSampleExtractZip } from './connectors/grants-gov/sample-extract';
export { OpportunityRepository } from './opportunities/opportunity.repository';
export { type IngestOutcome, ScoutingIngest } from './scouting/scouting-ingest';
export { SearchIndex } from './alerts/search-index';
export { asksJurisdiction, EMPTY_CRITERIA, jurisdictionAgrees, type JurisdictionQuestions, meetsCriteria, type SearchableOpportunity, type SearchCriteria } from './searches/search-criteria';
export { APPLICANT_TYPES, KNOWN_THEMES } from './opportunities/opportunity';
export { FUNDER_TYPES } from './funders/funder-types';
