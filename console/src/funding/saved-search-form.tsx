import { Button, Checkbox, Fieldset, Group, Modal, PasswordInput, Radio, Select, SimpleGrid, Stack, TagsInput, TextInput, Title } from '@mantine/core';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CombinedError, useMutation } from 'urql';
import { graphql } from '../gql';
import type { AlertCadence, SavedSearchFieldsFragment } from '../gql/graphql';
import { FormErrors, ListError } from '../planning/form-errors';
import { ERROR_COLOUR } from '../registry/feedback';
import type { FieldErrors } from '../registry/field-errors';
import { CriteriaFields } from './criteria-fields';
import { viewerTimeZone } from './funding-format';
import { criteriaOf, funderKindOf, NO_FILTERS, type SearchFilters } from './search-filters';

export const SavedSearchFields = graphql(`
  fragment SavedSearchFields on SavedSearch {
    id
    name
    criteria {
      keywords
      excludedKeywords
      statuses
      minAmount
      maxAmount
      currency
      minDaysToClose
      maxDaysToClose
      funderTypes
      themes
      countries
      applicantTypes
      eligibleOnly
      matchesMyPriorities
    }
    cadence {
      kind
      hour
      weekday
      timeZone
    }
    channels {
      inApp
      email
      emailTo
      webhook {
        url
        consecutiveFailures
        disabledAt
        disabledReason
      }
    }
    snoozedUntil
    unsubscribedAt
    nextDigestAt
    createdAt
    updatedAt
  }
`);

const SaveSearchMutation = graphql(`
  mutation SaveSearch($input: SavedSearchInput!) {
    saveSearch(input: $input) {
      notice
      search {
        ...SavedSearchFields
      }
    }
  }
`);

const UpdateSavedSearchMutation = graphql(`
  mutation UpdateSavedSearch($id: ID!, $input: SavedSearchInput!) {
    updateSavedSearch(id: $id, input: $input) {
      notice
      search {
        ...SavedSearchFields
      }
    }
  }
`);

/** The form's fields that the API's refusals name (criteria.* is shown at the criterion). */
const FIELDS = ['name', 'cadence.hour', 'cadence.weekday', 'cadence.timeZone', 'channels', 'channels.email', 'channels.webhook.url', 'channels.webhook.secret', 'criteria.applicantTypes', 'criteria.currency'] as const;

/** The API's refusal, each problem at the field it names (`criteria.countries[0]` at countries); what names none stays general. */
export function searchRefusalOf(error: CombinedError): FieldErrors<string> {
  const byField: Record<string, string> = {};
  const general: string[] = [];
  for (const graphQLError of error.graphQLErrors) {
    const problems = graphQLError.extensions?.['problems'];
    const listed = Array.isArray(problems) && problems.length > 0 ? (problems as Array<{ field?: string; message?: string }>) : [{ field: graphQLError.extensions?.['field'] as string | undefined, message: graphQLError.message }];
    for (const problem of listed) {
      const field = problem.field?.replace(/\[\d+\]/g, '').replace(/^input\./, '');
      const message = problem.message ?? graphQLError.message;
      const known = field && (field.startsWith('criteria.') || (FIELDS as readonly string[]).includes(field));
      if (known && field) byField[field] = byField[field] ? `${byField[field]}; ${message}` : message;
      else general.push(message);
    }
  }
  if (error.networkError) general.push(error.networkError.message);
  return { byField, general };
}

/** A saved search's criteria as the search screen's filters. */
export function filtersOf(criteria: SavedSearchFieldsFragment['criteria']): SearchFilters {
  return {
    keywords: criteria.keywords,
    excluded: criteria.excludedKeywords,
    statuses: criteria.statuses.map((status) => status.toUpperCase()) as SearchFilters['statuses'],
    funderTypes: criteria.funderTypes.map(funderKindOf),
    themes: criteria.themes,
    countries: criteria.countries,
    minAmount: criteria.minAmount ?? null,
    maxAmount: criteria.maxAmount ?? null,
    minDaysToClose: criteria.minDaysToClose ?? null,
    maxDaysToClose: criteria.maxDaysToClose ?? null,
    eligibleOnly: criteria.eligibleOnly,
    matchesMyPriorities: criteria.matchesMyPriorities,
  };
}

