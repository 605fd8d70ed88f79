import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentIdentity, type Identity, READER_ROLES, Roles } from '@entente/auth';
import { PageArgsInput } from '@entente/service-runtime';
import { SavedSearch, SavedSearchConnection, SavedSearchInput, SavedSearchResult } from './saved-search.model';
import { toSavedSearch } from './saved-search.mapper';
import { SavedSearchService } from './saved-search.service';

/** Each user's own saved searches: any signed-in user of a jurisdiction keeps theirs; nobody reads or changes another's. */
@Resolver(() => SavedSearch)
export class SavedSearchResolver {
  constructor(private readonly searches: SavedSearchService) {}

  @Query(() => SavedSearchConnection, { description: 'Your saved searches, oldest first' })
  @Roles(...READER_ROLES)
  async savedSearches(@CurrentIdentity() identity: Identity, @Args() paging: PageArgsInput): Promise<SavedSearchConnection> {
    const page = await this.searches.list(identity, paging);
    return { ...page, nodes: page.nodes.map(toSavedSearch) };
  }

  @Query(() => SavedSearch)
  @Roles(...READER_ROLES)
  async savedSearch(@CurrentIdentity() identity: Identity, @Args('id', { type: () => ID }) id: string): Promise<SavedSearch> {
    return toSavedSearch(await this.searches.get(identity, id));
  }

  @Mutation(() => SavedSearchResult, { description: 'Saves a search that sends alerts; the answer says what it will send, where and when' })
  @Roles(...READER_ROLES)
  async saveSearch(@CurrentIdentity() identity: Identity, @Args('input') input: SavedSearchInput): Promise<SavedSearchResult> {
    const { search, notice } = await this.searches.save(identity, input);
    return { search: toSavedSearch(search), notice };
  }

  @Mutation(() => SavedSearchResult, { description: 'Replaces a search’s criteria, cadence and channels; also undoes an unsubscribe and re-enables a disabled webhook' })
  @Roles(...READER_ROLES)
  async updateSavedSearch(@CurrentIdentity() identity: Identity, @Args('id', { type: () => ID }) id: string, @Args('input') input: SavedSearchInput): Promise<SavedSearchResult> {
    const { search, notice } = await this.searches.update(identity, id, input);
    return { search: toSavedSearch(search), notice };
  }

  @Mutation(() => SavedSearch, { description: 'No alerts from this search until `until`; null wakes it now' })
  @Roles(...READER_ROLES)
  async snoozeSavedSearch(
    @CurrentIdentity() identity: Identity,
    @Args('id', { type: () => ID }) id: string,
    @Args('until', { type: () => Date, nullable: true }) until: Date | null,
  ): Promise<SavedSearch> {
    return toSavedSearch(await this.searches.snooze(identity, id, until ?? null));
  }

  @Mutation(() => Boolean, { description: 'Deletes the search; alerts already sent stay in your inbox' })
  @Roles(...READER_ROLES)
  deleteSavedSearch(@CurrentIdentity() identity: Identity, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.searches.remove(identity, id);
  }
}
