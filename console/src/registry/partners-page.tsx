import { Anchor, Badge, Button, Group, Modal, Paper, Select, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Busy } from '../busy';
import { formatDate } from '../format';
import { graphql } from '../gql';
import type { PartnerKind } from '../gql/graphql';
import { QueryError } from '../query-error';
import { useSession } from '../session';
import { PageTitle } from '../shell';
import { ERROR_COLOUR, GeneralErrors, Notice, Section } from './feedback';
import { type FieldErrors, refusalOf } from './field-errors';
import { RecordNotFound } from './not-found';
import { RecordHistory } from './record-history';
import { useRegistryRoles } from './registry-roles';

const PartnersQuery = graphql(`
  query Partners {
    partners(first: 100) {
      totalCount
      nodes {
        id
        name
        kind
        country
        needsCountry
        wikidataId
        website
        notes
        createdAt
      }
    }
    partnerDuplicates {
      reason
      key
      partners {
        id
        name
        country
        createdAt
      }
    }
  }
`);

const RegisterPartnerMutation = graphql(`
  mutation RegisterPartner($input: RegisterPartnerInput!) {
    registerPartner(input: $input) {
      id
      name
      likelyDuplicates {
        reason
      }
    }
  }
`);

const MergePartnersMutation = graphql(`
  mutation MergePartners($survivorId: ID!, $duplicateId: ID!) {
    mergePartners(survivorId: $survivorId, duplicateId: $duplicateId) {
      id
      name
    }
  }
`);

const KINDS: PartnerKind[] = ['CITY', 'REGION', 'NATIONAL_BODY', 'EMBASSY_OR_CONSULATE', 'CHAMBER', 'UNIVERSITY', 'BUSINESS_ASSOCIATION', 'INTERNATIONAL_ORGANISATION', 'NETWORK'];
const PARTNER_FIELDS = ['name', 'kind', 'country', 'wikidataId', 'website', 'notes'] as const;
type PartnerField = (typeof PARTNER_FIELDS)[number];

