import { Badge, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { formatDate } from '../format';
import { graphql } from '../gql';
import type { NetworkMembershipStatus } from '../gql/graphql';
import { ERROR_COLOUR, GeneralErrors, Notice, Section } from '../registry/feedback';
import { type FieldErrors, refusalOf } from '../registry/field-errors';
import { RecordTable } from '../registry/record-table';
import { useSession } from '../session';
import { membershipColor } from './networks-page';

const InviteMutation = graphql(`
  mutation InviteToNetwork($networkId: ID!, $jurisdictionId: ID!) {
    inviteToNetwork(networkId: $networkId, jurisdictionId: $jurisdictionId) {
      jurisdictionId
      status
    }
  }
`);

interface Members {
  id: string;
  members: ReadonlyArray<{ jurisdictionId: string; name: string; status: NetworkMembershipStatus; joinedAt?: string | null }>;
}

const INVITE_FIELDS = ['jurisdictionId'] as const;

/** Members and invitees; the network's coordinators (and a platform-admin) invite an onboarded jurisdiction by its id. */
export function MembersPanel({ network, mayInvite, onChanged }: { network: Members; mayInvite: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const { jurisdiction } = useSession();
  const [invitee, setInvitee] = useState('');
  const [errors, setErrors] = useState<FieldErrors<(typeof INVITE_FIELDS)[number]>>({ byField: {}, general: [] });
  const [notice, setNotice] = useState<string | null>(null);
  const [result, invite] = useMutation(InviteMutation);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const answer = await invite({ networkId: network.id, jurisdictionId: invitee.trim() });
    if (answer.error) return setErrors(refusalOf(INVITE_FIELDS, answer.error));
    setErrors({ byField: {}, general: [] });
    setNotice(t('network.members.invited', { id: invitee.trim() }));
    setInvitee('');
    onChanged();
  };
  return (
    <Stack gap="md">
      <Section id="members-heading" title={t('network.members.title')} testId="network-members">
        {network.members.length === 0 ? (
          <Text>{t('network.members.empty')}</Text>
        ) : (
          <RecordTable minWidth={560} columns={[{ label: t('network.members.columns.name') }, { label: t('network.members.columns.id') }, { label: t('network.members.columns.status') }, { label: t('network.members.columns.joined') }]}>
            {network.members.map((member) => (
              <Table.Tr key={member.jurisdictionId} data-testid={`member-${member.jurisdictionId}`}>
                <Table.Td>{member.name}</Table.Td>
                <Table.Td>{member.jurisdictionId}</Table.Td>
                <Table.Td>
                  <Badge color={membershipColor(member.status)}>{t(`network.membership.${member.status}`)}</Badge>
                </Table.Td>
                <Table.Td>{member.joinedAt ? formatDate(member.joinedAt, jurisdiction) : t('network.none')}</Table.Td>
              </Table.Tr>
            ))}
          </RecordTable>
        )}
      </Section>
      {mayInvite && (
        <Section id="invite-heading" title={t('network.members.invite')}>
          <Notice message={notice} onClose={() => setNotice(null)} />
          <form onSubmit={(event) => void submit(event)} aria-label={t('network.members.invite')} style={ERROR_COLOUR}>
            <Group align="flex-end">
              <TextInput id="invite-jurisdiction" label={t('network.members.inviteField')} description={t('network.members.inviteHint')} required value={invitee} error={errors.byField.jurisdictionId} onChange={(e) => setInvitee(e.currentTarget.value)} w={360} />
              <Button type="submit" loading={result.fetching}>
                {t('network.members.inviteSubmit')}
              </Button>
            </Group>
            <GeneralErrors messages={errors.general} />
          </form>
        </Section>
      )}
    </Stack>
  );
}
