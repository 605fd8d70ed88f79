import { Anchor, Badge, Button, Group, Modal, NumberInput, SegmentedControl, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Busy } from '../busy';
import { FITS, NEUTRAL, OVER, PENDING } from '../colors';
import { formatDate, formatMoney, formatNumber } from '../format';
import { graphql } from '../gql';
import type { VisitRequestInput, VisitRequestsQuery, VisitRequestStatus } from '../gql/graphql';
import { QueryError } from '../query-error';
import { ERROR_COLOUR, GeneralErrors, Notice, Section } from '../registry/feedback';
import { type FieldErrors, refusalOf } from '../registry/field-errors';
import { RecordNotFound } from '../registry/not-found';
import { useSession } from '../session';
import { PageTitle } from '../shell';
import { DateField } from './date-field';
import { FormErrors } from './form-errors';
import { usePlanningRoles } from './planning-roles';

const VisitRequestsQueryDocument = graphql(`
  query VisitRequests($status: VisitRequestStatus) {
    visitRequests(first: 100, status: $status) {
      totalCount
      nodes {
        id
        visitor
        organisation
        country
        sector
        purpose
        dateStart
        dateEnd
        delegationSize
        estimatedCost
        estimatedStaffDays
        status
        score
        explanation
        declineReason
        activityId
        planYear
        decidedBy
        decidedAt
        createdAt
      }
    }
  }
`);

const RecordVisitRequestMutation = graphql(`
  mutation RecordVisitRequest($input: VisitRequestInput!) {
    recordVisitRequest(input: $input) {
      id
      visitor
      score
      explanation
    }
  }
`);

const AcceptVisitRequestMutation = graphql(`
  mutation AcceptVisitRequest($id: ID!) {
    acceptVisitRequest(id: $id) {
      id
      status
      planYear
      activityId
    }
  }
`);

const DeclineVisitRequestMutation = graphql(`
  mutation DeclineVisitRequest($id: ID!, $reason: String!) {
    declineVisitRequest(id: $id, reason: $reason) {
      id
      status
    }
  }
`);

// The score and status badges keep their width; the sentence why is what gets cut (its whole text is the row's title and the dialog's).
const NO_WRAP = { whiteSpace: 'nowrap', width: '1%' } as const;
// A badge's label hides what overflows, so a narrow column squeezed it to "7" or "RE…": it keeps the width of its words.
const WHOLE_BADGE = { minWidth: 'max-content' } as const;

type VisitRow = VisitRequestsQuery['visitRequests']['nodes'][number];
type Filter = 'ALL' | VisitRequestStatus;

function scoreColour(score: number): string {
  return score >= 60 ? FITS : score >= 30 ? PENDING : OVER;
}

function statusColour(status: VisitRequestStatus): string {
  return status === 'ACCEPTED' ? FITS : status === 'DECLINED' ? OVER : NEUTRAL;
}

