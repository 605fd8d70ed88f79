import { Badge, Button, Group, List, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { formatDate } from '../format';
import { graphql } from '../gql';
import { ERROR_COLOUR, GeneralErrors, Section } from '../registry/feedback';
import { type FieldErrors, refusalOf } from '../registry/field-errors';
import { useSession } from '../session';
import type { PlanView } from './activity-form';
import { DateField } from './date-field';

const AddOccasionMutation = graphql(`
  mutation AddOccasion($year: Int!, $input: OccasionInput!) {
    addOccasion(year: $year, input: $input) {
      version
    }
  }
`);

const RemoveOccasionMutation = graphql(`
  mutation RemoveOccasion($year: Int!, $occasionId: ID!) {
    removeOccasion(year: $year, occasionId: $occasionId) {
      version
    }
  }
`);

const OCCASION_FIELDS = ['date', 'title', 'occasions'] as const;

/** Special occasions of the plan year: round anniversaries of ties (found in the registry, read live) and the ones people add (Europe Day). */
export function Occasions({ year, plan, mayChange, onChanged }: { year: number; plan: PlanView; mayChange: boolean; onChanged: (notice: string) => void }) {
  const { t } = useTranslation();
  const { jurisdiction } = useSession();
  const [date, setDate] = useState('');
  const [title, setTitle] = useState('');
  const [errors, setErrors] = useState<FieldErrors<(typeof OCCASION_FIELDS)[number]>>({ byField: {}, general: [] });
  const [adding, addOccasion] = useMutation(AddOccasionMutation);
  const [, removeOccasion] = useMutation(RemoveOccasionMutation);
  const [removeError, setRemoveError] = useState<string[]>([]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({ byField: {}, general: [] });
    const answer = await addOccasion({ year, input: { date, title } });
    if (answer.error) {
      setErrors(refusalOf(OCCASION_FIELDS, answer.error));
      return;
    }
    onChanged(t('planSetup.occasionAdded', { title }));
    setDate('');
    setTitle('');
  };
  const remove = async (occasion: PlanView['occasions'][number]) => {
    setRemoveError([]);
    const answer = await removeOccasion({ year, occasionId: occasion.id });
    if (answer.error) setRemoveError([answer.error.graphQLErrors[0]?.message ?? answer.error.message]);
    else onChanged(t('planSetup.occasionRemoved', { title: occasion.title }));
  };
  return (
    <Section id="occasions-heading" title={t('planSetup.occasions')} testId="occasions">
      <Stack gap="sm">
        {plan.occasions.length === 0 ? (
          <Text>{t('planSetup.noOccasions')}</Text>
        ) : (
          <List spacing={4} listStyleType="none" p={0}>
            {plan.occasions.map((occasion) => {
              const anniversary = occasion.kind.toUpperCase() === 'ANNIVERSARY';
              return (
                <List.Item key={occasion.id} data-testid="occasion">
                  <Group gap="xs">
                    <Text fw={600}>{formatDate(occasion.date, jurisdiction)}</Text>
                    <Text>{occasion.title}</Text>
                    <Badge variant="outline" color="gray.8">
                      {anniversary ? t('planSetup.anniversary') : t('planSetup.added')}
                    </Badge>
                    {mayChange && !anniversary && (
                      <Button size="compact-xs" variant="outline" color="red.9" onClick={() => void remove(occasion)} aria-label={t('planSetup.removeOccasionNamed', { title: occasion.title })}>
                        {t('assets.remove')}
                      </Button>
                    )}
                  </Group>
                </List.Item>
              );
            })}
          </List>
        )}
        <GeneralErrors messages={removeError} />
        {mayChange && (
          <form onSubmit={(event) => void submit(event)} noValidate style={ERROR_COLOUR} aria-label={t('planSetup.addOccasion')}>
            <Group align="flex-start" grow maw={720}>
              <DateField id="occasion-date" label={t('planSetup.fields.occasionDate')} required value={date} min={plan.periodStart} max={plan.periodEnd} onChange={setDate} error={errors.byField.date} />
              <TextInput id="occasion-title" label={t('planSetup.fields.occasionTitle')} required value={title} onChange={(event) => setTitle(event.currentTarget.value)} error={errors.byField.title} />
            </Group>
            <GeneralErrors messages={[...errors.general, ...(errors.byField.occasions ? [errors.byField.occasions] : [])]} />
            <Button type="submit" mt="sm" variant="default" loading={adding.fetching}>
              {t('planSetup.addOccasion')}
            </Button>
          </form>
        )}
      </Stack>
    </Section>
  );
}
