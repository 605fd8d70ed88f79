/**
 * Funding's public module, for tooling that runs its code in process (the
 * benchmarks in tools/bench): the Grants.gov extract's reader and generator,
 * and the ingest a scouting run does. Nothing else of funding is reachable
 * from outside it (Nx module boundaries).
 */
export type { ReadItem } from './connectors/connector';
export { readGrantsGovZip } from './connectors/grants-gov/grants-gov-extract.reader';
export { mapGrantsGovRecord } from './connectors/grants-gov/grants-gov.mapper';
export { SAMPLE_EXTRACT_TODAY, writeSampleExtractZip } from './connectors/grants-gov/sample-extract';
export { OpportunityRepository } from './opportunities/opportunity.repository';
export { type IngestOutcome, ScoutingIngest } from './scouting/scouting-ingest';
