import { Checkbox, Group, MultiSelect, NumberInput, SimpleGrid, Stack, TagsInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FunderKind, OpportunityStatus } from '../gql/graphql';
import type { SearchFilters } from './search-filters';

const STATUSES: OpportunityStatus[] = ['FORECASTED', 'OPEN', 'CLOSED', 'ARCHIVED'];
const FUNDER_KINDS: FunderKind[] = ['NATIONAL', 'STATE', 'EU', 'EMBASSY_OR_HIGH_COMMISSION', 'TRUST_OR_FOUNDATION', 'INTERNATIONAL_ORGANISATION', 'CORPORATE'];

/** A refusal per criterion, by the criteria's field names (keywords, excludedKeywords, countries, minAmount, …). */
export type CriteriaErrors = Partial<Record<string, string>>;

const numberOrNull = (value: string | number): number | null => (typeof value === 'number' ? value : null);

/**
 * The controls of what a search looks for, the same on the search screen
 * and in a saved search: keywords with exclusions, status, funder types,
 * themes, countries, the award range, the deadline window, eligibility and
 * the fit with our priorities. `keywordsHint` says how keywords combine
 * there (all of them in the search, any one in a saved search).
 */
export function CriteriaFields({ id, value, onChange, errors = {}, keywordsHint }: { id: string; value: SearchFilters; onChange: (next: SearchFilters) => void; errors?: CriteriaErrors; keywordsHint: string }) {
  const { t } = useTranslation();
  const set = <K extends keyof SearchFilters>(key: K, next: SearchFilters[K]) => onChange({ ...value, [key]: next });
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <TagsInput id={`${id}-keywords`} label={t('fundingSearch.keywords')} description={keywordsHint} value={value.keywords} onChange={(next) => set('keywords', next)} error={errors['keywords']} clearable={false} />
        <TagsInput id={`${id}-excluded`} label={t('fundingSearch.excluded')} description={t('fundingSearch.excludedHint')} value={value.excluded} onChange={(next) => set('excluded', next)} error={errors['excludedKeywords']} />
        <MultiSelect
          id={`${id}-statuses`}
          label={t('fundingSearch.statuses')}
          data={STATUSES.map((status) => ({ value: status, label: t(`fundingEnums.status.${status}`) }))}
          value={value.statuses}
          onChange={(next) => set('statuses', next as OpportunityStatus[])}
          error={errors['statuses']}
        />
        <MultiSelect
          id={`${id}-funder-types`}
          label={t('fundingSearch.funderTypes')}
          data={FUNDER_KINDS.map((kind) => ({ value: kind, label: t(`fundingEnums.funderType.${kind}`) }))}
          value={value.funderTypes}
          onChange={(next) => set('funderTypes', next as FunderKind[])}
          error={errors['funderTypes']}
        />
        <TagsInput id={`${id}-themes`} label={t('fundingSearch.themes')} description={t('fundingSearch.themesHint')} value={value.themes} onChange={(next) => set('themes', next)} error={errors['themes']} />
        <TagsInput id={`${id}-countries`} label={t('fundingSearch.countries')} description={t('fundingSearch.countriesHint')} value={value.countries} onChange={(next) => set('countries', next.map((code) => code.toUpperCase()))} error={errors['countries']} />
        <NumberInput id={`${id}-min-amount`} label={t('fundingSearch.minAmount')} description={t('fundingSearch.amountHint')} min={0} thousandSeparator value={value.minAmount ?? ''} onChange={(next) => set('minAmount', numberOrNull(next))} error={errors['minAmount']} />
        <NumberInput id={`${id}-max-amount`} label={t('fundingSearch.maxAmount')} description={t('fundingSearch.amountHint')} min={0} thousandSeparator value={value.maxAmount ?? ''} onChange={(next) => set('maxAmount', numberOrNull(next))} error={errors['maxAmount']} />
        <NumberInput id={`${id}-min-days`} label={t('fundingSearch.minDays')} min={0} allowDecimal={false} value={value.minDaysToClose ?? ''} onChange={(next) => set('minDaysToClose', numberOrNull(next))} error={errors['minDaysToClose']} />
        <NumberInput id={`${id}-max-days`} label={t('fundingSearch.maxDays')} min={0} allowDecimal={false} value={value.maxDaysToClose ?? ''} onChange={(next) => set('maxDaysToClose', numberOrNull(next))} error={errors['maxDaysToClose']} />
      </SimpleGrid>
      <Group gap="xl">
        <Checkbox id={`${id}-eligible`} label={t('fundingSearch.eligibleOnly')} description={t('fundingSearch.eligibleOnlyHint')} checked={value.eligibleOnly} onChange={(event) => set('eligibleOnly', event.currentTarget.checked)} />
        <Checkbox id={`${id}-priorities`} label={t('fundingSearch.matchesPriorities')} checked={value.matchesMyPriorities} onChange={(event) => set('matchesMyPriorities', event.currentTarget.checked)} />
      </Group>
    </Stack>
  );
}
