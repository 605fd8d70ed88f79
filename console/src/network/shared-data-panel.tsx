import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Busy } from '../busy';
import { graphql } from '../gql';
import { QueryError } from '../query-error';
import { Section } from '../registry/feedback';
import { type MemberShare, MemberShareView } from './shared-data';

const SharedDataQuery = graphql(`
  query NetworkSharedData($networkId: ID!) {
    networkSharedData(networkId: $networkId) {
      ...MemberSharedFields
    }
  }
`);

/** What every member shares with the network (for members and its coordinators); the API logs each read in the sharers' access logs. */
export function SharedDataPanel({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const [{ data, error }] = useQuery({ query: SharedDataQuery, variables: { networkId }, requestPolicy: 'network-only' });
  if (error) return <QueryError error={error} />;
  if (!data) return <Busy />;
  const members = data.networkSharedData.filter((member) => member.scopes.length > 0) as MemberShare[];
  return (
    <Stack gap="md" data-testid="network-shared">
      <Text>{t('network.shared.intro')}</Text>
      {members.length === 0 && <Text>{t('network.shared.empty')}</Text>}
      {members.map((member) => (
        <Section key={member.jurisdictionId} id={`shared-${member.jurisdictionId}-heading`} title={t('network.shared.member', { name: member.name, scopes: member.scopes.map((scope) => t(`network.scopes.${scope}`)).join(', ') })}>
          <MemberShareView share={member} headingOrder={3} />
        </Section>
      ))}
    </Stack>
  );
}
