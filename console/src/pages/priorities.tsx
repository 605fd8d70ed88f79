import { Alert, Button, Group, MultiSelect, Paper, Progress, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { Busy } from '../busy';
import { formatDate } from '../format';
import { graphql } from '../gql';
import type { PriorityFocus } from '../gql/graphql';
import { FITS, WARNING_TEXT } from '../colors';
import { QueryError } from '../query-error';
import { useCan, useSession } from '../session';
import { PageTitle } from '../shell';

const PrioritiesQuery = graphql(`
  query Priorities {
    priorities(status: ACTIVE, first: 100) {
      totalCount
      nodes {
        id
        title
        focus
        targetCountries
        createdAt
      }
    }
    priorityCap {
      active
      soft
      hard
      rule
    }
    strategy {
      goals {
        goalId
        title
      }
    }
  }
`);

const SetPriorityMutation = graphql(`
  mutation SetPriority($input: SetPriorityInput!) {
    setPriority(input: $input) {
      priority {
        id
        title
      }
      warnings
    }
  }
`);

const FOCUSES: PriorityFocus[] = ['SHARED_POLICY_PRIORITY', 'ECONOMIC_COMPLEMENTARITY', 'CULTURAL_TIES'];

export default function PrioritiesPage() {
  const { t } = useTranslation();
  const { jurisdiction } = useSession();
  const mayEdit = useCan('editPriorities');
  const [{ data, error }, refetch] = useQuery({ query: PrioritiesQuery });
  if (error) return <QueryError error={error} />;
  if (!data) return <Busy />;
  const cap = data.priorityCap;
  const overSoft = cap.active > cap.soft;
  return (
    <>
      <PageTitle>{t('priorities.title')}</PageTitle>
      <Stack gap="lg">
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="cap-heading">
          <Title order={2} size="h4" id="cap-heading">
            {t('priorities.cap')}
          </Title>
          <Text mt="xs" data-testid="priority-cap">
            {t('priorities.capText', { active: cap.active, soft: cap.soft, hard: cap.hard })}
          </Text>
          <Progress
            mt="xs"
            value={Math.min(100, (cap.active / cap.hard) * 100)}
            color={cap.active >= cap.hard ? 'red' : overSoft ? 'orange' : 'green'}
            aria-label={t('priorities.capText', { active: cap.active, soft: cap.soft, hard: cap.hard })}
          />
          <Text size="sm" c="dimmed" mt="xs">
            {cap.rule}
          </Text>
        </Paper>
        <section aria-labelledby="list-heading">
          <Title order={2} size="h4" id="list-heading" mb="xs">
            {t('priorities.list')}
          </Title>
          {data.priorities.nodes.length === 0 ? (
            <Text>{t('priorities.none')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={560}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('priorities.columns.title')}</Table.Th>
                    <Table.Th scope="col">{t('priorities.columns.focus')}</Table.Th>
                    <Table.Th scope="col">{t('priorities.columns.countries')}</Table.Th>
                    <Table.Th scope="col">{t('priorities.columns.since')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.priorities.nodes.map((priority) => (
                    <Table.Tr key={priority.id}>
                      <Table.Td>{priority.title}</Table.Td>
                      <Table.Td>{t(`enums.PriorityFocus.${priority.focus}`)}</Table.Td>
                      <Table.Td>{priority.targetCountries.join(', ')}</Table.Td>
                      <Table.Td>{formatDate(priority.createdAt, jurisdiction)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </section>
        {mayEdit && <SetPriorityForm goals={data.strategy.goals} onSaved={() => refetch({ requestPolicy: 'network-only' })} />}
      </Stack>
    </>
  );
}

function SetPriorityForm({ goals, onSaved }: { goals: ReadonlyArray<{ goalId: string; title: string }>; onSaved: () => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [goalIds, setGoalIds] = useState<string[]>([]);
  const [focus, setFocus] = useState<PriorityFocus>('SHARED_POLICY_PRIORITY');
  const [result, setPriority] = useMutation(SetPriorityMutation);
  const [saved, setSaved] = useState<{ title: string; warnings: readonly string[] } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const answer = await setPriority({ input: { title, goalIds, focus } });
    if (answer.data) {
      setSaved({ title: answer.data.setPriority.priority.title, warnings: answer.data.setPriority.warnings });
      setTitle('');
      setGoalIds([]);
      onSaved();
    }
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="add-heading">
      <Title order={2} size="h4" id="add-heading" mb="sm">
        {t('priorities.add')}
      </Title>
      <form onSubmit={(event) => void submit(event)}>
        <Stack gap="sm" maw={560}>
          <TextInput label={t('priorities.fields.title')} required value={title} onChange={(event) => setTitle(event.currentTarget.value)} />
          <MultiSelect
            label={t('priorities.fields.goals')}
            data={goals.map((goal) => ({ value: goal.goalId, label: goal.title }))}
            value={goalIds}
            onChange={setGoalIds}
          />
          <Select
            label={t('priorities.fields.focus')}
            data={FOCUSES.map((value) => ({ value, label: t(`enums.PriorityFocus.${value}`) }))}
            value={focus}
            onChange={(value) => value && setFocus(value as PriorityFocus)}
            allowDeselect={false}
          />
          <Group>
            <Button type="submit" loading={result.fetching}>
              {t('priorities.submit')}
            </Button>
          </Group>
          {result.error && <QueryError error={result.error} />}
          {saved && (
            <Stack gap="xs" role="status">
              <Alert color={FITS} variant="light">
                {t('priorities.saved', { title: saved.title })}
              </Alert>
              {saved.warnings.map((warning) => (
                <Alert key={warning} color={WARNING_TEXT} variant="light" title={t('priorities.warning')} data-testid="priority-warning">
                  {warning}
                </Alert>
              ))}
            </Stack>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
