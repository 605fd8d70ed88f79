import type { RelationshipTally } from '../relationships/relationship-tally';
import { ASSET_CATEGORIES, AssetCategory, assetTypesOf } from './asset-catalogue';
import { RELATIONSHIP_STATUSES, RELATIONSHIP_TYPES, RelationshipStatus } from '../relationships/relationship.rules';

/**
 * A group of the jurisdiction's live assets, counted and summed by the
 * database: same category, type and figure unit and currency. Table 1 is
 * built from these rather than from every asset, so a read moves a few dozen
 * rows, not one per asset.
 */
export interface AssetTally {
  category: AssetCategory;
  type: string;
  /** The unit and currency of the group's figures; null for the assets recorded without one. */
  figure: { unit: string; currency: string | null } | null;
  count: number;
  /** The sum of the group's figure values (0 without a figure). */
  total: number;
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
export class FigureTotals {
  private readonly totals = new Map<string, KeyFigure>();

  add(unit: string, currency: string | null, total: number, assets: number): void {
    const key = `${unit}\u0000${currency ?? ''}`;
    const figure = this.totals.get(key);
    if (figure) {
      figure.total += total;
      figure.assets += assets;
    } else {
      this.totals.set(key, { unit, currency, total, assets });
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
 * in one pass over the asset tallies and one over the relationship tallies.
 */
export function summariseTableOne(assets: Iterable<AssetTally>, relationships: Iterable<RelationshipTally>): TableOneRow[] {
  const categories = new Map<AssetCategory, { count: number; figures: FigureTotals; types: Map<string, TypeTally> }>();
  for (const category of ASSET_CATEGORIES) {
    const types = new Map<string, TypeTally>(assetTypesOf(category).map((type) => [type, { count: 0, figures: new FigureTotals() }]));
    categories.set(category, { count: 0, figures: new FigureTotals(), types });
  }

  for (const group of assets) {
    const row = categories.get(group.category);
    // Stored records were validated on the way in; a category unknown here would be data from a newer catalogue.
    if (!row) continue;
    row.count += group.count;
    let tally = row.types.get(group.type);
    if (!tally) {
      tally = { count: 0, figures: new FigureTotals() };
      row.types.set(group.type, tally);
    }
    tally.count += group.count;
    if (group.figure) {
      row.figures.add(group.figure.unit, group.figure.currency, group.total, group.count);
      tally.figures.add(group.figure.unit, group.figure.currency, group.total, group.count);
    }
  }

  const relationshipTypes = new Map<string, number>(RELATIONSHIP_TYPES.map((type) => [type, 0]));
  const statuses = new Map<RelationshipStatus, number>(RELATIONSHIP_STATUSES.map((status) => [status, 0]));
  let relationshipCount = 0;
  for (const group of relationships) {
    relationshipCount += group.count;
    relationshipTypes.set(group.type, (relationshipTypes.get(group.type) ?? 0) + group.count);
    statuses.set(group.status, (statuses.get(group.status) ?? 0) + group.count);
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