export default function VisitsPage() {
  const { t } = useTranslation();
  const { jurisdiction } = useSession();
  const { id } = useParams();
  const navigate = useNavigate();
  const { mayEdit } = usePlanningRoles();
  const [filter, setFilter] = useState<Filter>('ALL');
  const [{ data, error }, refetch] = useQuery({ query: VisitRequestsQueryDocument, variables: { status: filter === 'ALL' ? null : filter } });
  const [notice, setNotice] = useState<{ message: string; year?: number } | null>(null);
  if (error && !data) return <QueryError error={error} />;
  if (!data) return <Busy />;
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const opened = id ? data.visitRequests.nodes.find((visit) => visit.id === id) : undefined;
  if (id && !opened && filter === 'ALL') {
    return <RecordNotFound title={t('visitRequests.title')} message={t('visitRequests.notFound')} back={t('visitRequests.backToList')} to="/planning/visits" testId="visit-not-found" />;
  }
  const close = () => void navigate('/planning/visits');

  return (
    <>
      <PageTitle>{t('visitRequests.title')}</PageTitle>
      <Stack gap="lg">
        <section aria-labelledby="visits-heading">
          <Group justify="space-between" align="flex-end" mb="xs">
            <Title order={2} size="h4" id="visits-heading">
              {t('visitRequests.list', { count: data.visitRequests.totalCount })}
            </Title>
            <SegmentedControl
              aria-label={t('visitRequests.filter')}
              value={filter}
              onChange={(value) => setFilter(value as Filter)}
              data={(['ALL', 'RECEIVED', 'ACCEPTED', 'DECLINED'] as const).map((value) => ({ value, label: value === 'ALL' ? t('visitRequests.all') : t(`planningEnums.VisitRequestStatus.${value}`) }))}
            />
          </Group>
          {notice && (
            <Notice message={notice.message} onClose={() => setNotice(null)} />
          )}
          {notice?.year && (
            <Anchor component={Link} to={`/planning/plan/${notice.year}`} mb="sm" display="block">
              {t('visitRequests.openPlan', { year: notice.year })}
            </Anchor>
          )}
          {data.visitRequests.nodes.length === 0 ? (
            <Text>{t('visitRequests.none')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={860}>
              <Table striped data-testid="visit-requests">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('visitRequests.columns.visitor')}</Table.Th>
                    <Table.Th scope="col">{t('visitRequests.columns.dates')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('visitRequests.columns.score')}
                    </Table.Th>
                    <Table.Th scope="col">{t('visitRequests.columns.why')}</Table.Th>
                    <Table.Th scope="col">{t('visitRequests.columns.status')}</Table.Th>
                    <Table.Th scope="col">{t('visitRequests.columns.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.visitRequests.nodes.map((visit) => (
                    <Table.Tr key={visit.id} data-testid="visit-row" data-status={visit.status}>
                      <Table.Td>
                        <Text fw={600} size="sm">
                          {visit.visitor}
                        </Text>
                        <Text size="sm">{[visit.organisation, visit.country].filter(Boolean).join(', ')}</Text>
                      </Table.Td>
                      <Table.Td>{visit.dateStart === visit.dateEnd ? formatDate(visit.dateStart, jurisdiction) : `${formatDate(visit.dateStart, jurisdiction)} – ${formatDate(visit.dateEnd, jurisdiction)}`}</Table.Td>
                      <Table.Td ta="right" style={NO_WRAP}>
                        <Badge color={scoreColour(visit.score)} variant="filled" data-testid="visit-score" style={WHOLE_BADGE} aria-label={t('visitRequests.scoreLabel', { score: visit.score })}>
                          {visit.score}
                        </Badge>
                      </Table.Td>
                      <Table.Td maw={420}>
                        <Text size="sm" lineClamp={1} title={visit.explanation} data-testid="visit-explanation">
                          {visit.explanation}
                        </Text>
                      </Table.Td>
                      <Table.Td style={NO_WRAP}>
                        <Badge variant="outline" color={statusColour(visit.status)} style={WHOLE_BADGE}>
                          {t(`planningEnums.VisitRequestStatus.${visit.status}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Button size="xs" variant="default" component={Link} to={`/planning/visits/${visit.id}`} aria-label={visit.status === 'RECEIVED' && mayEdit ? t('visitRequests.decideNamed', { visitor: visit.visitor }) : t('visitRequests.openNamed', { visitor: visit.visitor })}>
                          {visit.status === 'RECEIVED' && mayEdit ? t('visitRequests.decide') : t('visitRequests.open')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </section>
        {mayEdit && (
          <Section id="record-visit-heading" title={t('visitRequests.record')}>
            <VisitForm
              onRecorded={(visitor, score) => {
                setNotice({ message: t('visitRequests.recorded', { visitor, score }) });
                reload();
              }}
            />
          </Section>
        )}
      </Stack>
      {opened && (
        <VisitDialog
          visit={opened}
          mayEdit={mayEdit}
          onClose={close}
          onDecided={(message, year) => {
            setNotice({ message, year });
            reload();
            close();
          }}
        />
      )}
    </>
  );
}

function VisitDialog({ visit, mayEdit, onClose, onDecided }: { visit: VisitRow; mayEdit: boolean; onClose: () => void; onDecided: (message: string, year?: number) => void }) {
  const { t } = useTranslation();
  const { jurisdiction } = useSession();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [declineErrors, setDeclineErrors] = useState<FieldErrors<'reason'>>({ byField: {}, general: [] });
  const [accepting, accept] = useMutation(AcceptVisitRequestMutation);
  const [declineResult, decline] = useMutation(DeclineVisitRequestMutation);
  const onAccept = async () => {
    const answer = await accept({ id: visit.id });
    if (answer.data) onDecided(t('visitRequests.accepted', { visitor: visit.visitor, year: answer.data.acceptVisitRequest.planYear }), answer.data.acceptVisitRequest.planYear ?? undefined);
  };
  const onDecline = async (event: FormEvent) => {
    event.preventDefault();
    setDeclineErrors({ byField: {}, general: [] });
    const answer = await decline({ id: visit.id, reason });
    if (answer.error) setDeclineErrors(refusalOf(['reason'] as const, answer.error));
    else onDecided(t('visitRequests.declined', { visitor: visit.visitor }));
  };
  const detail = (label: string, value: string | null | undefined) =>
    value ? (
      <Text size="sm">
        <strong>{label}:</strong> {value}
      </Text>
    ) : null;
  return (
    <Modal opened onClose={onClose} title={t('visitRequests.dialogTitle', { visitor: visit.visitor })} size="lg" closeButtonProps={{ 'aria-label': t('assets.close') }}>
      <Stack gap="sm">
        <Group gap="xs">
          <Badge color={scoreColour(visit.score)} variant="filled" size="lg">
            {t('visitRequests.scoreLabel', { score: visit.score })}
          </Badge>
          <Badge variant="outline" color={statusColour(visit.status)}>
            {t(`planningEnums.VisitRequestStatus.${visit.status}`)}
          </Badge>
        </Group>
        <Text data-testid="visit-explanation-full">{visit.explanation}</Text>
        {detail(t('visitRequests.fields.purpose'), visit.purpose)}
        {detail(t('visitRequests.fields.organisation'), visit.organisation)}
        {detail(t('visitRequests.fields.country'), visit.country)}
        {detail(t('visitRequests.fields.sector'), visit.sector)}
        {detail(t('visitRequests.columns.dates'), `${formatDate(visit.dateStart, jurisdiction)} – ${formatDate(visit.dateEnd, jurisdiction)}`)}
        {detail(t('visitRequests.fields.delegationSize'), visit.delegationSize != null ? formatNumber(visit.delegationSize, jurisdiction) : null)}
        {detail(t('visitRequests.fields.estimatedCost'), formatMoney(visit.estimatedCost, jurisdiction))}
        {detail(t('visitRequests.fields.estimatedStaffDays'), formatNumber(visit.estimatedStaffDays, jurisdiction))}
        {detail(t('visitRequests.declineReason'), visit.declineReason)}
        {visit.decidedBy && visit.decidedAt && detail(t('visitRequests.decidedBy'), `${visit.decidedBy}, ${formatDate(visit.decidedAt, jurisdiction)}`)}
        {visit.status === 'ACCEPTED' && visit.planYear != null && (
          <Anchor component={Link} to={`/planning/plan/${visit.planYear}`}>
            {t('visitRequests.openPlan', { year: visit.planYear })}
          </Anchor>
        )}
        {accepting.error && <QueryError error={accepting.error} />}
        {mayEdit && visit.status === 'RECEIVED' && !declining && (
          <Group justify="flex-end">
            <Button variant="outline" color="red.9" onClick={() => setDeclining(true)}>
              {t('visitRequests.decline')}
            </Button>
            <Button color={FITS} onClick={() => void onAccept()} loading={accepting.fetching}>
              {t('visitRequests.accept')}
            </Button>
          </Group>
        )}
        {mayEdit && visit.status === 'RECEIVED' && declining && (
          <form onSubmit={(event) => void onDecline(event)} noValidate style={ERROR_COLOUR}>
            <Stack gap="sm">
              <Textarea id="decline-reason" label={t('visitRequests.declineReason')} required autosize minRows={2} data-autofocus value={reason} onChange={(event) => setReason(event.currentTarget.value)} error={declineErrors.byField.reason} />
              <GeneralErrors messages={declineErrors.general} />
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setDeclining(false)}>
                  {t('plan.cancel')}
                </Button>
                <Button type="submit" color="red.9" loading={declineResult.fetching}>
                  {t('visitRequests.confirmDecline')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Modal>
  );
}

const VISIT_FIELDS = ['visitor', 'organisation', 'country', 'sector', 'purpose', 'dateStart', 'dateEnd', 'delegationSize', 'estimatedCost', 'estimatedStaffDays'] as const;
type VisitField = (typeof VISIT_FIELDS)[number];

interface VisitState {
  visitor: string;
  organisation: string;
  country: string;
  sector: string;
  purpose: string;
  dateStart: string;
  dateEnd: string;
  delegationSize: number | string;
  estimatedCost: number | string;
  estimatedStaffDays: number | string;
}

const EMPTY_VISIT: VisitState = { visitor: '', organisation: '', country: '', sector: '', purpose: '', dateStart: '', dateEnd: '', delegationSize: '', estimatedCost: '', estimatedStaffDays: '' };

function visitInputOf(state: VisitState): VisitRequestInput {
  const optional = (text: string) => (text.trim() === '' ? undefined : text.trim());
  const amount = (value: number | string) => (typeof value === 'number' ? value : undefined);
  return {
    visitor: state.visitor,
    organisation: optional(state.organisation),
    country: state.country.trim().toUpperCase(),
    sector: optional(state.sector),
    purpose: state.purpose,
    dateStart: state.dateStart,
    dateEnd: optional(state.dateEnd),
    delegationSize: amount(state.delegationSize),
    estimatedCost: amount(state.estimatedCost),
    estimatedStaffDays: amount(state.estimatedStaffDays),
  };
}

function VisitForm({ onRecorded }: { onRecorded: (visitor: string, score: number) => void }) {
  const { t } = useTranslation();
  const [state, setState] = useState<VisitState>(EMPTY_VISIT);
  const [errors, setErrors] = useState<FieldErrors<VisitField>>({ byField: {}, general: [] });
  const [result, record] = useMutation(RecordVisitRequestMutation);
  const set = <K extends keyof VisitState>(key: K, value: VisitState[K]) => setState((previous) => ({ ...previous, [key]: value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({ byField: {}, general: [] });
    const answer = await record({ input: visitInputOf(state) });
    if (answer.error || !answer.data) {
      if (answer.error) setErrors(refusalOf(VISIT_FIELDS, answer.error));
      return;
    }
    onRecorded(answer.data.recordVisitRequest.visitor, answer.data.recordVisitRequest.score);
    setState(EMPTY_VISIT);
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate style={ERROR_COLOUR} aria-label={t('visitRequests.record')}>
      <Stack gap="sm" maw={720}>
        <Group grow align="flex-start">
          <TextInput id="visit-visitor" label={t('visitRequests.fields.visitor')} required value={state.visitor} onChange={(event) => set('visitor', event.currentTarget.value)} error={errors.byField.visitor} />
          <TextInput id="visit-organisation" label={t('visitRequests.fields.organisation')} value={state.organisation} onChange={(event) => set('organisation', event.currentTarget.value)} error={errors.byField.organisation} />
        </Group>
        <Group grow align="flex-start">
          <TextInput id="visit-country" label={t('visitRequests.fields.country')} description={t('partners.hints.country')} required value={state.country} onChange={(event) => set('country', event.currentTarget.value)} error={errors.byField.country} />
          <TextInput id="visit-sector" label={t('visitRequests.fields.sector')} value={state.sector} onChange={(event) => set('sector', event.currentTarget.value)} error={errors.byField.sector} />
        </Group>
        <Textarea id="visit-purpose" label={t('visitRequests.fields.purpose')} required autosize minRows={2} value={state.purpose} onChange={(event) => set('purpose', event.currentTarget.value)} error={errors.byField.purpose} />
        <Group grow align="flex-start">
          <DateField id="visit-date-start" label={t('visitRequests.fields.dateStart')} required value={state.dateStart} onChange={(value) => set('dateStart', value)} error={errors.byField.dateStart} />
          <DateField id="visit-date-end" label={t('visitRequests.fields.dateEnd')} description={t('visitRequests.hints.dateEnd')} value={state.dateEnd} min={state.dateStart || undefined} onChange={(value) => set('dateEnd', value)} error={errors.byField.dateEnd} />
        </Group>
        <Group grow align="flex-start">
          <NumberInput id="visit-size" label={t('visitRequests.fields.delegationSize')} min={1} allowDecimal={false} value={state.delegationSize} onChange={(value) => set('delegationSize', value)} error={errors.byField.delegationSize} />
          <NumberInput id="visit-cost" label={t('visitRequests.fields.estimatedCost')} description={t('visitRequests.hints.estimatedCost')} min={0} value={state.estimatedCost} onChange={(value) => set('estimatedCost', value)} error={errors.byField.estimatedCost} />
          <NumberInput id="visit-staff-days" label={t('visitRequests.fields.estimatedStaffDays')} description={t('visitRequests.hints.estimatedStaffDays')} min={0} value={state.estimatedStaffDays} onChange={(value) => set('estimatedStaffDays', value)} error={errors.byField.estimatedStaffDays} />
        </Group>
        <FormErrors errors={errors} />
        <Group>
          <Button type="submit" loading={result.fetching}>
            {t('visitRequests.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
