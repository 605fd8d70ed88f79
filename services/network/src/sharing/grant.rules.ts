import { Problems, readChoice, readText } from '@entente/validation';
import { ASSET_CATEGORIES, fieldsOfScope, type GrantTerms, SHARING_SCOPES, type SharingScope } from './sharing-scopes';

/** What a person gives to share one scope with one network. */
export interface GrantInput {
  networkId?: unknown;
  scope?: unknown;
  fields?: unknown;
  assetCategories?: unknown;
}

export interface ParsedGrant extends GrantTerms {
  networkId: string;
}

/**
 * A grant as the rules accept it: a known scope, fields that scope defines
 * (left out: all of them), asset categories only for asset-categories. Each
 * problem names its field (`prefix` for grants given in a list, e.g. a preview's).
 */
export function parseGrant(input: GrantInput, prefix = ''): ParsedGrant {
  const problems = new Problems();
  const grant = readGrant(problems, input, prefix);
  problems.throwIfAny();
  return grant as ParsedGrant;
}

export function readGrant(problems: Problems, input: GrantInput, prefix: string): ParsedGrant | null {
  const at = (field: string) => (prefix ? `${prefix}.${field}` : field);
  const networkId = readText(problems, at('networkId'), input.networkId, { max: 100, required: true, singleLine: true });
  const scope = readChoice<SharingScope>(problems, at('scope'), input.scope, SHARING_SCOPES);
  if (scope === null || networkId === null) return null;
  const known = fieldsOfScope(scope);
  const fields = readNames(problems, at('fields'), input.fields, known, `fields of ${scope}`) ?? [...known];
  // Fields of another scope mean the scope or the fields were mistaken: say so at the scope too.
  const elsewhere = Array.isArray(input.fields) ? input.fields.filter((name): name is string => typeof name === 'string' && !known.includes(name) && SHARING_SCOPES.some((other) => fieldsOfScope(other).includes(name))) : [];
  if (elsewhere.length > 0) {
    const owners = SHARING_SCOPES.filter((other) => other !== scope && elsewhere.every((name) => fieldsOfScope(other).includes(name)));
    problems.add(at('scope'), `${scope} has no field ${elsewhere.join(', ')}${owners.length > 0 ? `: ${owners.join(' or ')} has; choose that scope or fields of ${scope}` : `; choose fields of ${scope}`}`);
  }
  let assetCategories: string[] | null = null;
  if (input.assetCategories !== undefined && input.assetCategories !== null) {
    if (scope !== 'asset-categories') problems.add(at('assetCategories'), `applies only to the asset-categories scope, not ${scope}`);
    else assetCategories = readNames(problems, at('assetCategories'), input.assetCategories, ASSET_CATEGORIES, 'asset categories');
    if (assetCategories !== null && assetCategories.length === 0) problems.add(at('assetCategories'), 'must name at least one category, or be left out to share every category');
  }
  return { networkId, scope, fields, assetCategories };
}

/** A list of names from a closed list, deduplicated; null when absent. */
function readNames(problems: Problems, field: string, value: unknown, known: readonly string[], what: string): string[] | null {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value)) {
    problems.add(field, 'must be a list');
    return null;
  }
  const names = new Set<string>();
  value.forEach((item: unknown, index) => {
    if (typeof item === 'string' && known.includes(item)) names.add(item);
    else problems.add(`${field}[${index}]`, known.length > 0 ? `must be one of the ${what}: ${known.join(', ')}` : `${what} has no fields yet; leave the list out`);
  });
  return [...names];
}

/** An optional network id a list is filtered by: text a person could have meant (no broken characters), or nothing. */
export function readNetworkFilter(value: unknown): string | undefined {
  const problems = new Problems();
  const networkId = readText(problems, 'networkId', value, { max: 100, singleLine: true });
  problems.throwIfAny();
  return networkId ?? undefined;
}
