import { Badge, Button, Checkbox, Group, List, Modal, NumberInput, Paper, Select, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { Busy } from '../busy';
import { formatDate, formatNumber } from '../format';
import { graphql } from '../gql';
import type { GovernanceModel, LocalGoalKind, StrategyEditorQuery, StrategyInput } from '../gql/graphql';
import { QueryError } from '../query-error';
import { ERROR_COLOUR, GeneralErrors, Notice, Section } from '../registry/feedback';
import { type FieldErrors, refusalOf } from '../registry/field-errors';
import { useSession } from '../session';
import { PageTitle } from '../shell';
import { DateField } from './date-field';
import { errorAt, FormErrors, ListError, missingNumbers } from './form-errors';
import { usePlanningRoles } from './planning-roles';

const StrategyEditorQueryDocument = graphql(`
  query StrategyEditor {
    localGoalTypes {
      kind
      title
      examples
    }
    strategy {
      goals {
        goalId
        kind
        title
        statement
        indicators
      }
      governanceModel
      executiveSponsor {
        name
        role
      }
      advisoryGroups {
        groupId
        name
        purpose
        members {
          name
          sector
          organisation
        }
        meetings {
          meetingId
          date
          notes
        }
      }
      nationalPolicyAlignment
      staffFte
      staffFteIsDefault
      priorityCapOverride {
        soft
        hard
      }
      updatedAt
    }
    priorityCap {
      active
      soft
      hard
    }
  }
`);

const SaveStrategyMutation = graphql(`
  mutation SaveStrategy($input: StrategyInput!) {
    saveStrategy(input: $input) {
      updatedAt
    }
  }
`);

const RecordAdvisoryMeetingMutation = graphql(`
  mutation RecordAdvisoryMeeting($groupId: ID!, $date: String!, $notes: String!) {
    recordAdvisoryMeeting(groupId: $groupId, date: $date, notes: $notes) {
      updatedAt
    }
  }
`);

type Strategy = StrategyEditorQuery['strategy'];
type GroupRow = Strategy['advisoryGroups'][number];

const GOVERNANCE_MODELS: GovernanceModel[] = ['CENTRAL_OFFICE', 'INTERDEPARTMENTAL_WORKING_GROUP', 'EXTERNAL_COMMITTEE'];

/** localGoalTypes names its kinds in kebab case (economic-development-and-trade); the input takes the enum. */
export function goalKindOf(kind: string): LocalGoalKind {
  return kind.toUpperCase().replace(/-/g, '_') as LocalGoalKind;
}

interface GoalState {
  key: string;
  goalId?: string;
  kind: LocalGoalKind;
  title: string;
  statement: string;
  indicators: string[];
}

interface MemberState {
  key: string;
  name: string;
  sector: string;
  organisation: string;
}

interface GroupState {
  key: string;
  groupId?: string;
  name: string;
  purpose: string;
  members: MemberState[];
}

interface FormState {
  goals: GoalState[];
  governanceModel: GovernanceModel | null;
  sponsorName: string;
  sponsorRole: string;
  groups: GroupState[];
  nationalPolicyAlignment: string;
  staffFte: number | string;
  capOverride: boolean;
  soft: number | string;
  hard: number | string;
}

let keys = 0;
const newKey = () => `new-${(keys += 1)}`;

function initialState(strategy: Strategy): FormState {
  return {
    goals: strategy.goals.map((goal) => ({ key: goal.goalId, goalId: goal.goalId, kind: goal.kind, title: goal.title, statement: goal.statement, indicators: [...goal.indicators] })),
    governanceModel: strategy.governanceModel ?? null,
    sponsorName: strategy.executiveSponsor?.name ?? '',
    sponsorRole: strategy.executiveSponsor?.role ?? '',
    groups: strategy.advisoryGroups.map((group) => ({
      key: group.groupId,
      groupId: group.groupId,
      name: group.name,
      purpose: group.purpose ?? '',
      members: group.members.map((member) => ({ key: newKey(), name: member.name, sector: member.sector, organisation: member.organisation ?? '' })),
    })),
    nationalPolicyAlignment: strategy.nationalPolicyAlignment ?? '',
    staffFte: strategy.staffFteIsDefault ? '' : strategy.staffFte,
    capOverride: strategy.priorityCapOverride != null,
    soft: strategy.priorityCapOverride?.soft ?? '',
    hard: strategy.priorityCapOverride?.hard ?? '',
  };
}

const optional = (text: string) => (text.trim() === '' ? undefined : text.trim());
const numberOr = (value: number | string) => (typeof value === 'number' ? value : value.trim() === '' ? undefined : Number(value));

/** The whole strategy as saveStrategy takes it (it replaces what was saved); groups keep their meetings by leaving them out. */
function inputOf(state: FormState): StrategyInput {
  const sponsor = state.sponsorName.trim() !== '' || state.sponsorRole.trim() !== '';
  return {
    goals: state.goals.map((goal) => ({ goalId: goal.goalId, kind: goal.kind, title: goal.title, statement: goal.statement, indicators: goal.indicators })),
    governanceModel: state.governanceModel ?? undefined,
    executiveSponsor: sponsor ? { name: state.sponsorName, role: state.sponsorRole } : undefined,
    advisoryGroups: state.groups.map((group) => ({
      groupId: group.groupId,
      name: group.name,
      purpose: optional(group.purpose),
      members: group.members.map((member) => ({ name: member.name, sector: member.sector, organisation: optional(member.organisation) })),
    })),
    nationalPolicyAlignment: optional(state.nationalPolicyAlignment),
    staffFte: numberOr(state.staffFte),
    priorityCapOverride: state.capOverride ? { soft: Number(state.soft), hard: Number(state.hard) } : undefined,
  };
}

/** Every input path the API may name for this form's state (goals[0].title …), so its refusal lands at the control. */
function fieldsOf(state: FormState): string[] {
  const fields = ['goals', 'governanceModel', 'executiveSponsor', 'executiveSponsor.name', 'executiveSponsor.role', 'advisoryGroups', 'nationalPolicyAlignment', 'staffFte', 'priorityCapOverride', 'priorityCapOverride.soft', 'priorityCapOverride.hard'];
  state.goals.forEach((goal, i) => {
    fields.push(...['', '.goalId', '.kind', '.title', '.statement', '.indicators'].map((name) => `goals[${i}]${name}`));
    goal.indicators.forEach((_, j) => fields.push(`goals[${i}].indicators[${j}]`));
  });
  state.groups.forEach((group, i) => {
    fields.push(...['', '.groupId', '.name', '.purpose', '.members'].map((name) => `advisoryGroups[${i}]${name}`));
    group.members.forEach((_, j) => fields.push(...['', '.name', '.sector', '.organisation'].map((name) => `advisoryGroups[${i}].members[${j}]${name}`)));
  });
  return fields;
}

export default function StrategyPage() {
  const { t } = useTranslation();
  const { mayEdit } = usePlanningRoles();
  const [{ data, error }, refetch] = useQuery({ query: StrategyEditorQueryDocument });
  const [notice, setNotice] = useState<string | null>(null);
  if (error && !data) return <QueryError error={error} />;
  if (!data) return <Busy />;
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return (
    <>
      <PageTitle>{t('strategy.title')}</PageTitle>
      <Notice message={notice} onClose={() => setNotice(null)} />
      {mayEdit ? (
        <StrategyForm
          key={data.strategy.updatedAt ?? 'unsaved'}
          data={data}
          onSaved={() => {
            setNotice(t('strategy.saved'));
            reload();
          }}
        />
      ) : (
        <StrategyView data={data} />
      )}
      <Stack gap="lg" mt="lg">
        <AdvisoryMeetings
          groups={data.strategy.advisoryGroups}
          mayEdit={mayEdit}
          onRecorded={(group) => {
            setNotice(t('strategy.meetingRecorded', { group }));
            reload();
          }}
        />
      </Stack>
    </>
  );
}

/** What a reader sees: the strategy as text, no control to change it. */
function StrategyView({ data }: { data: StrategyEditorQuery }) {
  const { t } = useTranslation();
  const { jurisdiction } = useSession();
  const { strategy } = data;
  return (
    <Stack gap="lg">
      <Section id="goals-heading" title={t('strategy.goals')} testId="strategy-goals">
        {strategy.goals.length === 0 ? (
          <Text>{t('strategy.noGoals')}</Text>
        ) : (
          <Stack gap="sm">
            {strategy.goals.map((goal) => (
              <Paper key={goal.goalId} withBorder p="sm" radius="md" data-testid="goal">
                <Group gap="xs">
                  <Text fw={600}>{goal.title}</Text>
                  <Badge variant="outline" color="gray.8">
                    {t(`planningEnums.LocalGoalKind.${goal.kind}`)}
                  </Badge>
                </Group>
                <Text size="sm">{goal.statement}</Text>
                {goal.indicators.length > 0 && <Text size="sm">{t('strategy.indicatorsList', { indicators: goal.indicators.join(', ') })}</Text>}
              </Paper>
            ))}
          </Stack>
        )}
      </Section>
      <Section id="governance-heading" title={t('strategy.governance')}>
        <Stack gap={4}>
          <Text>{t('strategy.fields.governanceModel')}: {strategy.governanceModel ? t(`planningEnums.GovernanceModel.${strategy.governanceModel}`) : '—'}</Text>
          <Text>
            {t('strategy.sponsor')}: {strategy.executiveSponsor ? `${strategy.executiveSponsor.name} (${strategy.executiveSponsor.role})` : '—'}
          </Text>
          <Text>{t('strategy.fields.nationalPolicyAlignment')}: {strategy.nationalPolicyAlignment ?? '—'}</Text>
        </Stack>
      </Section>
      <Section id="staff-heading" title={t('strategy.staff')}>
        <Text data-testid="strategy-staff">
          {t('strategy.staffText', { fte: formatNumber(strategy.staffFte, jurisdiction), soft: data.priorityCap.soft, hard: data.priorityCap.hard })}
        </Text>
        {strategy.updatedAt && (
          <Text size="sm" c="dimmed">
            {t('strategy.updated', { date: formatDate(strategy.updatedAt, jurisdiction) })}
          </Text>
        )}
      </Section>
    </Stack>
  );
}

function StrategyForm({ data, onSaved }: { data: StrategyEditorQuery; onSaved: () => void }) {
  const { t } = useTranslation();
  const { jurisdiction } = useSession();
  const [state, setState] = useState<FormState>(() => initialState(data.strategy));
  const [errors, setErrors] = useState<FieldErrors<string>>({ byField: {}, general: [] });
  const [newKind, setNewKind] = useState<string>(data.localGoalTypes[0]?.kind ?? 'custom');
  const [result, save] = useMutation(SaveStrategyMutation);
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setState((previous) => ({ ...previous, [key]: value }));
  const at = (...fields: string[]) => errorAt(errors, ...fields);
  const setGoal = (index: number, change: Partial<GoalState>) => set('goals', state.goals.map((goal, i) => (i === index ? { ...goal, ...change } : goal)));
  const setGroup = (index: number, change: Partial<GroupState>) => set('groups', state.groups.map((group, i) => (i === index ? { ...group, ...change } : group)));
  const setMember = (groupIndex: number, memberIndex: number, change: Partial<MemberState>) =>
    setGroup(groupIndex, { members: state.groups[groupIndex]!.members.map((member, j) => (j === memberIndex ? { ...member, ...change } : member)) });
  const typeOf = (kind: LocalGoalKind) => data.localGoalTypes.find((type) => goalKindOf(type.kind) === kind);

  const addGoal = () => {
    const type = data.localGoalTypes.find((candidate) => candidate.kind === newKind);
    set('goals', [...state.goals, { key: newKey(), kind: type ? goalKindOf(type.kind) : 'CUSTOM', title: type?.title ?? '', statement: '', indicators: [] }]);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing = state.capOverride ? missingNumbers({ 'priorityCapOverride.soft': state.soft, 'priorityCapOverride.hard': state.hard }, t('planSetup.required')) : null;
    setErrors(missing ?? { byField: {}, general: [] });
    if (missing) return;
    const answer = await save({ input: inputOf(state) });
    if (answer.error) {
      setErrors(refusalOf(fieldsOf(state), answer.error));
      return;
    }
    onSaved();
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate style={ERROR_COLOUR} aria-label={t('strategy.formLabel')}>
      <Stack gap="lg">
        <Section id="goals-heading" title={t('strategy.goals')} testId="strategy-goals">
          <Text size="sm" mb="sm">
            {t('strategy.goalsHint')}
          </Text>
          <ListError message={at('goals')} />
          <Stack gap="md">
            {state.goals.length === 0 && <Text>{t('strategy.noGoals')}</Text>}
            {state.goals.map((goal, i) => (
              <Paper key={goal.key} withBorder p="sm" radius="md" component="fieldset" data-testid="goal" style={{ margin: 0 }}>
                <Text component="legend" fw={600} px={4}>
                  {t('strategy.goalLegend', { number: i + 1, kind: t(`planningEnums.LocalGoalKind.${goal.kind}`) })}
                </Text>
                <Stack gap="xs">
                  {goal.kind !== 'CUSTOM' && typeOf(goal.kind) && (
                    <Text size="sm" c="dimmed">
                      {t('strategy.examples', { examples: typeOf(goal.kind)!.examples })}
                    </Text>
                  )}
                  <TextInput id={`goal-${i}-title`} label={t('strategy.fields.goalTitle')} required value={goal.title} onChange={(event) => setGoal(i, { title: event.currentTarget.value })} error={at(`goals[${i}].title`, `goals[${i}].kind`, `goals[${i}].goalId`, `goals[${i}]`)} />
                  <Textarea id={`goal-${i}-statement`} label={t('strategy.fields.statement')} required autosize minRows={2} value={goal.statement} onChange={(event) => setGoal(i, { statement: event.currentTarget.value })} error={at(`goals[${i}].statement`)} />
                  <TagsInput
                    id={`goal-${i}-indicators`}
                    label={t('strategy.fields.indicators')}
                    description={t('strategy.hints.indicators')}
                    value={goal.indicators}
                    onChange={(indicators) => setGoal(i, { indicators })}
                    error={at(`goals[${i}].indicators`, ...goal.indicators.map((_, j) => `goals[${i}].indicators[${j}]`))}
                  />
                  <Group>
                    <Button variant="outline" color="red.9" size="xs" onClick={() => set('goals', state.goals.filter((_, j) => j !== i))} aria-label={t('strategy.removeGoalNamed', { title: goal.title || i + 1 })}>
                      {t('strategy.removeGoal')}
                    </Button>
                  </Group>
                </Stack>
              </Paper>
            ))}
            <Group align="flex-end">
              <Select
                id="new-goal-kind"
                label={t('strategy.newGoalKind')}
                data={[...data.localGoalTypes.map((type) => ({ value: type.kind, label: type.title })), { value: 'custom', label: t('strategy.customGoal') }]}
                value={newKind}
                onChange={(value) => value && setNewKind(value)}
                allowDeselect={false}
                w={360}
              />
              <Button variant="default" onClick={addGoal}>
                {t('strategy.addGoal')}
              </Button>
            </Group>
          </Stack>
        </Section>

        <Section id="governance-heading" title={t('strategy.governance')}>
          <Stack gap="sm" maw={640}>
            <Select
              id="governance-model"
              label={t('strategy.fields.governanceModel')}
              placeholder={t('strategy.notSaid')}
              data={GOVERNANCE_MODELS.map((value) => ({ value, label: t(`planningEnums.GovernanceModel.${value}`) }))}
              value={state.governanceModel}
              onChange={(value) => set('governanceModel', (value as GovernanceModel | null) ?? null)}
              clearable
              error={at('governanceModel')}
            />
            <Group grow align="flex-start">
              <TextInput id="sponsor-name" label={t('strategy.fields.sponsorName')} value={state.sponsorName} onChange={(event) => set('sponsorName', event.currentTarget.value)} error={at('executiveSponsor.name', 'executiveSponsor')} />
              <TextInput id="sponsor-role" label={t('strategy.fields.sponsorRole')} description={t('strategy.hints.sponsorRole')} value={state.sponsorRole} onChange={(event) => set('sponsorRole', event.currentTarget.value)} error={at('executiveSponsor.role')} />
            </Group>
            <Textarea
              id="national-policy"
              label={t('strategy.fields.nationalPolicyAlignment')}
              description={t('strategy.hints.nationalPolicyAlignment')}
              autosize
              minRows={3}
              value={state.nationalPolicyAlignment}
              onChange={(event) => set('nationalPolicyAlignment', event.currentTarget.value)}
              error={at('nationalPolicyAlignment')}
            />
          </Stack>
        </Section>

        <Section id="groups-heading" title={t('strategy.groups')}>
          <Stack gap="md">
            <ListError message={at('advisoryGroups')} />
            {state.groups.length === 0 && <Text>{t('strategy.noGroups')}</Text>}
            {state.groups.map((group, i) => (
              <Paper key={group.key} withBorder p="sm" radius="md" component="fieldset" data-testid="advisory-group" style={{ margin: 0 }}>
                <Text component="legend" fw={600} px={4}>
                  {group.name || t('strategy.newGroup')}
                </Text>
                <Stack gap="xs">
                  <TextInput id={`group-${i}-name`} label={t('strategy.fields.groupName')} required value={group.name} onChange={(event) => setGroup(i, { name: event.currentTarget.value })} error={at(`advisoryGroups[${i}].name`, `advisoryGroups[${i}].groupId`, `advisoryGroups[${i}]`)} />
                  <Textarea id={`group-${i}-purpose`} label={t('strategy.fields.purpose')} autosize minRows={2} value={group.purpose} onChange={(event) => setGroup(i, { purpose: event.currentTarget.value })} error={at(`advisoryGroups[${i}].purpose`)} />
                  <Text fw={600} size="sm">
                    {t('strategy.members')}
                  </Text>
                  <ListError message={at(`advisoryGroups[${i}].members`)} />
                  {group.members.map((member, j) => (
                    <Group key={member.key} align="flex-end" grow preventGrowOverflow={false}>
                      <TextInput id={`group-${i}-member-${j}-name`} label={t('strategy.fields.memberName')} required value={member.name} onChange={(event) => setMember(i, j, { name: event.currentTarget.value })} error={at(`advisoryGroups[${i}].members[${j}].name`, `advisoryGroups[${i}].members[${j}]`)} />
                      <TextInput id={`group-${i}-member-${j}-sector`} label={t('strategy.fields.sector')} required value={member.sector} onChange={(event) => setMember(i, j, { sector: event.currentTarget.value })} error={at(`advisoryGroups[${i}].members[${j}].sector`)} />
                      <TextInput id={`group-${i}-member-${j}-organisation`} label={t('strategy.fields.organisation')} value={member.organisation} onChange={(event) => setMember(i, j, { organisation: event.currentTarget.value })} error={at(`advisoryGroups[${i}].members[${j}].organisation`)} />
                      <Button variant="outline" color="red.9" style={{ flexGrow: 0 }} onClick={() => setGroup(i, { members: group.members.filter((_, k) => k !== j) })} aria-label={t('strategy.removeMemberNamed', { name: member.name || j + 1 })}>
                        {t('strategy.removeMember')}
                      </Button>
                    </Group>
                  ))}
                  <Group>
                    <Button variant="default" size="xs" onClick={() => setGroup(i, { members: [...group.members, { key: newKey(), name: '', sector: '', organisation: '' }] })}>
                      {t('strategy.addMember')}
                    </Button>
                    <Button variant="outline" color="red.9" size="xs" onClick={() => set('groups', state.groups.filter((_, k) => k !== i))} aria-label={t('strategy.removeGroupNamed', { name: group.name || i + 1 })}>
                      {t('strategy.removeGroup')}
                    </Button>
                  </Group>
                </Stack>
              </Paper>
            ))}
            <Group>
              <Button variant="default" onClick={() => set('groups', [...state.groups, { key: newKey(), name: '', purpose: '', members: [] }])}>
                {t('strategy.addGroup')}
              </Button>
            </Group>
          </Stack>
        </Section>

        <Section id="staff-heading" title={t('strategy.staff')}>
          <Stack gap="sm" maw={640}>
            <Text data-testid="strategy-staff">
              {t('strategy.staffText', { fte: formatNumber(data.strategy.staffFte, jurisdiction), soft: data.priorityCap.soft, hard: data.priorityCap.hard })}
            </Text>
            <NumberInput
              id="staff-fte"
              label={t('strategy.fields.staffFte')}
              description={data.strategy.staffFteIsDefault ? t('strategy.hints.staffFteDefault') : t('strategy.hints.staffFte')}
              min={0}
              max={1000}
              step={0.5}
              decimalScale={2}
              value={state.staffFte}
              onChange={(value) => set('staffFte', value)}
              error={at('staffFte')}
            />
            <Checkbox id="cap-override" label={t('strategy.fields.capOverride')} description={t('strategy.hints.capOverride')} checked={state.capOverride} onChange={(event) => set('capOverride', event.currentTarget.checked)} />
            {state.capOverride && (
              <Group grow align="flex-start">
                <NumberInput id="cap-soft" label={t('strategy.fields.soft')} min={1} max={100} allowDecimal={false} value={state.soft} onChange={(value) => set('soft', value)} error={at('priorityCapOverride.soft', 'priorityCapOverride')} />
                <NumberInput id="cap-hard" label={t('strategy.fields.hard')} min={1} max={100} allowDecimal={false} value={state.hard} onChange={(value) => set('hard', value)} error={at('priorityCapOverride.hard')} />
              </Group>
            )}
          </Stack>
        </Section>

        <FormErrors errors={errors} />
        <Group>
          <Button type="submit" loading={result.fetching}>
            {t('strategy.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Each advisory group's meetings, oldest first; staff record a meeting's notes (recordAdvisoryMeeting). */
function AdvisoryMeetings({ groups, mayEdit, onRecorded }: { groups: readonly GroupRow[]; mayEdit: boolean; onRecorded: (group: string) => void }) {
  const { t } = useTranslation();
  const { jurisdiction } = useSession();
  const [recording, setRecording] = useState<GroupRow | null>(null);
  if (groups.length === 0) return null;
  return (
    <Section id="meetings-heading" title={t('strategy.meetings')}>
      <Stack gap="md">
        {groups.map((group) => (
          <div key={group.groupId} data-testid="group-meetings">
            <Title order={3} size="h5">
              {group.name}
            </Title>
            {!mayEdit && group.members.length > 0 && <Text size="sm">{t('strategy.membersList', { members: group.members.map((m) => `${m.name} (${m.sector})`).join(', ') })}</Text>}
            {group.meetings.length === 0 ? (
              <Text size="sm">{t('strategy.noMeetings')}</Text>
            ) : (
              <List size="sm" spacing={2}>
                {group.meetings.map((meeting) => (
                  <List.Item key={meeting.meetingId}>
                    <strong>{formatDate(meeting.date, jurisdiction)}</strong> — {meeting.notes}
                  </List.Item>
                ))}
              </List>
            )}
            {mayEdit && (
              <Button mt="xs" size="xs" variant="default" onClick={() => setRecording(group)} aria-label={t('strategy.recordMeetingFor', { group: group.name })}>
                {t('strategy.recordMeeting')}
              </Button>
            )}
          </div>
        ))}
      </Stack>
      {recording && (
        <MeetingDialog
          group={recording}
          onClose={() => setRecording(null)}
          onRecorded={() => {
            setRecording(null);
            onRecorded(recording.name);
          }}
        />
      )}
    </Section>
  );
}

const MEETING_FIELDS = ['date', 'notes', 'groupId'] as const;

function MeetingDialog({ group, onClose, onRecorded }: { group: GroupRow; onClose: () => void; onRecorded: () => void }) {
  const { t } = useTranslation();
  const [date, setDate] = useState('');
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<FieldErrors<(typeof MEETING_FIELDS)[number]>>({ byField: {}, general: [] });
  const [result, record] = useMutation(RecordAdvisoryMeetingMutation);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({ byField: {}, general: [] });
    const answer = await record({ groupId: group.groupId, date, notes });
    if (answer.error) setErrors(refusalOf(MEETING_FIELDS, answer.error));
    else onRecorded();
  };
  return (
    <Modal opened onClose={onClose} title={t('strategy.meetingTitle', { group: group.name })} size="lg" closeButtonProps={{ 'aria-label': t('plan.cancel') }}>
      <form onSubmit={(event) => void submit(event)} noValidate style={ERROR_COLOUR}>
        <Stack gap="sm">
          <SimpleGrid cols={1}>
            <DateField id="meeting-date" label={t('strategy.fields.meetingDate')} required value={date} onChange={setDate} error={errors.byField.date} />
            <Textarea id="meeting-notes" label={t('strategy.fields.notes')} required autosize minRows={4} value={notes} onChange={(event) => setNotes(event.currentTarget.value)} error={errors.byField.notes} />
          </SimpleGrid>
          <GeneralErrors messages={[...errors.general, ...(errors.byField.groupId ? [errors.byField.groupId] : [])]} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('plan.cancel')}
            </Button>
            <Button type="submit" loading={result.fetching}>
              {t('strategy.recordMeeting')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
