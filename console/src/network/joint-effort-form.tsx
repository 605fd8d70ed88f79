import { Button, Checkbox, Group, Modal, NumberInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { formatNumber } from '../format';
import { graphql } from '../gql';
import type { JointEffortKind } from '../gql/graphql';
import { DateField } from '../planning/date-field';
import { errorAt, FormErrors, ListError, missingNumbers } from '../planning/form-errors';
import { ERROR_COLOUR } from '../registry/feedback';
import { type FieldErrors, refusalOf } from '../registry/field-errors';
import { useSession } from '../session';
import { DialogActions } from './confirm-dialog';
import { InviteToJointEffortMutation, SetJointEffortCostSharesMutation } from './network-queries';

const ProposeMutation = graphql(`
  mutation ProposeJointEffort($input: ProposeJointEffortInput!) {
    proposeJointEffort(input: $input) {
      id
      title
    }
  }
`);

export interface ActiveMember {
  jurisdictionId: string;
  name: string;
}

const KINDS: JointEffortKind[] = ['SHARED_TRADE_OFFICE', 'COMMON_DELEGATION', 'JOINT_FUNDING_BID', 'SHARED_REPRESENTATION', 'JOINT_EVENT', 'KNOWLEDGE_EXCHANGE'];
const FIELDS = ['kind', 'title', 'country', 'timelineStart', 'timelineEnd', 'opportunityId', 'participants', 'leadJurisdictionId'];

/** Equal shares in hundredths of a percent, the remainder to the first, so that they sum to exactly 100 (as the API splits a suggestion's). */
export function equalShares(count: number): number[] {
  const base = Math.floor(10_000 / count);
  return Array.from({ length: count }, (_, i) => (base + (i < 10_000 - base * count ? 1 : 0)) / 100);
}

/** Equal shares of the members named, in the order given (see equalShares). */
export function splitEqually(ids: readonly string[]): Record<string, number> {
  const equal = equalShares(ids.length);
  return Object.fromEntries(ids.map((id, i) => [id, equal[i] as number]));
}

/** Shares as the person typed them: a number, or '' while a field is empty. */
export type ShareValues = Record<string, number | string>;

const NO_ERRORS: FieldErrors<string> = { byField: {}, general: [] };

/** The fields the API names a list of shares by (`participants` when proposing, `shares` when inviting or changing them), per index sent. */
function shareFields(sent: readonly string[], list: string): string[] {
  return sent.flatMap((_, i) => [`${list}.${i}.costShare`, `${list}.${i}.jurisdictionId`]);
}

/** The API's refusal at one member's share: it names the share by the index it was sent at. */
function shareErrorAt(errors: FieldErrors<string>, sent: readonly string[], list: string, id: string): string | undefined {
  const i = sent.indexOf(id);
  return i < 0 ? undefined : errorAt(errors, `${list}.${i}.costShare`, `${list}.${i}.jurisdictionId`);
}

/** Empty shares as refusals at their fields, before anything is sent (JSON carries no empty number). */
function missingShares(ids: readonly string[], shares: ShareValues, list: string, message: string): FieldErrors<string> | null {
  return missingNumbers(Object.fromEntries(ids.map((id, i) => [`${list}.${i}.costShare`, shares[id] as number | string])), message);
}

export interface ShareRow {
  jurisdictionId: string;
  /** Names the member in the share's label. */
  name: string;
  /** What the row says (the name, or the name marked as yours). */
  label: string;
  /** A participant that cannot be unticked (the lead). */
  fixed: boolean;
}

/**
 * The participants' cost shares, one percentage field per member taking
 * part, with their total and "Split equally"; with `onToggle`, each member
 * has a box to tick it in or out. Used when proposing, inviting and changing
 * the shares of an effort; the API's refusals at the share they name.
 */
export function CostSharesField({
  id,
  hint,
  rows,
  shares,
  onChange,
  onToggle,
  errorOf,
  listError,
}: {
  id: string;
  hint: string;
  rows: readonly ShareRow[];
  shares: ShareValues;
  onChange: (shares: ShareValues) => void;
  onToggle?: (jurisdictionId: string, on: boolean) => void;
  errorOf: (jurisdictionId: string) => string | undefined;
  listError?: string | undefined;
}) {
  const { t } = useTranslation();
  const { jurisdiction } = useSession();
  const taking = rows.filter((row) => row.jurisdictionId in shares).map((row) => row.jurisdictionId);
  const total = taking.reduce((sum, member) => sum + (typeof shares[member] === 'number' ? shares[member] : 0), 0);
  return (
    <div role="group" aria-labelledby={`${id}-label`} aria-describedby={`${id}-hint`}>
      <Text size="sm" fw={500} id={`${id}-label`}>
        {t('network.efforts.fields.participants')}
      </Text>
      <Text size="xs" id={`${id}-hint`}>
        {hint}
      </Text>
      <Table mt={4} verticalSpacing={4}>
        <Table.Tbody>
          {rows.map((row) => {
            const takes = row.jurisdictionId in shares;
            return (
              <Table.Tr key={row.jurisdictionId} data-testid={`participant-${row.jurisdictionId}`}>
                <Table.Td>
                  {onToggle ? (
                    <Checkbox label={row.label} checked={takes} disabled={row.fixed} onChange={(e) => onToggle(row.jurisdictionId, e.currentTarget.checked)} />
                  ) : (
                    <Text size="sm">{row.label}</Text>
                  )}
                </Table.Td>
                <Table.Td w={200}>
                  {takes && (
                    <NumberInput
                      aria-label={t('network.efforts.shareOf', { name: row.name })}
                      min={0}
                      max={100}
                      decimalScale={2}
                      suffix=" %"
                      value={shares[row.jurisdictionId]}
                      onChange={(value) => onChange({ ...shares, [row.jurisdictionId]: value })}
                      error={errorOf(row.jurisdictionId)}
                    />
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Group justify="space-between" mt={4}>
        <Text size="sm" data-testid="shares-total">
          {t('network.efforts.total', { total: formatNumber(total, jurisdiction, 2) })}
        </Text>
        <Button size="xs" variant="default" onClick={() => onChange(splitEqually(taking))}>
          {t('network.efforts.splitEqually')}
        </Button>
      </Group>
      <ListError message={listError} />
    </div>
  );
}

/**
 * A joint effort proposed by hand: kind, title, the country and funding call
 * it targets, its timeline, and the active members taking part with their
 * cost shares. The proposer's jurisdiction leads it and is always one of them.
 */
export function ProposeEffortDialog({ networkId, members, onClose, onProposed }: { networkId: string; members: readonly ActiveMember[]; onClose: () => void; onProposed: (title: string) => void }) {
  const { t } = useTranslation();
  const { jurisdiction } = useSession();
  // Your jurisdiction first: it leads.
  const ordered = [...members].sort((a, b) => Number(b.jurisdictionId === jurisdiction.id) - Number(a.jurisdictionId === jurisdiction.id));
  const [kind, setKind] = useState<JointEffortKind>('COMMON_DELEGATION');
  const [text, setText] = useState({ title: '', country: '', opportunityId: '', timelineStart: '', timelineEnd: '' });
  const [shares, setShares] = useState<ShareValues>({ [jurisdiction.id]: 100 });
  // The order the participants were sent in: the API names a share by its index.
  const [sent, setSent] = useState<string[]>([]);
  const [errors, setErrors] = useState<FieldErrors<string>>(NO_ERRORS);
  const [result, propose] = useMutation(ProposeMutation);
  const chosen = ordered.filter((m) => m.jurisdictionId in shares).map((m) => m.jurisdictionId);
  const toggle = (id: string, on: boolean) => setShares(splitEqually(ordered.map((m) => m.jurisdictionId).filter((other) => (other === id ? on : other in shares))));
  const set = (key: keyof typeof text, value: string) => setText((previous) => ({ ...previous, [key]: value }));
  const optional = (value: string) => (value.trim() === '' ? null : value.trim());

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSent(chosen);
    const missing = missingShares(chosen, shares, 'participants', t('network.efforts.shareMissing'));
    setErrors(missing ?? NO_ERRORS);
    if (missing) return;
    const answer = await propose({
      input: {
        networkId,
        kind,
        title: text.title,
        participants: chosen.map((id) => ({ jurisdictionId: id, costShare: shares[id] as number })),
        country: optional(text.country)?.toUpperCase() ?? null,
        opportunityId: kind === 'JOINT_FUNDING_BID' ? optional(text.opportunityId) : null,
        timelineStart: optional(text.timelineStart),
        timelineEnd: optional(text.timelineEnd),
      },
    });
    if (answer.error) return setErrors(refusalOf([...FIELDS, ...shareFields(chosen, 'participants')], answer.error));
    if (answer.data) onProposed(answer.data.proposeJointEffort.title);
  };

  return (
    <Modal opened onClose={onClose} size="lg" title={t('network.efforts.propose')} closeButtonProps={{ 'aria-label': t('network.cancel') }}>
      <form onSubmit={(event) => void submit(event)} noValidate aria-label={t('network.efforts.propose')} style={ERROR_COLOUR}>
        <Stack gap="sm">
          <Text size="sm">{t('network.efforts.proposeIntro')}</Text>
          <Select
            id="effort-kind"
            label={t('network.efforts.fields.kind')}
            data={KINDS.map((value) => ({ value, label: t(`network.efforts.kinds.${value}`) }))}
            value={kind}
            onChange={(value) => value && setKind(value as JointEffortKind)}
            allowDeselect={false}
            error={errors.byField.kind}
          />
          <TextInput id="effort-title" label={t('network.efforts.fields.title')} required value={text.title} onChange={(e) => set('title', e.currentTarget.value)} error={errors.byField.title} />
          <Group grow align="flex-start">
            <TextInput id="effort-country" label={t('network.efforts.fields.country')} description={t('network.efforts.hints.country')} value={text.country} onChange={(e) => set('country', e.currentTarget.value)} error={errors.byField.country} />
            {kind === 'JOINT_FUNDING_BID' && (
              <TextInput id="effort-call" label={t('network.efforts.fields.opportunityId')} description={t('network.efforts.hints.opportunityId')} value={text.opportunityId} onChange={(e) => set('opportunityId', e.currentTarget.value)} error={errors.byField.opportunityId} />
            )}
          </Group>
          <Group grow align="flex-start">
            <DateField id="effort-start" label={t('network.efforts.fields.timelineStart')} value={text.timelineStart} onChange={(value) => set('timelineStart', value)} error={errors.byField.timelineStart} />
            <DateField id="effort-end" label={t('network.efforts.fields.timelineEnd')} value={text.timelineEnd} min={text.timelineStart || undefined} onChange={(value) => set('timelineEnd', value)} error={errors.byField.timelineEnd} />
          </Group>
          <CostSharesField
            id="effort-participants"
            hint={t('network.efforts.hints.participants')}
            rows={ordered.map((m) => ({ jurisdictionId: m.jurisdictionId, name: m.name, label: m.jurisdictionId === jurisdiction.id ? t('network.efforts.yours', { name: m.name }) : m.name, fixed: m.jurisdictionId === jurisdiction.id }))}
            shares={shares}
            onChange={setShares}
            onToggle={toggle}
            errorOf={(id) => shareErrorAt(errors, sent, 'participants', id)}
            listError={errorAt(errors, 'participants', 'leadJurisdictionId')}
          />
          <FormErrors errors={errors} />
          <DialogActions label={t('network.efforts.proposeSubmit')} busy={result.fetching} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

export interface EffortToShare {
  id: string;
  title: string;
  leadJurisdictionId: string;
  participants: ReadonlyArray<{ jurisdictionId: string; name: string; costShare: number }>;
}

/**
 * New cost shares for an effort's participants (the lead's admin or a
 * coordinator), and, given `candidates`, another active member named a
 * participant with them: the newcomer is chosen first, the shares of all
 * start equal and are sent together; they must sum to 100.
 */
export function EffortSharesDialog({ effort, candidates, onClose, onDone }: { effort: EffortToShare; candidates?: readonly ActiveMember[]; onClose: () => void; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const { jurisdiction } = useSession();
  const inviting = candidates !== undefined;
  const [invitee, setInvitee] = useState<ActiveMember | null>(null);
  const [shares, setShares] = useState<ShareValues>(() => Object.fromEntries(effort.participants.map((p) => [p.jurisdictionId, p.costShare])));
  const [sent, setSent] = useState<string[]>([]);
  const [errors, setErrors] = useState<FieldErrors<string>>(NO_ERRORS);
  const [inviteResult, invite] = useMutation(InviteToJointEffortMutation);
  const [setResult, setCostShares] = useMutation(SetJointEffortCostSharesMutation);
  const rows: ShareRow[] = [...effort.participants, ...(invitee ? [invitee] : [])].map((p) => ({
    jurisdictionId: p.jurisdictionId,
    name: p.name,
    label: p.jurisdictionId === effort.leadJurisdictionId ? `${p.name} (${t('network.efforts.lead')})` : p === invitee ? t('network.efforts.newcomer', { name: p.name }) : p.name,
    fixed: true,
  }));
  const ids = rows.map((row) => row.jurisdictionId);
  const title = inviting ? t('network.efforts.inviteTitle', { title: effort.title }) : t('network.efforts.sharesTitle', { title: effort.title });
  const choose = (id: string | null) => {
    const next = candidates?.find((c) => c.jurisdictionId === id) ?? null;
    setInvitee(next);
    setShares(splitEqually([...effort.participants.map((p) => p.jurisdictionId), ...(next ? [next.jurisdictionId] : [])]));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSent(ids);
    if (inviting && !invitee) return setErrors({ byField: { jurisdictionId: t('network.efforts.inviteeMissing') }, general: [] });
    const missing = missingShares(ids, shares, 'shares', t('network.efforts.shareMissing'));
    setErrors(missing ?? NO_ERRORS);
    if (missing) return;
    const list = ids.map((id) => ({ jurisdictionId: id, costShare: shares[id] as number }));
    const answer = invitee ? await invite({ effortId: effort.id, jurisdictionId: invitee.jurisdictionId, shares: list }) : await setCostShares({ effortId: effort.id, shares: list });
    if (answer.error) return setErrors(refusalOf(['jurisdictionId', 'shares', ...shareFields(ids, 'shares')], answer.error));
    const share = (id: string) => formatNumber(shares[id] as number, jurisdiction, 2);
    onDone(invitee ? t('network.efforts.invited', { name: invitee.name, title: effort.title, share: share(invitee.jurisdictionId) }) : t('network.efforts.sharesChanged', { title: effort.title }));
  };

  return (
    <Modal opened onClose={onClose} size="lg" title={title} closeButtonProps={{ 'aria-label': t('network.cancel') }}>
      <form onSubmit={(event) => void submit(event)} noValidate aria-label={title} style={ERROR_COLOUR}>
        <Stack gap="sm">
          <Text size="sm">{t(inviting ? 'network.efforts.inviteIntro' : 'network.efforts.sharesIntro')}</Text>
          {inviting && (
            <Select
              id="effort-invitee"
              label={t('network.efforts.invitee')}
              description={t('network.efforts.hints.invitee')}
              required
              data={candidates.map((c) => ({ value: c.jurisdictionId, label: c.name }))}
              value={invitee?.jurisdictionId ?? null}
              onChange={choose}
              error={errors.byField.jurisdictionId}
            />
          )}
          <CostSharesField
            id="effort-shares"
            hint={t(inviting ? 'network.efforts.hints.inviteShares' : 'network.efforts.hints.shares')}
            rows={rows}
            shares={shares}
            onChange={setShares}
            errorOf={(id) => shareErrorAt(errors, sent, 'shares', id)}
            listError={errorAt(errors, 'shares')}
          />
          <FormErrors errors={errors} />
          <DialogActions label={t(inviting ? 'network.efforts.inviteSubmit' : 'network.efforts.sharesSubmit')} busy={inviteResult.fetching || setResult.fetching} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
