import { Inject, Injectable } from '@nestjs/common';
import type { Connection, Model } from 'mongoose';
import { TenantRepository } from '@entente/persistence';
import { JurisdictionDirectory, type JurisdictionView, MONGO_CONNECTION } from '@entente/service-runtime';

/**
 * Which jurisdictions exist and what they are called, read from the
 * service's jurisdiction directory (the registry's profile events). A
 * profile is what a jurisdiction shows its networks (see the contract), so
 * reading it across jurisdictions is how a coordinator invites a member and
 * how a view names its members. The directory module compiles the model.
 */
@Injectable()
export class JurisdictionLookup extends TenantRepository<JurisdictionView> {
  constructor(@Inject(MONGO_CONNECTION) connection: Connection, _directory: JurisdictionDirectory) {
    super(connection.models.JurisdictionView as Model<JurisdictionView>);
  }

  async namesAcrossJurisdictions(jurisdictionIds: readonly string[]): Promise<Map<string, string>> {
    if (jurisdictionIds.length === 0) return new Map();
    const rows = await this.findAcrossJurisdictions<JurisdictionView>({ jurisdictionId: { $in: [...new Set(jurisdictionIds)] } }, { limit: 0, projection: { name: 1 } });
    return new Map(rows.map(({ record }) => [record.jurisdictionId, record.name]));
  }

  /** Name, level, country and Wikidata item of each jurisdiction found: the profile a jurisdiction shows its networks. */
  async profilesAcrossJurisdictions(jurisdictionIds: readonly string[]): Promise<Array<Pick<JurisdictionView, 'jurisdictionId' | 'name' | 'level' | 'country' | 'wikidataId'>>> {
    if (jurisdictionIds.length === 0) return [];
    const rows = await this.findAcrossJurisdictions<JurisdictionView>({ jurisdictionId: { $in: [...new Set(jurisdictionIds)] } }, { limit: 0, projection: { name: 1, level: 1, country: 1, wikidataId: 1 } });
    return rows.map(({ record }) => ({ jurisdictionId: record.jurisdictionId, name: record.name, level: record.level, country: record.country, wikidataId: record.wikidataId ?? null }));
  }

  /** Whether the jurisdiction was onboarded and not offboarded. */
  async existsAcrossJurisdictionsWithId(jurisdictionId: string): Promise<boolean> {
    return this.existsAcrossJurisdictions({ jurisdictionId });
  }
}
