import { ASSET_CATEGORIES, AssetCategory, assetTypesOf } from '../assets/asset-catalogue';
import { Magnitude } from '../assets/asset.rules';
import { RELATIONSHIP_STATUSES, RELATIONSHIP_TYPES, RelationshipStatus, RelationshipType } from '../relationships/relationship.rules';

/** What the summary reads of an asset; stored records carry more and are accepted as they are. */
export interface SummarisedAsset {
  category: AssetCategory;
  type: string;
  magnitude: Magnitude | null;
}

export interface SummarisedRelationship {
  type: RelationshipType;
  status: RelationshipStatus;
}

/** The sum of the figures that share a unit and currency; `assets` says how many figures went into it. */
export interface KeyFigure {
  unit: string;
  currency: string | null;
  total: number;
  assets: number;
}

export interface TypeSummary {
  type: string;
  count: number;
  keyFigures: KeyFigure[];
}

export interface StatusCount {
  status: RelationshipStatus;
  count: number;
}

/**
 * One row of Table 1. The existing-international-relationships row counts
 * relationships: `byType` holds relationship types and `byStatus` their
 * statuses; it has no key figures. The other rows have an empty `byStatus`.
 */
export interface TableOneRow {
  category: AssetCategory;
  count: number;
  byType: TypeSummary[];
  keyFigures: KeyFigure[];
  byStatus: StatusCount[];
}

const RELATIONSHIPS_ROW: AssetCategory = 'existing-international-relationships';

/** Running totals keyed by unit and currency, so euros never add to dollars nor jobs to people. */
class FigureTotals {
  private readonly totals = new Map<string, KeyFigure>();

  add(magnitude: Magnitude): void {
    const key = `${magnitude.unit}\u0000${magnitude.currency ?? ''}`;
    const figure = this.totals.get(key);
    if (figure) {
      figure.total += magnitude.value;
      figure.assets += 1;
    } else {
      this.totals.set(key, { unit: magnitude.unit, currency: magnitude.currency, total: magnitude.value, assets: 1 });
    }
  }

  /** Ordered by unit, then currency, so the same data always reads the same. */
  list(): KeyFigure[] {
    return [...this.totals.values()].sort(
      (a, b) => compareText(a.unit, b.unit) || compareText(a.currency ?? '', b.currency ?? ''),
    );
  }
}

interface TypeTally {
  count: number;
  figures: FigureTotals;
}

/**
 * The Table 1 summary: every category in catalogue order, every type listed
 * even at zero (an empty cell is information: nobody has recorded any yet),
 * in one pass over assets and one over relationships.
 */
export function summariseTableOne(assets: Iterable<SummarisedAsset>, relationships: Iterable<SummarisedRelationship>): TableOneRow[] {
  const categories = new Map<AssetCategory, { count: number; figures: FigureTotals; types: Map<string, TypeTally> }>();
  for (const category of ASSET_CATEGORIES) {
    const types = new Map<string, TypeTally>(assetTypesOf(category).map((type) => [type, { count: 0, figures: new FigureTotals() }]));
    categories.set(category, { count: 0, figures: new FigureTotals(), types });
  }

  for (const asset of assets) {
    const row = categories.get(asset.category);
    // Stored records were validated on the way in; a category unknown here would be data from a newer catalogue.
    if (!row) continue;
    row.count += 1;
    let tally = row.types.get(asset.type);
    if (!tally) {
      tally = { count: 0, figures: new FigureTotals() };
      row.types.set(asset.type, tally);
    }
    tally.count += 1;
    if (asset.magnitude) {
      row.figures.add(asset.magnitude);
      tally.figures.add(asset.magnitude);
    }
  }

  const relationshipTypes = new Map<string, number>(RELATIONSHIP_TYPES.map((type) => [type, 0]));
  const statuses = new Map<RelationshipStatus, number>(RELATIONSHIP_STATUSES.map((status) => [status, 0]));
  let relationshipCount = 0;
  for (const relationship of relationships) {
    relationshipCount += 1;
    relationshipTypes.set(relationship.type, (relationshipTypes.get(relationship.type) ?? 0) + 1);
    statuses.set(relationship.status, (statuses.get(relationship.status) ?? 0) + 1);
  }

  return ASSET_CATEGORIES.map((category): TableOneRow => {
    if (category === RELATIONSHIPS_ROW) {
      return {
        category,
        count: relationshipCount,
        byType: [...relationshipTypes].map(([type, count]) => ({ type, count, keyFigures: [] })),
        keyFigures: [],
        byStatus: [...statuses].map(([status, count]) => ({ status, count })),
      };
    }
    const row = categories.get(category) as { count: number; figures: FigureTotals; types: Map<string, TypeTally> };
    return {
      category,
      count: row.count,
      byType: [...row.types].map(([type, tally]) => ({ type, count: tally.count, keyFigures: tally.figures.list() })),
      keyFigures: row.figures.list(),
      byStatus: [],
    };
  });
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
