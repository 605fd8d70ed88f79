import type { QueryFilter } from 'mongoose';
import { Problems } from '@entente/validation';
import { themeWord } from './theme-words';
import type { OpportunityRecord } from './opportunity.schema';
import type { OpportunitySearchInput } from './opportunity.model';

const MAX_WORDS = 10;
const MAX_WORD_LENGTH = 100;
const TEXT_FIELDS = ['title', 'funder', 'reference', 'description'] as const;

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function anyField(word: string): QueryFilter<OpportunityRecord> {
  const pattern = new RegExp(escapeRegex(word), 'i');
  return { $or: TEXT_FIELDS.map((field) => ({ [field]: pattern })) } as QueryFilter<OpportunityRecord>;
}

/** The store's filter for a search; bad input is reported naming the field. */
export function searchFilter(input: OpportunitySearchInput | null | undefined): QueryFilter<OpportunityRecord> {
  const problems = new Problems();
  const and: QueryFilter<OpportunityRecord>[] = [];
  const words = (input?.keywords ?? '').split(/\s+/).filter((word) => word !== '' && word !== '-');
  if (words.length > MAX_WORDS) problems.add('keywords', `at most ${MAX_WORDS} words`);
  else if (words.some((word) => word.length > MAX_WORD_LENGTH)) problems.add('keywords', `a word may have at most ${MAX_WORD_LENGTH} characters`);
  else {
    for (const word of words) {
      if (word.startsWith('-')) and.push({ $nor: [anyField(word.slice(1))] } as QueryFilter<OpportunityRecord>);
      else and.push(anyField(word));
    }
  }
  if (input?.statuses?.length) and.push({ status: { $in: input.statuses } });
  if (input?.funderTypes?.length) and.push({ funderType: { $in: input.funderTypes } });
  if (input?.themes?.length) {
    if (input.themes.length > 30) problems.add('themes', 'at most 30 themes');
    const themes = input.themes.map((theme) => themeWord(theme)).filter((theme): theme is string => theme !== null);
    if (themes.length === 0 && !problems.count) problems.add('themes', 'name themes in words, such as regional-development');
    and.push({ themes: { $in: themes } });
  }
  const closes: Record<string, Date> = {};
  if (input?.closesAfter) closes['$gte'] = input.closesAfter;
  if (input?.closesBefore) closes['$lte'] = input.closesBefore;
  if (input?.closesAfter && input.closesBefore && input.closesAfter > input.closesBefore) problems.add('closesBefore', 'must not be before closesAfter');
  if (Object.keys(closes).length > 0) and.push({ closesAt: closes });
  if (input?.postedAfter) and.push({ postedAt: { $gte: input.postedAfter } });
  if (input?.sourceId) and.push({ sourceId: input.sourceId });
  problems.throwIfAny();
  return and.length > 0 ? ({ $and: and } as QueryFilter<OpportunityRecord>) : {};
}
