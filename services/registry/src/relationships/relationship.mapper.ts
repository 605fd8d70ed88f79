import { Relationship, RelationshipStatusValue, RelationshipTypeValue } from './relationship.model';
import type { RelationshipRecord } from './relationship.schema';

export function toRelationship(record: RelationshipRecord): Relationship {
  return {
    id: record.relationshipId,
    partnerId: record.partnerId,
    partnerName: record.partnerName,
    partnerCountry: record.partnerCountry,
    type: record.type as RelationshipTypeValue,
    status: record.status as RelationshipStatusValue,
    since: record.since,
    until: record.until,
    formalBasis: record.formalBasis,
    politicalCycle: record.politicalCycle,
    politicalChampion: record.politicalChampion,
    technicalOwner: record.technicalOwner,
    leadDepartment: record.leadDepartment,
    priorityIds: record.priorityIds,
    lastEngagementAt: record.lastEngagementAt,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}
