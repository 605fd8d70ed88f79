import { Jurisdiction, JurisdictionLevelValue, JurisdictionStatusValue } from './jurisdiction.model';
import type { JurisdictionRecord } from './jurisdiction.schema';

export function toJurisdiction(record: JurisdictionRecord): Jurisdiction {
  return {
    id: record.jurisdictionId,
    name: record.name,
    level: record.level as JurisdictionLevelValue,
    country: record.country,
    subdivision: record.subdivision ?? null,
    wikidataId: record.wikidataId ?? null,
    timeZone: record.timeZone,
    currency: record.currency,
    fiscalYearStart: record.fiscalYearStart,
    languages: record.languages,
    population: record.population ?? null,
    status: record.status as JurisdictionStatusValue,
    statusReason: record.statusReason ?? null,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}