const HOURS = Array.from({ length: 24 }, (_, hour) => ({ value: String(hour), label: `${String(hour).padStart(2, '0')}:00` }));

/**
 * Creates or edits a saved search in a dialog: what it looks for, when it
 * sends (at once, or a daily or weekly digest at an hour of a time zone) and
 * where (the app, email, a signed webhook). `onSaved` gets the API's notice,
 * which says in plain words what the search will send.
 */
export function SavedSearchDialog({ editing, filters, onSaved, onClose }: { editing?: SavedSearchFieldsFragment; filters?: SearchFilters; onSaved: (notice: string, search: SavedSearchFieldsFragment) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const timeZones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);
  const [name, setName] = useState(editing?.name ?? '');
  const [criteria, setCriteria] = useState<SearchFilters>(editing ? filtersOf(editing.criteria) : (filters ?? NO_FILTERS));
  const [applicantTypes, setApplicantTypes] = useState<string[]>(editing?.criteria.applicantTypes ?? []);
  const [currency, setCurrency] = useState(editing?.criteria.currency ?? '');
  const [cadence, setCadence] = useState<AlertCadence>(editing?.cadence.kind ?? 'INSTANT');
  const [hour, setHour] = useState(String(editing?.cadence.hour ?? 8));
  const [weekday, setWeekday] = useState(String(editing?.cadence.weekday ?? 1));
  const [timeZone, setTimeZone] = useState(editing?.cadence.timeZone ?? viewerTimeZone());
  const [inApp, setInApp] = useState(editing?.channels.inApp ?? true);
  const [email, setEmail] = useState(editing?.channels.email ?? false);
  const [webhook, setWebhook] = useState(Boolean(editing?.channels.webhook));
  const [webhookUrl, setWebhookUrl] = useState(editing?.channels.webhook?.url ?? '');
  const [webhookSecret, setWebhookSecret] = useState('');
  const [errors, setErrors] = useState<FieldErrors<string>>({ byField: {}, general: [] });
  const [creating, create] = useMutation(SaveSearchMutation);
  const [updating, update] = useMutation(UpdateSavedSearchMutation);
  const at = (field: string) => errors.byField[field];
  const criteriaErrors = Object.fromEntries(Object.entries(errors.byField).flatMap(([field, message]) => (field.startsWith('criteria.') ? [[field.slice('criteria.'.length), message]] : [])));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({ byField: {}, general: [] });
    const input = {
      name,
      criteria: { ...criteriaOf(criteria), applicantTypes, currency: currency.trim() === '' ? null : currency.trim().toUpperCase() },
      cadence: { kind: cadence, ...(cadence !== 'INSTANT' && { hour: Number(hour), timeZone }), ...(cadence === 'WEEKLY' && { weekday: Number(weekday) }) },
      channels: { inApp, email, ...(webhook && { webhook: { url: webhookUrl, secret: webhookSecret } }) },
    };
    const answer = editing ? await update({ id: editing.id, input }) : await create({ input });
    if (answer.error) return setErrors(searchRefusalOf(answer.error));
    const saved = answer.data && ('updateSavedSearch' in answer.data ? answer.data.updateSavedSearch : answer.data.saveSearch);
    if (saved) onSaved(saved.notice, saved.search);
  };

  const title = editing ? t('savedSearches.form.editTitle', { name: editing.name }) : t('savedSearches.form.newTitle');
  return (
    <Modal opened onClose={onClose} title={title} size="xl" closeButtonProps={{ 'aria-label': t('fundingSearch.detail.close') }}>
      <form onSubmit={(event) => void onSubmit(event)} aria-label={title} noValidate style={ERROR_COLOUR} data-testid="saved-search-form">
        <Stack gap="md">
          <TextInput id="search-name" label={t('savedSearches.form.name')} value={name} onChange={(event) => setName(event.currentTarget.value)} error={at('name')} required data-autofocus />
          <Title order={3} size="h5">
            {t('savedSearches.form.criteria')}
          </Title>
          <CriteriaFields id="search-criteria" value={criteria} onChange={setCriteria} errors={criteriaErrors} keywordsHint={t('savedSearches.form.keywordsHint')} />
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <TagsInput id="search-applicant-types" label={t('savedSearches.form.applicantTypes')} description={t('savedSearches.form.applicantTypesHint')} value={applicantTypes} onChange={setApplicantTypes} error={at('criteria.applicantTypes')} />
            <TextInput id="search-currency" label={t('savedSearches.form.currency')} description={t('savedSearches.form.currencyHint')} value={currency} onChange={(event) => setCurrency(event.currentTarget.value)} error={at('criteria.currency')} maxLength={3} />
          </SimpleGrid>
          <Radio.Group label={t('savedSearches.form.cadence')} value={cadence} onChange={(value) => setCadence(value as AlertCadence)}>
            <Group mt={4}>
              {(['INSTANT', 'DAILY', 'WEEKLY'] as const).map((kind) => (
                <Radio key={kind} value={kind} label={t(`fundingEnums.cadence.${kind}`)} />
              ))}
            </Group>
          </Radio.Group>
          {cadence !== 'INSTANT' && (
            <SimpleGrid cols={{ base: 1, md: 3 }}>
              <Select id="search-hour" label={t('savedSearches.form.hour')} data={HOURS} value={hour} onChange={(value) => setHour(value ?? '8')} allowDeselect={false} error={at('cadence.hour')} />
              {cadence === 'WEEKLY' && (
                <Select
                  id="search-weekday"
                  label={t('savedSearches.form.weekday')}
                  data={['1', '2', '3', '4', '5', '6', '7'].map((day) => ({ value: day, label: t(`fundingEnums.weekday.${day}`) }))}
                  value={weekday}
                  onChange={(value) => setWeekday(value ?? '1')}
                  allowDeselect={false}
                  error={at('cadence.weekday')}
                />
              )}
              <Select id="search-time-zone" label={t('savedSearches.form.timeZone')} data={timeZones} searchable value={timeZone} onChange={(value) => setTimeZone(value ?? viewerTimeZone())} allowDeselect={false} error={at('cadence.timeZone')} />
            </SimpleGrid>
          )}
          <Fieldset legend={t('savedSearches.form.channels')} variant="unstyled" styles={{ legend: { fontWeight: 500, fontSize: 'var(--mantine-font-size-sm)' } }}>
            <Stack gap="xs" mt={4}>
              <Checkbox id="search-in-app" label={t('savedSearches.form.inApp')} checked={inApp} onChange={(event) => setInApp(event.currentTarget.checked)} />
              <Checkbox id="search-email" label={t('savedSearches.form.email')} checked={email} onChange={(event) => setEmail(event.currentTarget.checked)} error={at('channels.email')} />
              <Checkbox id="search-webhook" label={t('savedSearches.form.webhook')} checked={webhook} onChange={(event) => setWebhook(event.currentTarget.checked)} />
              <ListError message={at('channels')} />
            </Stack>
          </Fieldset>
          {webhook && (
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <TextInput id="search-webhook-url" type="url" label={t('savedSearches.form.webhookUrl')} value={webhookUrl} onChange={(event) => setWebhookUrl(event.currentTarget.value)} error={at('channels.webhook.url')} required />
              <PasswordInput
                id="search-webhook-secret"
                label={t('savedSearches.form.webhookSecret')}
                description={t('savedSearches.form.webhookSecretHint')}
                value={webhookSecret}
                onChange={(event) => setWebhookSecret(event.currentTarget.value)}
                error={at('channels.webhook.secret')}
                required
                autoComplete="new-password"
              />
            </SimpleGrid>
          )}
          <FormErrors errors={errors} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('savedSearches.cancel')}
            </Button>
            <Button type="submit" loading={creating.fetching || updating.fetching}>
              {t('savedSearches.form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
