import { Alert, Button, Group, Modal, NumberInput, Select, Stack, Table, TagsInput, Text, Textarea, TextInput, Title } from '@mantine/core';
import { type FormEvent, lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Busy } from '../busy';
import { formatDate, formatNumber } from '../format';
import { graphql } from '../gql';
import type { AssetInput, AssetType, Confidentiality } from '../gql/graphql';
import { QueryError } from '../query-error';
import { useSession } from '../session';
import { PageTitle } from '../shell';
import { ASSET_CATEGORIES, ASSET_FIELDS, CONFIDENTIALITY_LEVELS, type AssetField, type RecordableCategory, TYPES_BY_CATEGORY } from './asset-fields';
import { ERROR_COLOUR, GeneralErrors, Notice, Section } from './feedback';
import { type FieldErrors, refusalOf } from './field-errors';
import { RecordNotFound } from './not-found';
import { RecordHistory } from './record-history';
import { useRegistryRoles } from './registry-roles';

// The chart engine is its own chunk: the table and the form do not wait for it.
const TableOneChart = lazy(() => import('./table-one-chart'));

const AssetsQuery = graphql(`
  query Assets {
    tableOneSummary {
      category
      count
    }
    assets(first: 100) {
      totalCount
      nodes {
        id
        name
        description
        category
        type
        countries
        sectors
        magnitude {
          value
          unit
          currency
        }
        sourceOrganisation
        asOf
        confidentiality
        updatedAt
      }
    }
  }
`);

const RecordAssetMutation = graphql(`
  mutation RecordAsset($input: AssetInput!) {
    recordAsset(input: $input) {
      id
      name
    }
  }
`);

const UpdateAssetMutation = graphql(`
  mutation UpdateAsset($id: ID!, $input: AssetInput!) {
    updateAsset(id: $id, input: $input) {
      id
      name
    }
  }
`);

const RemoveAssetMutation = graphql(`
  mutation RemoveAsset($id: ID!) {
    removeAsset(id: $id)
  }
`);

type AssetRow = NonNullable<ReturnType<typeof useAssets>[0]['data']>['assets']['nodes'][number];

function useAssets() {
  return useQuery({ query: AssetsQuery });
}

