import { Module } from '@nestjs/common';
import { SavedSearchRepository } from './saved-search.repository';
import { SavedSearchResolver } from './saved-search.resolver';
import { SavedSearchService } from './saved-search.service';

/** Each user's saved searches (criteria, cadence, channels); alerts/ evaluates them. */
@Module({
  providers: [SavedSearchRepository, SavedSearchService, SavedSearchResolver],
  exports: [SavedSearchRepository],
})
export class SearchesModule {}
