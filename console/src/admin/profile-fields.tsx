import { Group, NumberInput, Select, Stack, TagsInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { JurisdictionLevel, JurisdictionProfileInput } from '../gql/graphql';
import type { FieldErrors } from '../registry/field-errors';

/** The profile's fields, as the registry names them in its refusals (services/registry/src/jurisdictions/jurisdiction.rules.ts). */
export const PROFILE_FIELDS = ['name', 'level', 'country', 'subdivision', 'wikidataId', 'timeZone', 'currency', 'fiscalYearStart', 'languages', 'population'] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

export const LEVELS: JurisdictionLevel[] = ['CITY', 'COUNTY', 'STATE_OR_PROVINCE', 'REGION', 'OTHER'];

export interface ProfileState {
  name: string;
  level: JurisdictionLevel;
  country: string;
  subdivision: string;
  wikidataId: string;
  timeZone: string;
  currency: string;
  fiscalYearStart: string;
  languages: string[];
  population: number | string;
}

interface ProfileLike {
  name: string;
  level: JurisdictionLevel;
  country: string;
  subdivision?: string | null;
  wikidataId?: string | null;
  timeZone: string;
  currency: string;
  fiscalYearStart: string;
  languages: readonly string[];
  population?: number | null;
}

/** A form's state from a stored profile; a new jurisdiction starts as a city with the calendar year. */
export function profileStateOf(profile?: ProfileLike): ProfileState {
  return {
    name: profile?.name ?? '',
    level: profile?.level ?? 'CITY',
    country: profile?.country ?? '',
    subdivision: profile?.subdivision ?? '',
    wikidataId: profile?.wikidataId ?? '',
    timeZone: profile?.timeZone ?? '',
    currency: profile?.currency ?? '',
    fiscalYearStart: profile?.fiscalYearStart ?? '01-01',
    languages: [...(profile?.languages ?? [])],
    population: profile?.population ?? '',
  };
}

/** What the form sends: required fields as typed (the API names what is wrong), an emptied optional field as null (it clears it). */
export function profileInputOf(state: ProfileState): JurisdictionProfileInput {
  const optional = (text: string) => (text.trim() === '' ? null : text.trim());
  return {
    name: state.name.trim(),
    level: state.level,
    country: state.country.trim().toUpperCase(),
    subdivision: optional(state.subdivision)?.toUpperCase() ?? null,
    wikidataId: optional(state.wikidataId),
    timeZone: state.timeZone.trim(),
    currency: state.currency.trim().toUpperCase(),
    fiscalYearStart: state.fiscalYearStart.trim(),
    languages: state.languages.map((language) => language.trim()),
    population: typeof state.population === 'number' ? state.population : null,
  };
}

/** The profile's inputs, each with the API's refusal at it; `prefix` keeps ids unique when two forms are on one page. */
export function ProfileFields({ prefix, state, onChange, errors, readOnly = false }: { prefix: string; state: ProfileState; onChange: (next: ProfileState) => void; errors: FieldErrors<ProfileField>; readOnly?: boolean }) {
  const { t } = useTranslation();
  const set = <K extends keyof ProfileState>(key: K, value: ProfileState[K]) => onChange({ ...state, [key]: value });
  const text = (field: 'name' | 'country' | 'subdivision' | 'wikidataId' | 'timeZone' | 'currency' | 'fiscalYearStart', required = false) => (
    <TextInput
      id={`${prefix}-${field}`}
      label={t(`admin.profile.fields.${field}`)}
      description={field === 'name' ? undefined : t(`admin.profile.hints.${field}`)}
      required={required}
      readOnly={readOnly}
      value={state[field]}
      onChange={(event) => set(field, event.currentTarget.value)}
      error={errors.byField[field]}
    />
  );
  return (
    <Stack gap="sm">
      <Group grow align="flex-start">
        {text('name', true)}
        <Select
          id={`${prefix}-level`}
          label={t('admin.profile.fields.level')}
          data={LEVELS.map((value) => ({ value, label: t(`admin.levels.${value}`) }))}
          value={state.level}
          onChange={(value) => value && set('level', value as JurisdictionLevel)}
          allowDeselect={false}
          readOnly={readOnly}
          error={errors.byField.level}
        />
      </Group>
      <Group grow align="flex-start">
        {text('country', true)}
        {text('subdivision')}
        {text('wikidataId')}
      </Group>
      <Group grow align="flex-start">
        {text('timeZone', true)}
        {text('currency', true)}
        {text('fiscalYearStart', true)}
      </Group>
      <Group grow align="flex-start">
        <TagsInput
          id={`${prefix}-languages`}
          label={t('admin.profile.fields.languages')}
          description={t('admin.profile.hints.languages')}
          value={state.languages}
          onChange={(value) => set('languages', value)}
          readOnly={readOnly}
          error={errors.byField.languages}
        />
        <NumberInput
          id={`${prefix}-population`}
          label={t('admin.profile.fields.population')}
          min={0}
          allowDecimal={false}
          thousandSeparator
          value={state.population}
          onChange={(value) => set('population', value)}
          readOnly={readOnly}
          error={errors.byField.population}
        />
      </Group>
    </Stack>
  );
}
