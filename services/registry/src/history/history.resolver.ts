import { UseGuards } from '@nestjs/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { AuthenticatedGuard, CurrentIdentity, Identity, READER_ROLES, Roles, RolesGuard } from '@entente/auth';
import type { HistoryEntry as StoredEntry, HistoryValue } from '@entente/persistence';
import { HistoryEntry, RecordHistory, RecordTypeValue } from './history.model';
import { HistoryService } from './history.service';

@Resolver(() => RecordHistory)
@UseGuards(AuthenticatedGuard, RolesGuard)
export class HistoryResolver {
  constructor(private readonly history: HistoryService) {}

  @Query(() => RecordHistory, { description: 'Who changed what, when, of one partner, asset, relationship or engagement of your jurisdiction.' })
  @Roles(...READER_ROLES)
  async recordHistory(@CurrentIdentity() identity: Identity, @Args('id', { type: () => ID }) id: string): Promise<RecordHistory> {
    const { recordType, entries } = await this.history.of(identity, id);
    return { id, recordType: recordType as RecordTypeValue, entries: [...entries].reverse().map(toHistoryEntry) };
  }
}

function display(value: HistoryValue | undefined): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function toHistoryEntry(entry: StoredEntry): HistoryEntry {
  return {
    at: entry.at,
    by: entry.by,
    byName: entry.byName,
    action: entry.action,
    changes: entry.changes.map((change) => ({ field: change.field, from: display(change.from), to: display(change.to) })),
  };
}
