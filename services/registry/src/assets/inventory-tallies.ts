import { Inject, Injectable, Optional } from '@nestjs/common';
import type { TenantScope } from '@entente/persistence';
import { builtOnly, InventoryVersionRepository, TallyState } from '../inventory-version/inventory-version.repository';
import type { PendingWrite } from '../inventory-version/inventory-version.schema';
import type { AssetTally, KeyFigure } from './table-one';
import {
  applyCountryChanges,
  applyIncrements,
  countryCellsOf,
  CountryTallies,
  HEAD_SIZE,
  HeadEntry,
  sectionSummariesOf,
  TABLE_ONE_PATH,
  tableOneCellsOf,
  talliesOf,
} from './asset-tallies';
import { AssetRepository } from './asset.repository';
import { PROFILE_SECTIONS, ProfileSection } from './profile-sections';

/** When a reader settles a pending write itself rather than leave it to its writer. */
export interface PendingWriteAges {
  /** A write seen in its asset's history but still pending this long: its writer died before settling it. */
  settleAfterMs: number;
  /** A write still not in its asset's history this long: it never applied (or its outcome was lost). */
  abandonAfterMs: number;
}

export const DEFAULT_PENDING_WRITE_AGES: PendingWriteAges = { settleAfterMs: 10_000, abandonAfterMs: 5 * 60_000 };

/** Overrides DEFAULT_PENDING_WRITE_AGES (tests that cannot wait minutes). */
export const PENDING_WRITE_AGES = Symbol('PENDING_WRITE_AGES');

/** One profile section as the tallies know it. */
export interface SectionTally {
  count: number;
  keyFigures: KeyFigure[];
  /** Its first assets in stored order, up to HEAD_SIZE. */
  head: HeadEntry[];
}

/**
 * The views' tallies of a jurisdiction's live assets (see asset-tallies),
 * read from its inventory version document instead of counted from every
 * asset: the kept tallies plus the changes of the writes still pending that
 * have happened (their id is in their asset's history). Tallies that are not
 * trusted (never counted yet, or given up on) are counted from scratch and
 * stored when no write began meanwhile.
 *
 * Readers also clean up after writers that died: a write that happened but
 * was never settled is settled once it is `settleAfterMs` old (younger, its
 * writer is probably about to); a write that never showed is given up once
 * `abandonAfterMs` old, and the tallies are counted again, since a write
 * that late could still land.
 */
@Injectable()
export class InventoryTallies {
  private readonly ages: PendingWriteAges;

  constructor(
    private readonly assets: AssetRepository,
    private readonly versions: InventoryVersionRepository,
    @Optional() @Inject(PENDING_WRITE_AGES) ages?: PendingWriteAges,
  ) {
    this.ages = ages ?? DEFAULT_PENDING_WRITE_AGES;
  }

  /** What the Table 1 summary is built from. */
  async tableOne(scope: TenantScope): Promise<AssetTally[]> {
    const state = await this.versions.tableOneState(scope);
    const cells = await this.kept(scope, state, {
      count: async () => tableOneCellsOf(await this.assets.tallies(scope)),
      store: (stamp, counted) => this.versions.storeTableOne(scope, stamp, counted),
      apply: (kept, write) => applyIncrements(kept, write.increments, TABLE_ONE_PATH),
    });
    return talliesOf(cells);
  }

  /** Each profile section of one country: count, key figures and first assets. */
  async country(scope: TenantScope, country: string): Promise<Record<ProfileSection, SectionTally>> {
    const state = await this.versions.countryState(scope, country);
    const store = (stamp: string, counted: CountryTallies) => this.versions.storeCountry(scope, stamp, state?.builtCountries ?? [], country, counted);
    let tallies = await this.kept(scope, state, {
      count: () => this.countCountry(scope, country),
      store,
      apply: (kept, write) => applyCountryChanges(kept, write, country),
    });
    let summaries = sectionSummariesOf(tallies.cells);
    // An asset left a head, which may now miss its section's next asset: count the country again.
    if (tallies.dirty || PROFILE_SECTIONS.some((section) => (tallies.heads[section] ?? []).length < Math.min(summaries[section].count, HEAD_SIZE))) {
      tallies = await this.countCountry(scope, country);
      summaries = sectionSummariesOf(tallies.cells);
      if (state !== null && state.pending.length === 0) await store(state.stamp, tallies);
    }
    const sections = {} as Record<ProfileSection, SectionTally>;
    for (const section of PROFILE_SECTIONS) {
      const { count, keyFigures } = summaries[section];
      sections[section] = { count, keyFigures, head: (tallies.heads[section] ?? []).slice(0, count) };
    }
    return sections;
  }

  /**
   * The kept tallies with the pending writes that happened applied; counted
   * from scratch when none are kept (and stored when nothing is pending).
   */
  private async kept<T>(
    scope: TenantScope,
    state: TallyState<T> | null,
    how: { count: () => Promise<T>; store: (stamp: string, counted: T) => Promise<boolean>; apply: (kept: T, write: PendingWrite) => T },
  ): Promise<T> {
    // No version document: no write since tallies came in (or ever); count, and keep nothing.
    if (state === null) return how.count();
    if (state.tallies === null) {
      const counted = await how.count();
      if (state.pending.length === 0) await how.store(state.stamp, counted);
      else await Promise.all(state.pending.map((write) => this.happened(scope, write, state.builtCountries)));
      return counted;
    }
    let tallies: T = state.tallies;
    for (const write of state.pending) {
      if (await this.happened(scope, write, state.builtCountries)) tallies = how.apply(tallies, write);
    }
    return tallies;
  }

  private async countCountry(scope: TenantScope, country: string): Promise<CountryTallies> {
    const [groups, heads] = await Promise.all([this.assets.tallies(scope, country), this.assets.countryHeads(scope, country, HEAD_SIZE)]);
    return { cells: countryCellsOf(groups), heads };
  }

  /** Whether a pending write happened; settles or abandons it when its writer is past doing so. */
  private async happened(scope: TenantScope, write: PendingWrite, builtCountries: readonly string[]): Promise<boolean> {
    const age = Date.now() - new Date(write.at).getTime();
    if (await this.assets.hasWrite(scope, write.assetId, write.writeId)) {
      if (age >= this.ages.settleAfterMs) await this.versions.settle(scope, { writeId: write.writeId, ...builtOnly(write, builtCountries) });
      return true;
    }
    if (age >= this.ages.abandonAfterMs) await this.versions.abandon(scope, write.writeId);
    return false;
  }
}
