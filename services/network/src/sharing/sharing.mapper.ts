import type { CalendarEntry, HeatCell, MemberCopies } from './network-views';
import type { SharedCopy, SharingScope } from './sharing-scopes';
import type {
  MemberSharedData,
  NetworkCalendarEntry,
  NetworkHeatCell,
  SharedActivity,
  SharedAsset,
  SharedPartner,
  SharedPriority,
  SharedRelationship,
  SharingAccessEntry,
  SharingGrant,
} from './sharing.model';
import type { AccessLogRecord, GrantRecord } from './sharing.schema';

export function toGrant(record: GrantRecord): SharingGrant {
  return {
    id: record.grantId,
    networkId: record.networkId,
    scope: record.scope,
    fields: [...record.fields],
    assetCategories: record.assetCategories ? ([...record.assetCategories] as SharingGrant['assetCategories']) : null,
    grantedAt: record.grantedAt,
    grantedBy: record.grantedBy,
    revokedAt: record.revokedAt,
    current: record.revokedAt === null,
  };
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const texts = (value: unknown): string[] | null => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : null);
const num = (value: unknown): number | null => (typeof value === 'number' ? value : null);

/** One member's copies as the API shows them (the preview and every view share this). */
export function toMemberSharedData(member: MemberCopies, name: string, scopes: readonly SharingScope[]): MemberSharedData {
  const of = (kind: SharedCopy['kind']) => member.copies.filter((copy) => copy.kind === kind);
  return {
    jurisdictionId: member.jurisdictionId,
    name,
    scopes: [...scopes],
    partners: of('partner').map(({ recordId, fields: f }): SharedPartner => ({ id: recordId, name: text(f['name']), kind: text(f['kind']), country: text(f['country']), wikidataId: text(f['wikidataId']) })),
    relationships: of('relationship').map(
      ({ recordId, fields: f }): SharedRelationship => ({
        id: recordId,
        partnerName: text(f['partnerName']),
        partnerCountry: text(f['partnerCountry']),
        type: text(f['type']),
        status: text(f['status']),
        since: text(f['since']),
        until: text(f['until']),
        leadDepartment: text(f['leadDepartment']),
      }),
    ),
    priorities: of('priority').map(
      ({ recordId, fields: f }): SharedPriority => ({
        id: recordId,
        title: text(f['title']),
        focus: text(f['focus']),
        goalKinds: texts(f['goalKinds']),
        countries: texts(f['countries']),
        sectors: texts(f['sectors']),
        themes: texts(f['themes']),
        sdgs: Array.isArray(f['sdgs']) ? (f['sdgs'] as unknown[]).filter((v): v is number => typeof v === 'number') : null,
      }),
    ),
    activities: of('activity').map(({ recordId, fields: f }): SharedActivity => {
      const cost = f['cost'] && typeof f['cost'] === 'object' ? (f['cost'] as Record<string, unknown>) : null;
      return {
        id: recordId,
        year: num(f['year']),
        title: text(f['title']),
        type: text(f['type']),
        mode: text(f['mode']),
        frequency: text(f['frequency']),
        status: text(f['status']),
        country: text(f['country']),
        city: text(f['city']),
        windowStart: text(f['windowStart']),
        windowEnd: text(f['windowEnd']),
        costAmount: num(cost?.['amount']),
        costCurrency: text(cost?.['currency']),
      };
    }),
    assets: of('asset').map(({ recordId, fields: f }): SharedAsset => {
      const magnitude = f['magnitude'] && typeof f['magnitude'] === 'object' ? (f['magnitude'] as Record<string, unknown>) : null;
      return {
        id: recordId,
        category: text(f['category']),
        type: text(f['type']),
        countries: texts(f['countries']),
        sectors: texts(f['sectors']),
        name: text(f['name']),
        description: text(f['description']),
        magnitudeValue: num(magnitude?.['value']),
        magnitudeUnit: text(magnitude?.['unit']),
        sourceOrganisation: text(f['sourceOrganisation']),
        asOf: text(f['asOf']),
      };
    }),
  };
}

export function toHeatCell(cell: HeatCell, names: Map<string, string>): NetworkHeatCell {
  return { ...cell, memberName: names.get(cell.jurisdictionId) ?? cell.jurisdictionId };
}

export function toCalendarEntry(entry: CalendarEntry, names: Map<string, string>): NetworkCalendarEntry {
  return { ...entry, memberName: names.get(entry.jurisdictionId) ?? entry.jurisdictionId };
}

export function toAccessEntry(record: AccessLogRecord): SharingAccessEntry {
  const { networkId, readerUserId, readerUsername, readerJurisdictionId, view, scopes, recordCount, at } = record;
  return { networkId, readerUserId, readerUsername, readerJurisdictionId, view: view as SharingAccessEntry['view'], scopes: [...scopes], recordCount, at };
}