export default function PartnersPage() {
  const { t } = useTranslation();
  const { jurisdiction } = useSession();
  const { id } = useParams();
  const navigate = useNavigate();
  const { mayEdit, mayMerge } = useRegistryRoles();
  const [{ data, error }, refetch] = useQuery({ query: PartnersQuery });
  const [search, setSearch] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [mergeResult, mergePartners] = useMutation(MergePartnersMutation);
  const nodes = useMemo(() => data?.partners.nodes ?? [], [data]);
  const shown = useMemo(() => {
    const needle = search.trim().toLocaleLowerCase();
    return needle === '' ? nodes : nodes.filter((partner) => `${partner.name} ${partner.country ?? ''} ${partner.wikidataId ?? ''}`.toLocaleLowerCase().includes(needle));
  }, [nodes, search]);
  if (error) return <QueryError error={error} />;
  if (!data) return <Busy />;
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const opened = id ? nodes.find((partner) => partner.id === id) : undefined;
  if (id && !opened) {
    return <RecordNotFound title={t('partners.title')} message={t('partners.notFound')} back={t('partners.backToList')} to="/registry/partners" testId="partner-not-found" />;
  }

  const merge = async (survivor: { id: string; name: string }, duplicate: { id: string; name: string }) => {
    const answer = await mergePartners({ survivorId: survivor.id, duplicateId: duplicate.id });
    if (answer.data) {
      setNotice(t('partners.merged', { duplicate: duplicate.name, survivor: survivor.name }));
      reload();
    }
  };

  return (
    <>
      <PageTitle>{t('partners.title')}</PageTitle>
      <Stack gap="lg">
        <Notice message={notice} onClose={() => setNotice(null)} />
        {data.partnerDuplicates.length > 0 && (
          <Section id="duplicates-heading" title={t('partners.duplicates', { count: data.partnerDuplicates.length })}>
            {mergeResult.error && <QueryError error={mergeResult.error} />}
            <Stack gap="sm">
              {data.partnerDuplicates.map((group) => {
                const [survivor, ...duplicates] = group.partners;
                if (!survivor) return null;
                return (
                  <Paper key={`${group.reason}-${group.key}`} withBorder p="sm" data-testid="duplicate-group">
                    <Text fw={600}>{t(`enums.DuplicateReason.${group.reason}`)}</Text>
                    <Text size="sm" c="dimmed">
                      {group.key}
                    </Text>
                    <Stack gap={4} mt="xs">
                      <Text>{t('partners.survivor', { name: survivor.name, date: formatDate(survivor.createdAt, jurisdiction) })}</Text>
                      {duplicates.map((duplicate) => (
                        <Group key={duplicate.id} gap="sm">
                          <Text>{t('partners.duplicate', { name: duplicate.name, date: formatDate(duplicate.createdAt, jurisdiction) })}</Text>
                          {mayMerge && (
                            <Button size="xs" loading={mergeResult.fetching} onClick={() => void merge(survivor, duplicate)} aria-label={t('partners.mergeNamed', { duplicate: duplicate.name, survivor: survivor.name })}>
                              {t('partners.merge')}
                            </Button>
                          )}
                        </Group>
                      ))}
                    </Stack>
                  </Paper>
                );
              })}
            </Stack>
          </Section>
        )}

        <section aria-labelledby="partners-heading">
          <Title order={2} size="h4" id="partners-heading" mb="xs">
            {t('partners.list', { count: data.partners.totalCount })}
          </Title>
          <TextInput type="search" label={t('partners.search')} value={search} onChange={(event) => setSearch(event.currentTarget.value)} maw={360} mb="sm" />
          {shown.length === 0 ? (
            <Text>{t('partners.none')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={640}>
              <Table striped data-testid="partners">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('partners.fields.name')}</Table.Th>
                    <Table.Th scope="col">{t('partners.fields.kind')}</Table.Th>
                    <Table.Th scope="col">{t('partners.fields.country')}</Table.Th>
                    <Table.Th scope="col">{t('partners.fields.wikidataId')}</Table.Th>
                    <Table.Th scope="col">{t('partners.since')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shown.map((partner) => (
                    <Table.Tr key={partner.id} data-testid="partner-row">
                      <Table.Td>
                        <Anchor component={Link} to={`/registry/partners/${partner.id}`}>
                          {partner.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{t(`enums.PartnerKind.${partner.kind}`)}</Table.Td>
                      <Table.Td>{partner.needsCountry ? <Badge variant="outline" color="gray.8">{t('partners.countryUnknown')}</Badge> : partner.country}</Table.Td>
                      <Table.Td>{partner.wikidataId ?? ''}</Table.Td>
                      <Table.Td>{formatDate(partner.createdAt, jurisdiction)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </section>

        {mayEdit && (
          <Section id="register-heading" title={t('partners.register')}>
            <RegisterPartnerForm
              onSaved={(name, duplicates) => {
                setNotice(duplicates > 0 ? t('partners.registeredDuplicate', { name }) : t('partners.registered', { name }));
                reload();
              }}
            />
          </Section>
        )}
      </Stack>

      {opened && (
        <Modal opened onClose={() => void navigate('/registry/partners')} title={opened.name} closeButtonProps={{ 'aria-label': t('assets.close') }}>
          <Stack gap={4} data-testid="partner-details">
            <Text>{t(`enums.PartnerKind.${opened.kind}`)}</Text>
            <Text>{opened.country ?? t('partners.countryUnknown')}</Text>
            {opened.wikidataId && <Text>{opened.wikidataId}</Text>}
            {opened.website && (
              <Anchor href={opened.website} target="_blank" rel="noreferrer">
                {opened.website}
              </Anchor>
            )}
            {opened.notes && <Text>{opened.notes}</Text>}
          </Stack>
          <RecordHistory id={opened.id} />
        </Modal>
      )}
    </>
  );
}

function RegisterPartnerForm({ onSaved }: { onSaved: (name: string, duplicates: number) => void }) {
  const { t } = useTranslation();
  const empty = { name: '', kind: 'CITY' as PartnerKind, country: '', wikidataId: '', website: '', notes: '' };
  const [state, setState] = useState(empty);
  const [errors, setErrors] = useState<FieldErrors<PartnerField>>({ byField: {}, general: [] });
  const [result, registerPartner] = useMutation(RegisterPartnerMutation);
  const set = (key: keyof typeof empty, value: string) => setState((previous) => ({ ...previous, [key]: value }));
  const optional = (text: string) => (text.trim() === '' ? undefined : text.trim());

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({ byField: {}, general: [] });
    const answer = await registerPartner({
      input: { name: state.name, kind: state.kind, country: optional(state.country)?.toUpperCase(), wikidataId: optional(state.wikidataId), website: optional(state.website), notes: optional(state.notes) },
    });
    if (answer.error) {
      setErrors(refusalOf(PARTNER_FIELDS, answer.error));
      return;
    }
    if (answer.data) {
      onSaved(answer.data.registerPartner.name, answer.data.registerPartner.likelyDuplicates.length);
      setState(empty);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate style={ERROR_COLOUR} aria-label={t('partners.register')}>
      <Stack gap="sm" maw={640}>
        <TextInput id="partner-name" label={t('partners.fields.name')} required value={state.name} onChange={(event) => set('name', event.currentTarget.value)} error={errors.byField.name} />
        <Group grow align="flex-start">
          <Select
            id="partner-kind"
            label={t('partners.fields.kind')}
            data={KINDS.map((value) => ({ value, label: t(`enums.PartnerKind.${value}`) }))}
            value={state.kind}
            onChange={(value) => value && set('kind', value)}
            allowDeselect={false}
            error={errors.byField.kind}
          />
          <TextInput id="partner-country" label={t('partners.fields.country')} description={t('partners.hints.country')} value={state.country} onChange={(event) => set('country', event.currentTarget.value)} error={errors.byField.country} />
        </Group>
        <Group grow align="flex-start">
          <TextInput id="partner-wikidata" label={t('partners.fields.wikidataId')} description={t('partners.hints.wikidataId')} value={state.wikidataId} onChange={(event) => set('wikidataId', event.currentTarget.value)} error={errors.byField.wikidataId} />
          <TextInput id="partner-website" label={t('partners.fields.website')} value={state.website} onChange={(event) => set('website', event.currentTarget.value)} error={errors.byField.website} />
        </Group>
        <Textarea id="partner-notes" label={t('partners.fields.notes')} autosize minRows={2} value={state.notes} onChange={(event) => set('notes', event.currentTarget.value)} error={errors.byField.notes} />
        <GeneralErrors messages={errors.general} />
        <Group>
          <Button type="submit" loading={result.fetching}>
            {t('partners.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
