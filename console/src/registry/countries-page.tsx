import { Anchor, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { type KeyboardEvent, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ComposableMap, Geographies, Geography } from 'react-simple-maps';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
// Vite copies the shapes into dist/assets (hashed, cached for good): the map loads them from the console's own origin, never from the internet.
import worldUrl from 'world-atlas/countries-110m.json?url';
import { Busy } from '../busy';
import { formatNumber } from '../format';
import { graphql } from '../gql';
import { QueryError } from '../query-error';
import { useSession } from '../session';
import { PageTitle } from '../shell';
import { countryName, numericOf } from './country-names';
import { type CountryTie, strengthLevel, tiesByCountry } from './ties';

const CountryTiesQuery = graphql(`
  query CountryTies {
    myTiesByCountry {
      country
      partnerCount
    }
    relationships(first: 100) {
      nodes {
        partnerCountry
      }
    }
    assets(first: 100) {
      nodes {
        countries
      }
    }
  }
`);

const CountryProfileQuery = graphql(`
  query CountryProfile($country: String!) {
    countryProfile(country: $country, first: 5) {
      country
      exports {
        count
      }
      fdiInbound {
        count
      }
      fdiOutbound {
        count
      }
      culturalConnections {
        count
      }
      otherAssets {
        count
      }
      partners {
        id
        name
      }
      relationships {
        id
        partnerName
        status
      }
    }
  }
`);

/** From no tie (grey) to the strongest (dark indigo); the table beside the map gives the numbers. */
const FILLS = ['var(--mantine-color-gray-2)', 'var(--mantine-color-indigo-2)', 'var(--mantine-color-indigo-4)', 'var(--mantine-color-indigo-6)', 'var(--mantine-color-indigo-9)'] as const;

export default function CountriesPage() {
  const { t, i18n } = useTranslation();
  const { jurisdiction } = useSession();
  const { country: selected } = useParams();
  const navigate = useNavigate();
  const [{ data, error }] = useQuery({ query: CountryTiesQuery });
  const ties = useMemo(
    () => (data ? tiesByCountry({ partners: data.myTiesByCountry, relationships: data.relationships.nodes, assets: data.assets.nodes }) : []),
    [data],
  );
  const byNumeric = useMemo(() => new Map(ties.flatMap((tie) => (numericOf(tie.country) ? [[numericOf(tie.country) as string, tie] as const] : []))), [ties]);
  if (error) return <QueryError error={error} />;
  if (!data) return <Busy />;
  const language = i18n.resolvedLanguage ?? 'en';
  const strongest = ties[0]?.total ?? 0;
  const describe = (tie: CountryTie) => t('countries.tieLabel', { country: countryName(tie.country, language), partners: tie.partners, relationships: tie.relationships, assets: tie.assets });
  const open = (code: string) => void navigate(`/registry/countries/${code}`);

  return (
    <>
      <PageTitle>{t('countries.title')}</PageTitle>
      <Stack gap="lg">
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="map-heading">
          <Title order={2} size="h4" id="map-heading">
            {t('countries.map')}
          </Title>
          <Text size="sm" c="dimmed" mb="xs" id="map-hint">
            {t('countries.mapHint')}
          </Text>
          <ComposableMap role="group" aria-labelledby="map-heading" aria-describedby="map-hint" projection="geoEqualEarth" width={800} height={400} projectionConfig={{ scale: 150 }} style={{ width: '100%', height: 'auto' }} data-testid="ties-map">
            <Geographies geography={worldUrl}>
              {({ geographies }) =>
                geographies.map((geography) => {
                  const tie = geography.id === undefined ? undefined : byNumeric.get(String(geography.id));
                  const level = tie ? strengthLevel(tie.total, strongest) : 0;
                  const isSelected = tie !== undefined && tie.country === selected?.toUpperCase();
                  return tie ? (
                    <Geography
                      key={geography.rsmKey}
                      geography={geography}
                      role="link"
                      tabIndex={0}
                      aria-label={describe(tie)}
                      data-country={tie.country}
                      data-ties={tie.total}
                      fill={FILLS[level]}
                      stroke={isSelected ? 'var(--mantine-color-orange-8)' : 'var(--mantine-color-gray-6)'}
                      strokeWidth={isSelected ? 2 : 0.5}
                      className="ties-country"
                      onClick={() => open(tie.country)}
                      onKeyDown={(event: KeyboardEvent<SVGPathElement>) => {
                        if (event.key === 'Enter' || event.key === ' ') {
                          event.preventDefault();
                          open(tie.country);
                        }
                      }}
                    >
                      <title>{describe(tie)}</title>
                    </Geography>
                  ) : (
                    <Geography key={geography.rsmKey} geography={geography} tabIndex={-1} aria-hidden="true" fill={FILLS[0]} stroke="var(--mantine-color-gray-5)" strokeWidth={0.5} />
                  );
                })
              }
            </Geographies>
          </ComposableMap>
          <Group gap="xs" mt="xs" aria-hidden="true">
            <Text size="xs">{t('countries.legendWeak')}</Text>
            {FILLS.slice(1).map((fill) => (
              <span key={fill} style={{ display: 'inline-block', width: 24, height: 12, background: fill, border: '1px solid var(--mantine-color-gray-6)' }} />
            ))}
            <Text size="xs">{t('countries.legendStrong')}</Text>
          </Group>
        </Paper>

        <SimpleGrid cols={{ base: 1, md: selected ? 2 : 1 }}>
          <section aria-labelledby="ties-heading">
            <Title order={2} size="h4" id="ties-heading" mb="xs">
              {t('countries.table')}
            </Title>
            {ties.length === 0 ? (
              <Text>{t('countries.none')}</Text>
            ) : (
              <Table striped data-testid="ties-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('countries.columns.country')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('countries.columns.partners')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('countries.columns.relationships')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('countries.columns.assets')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('countries.columns.total')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {ties.map((tie) => (
                    <Table.Tr key={tie.country} data-testid={`ties-${tie.country}`}>
                      <Table.Th scope="row" fw={400}>
                        <Anchor component={Link} to={`/registry/countries/${tie.country}`}>
                          {countryName(tie.country, language)}
                        </Anchor>
                      </Table.Th>
                      <Table.Td ta="right">{formatNumber(tie.partners, jurisdiction)}</Table.Td>
                      <Table.Td ta="right">{formatNumber(tie.relationships, jurisdiction)}</Table.Td>
                      <Table.Td ta="right">{formatNumber(tie.assets, jurisdiction)}</Table.Td>
                      <Table.Td ta="right" fw={600}>
                        {formatNumber(tie.total, jurisdiction)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </section>
          {selected && <CountryProfilePanel country={selected.toUpperCase()} language={language} />}
        </SimpleGrid>
      </Stack>
    </>
  );
}

function CountryProfilePanel({ country, language }: { country: string; language: string }) {
  const { t } = useTranslation();
  const [{ data, error }] = useQuery({ query: CountryProfileQuery, variables: { country } });
  if (error) return <QueryError error={error} />;
  if (!data) return <Busy />;
  const profile = data.countryProfile;
  const sections = [
    ['exports', profile.exports.count],
    ['fdiInbound', profile.fdiInbound.count],
    ['fdiOutbound', profile.fdiOutbound.count],
    ['culturalConnections', profile.culturalConnections.count],
    ['otherAssets', profile.otherAssets.count],
  ] as const;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="profile-heading" data-testid="country-profile">
      <Title order={2} size="h4" id="profile-heading" mb="xs">
        {t('countries.profile', { country: countryName(country, language) })}
      </Title>
      <Table>
        <Table.Tbody>
          {sections.map(([section, count]) => (
            <Table.Tr key={section}>
              <Table.Th scope="row" fw={400}>
                {t(`countries.sections.${section}`)}
              </Table.Th>
              <Table.Td ta="right">{count}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={3} size="h5" mt="md">
        {t('countries.columns.partners')}
      </Title>
      {profile.partners.length === 0 ? (
        <Text size="sm">{t('countries.noPartners')}</Text>
      ) : (
        <ul>
          {profile.partners.map((partner) => (
            <li key={partner.id}>
              <Anchor component={Link} to={`/registry/partners/${partner.id}`}>
                {partner.name}
              </Anchor>
            </li>
          ))}
        </ul>
      )}
      <Title order={3} size="h5" mt="md">
        {t('countries.columns.relationships')}
      </Title>
      {profile.relationships.length === 0 ? (
        <Text size="sm">{t('countries.noRelationships')}</Text>
      ) : (
        <ul>
          {profile.relationships.map((relationship) => (
            <li key={relationship.id}>
              {relationship.partnerName} · {t(`enums.RelationshipStatus.${relationship.status}`)}
            </li>
          ))}
        </ul>
      )}
    </Paper>
  );
}
