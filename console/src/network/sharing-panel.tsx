import { Alert, Badge, Button, Checkbox, Group, Modal, Radio, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { Busy } from '../busy';
import { FITS, NEUTRAL } from '../colors';
import { formatDate } from '../format';
import { graphql } from '../gql';
import type { SharedAssetCategory, SharingScope, SharingTermsInput } from '../gql/graphql';
import { QueryError } from '../query-error';
import { GeneralErrors, Notice, Section } from '../registry/feedback';
import { RecordTable } from '../registry/record-table';
import { useSession } from '../session';
import { useNetworkRoles } from './network-roles';
import { ASSET_CATEGORIES, SCOPE_FIELDS, SCOPES } from './scopes';
import { type MemberShare, MemberShareView } from './shared-data';

const GrantsQuery = graphql(`
  query SharingGrants($networkId: ID!) {
    sharingGrants(networkId: $networkId) {
      id
      scope
      fields
      assetCategories
      grantedAt
      revokedAt
      current
    }
  }
`);

const PreviewQuery = graphql(`
  query SharingPreview($networkId: ID!, $grants: [SharingTermsInput!]) {
    sharingPreview(networkId: $networkId, grants: $grants) {
      ...MemberSharedFields
    }
  }
`);

const ShareMutation = graphql(`
  mutation ShareWithNetwork($input: ShareWithNetworkInput!) {
    shareWithNetwork(input: $input) {
      id
      scope
      fields
      current
    }
  }
`);

const RevokeMutation = graphql(`
  mutation RevokeSharing($grantId: ID!) {
    revokeSharing(grantId: $grantId) {
      id
      current
      revokedAt
    }
  }
`);

interface Grant {
  id: string;
  scope: SharingScope;
  fields: readonly string[];
  assetCategories?: readonly SharedAssetCategory[] | null;
  grantedAt: string;
  revokedAt?: string | null;
  current: boolean;
}

/**
 * A member's sharing settings for one network: per scope the fields the network
 * may see, previewed through the API's own projection (sharingPreview, the same
 * one the network's copies are made with) before anything is shared; the
 * grants, dated, with Revoke; and what the network sees now.
 */
export function SharingPanel({ networkId, networkName, member }: { networkId: string; networkName: string; member: boolean }) {
  const { t } = useTranslation();
  const { jurisdictionAdmin } = useNetworkRoles();
  const [{ data, error }, refetchGrants] = useQuery({ query: GrantsQuery, variables: { networkId }, requestPolicy: 'cache-and-network' });
  const [{ data: now }, refetchNow] = useQuery({ query: PreviewQuery, variables: { networkId }, requestPolicy: 'network-only', pause: !member });
  const [notice, setNotice] = useState<string | null>(null);
  if (!member) return <Text>{t('network.sharing.notMember')}</Text>;
  if (error) return <QueryError error={error} />;
  if (!data) return <Busy />;
  const current = data.sharingGrants.filter((grant) => grant.current);
  const changed = (message: string) => {
    setNotice(message);
    refetchGrants({ requestPolicy: 'network-only' });
    refetchNow({ requestPolicy: 'network-only' });
  };
  return (
    <Stack gap="md">
      <Text>{t('network.sharing.intro')}</Text>
      <Notice message={notice} onClose={() => setNotice(null)} />
      {jurisdictionAdmin ? <GrantEditor networkId={networkId} networkName={networkName} current={current} onShared={changed} /> : <Alert color="gray">{t('network.sharing.readOnly')}</Alert>}
      <GrantsTable grants={data.sharingGrants} mayRevoke={jurisdictionAdmin} onRevoked={changed} />
      <Section id="sees-now-heading" title={t('network.sharing.current')} testId="sees-now">
        {now ? now.sharingPreview.scopes.length === 0 ? <Text>{t('network.sharing.noGrants')}</Text> : <MemberShareView share={now.sharingPreview as MemberShare} headingOrder={3} /> : <Busy />}
      </Section>
    </Stack>
  );
}

function GrantEditor({ networkId, networkName, current, onShared }: { networkId: string; networkName: string; current: readonly Grant[]; onShared: (message: string) => void }) {
  const { t } = useTranslation();
  const termsOf = (scope: SharingScope) => {
    const grant = current.find((g) => g.scope === scope);
    return { fields: grant ? [...grant.fields] : [...SCOPE_FIELDS[scope]], categories: grant?.assetCategories ? [...grant.assetCategories] : [] };
  };
  const [scope, setScope] = useState<SharingScope>('PRIORITIES');
  const [fields, setFields] = useState<string[]>(() => termsOf('PRIORITIES').fields);
  const [categories, setCategories] = useState<string[]>(() => termsOf('PRIORITIES').categories);
  const [failure, setFailure] = useState<string[]>([]);
  const [result, share] = useMutation(ShareMutation);
  const scopeFields = SCOPE_FIELDS[scope];
  const terms: SharingTermsInput = {
    scope,
    ...(scopeFields.length ? { fields } : {}),
    ...(scope === 'ASSET_CATEGORIES' && categories.length ? { assetCategories: categories as SharedAssetCategory[] } : {}),
  };
  const nothingTicked = scopeFields.length > 0 && fields.length === 0;
  const [{ data: preview, error: previewError }] = useQuery({ query: PreviewQuery, variables: { networkId, grants: [terms] }, requestPolicy: 'network-only', pause: nothingTicked });
  const scopeLabel = t(`network.scopes.${scope}`);
  const choose = (next: SharingScope) => {
    const initial = termsOf(next);
    setScope(next);
    setFields(initial.fields);
    setCategories(initial.categories);
  };
  const submit = async () => {
    const answer = await share({ input: { networkId, ...terms } });
    if (answer.error) return setFailure([answer.error.graphQLErrors[0]?.message ?? answer.error.message]);
    setFailure([]);
    onShared(t('network.sharing.shared', { scope: scopeLabel, name: networkName }));
  };
  return (
    <Section id="share-heading" title={t('network.sharing.title', { name: networkName })} testId="grant-editor">
      {/* The controls above, the preview below at full width: a scope's columns need the room. */}
      <Stack gap="lg">
        <Stack gap="md">
          <Radio.Group id="share-scope" label={t('network.sharing.scope')} value={scope} onChange={(value) => choose(value as SharingScope)}>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing={6} mt={6}>
              {SCOPES.map((value) => (
                <Radio key={value} value={value} label={t(`network.scopes.${value}`)} />
              ))}
            </SimpleGrid>
          </Radio.Group>
          {scopeFields.length > 0 ? (
            <Checkbox.Group id="share-fields" label={t('network.sharing.fields')} value={fields} onChange={setFields}>
              <SimpleGrid cols={{ base: 2, sm: 4 }} spacing={6} mt={6}>
                {scopeFields.map((field) => (
                  <Checkbox key={field} value={field} label={t(`network.fields.${field}`)} data-field={field} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
          ) : (
            <Alert color="gray">{t('network.sharing.fundingNote')}</Alert>
          )}
          {scope === 'ASSET_CATEGORIES' && (
            <Checkbox.Group label={t('network.sharing.categories')} description={t('network.sharing.categoriesHint')} value={categories} onChange={setCategories}>
              <Stack gap={6} mt={6}>
                {ASSET_CATEGORIES.map((category) => (
                  <Checkbox key={category} value={category} label={t(`network.categories.${category}`)} />
                ))}
              </Stack>
            </Checkbox.Group>
          )}
          <Text size="sm">{t('network.sharing.replaces')}</Text>
          <GeneralErrors messages={failure} />
          <Group>
            <Button id="share-submit" onClick={() => void submit()} loading={result.fetching} disabled={nothingTicked}>
              {t('network.sharing.share', { scope: scopeLabel })}
            </Button>
          </Group>
        </Stack>
        <section aria-labelledby="preview-heading" data-testid="sharing-preview">
          <Text component="h3" fw={700} id="preview-heading">
            {t('network.sharing.preview')}
          </Text>
          <Text size="sm" mb="xs">
            {t('network.sharing.previewHint')}
          </Text>
          {nothingTicked ? null : previewError ? <QueryError error={previewError} /> : preview ? <MemberShareView share={preview.sharingPreview as MemberShare} headingOrder={4} only={scope} /> : <Busy />}
        </section>
      </Stack>
    </Section>
  );
}

function GrantsTable({ grants, mayRevoke, onRevoked }: { grants: readonly Grant[]; mayRevoke: boolean; onRevoked: (message: string) => void }) {
  const { t } = useTranslation();
  const { jurisdiction } = useSession();
  const [revoking, setRevoking] = useState<Grant | null>(null);
  const [failure, setFailure] = useState<string[]>([]);
  const [result, revoke] = useMutation(RevokeMutation);
  const labelOf = (grant: Grant) => t(`network.scopes.${grant.scope}`);
  const confirm = async () => {
    if (!revoking) return;
    const answer = await revoke({ grantId: revoking.id });
    const scope = labelOf(revoking);
    setRevoking(null);
    if (answer.error) return setFailure([answer.error.graphQLErrors[0]?.message ?? answer.error.message]);
    setFailure([]);
    onRevoked(t('network.sharing.revoked', { scope }));
  };
  return (
    <Section id="grants-heading" title={t('network.sharing.grants')} testId="grants">
      <GeneralErrors messages={failure} />
      {grants.length === 0 ? (
        <Text>{t('network.sharing.noGrants')}</Text>
      ) : (
        <RecordTable
          minWidth={720}
          columns={[{ label: t('network.sharing.columns.scope') }, { label: t('network.sharing.columns.fields') }, { label: t('network.sharing.columns.granted') }, { label: t('network.sharing.columns.revoked') }, { label: t('network.sharing.columns.status') }, { label: '' }]}
        >
          {grants.map((grant) => (
            <Table.Tr key={grant.id} data-testid={`grant-${grant.scope}-${grant.current ? 'current' : 'revoked'}`}>
              <Table.Td>{labelOf(grant)}</Table.Td>
              <Table.Td>
                {grant.fields.length === SCOPE_FIELDS[grant.scope].length ? t('network.sharing.allFields') : grant.fields.map((field) => t(`network.fields.${field}`)).join(', ')}
                {grant.assetCategories?.length ? ` (${grant.assetCategories.map((c) => t(`network.categories.${c}`)).join(', ')})` : ''}
              </Table.Td>
              <Table.Td>{formatDate(grant.grantedAt, jurisdiction)}</Table.Td>
              <Table.Td>{grant.revokedAt ? formatDate(grant.revokedAt, jurisdiction) : t('network.none')}</Table.Td>
              <Table.Td>
                <Badge color={grant.current ? FITS : NEUTRAL} miw="max-content">{t(grant.current ? 'network.sharing.currentGrant' : 'network.sharing.revokedGrant')}</Badge>
              </Table.Td>
              <Table.Td>
                {mayRevoke && grant.current && (
                  <Button size="xs" variant="default" aria-label={t('network.sharing.revokeOf', { scope: labelOf(grant) })} onClick={() => setRevoking(grant)}>
                    {t('network.sharing.revoke')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </RecordTable>
      )}
      {revoking && (
        <Modal opened onClose={() => setRevoking(null)} title={t('network.sharing.revokeTitle', { scope: labelOf(revoking) })} closeButtonProps={{ 'aria-label': t('network.cancel') }}>
          <Stack gap="md">
            <Text>{t('network.sharing.revokeText', { scope: labelOf(revoking) })}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setRevoking(null)}>
                {t('network.cancel')}
              </Button>
              <Button color="red.9" loading={result.fetching} onClick={() => void confirm()}>
                {t('network.sharing.revokeConfirm')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Section>
  );
}
