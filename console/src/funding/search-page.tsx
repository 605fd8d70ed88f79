import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { type FormEvent, lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useClient, useQuery } from 'urql';
import { Busy } from '../busy';
import { FITS, NEUTRAL, PENDING } from '../colors';
import { graphql } from '../gql';
import type { OpportunitiesQuery, OpportunitySearchContextQuery, OpportunitySearchInput } from '../gql/graphql';
import { QueryError } from '../query-error';
import { Notice } from '../registry/feedback';
import { useSession } from '../session';
import { PageTitle } from '../shell';
import { CriteriaFields } from './criteria-fields';
import { formatAmount, formatMoment, viewerTimeZone } from './funding-format';
import { OpportunityDialog } from './opportunity-dialog';
import { SavedSearchDialog } from './saved-search-form';
import { awardOf, NO_FILTERS, passesLocalFilters, queryFilterOf, type SearchFilters } from './search-filters';

const AwardChart = lazy(() => import('./award-chart'));

const OpportunitiesQueryDocument = graphql(`
  query Opportunities($filter: OpportunitySearchInput, $after: String) {
    opportunities(filter: $filter, first: 100, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        title
        funder
        funderType
        status
        closesAt
        timeZone
        award {
          floor
          ceiling
          total
          currency
        }
        eligibleCountries
      }
    }
  }
`);

const SearchContextQuery = graphql(`
  query OpportunitySearchContext {
    jurisdiction {
      id
      country
    }
    opportunityMatches(first: 100) {
      opportunityId
      score
      explanation
      eligibility
    }
  }
`);

type Row = OpportunitiesQuery['opportunities']['nodes'][number];
export type Match = OpportunitySearchContextQuery['opportunityMatches'][number];

const NO_WRAP = { whiteSpace: 'nowrap', width: '1%' } as const;
const WHOLE_BADGE = { minWidth: 'max-content' } as const;

export function scoreColour(score: number): string {
  return score >= 60 ? FITS : score >= 30 ? PENDING : NEUTRAL;
}

/**
 * Funding opportunities from every source, filtered: the query filters what
 * it can, the console the rest (search-filters.ts). Each row shows our
 * match score and its one-line explanation when the call fits a priority;
 * closing dates are in the viewer's time zone. A call opens at its own
 * address (/funding/opportunities/<id>) in a dialog; "Save this search"
 * turns the applied filters into a saved search.
 */