export default function AssetsPage() {
  const { t } = useTranslation();
  const { jurisdiction } = useSession();
  const { id } = useParams();
  const navigate = useNavigate();
  const { mayEdit, mayRemove } = useRegistryRoles();
  const [{ data, error }, refetch] = useAssets();
  const [notice, setNotice] = useState<string | null>(null);
  const [, removeAsset] = useMutation(RemoveAssetMutation);
  const [removeError, setRemoveError] = useState<string | null>(null);
  if (error) return <QueryError error={error} />;
  if (!data) return <Busy />;
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const rows = data.tableOneSummary.filter((row) => row.category !== 'EXISTING_INTERNATIONAL_RELATIONSHIPS' || row.count > 0);
  const opened = id ? data.assets.nodes.find((asset) => asset.id === id) : undefined;

  if (id && !opened) {
    return <RecordNotFound title={t('assets.title')} message={t('assets.notFound')} back={t('assets.backToList')} to="/registry/assets" testId="asset-not-found" />;
  }

  const remove = async (asset: AssetRow) => {
    if (!window.confirm(t('assets.confirmRemove', { name: asset.name }))) return;
    setRemoveError(null);
    const answer = await removeAsset({ id: asset.id });
    if (answer.error) setRemoveError(answer.error.graphQLErrors[0]?.message ?? answer.error.message);
    else {
      setNotice(t('assets.removed', { name: asset.name }));
      reload();
    }
  };

  return (
    <>
      <PageTitle>{t('assets.title')}</PageTitle>
      <Stack gap="lg">
        <Section id="table-one-heading" title={t('assets.summary')}>
          <Suspense fallback={<Busy />}>
            <TableOneChart rows={rows.map((row) => ({ category: t(`enums.AssetCategory.${row.category}`), count: row.count }))} />
          </Suspense>
          <Table mt="sm" data-testid="table-one">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('assets.columns.category')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('assets.columns.count')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.category} data-category={row.category}>
                  <Table.Th scope="row" fw={400}>
                    {t(`enums.AssetCategory.${row.category}`)}
                  </Table.Th>
                  <Table.Td ta="right" data-testid={`table-one-${row.category}`}>
                    {formatNumber(row.count, jurisdiction)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Section>

        <section aria-labelledby="assets-heading">
          <Title order={2} size="h4" id="assets-heading" mb="xs">
            {t('assets.list', { count: data.assets.totalCount })}
          </Title>
          <Notice message={notice} onClose={() => setNotice(null)} />
          {removeError && (
            <Alert role="alert" color="red" variant="light" mb="sm">
              {t('app.failed', { message: removeError })}
            </Alert>
          )}
          {data.assets.nodes.length === 0 ? (
            <Text>{t('assets.none')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={720}>
              <Table striped data-testid="assets">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('assets.fields.name')}</Table.Th>
                    <Table.Th scope="col">{t('assets.fields.type')}</Table.Th>
                    <Table.Th scope="col">{t('assets.fields.countries')}</Table.Th>
                    <Table.Th scope="col">{t('assets.fields.magnitude')}</Table.Th>
                    <Table.Th scope="col">{t('assets.columns.updated')}</Table.Th>
                    {mayEdit && <Table.Th scope="col">{t('assets.columns.actions')}</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.assets.nodes.map((asset) => (
                    <Table.Tr key={asset.id} data-testid="asset-row">
                      <Table.Td>{asset.name}</Table.Td>
                      <Table.Td>{t(`enums.AssetType.${asset.type}`)}</Table.Td>
                      <Table.Td>{asset.countries.join(', ')}</Table.Td>
                      <Table.Td>{asset.magnitude ? `${formatNumber(asset.magnitude.value, jurisdiction)} ${asset.magnitude.currency ?? asset.magnitude.unit}` : ''}</Table.Td>
                      <Table.Td>{formatDate(asset.updatedAt, jurisdiction)}</Table.Td>
                      {mayEdit && (
                        <Table.Td>
                          <Group gap="xs" wrap="nowrap">
                            <Button size="xs" variant="default" component={Link} to={`/registry/assets/${asset.id}`} aria-label={t('assets.editNamed', { name: asset.name })}>
                              {t('assets.edit')}
                            </Button>
                            {mayRemove && (
                              <Button size="xs" variant="outline" color="red.9" onClick={() => void remove(asset)} aria-label={t('assets.removeNamed', { name: asset.name })}>
                                {t('assets.remove')}
                              </Button>
                            )}
                          </Group>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </section>

        {mayEdit && (
          <Section id="add-asset-heading" title={t('assets.add')}>
            <AssetForm
              key="new"
              onSaved={(name) => {
                setNotice(t('assets.recorded', { name }));
                reload();
              }}
            />
          </Section>
        )}
      </Stack>

      {opened && (
        <Modal opened onClose={() => void navigate('/registry/assets')} title={t('assets.editTitle', { name: opened.name })} size="lg" closeButtonProps={{ 'aria-label': t('assets.close') }}>
          {mayEdit ? (
            <AssetForm
              key={opened.id}
              asset={opened}
              onSaved={(name) => {
                setNotice(t('assets.updated', { name }));
                reload();
                void navigate('/registry/assets');
              }}
            />
          ) : (
            <AssetDetails asset={opened} />
          )}
          <RecordHistory key={opened.updatedAt} id={opened.id} />
        </Modal>
      )}
    </>
  );
}

function AssetDetails({ asset }: { asset: AssetRow }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text>{t(`enums.AssetType.${asset.type}`)}</Text>
      {asset.description && <Text>{asset.description}</Text>}
      <Text>{asset.countries.join(', ')}</Text>
    </Stack>
  );
}

interface FormState {
  name: string;
  description: string;
  category: RecordableCategory;
  type: AssetType;
  countries: string[];
  sectors: string[];
  value: number | string;
  unit: string;
  currency: string;
  sourceOrganisation: string;
  asOf: string;
  confidentiality: Confidentiality;
}

function initialState(asset?: AssetRow): FormState {
  const category = (ASSET_CATEGORIES as readonly string[]).includes(asset?.category ?? '') ? (asset?.category as RecordableCategory) : 'ECONOMIC_FOUNDATIONS';
  return {
    name: asset?.name ?? '',
    description: asset?.description ?? '',
    category,
    type: asset?.type ?? TYPES_BY_CATEGORY[category][0],
    countries: [...(asset?.countries ?? [])],
    sectors: [...(asset?.sectors ?? [])],
    value: asset?.magnitude?.value ?? '',
    unit: asset?.magnitude?.unit ?? '',
    currency: asset?.magnitude?.currency ?? '',
    sourceOrganisation: asset?.sourceOrganisation ?? '',
    asOf: asset?.asOf ?? '',
    confidentiality: asset?.confidentiality ?? 'INTERNAL',
  };
}

/** What the form sends: empty optional fields left out, so the API's defaults and checks apply. */
function inputOf(state: FormState): AssetInput {
  const optional = (text: string) => (text.trim() === '' ? undefined : text.trim());
  const hasMagnitude = state.value !== '' || state.unit.trim() !== '';
  return {
    name: state.name,
    description: optional(state.description),
    category: state.category,
    type: state.type,
    countries: state.countries.map((code) => code.trim().toUpperCase()),
    sectors: state.sectors,
    magnitude: hasMagnitude ? { value: typeof state.value === 'number' ? state.value : Number.NaN, unit: state.unit.trim(), currency: optional(state.currency) } : undefined,
    sourceOrganisation: optional(state.sourceOrganisation),
    asOf: optional(state.asOf),
    confidentiality: state.confidentiality,
  };
}

function AssetForm({ asset, onSaved }: { asset?: AssetRow; onSaved: (name: string) => void }) {
  const { t } = useTranslation();
  const [state, setState] = useState<FormState>(() => initialState(asset));
  const [errors, setErrors] = useState<FieldErrors<AssetField>>({ byField: {}, general: [] });
  const [recordResult, recordAsset] = useMutation(RecordAssetMutation);
  const [updateResult, updateAsset] = useMutation(UpdateAssetMutation);
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setState((previous) => ({ ...previous, [key]: value }));
  const fieldError = (...fields: AssetField[]) => fields.map((field) => errors.byField[field]).filter(Boolean).join('; ') || undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({ byField: {}, general: [] });
    const input = inputOf(state);
    const answer = asset ? await updateAsset({ id: asset.id, input }) : await recordAsset({ input });
    if (answer.error) {
      setErrors(refusalOf(ASSET_FIELDS, answer.error));
      return;
    }
    onSaved(input.name);
    if (!asset) setState(initialState());
  };

  const prefix = asset ? 'edit' : 'add';
  return (
    <form onSubmit={(event) => void submit(event)} noValidate style={ERROR_COLOUR} aria-label={asset ? t('assets.editTitle', { name: asset.name }) : t('assets.add')}>
      <Stack gap="sm" maw={640}>
        <TextInput id={`${prefix}-name`} label={t('assets.fields.name')} required value={state.name} onChange={(event) => set('name', event.currentTarget.value)} error={fieldError('name')} />
        <Group grow align="flex-start">
          <Select
            id={`${prefix}-category`}
            label={t('assets.fields.category')}
            data={ASSET_CATEGORIES.map((value) => ({ value, label: t(`enums.AssetCategory.${value}`) }))}
            value={state.category}
            onChange={(value) => {
              if (!value) return;
              const category = value as RecordableCategory;
              setState((previous) => ({ ...previous, category, type: TYPES_BY_CATEGORY[category][0] }));
            }}
            allowDeselect={false}
            error={fieldError('category')}
          />
          <Select
            id={`${prefix}-type`}
            label={t('assets.fields.type')}
            data={TYPES_BY_CATEGORY[state.category].map((value) => ({ value, label: t(`enums.AssetType.${value}`) }))}
            value={state.type}
            onChange={(value) => value && set('type', value as AssetType)}
            allowDeselect={false}
            error={fieldError('type')}
          />
        </Group>
        <Textarea id={`${prefix}-description`} label={t('assets.fields.description')} autosize minRows={2} value={state.description} onChange={(event) => set('description', event.currentTarget.value)} error={fieldError('description')} />
        <TagsInput
          id={`${prefix}-countries`}
          label={t('assets.fields.countries')}
          description={t('assets.hints.countries')}
          value={state.countries}
          onChange={(value) => set('countries', value)}
          error={fieldError('countries')}
        />
        <TagsInput id={`${prefix}-sectors`} label={t('assets.fields.sectors')} description={t('assets.hints.sectors')} value={state.sectors} onChange={(value) => set('sectors', value)} error={fieldError('sectors')} />
        <Group grow align="flex-start">
          <NumberInput id={`${prefix}-value`} label={t('assets.fields.value')} min={0} value={state.value} onChange={(value) => set('value', value)} error={fieldError('magnitude', 'magnitude.value')} />
          <TextInput id={`${prefix}-unit`} label={t('assets.fields.unit')} description={t('assets.hints.unit')} value={state.unit} onChange={(event) => set('unit', event.currentTarget.value)} error={fieldError('magnitude.unit')} />
          <TextInput id={`${prefix}-currency`} label={t('assets.fields.currency')} description={t('assets.hints.currency')} value={state.currency} onChange={(event) => set('currency', event.currentTarget.value)} error={fieldError('magnitude.currency')} />
        </Group>
        <Group grow align="flex-start">
          <TextInput id={`${prefix}-source`} label={t('assets.fields.sourceOrganisation')} value={state.sourceOrganisation} onChange={(event) => set('sourceOrganisation', event.currentTarget.value)} error={fieldError('sourceOrganisation')} />
          <TextInput id={`${prefix}-as-of`} label={t('assets.fields.asOf')} description={t('assets.hints.asOf')} placeholder="YYYY-MM-DD" value={state.asOf} onChange={(event) => set('asOf', event.currentTarget.value)} error={fieldError('asOf')} />
        </Group>
        <Select
          id={`${prefix}-confidentiality`}
          label={t('assets.fields.confidentiality')}
          data={CONFIDENTIALITY_LEVELS.map((value) => ({ value, label: t(`enums.Confidentiality.${value}`) }))}
          value={state.confidentiality}
          onChange={(value) => value && set('confidentiality', value as Confidentiality)}
          allowDeselect={false}
          error={fieldError('confidentiality')}
        />
        <GeneralErrors messages={errors.general} />
        {Object.keys(errors.byField).length > 0 && (
          <Text role="alert" c="red.9" size="sm">
            {t('assets.fixFields')}
          </Text>
        )}
        <Group>
          <Button type="submit" loading={recordResult.fetching || updateResult.fetching}>
            {asset ? t('assets.save') : t('assets.record')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
