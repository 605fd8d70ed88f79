import type { QueryFilter } from 'mongoose';
import { Problems, unpairedSurrogateMessage } from '@entente/validation';
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

const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Text a person typed: no control characters, no half of a character. False (with a problem) when it is not. */
function typedText(problems: Problems, field: string, text: string): boolean {
  const broken = unpairedSurrogateMessage(text);
  if (broken !== null) problems.add(field, broken);
  else if (CONTROL_CHARACTER.test(text)) problems.add(field, 'holds a control character; type words, numbers and punctuation only');
  else return true;
  return false;
}

function validDate(problems: Problems, field: string, value: Date | null | undefined): Date | null {
  if (value === null || value === undefined) return null;
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    problems.add(field, 'is not a date-time; give one such as 2027-03-31T23:59:59Z');
    return null;
  }
  return value;
}

/** The store's filter for a search; bad input is reported naming the field. */
export function searchFilter(input: OpportunitySearchInput | null | undefined): QueryFilter<OpportunityRecord> {
  const problems = new Problems();
  const and: QueryFilter<OpportunityRecord>[] = [];
  const keywords = input?.keywords ?? '';
  const words = typedText(problems, 'keywords', keywords) ? keywords.split(/\s+/).filter((word) => word !== '' && word !== '-') : [];
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
    const tooLong = input.themes.findIndex((theme) => theme.length > MAX_WORD_LENGTH);
    if (tooLong >= 0) problems.add('themes', `a theme may have at most ${MAX_WORD_LENGTH} characters (theme ${tooLong + 1} has ${input.themes[tooLong]?.length})`);
    const typed = tooLong >= 0 ? [] : input.themes.filter((theme) => typedText(problems, 'themes', theme));
    const themes = typed.map((theme) => themeWord(theme)).filter((theme): theme is string => theme !== null);
    if (themes.length === 0 && !problems.count) problems.add('themes', 'name themes in words, such as regional-development');
    and.push({ themes: { $in: themes } });
  }
  const closesAfter = validDate(problems, 'closesAfter', input?.closesAfter);
  const closesBefore = validDate(problems, 'closesBefore', input?.closesBefore);
  const postedAfter = validDate(problems, 'postedAfter', input?.postedAfter);
  const closes: Record<string, Date> = {};
  if (closesAfter) closes['$gte'] = closesAfter;
  if (closesBefore) closes['$lte'] = closesBefore;
  if (closesAfter && closesBefore && closesAfter > closesBefore) problems.add('closesBefore', 'must not be before closesAfter');
  if (Object.keys(closes).length > 0) and.push({ closesAt: closes });
  if (postedAfter) and.push({ postedAt: { $gte: postedAfter } });
  if (input?.sourceId && input.sourceId.length > MAX_WORD_LENGTH) problems.add('sourceId', `a source id has at most ${MAX_WORD_LENGTH} characters`);
  else if (input?.sourceId && typedText(problems, 'sourceId', input.sourceId)) and.push({ sourceId: input.sourceId });
  problems.throwIfAny();
  return and.length > 0 ? ({ $and: and } as QueryFilter<OpportunityRecord>) : {};
}