export default function OpportunitySearchPage() {
  const { t } = useTranslation();
  const { jurisdiction } = useSession();
  const { id } = useParams();
  const navigate = useNavigate();
  const client = useClient();
  const [draft, setDraft] = useState<SearchFilters>(NO_FILTERS);
  const [applied, setApplied] = useState<SearchFilters>(NO_FILTERS);
  // The deadline window counts from when the search was made, not from each render.
  const [searchedAt, setSearchedAt] = useState(() => new Date());
  const filter = useMemo(() => queryFilterOf(applied, searchedAt), [applied, searchedAt]);
  const [{ data, error, fetching }] = useQuery({ query: OpportunitiesQueryDocument, variables: { filter, after: null } });
  const [{ data: context }] = useQuery({ query: SearchContextQuery });
  // Further pages of the same search; a new search starts again from its first page.
  const [further, setFurther] = useState<{ filter: OpportunitySearchInput; nodes: Row[]; endCursor: string | null; hasNextPage: boolean } | null>(null);
  const more = further?.filter === filter ? further : null;
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const matches = useMemo(() => new Map<string, Match>((context?.opportunityMatches ?? []).map((match) => [match.opportunityId, match])), [context]);
  const matchedIds = useMemo(() => new Set(matches.keys()), [matches]);
  const zone = viewerTimeZone();

  if (error && !data) return <QueryError error={error} />;
  const page = data?.opportunities;
  const loaded = [...(page?.nodes ?? []), ...(more?.nodes ?? [])];
  const rows = loaded.filter((row) => passesLocalFilters(row, applied, matchedIds, context?.jurisdiction.country ?? null));
  const next = more ?? (page ? { endCursor: page.pageInfo.endCursor ?? null, hasNextPage: page.pageInfo.hasNextPage } : null);

  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    setSearchedAt(new Date());
    setApplied(draft);
  };
  const loadMore = async () => {
    if (!next?.endCursor) return;
    const answer = await client.query(OpportunitiesQueryDocument, { filter, after: next.endCursor }).toPromise();
    const nextPage = answer.data?.opportunities;
    if (nextPage) setFurther({ filter, nodes: [...(more?.nodes ?? []), ...nextPage.nodes], endCursor: nextPage.pageInfo.endCursor ?? null, hasNextPage: nextPage.pageInfo.hasNextPage });
  };

  return (
    <>
      <PageTitle>{t('fundingSearch.title')}</PageTitle>
      <Stack gap="lg">
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="filters-heading">
          <Title order={2} size="h4" id="filters-heading" mb="sm">
            {t('fundingSearch.filters')}
          </Title>
          <form onSubmit={onSearch} aria-label={t('fundingSearch.filters')} data-testid="search-filters">
            <CriteriaFields id="filter" value={draft} onChange={setDraft} keywordsHint={t('fundingSearch.keywordsHint')} />
            <Group mt="md">
              <Button type="submit">{t('fundingSearch.search')}</Button>
              <Button
                variant="default"
                onClick={() => {
                  setDraft(NO_FILTERS);
                  setApplied(NO_FILTERS);
                }}
              >
                {t('fundingSearch.reset')}
              </Button>
              <Button variant="light" onClick={() => setSaving(true)} data-testid="save-this-search">
                {t('fundingSearch.saveSearch')}
              </Button>
            </Group>
          </form>
        </Paper>
        {notice && (
          <div>
            <Notice message={notice} onClose={() => setNotice(null)} />
            <Anchor component={Link} to="/funding/searches">
              {t('fundingNav.searches')}
            </Anchor>
          </div>
        )}
        <section aria-labelledby="results-heading" aria-busy={fetching}>
          <Title order={2} size="h4" id="results-heading" mb="xs">
            {page ? t('fundingSearch.resultsOf', { shown: rows.length, count: page.totalCount }) : t('fundingSearch.searching')}
          </Title>
          {!page ? (
            <Busy />
          ) : rows.length === 0 ? (
            <Text>{t('fundingSearch.none')}</Text>
          ) : (
            <Stack gap="md">
              <Suspense fallback={null}>
                <AwardChart rows={rows} />
              </Suspense>
              <Table.ScrollContainer minWidth={900}>
                <Table striped data-testid="opportunity-results">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('fundingSearch.columns.call')}</Table.Th>
                      <Table.Th scope="col">{t('fundingSearch.columns.status')}</Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t('fundingSearch.columns.award')}
                      </Table.Th>
                      <Table.Th scope="col">{t('fundingSearch.columns.closes', { zone })}</Table.Th>
                      <Table.Th scope="col">{t('fundingSearch.columns.match')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((row) => {
                      const match = matches.get(row.id);
                      const award = awardOf(row);
                      return (
                        <Table.Tr key={row.id} data-testid="opportunity-row">
                          <Table.Td maw={360}>
                            <Anchor component={Link} to={`/funding/opportunities/${encodeURIComponent(row.id)}`} fw={600} size="sm" aria-label={t('fundingSearch.openNamed', { title: row.title })}>
                              {row.title}
                            </Anchor>
                            <Text size="sm">
                              {row.funder} · {t(`fundingEnums.funderType.${row.funderType}`)}
                            </Text>
                          </Table.Td>
                          <Table.Td style={NO_WRAP}>
                            <Badge variant="outline" color={row.status === 'OPEN' ? FITS : NEUTRAL} style={WHOLE_BADGE}>
                              {t(`fundingEnums.status.${row.status}`)}
                            </Badge>
                          </Table.Td>
                          <Table.Td ta="right" style={NO_WRAP}>
                            {award === null ? t('fundingSearch.notStated') : formatAmount(award, row.award.currency, jurisdiction.locale)}
                          </Table.Td>
                          <Table.Td style={NO_WRAP}>{row.closesAt ? formatMoment(row.closesAt, jurisdiction.locale, zone) : t('fundingSearch.noDeadline')}</Table.Td>
                          <Table.Td maw={420}>
                            {match ? (
                              <Group gap="xs" wrap="nowrap" align="flex-start">
                                <Badge color={scoreColour(match.score)} variant="filled" style={WHOLE_BADGE} data-testid="match-score">
                                  {match.score}
                                  <VisuallyHidden> {t('fundingSearch.scoreOf')}</VisuallyHidden>
                                </Badge>
                                <Text size="sm" data-testid="match-explanation">
                                  {match.explanation}
                                </Text>
                              </Group>
                            ) : (
                              <Text size="sm">{t('fundingSearch.noMatch')}</Text>
                            )}
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              {next?.hasNextPage && (
                <Button variant="default" onClick={() => void loadMore()} w="fit-content">
                  {t('fundingSearch.more')}
                </Button>
              )}
            </Stack>
          )}
        </section>
      </Stack>
      {id && <OpportunityDialog id={id} match={matches.get(id)} onClose={() => void navigate('/funding/opportunities')} />}
      {saving && (
        <SavedSearchDialog
          filters={draft}
          onClose={() => setSaving(false)}
          onSaved={(message) => {
            setSaving(false);
            setNotice(message);
          }}
        />
      )}
    </>
  );
}
