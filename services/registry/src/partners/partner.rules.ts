import { isIsoCountryCode, PARTNER_KINDS, PartnerKind } from '@entente/contracts';
import { FieldProblem, ValidationError } from '@entente/errors';

export const PARTNER_NAME_MAX_LENGTH = 200;

export interface RegisterPartnerCommand {
  name: string;
  kind: PartnerKind;
  country: string;
}

/**
 * Checks and normalises what a person typed: names are trimmed with inner
 * whitespace collapsed; a country code is accepted in either case and stored
 * upper-case. Every problem is reported at once, each naming its field.
 */
export function parseRegisterPartner(input: { name: string; kind: string; country: string }): RegisterPartnerCommand {
  const problems: FieldProblem[] = [];
  const name = input.name.replace(/\s+/g, ' ').trim();
  if (name.length === 0) problems.push({ field: 'name', message: 'must not be empty' });
  if (name.length > PARTNER_NAME_MAX_LENGTH) {
    problems.push({ field: 'name', message: `must be at most ${PARTNER_NAME_MAX_LENGTH} characters (got ${name.length})` });
  }
  if (!(PARTNER_KINDS as readonly string[]).includes(input.kind)) {
    problems.push({ field: 'kind', message: `must be one of ${PARTNER_KINDS.join(', ')}` });
  }
  const country = input.country.trim().toUpperCase();
  if (!isIsoCountryCode(country)) {
    problems.push({
      field: 'country',
      message: `"${input.country}" is not an ISO 3166-1 alpha-2 country code; use two letters such as DE, NZ or US`,
    });
  }
  if (problems.length > 0) throw new ValidationError(problems);
  return { name, kind: input.kind as PartnerKind, country };
}
