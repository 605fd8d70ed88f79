import { Alert, Anchor, Badge, Button, Group, List, Modal, SimpleGrid, Stack, Text, Timeline, Title, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { Busy } from '../busy';
import { graphql } from '../gql';
import { useCan, useSession } from '../session';
import { FollowToggle } from './follow-toggle';
import { formatAmount, formatMoment, viewerTimeZone } from './funding-format';

const OpportunityQuery = graphql(`
  query Opportunity($id: ID!) {
    opportunity(id: $id) {
      id
      title
      followed
      reference
      funder
      funderType
      description
      url
      status
      postedAt
      closesAt
      timeZone
      award {
        floor
        ceiling
        total
        currency
      }
      costSharing
      eligibleApplicantTypes
      eligibleCountries
      eligibilityText
      themes
      jointBidsAllowed
      version
      versions {
        version
        seenAt
        changes {
          field
          from
          to
        }
      }
    }
  }
`);

/** A kebab-case term of the API (city-or-township-governments) as words. */
const words = (term: string) => term.replace(/-/g, ' ');

/** A version's changed value, as the API gives it (JSON text), shortened for reading. */
function shown(value: string | null | undefined, empty: string): string {
  if (value === null || value === undefined || value === '' || value === 'null') return empty;
  const text = value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

/**
 * One call in full: description, amounts, eligibility, dates (in the
 * viewer's time zone, and as the source states them), a link to the source,
 * why it matches us, and its version history (what changed, when).
 */
export function OpportunityDialog({ id, match, onClose }: { id: string; match?: { score: number; explanation: string }; onClose: () => void }) {
  const { t } = useTranslation();
  const { jurisdiction } = useSession();
  const mayEditPipeline = useCan('editPipeline');
  const [{ data, error }] = useQuery({ query: OpportunityQuery, variables: { id } });
  const call = data?.opportunity;
  const yesNo = (value: boolean | null | undefined) => (value === null || value === undefined ? t('fundingSearch.notStated') : value ? t('fundingSearch.detail.yes') : t('fundingSearch.detail.no'));
  const money = (amount: number | null | undefined) => (amount === null || amount === undefined ? t('fundingSearch.notStated') : formatAmount(amount, call?.award.currency, jurisdiction.locale));
  const fact = (label: string, value: ReactNode) => (
    <Text size="sm">
      <strong>{label}:</strong> {value}
    </Text>
  );
  return (
    <Modal opened onClose={onClose} title={call?.title ?? t('fundingSearch.title')} size="xl" closeButtonProps={{ 'aria-label': t('fundingSearch.detail.close') }}>
      {error && !data ? (
        <Alert role="alert" color="gray" variant="light" data-testid="opportunity-not-found">
          {t('fundingSearch.detail.notFound')}
        </Alert>
      ) : !call ? (
        <Busy />
      ) : (
        <Stack gap="md" data-testid="opportunity-detail">
          <Group gap="xs">
            <Badge variant="outline">{t(`fundingEnums.status.${call.status}`)}</Badge>
            <Text size="sm">
              {call.funder} · {t(`fundingEnums.funderType.${call.funderType}`)}
              {call.reference && ` · ${t('fundingSearch.detail.reference', { reference: call.reference })}`}
            </Text>
          </Group>
          <Group gap="sm">
            {call.url && (
              <Anchor href={call.url} target="_blank" rel="noreferrer noopener">
                {t('fundingSearch.detail.source')}
                <VisuallyHidden> ({call.title})</VisuallyHidden>
              </Anchor>
            )}
            <FollowToggle opportunityId={call.id} title={call.title} followed={call.followed} />
            {mayEditPipeline && (
              <Button component={Link} to={`/funding/pipeline?opportunity=${encodeURIComponent(call.id)}`} size="xs" variant="default" data-testid="add-to-pipeline">
                {t('fundingSearch.detail.addToPipeline')}
                <VisuallyHidden> ({call.title})</VisuallyHidden>
              </Button>
            )}
          </Group>
          {match && (
            <section aria-labelledby="detail-match">
              <Title order={3} size="h5" id="detail-match">
                {t('fundingSearch.detail.match')}
              </Title>
              <Text size="sm" data-testid="detail-explanation">
                <Badge component="span" mr="xs" variant="filled" color="indigo.8">
                  {match.score}
                  <VisuallyHidden> {t('fundingSearch.scoreOf')}</VisuallyHidden>
                </Badge>
                {match.explanation}
              </Text>
            </section>
          )}
          <section aria-labelledby="detail-description">
            <Title order={3} size="h5" id="detail-description">
              {t('fundingSearch.detail.description')}
            </Title>
            <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
              {call.description ?? t('fundingSearch.detail.noDescription')}
            </Text>
          </section>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <section aria-labelledby="detail-amounts">
              <Title order={3} size="h5" id="detail-amounts">
                {t('fundingSearch.detail.amounts')}
              </Title>
              {fact(t('fundingSearch.detail.floor'), money(call.award.floor))}
              {fact(t('fundingSearch.detail.ceiling'), money(call.award.ceiling))}
              {fact(t('fundingSearch.detail.total'), money(call.award.total))}
              {fact(t('fundingSearch.detail.costSharing'), yesNo(call.costSharing))}
              {fact(t('fundingSearch.detail.jointBids'), yesNo(call.jointBidsAllowed))}
            </section>
            <section aria-labelledby="detail-dates">
              <Title order={3} size="h5" id="detail-dates">
                {t('fundingSearch.detail.dates')}
              </Title>
              {fact(t('fundingSearch.detail.posted'), call.postedAt ? formatMoment(call.postedAt, jurisdiction.locale) : t('fundingSearch.notStated'))}
              {fact(t('fundingSearch.detail.closes'), call.closesAt ? `${formatMoment(call.closesAt, jurisdiction.locale)} (${viewerTimeZone()})` : t('fundingSearch.noDeadline'))}
              {call.closesAt && call.timeZone !== viewerTimeZone() && (
                <Text size="sm">{t('fundingSearch.detail.closesSource', { when: formatMoment(call.closesAt, jurisdiction.locale, call.timeZone), zone: call.timeZone })}</Text>
              )}
            </section>
          </SimpleGrid>
          <section aria-labelledby="detail-eligibility">
            <Title order={3} size="h5" id="detail-eligibility">
              {t('fundingSearch.detail.eligibility')}
            </Title>
            {fact(t('fundingSearch.detail.applicantTypes'), call.eligibleApplicantTypes.length > 0 ? call.eligibleApplicantTypes.map(words).join(', ') : t('fundingSearch.notStated'))}
            {fact(t('fundingSearch.detail.countries'), call.eligibleCountries.length > 0 ? call.eligibleCountries.join(', ') : t('fundingSearch.detail.anyCountry'))}
            {fact(t('fundingSearch.detail.themes'), call.themes.length > 0 ? call.themes.map(words).join(', ') : t('fundingSearch.notStated'))}
            {call.eligibilityText && (
              <Text size="sm" mt={4} style={{ whiteSpace: 'pre-line' }}>
                {call.eligibilityText}
              </Text>
            )}
          </section>
          <section aria-labelledby="detail-history">
            <Title order={3} size="h5" id="detail-history" mb="xs">
              {t('fundingSearch.detail.history')}
            </Title>
            <Timeline bulletSize={14} lineWidth={2} active={(call.versions?.length ?? 1) - 1} data-testid="version-history">
              {[...(call.versions ?? [])].reverse().map((version) => (
                <Timeline.Item key={version.version} title={t('fundingSearch.detail.version', { version: version.version, when: formatMoment(version.seenAt, jurisdiction.locale) })}>
                  {version.changes.length === 0 ? (
                    <Text size="sm">{t('fundingSearch.detail.firstVersion')}</Text>
                  ) : (
                    <List size="sm">
                      {version.changes.map((change) => (
                        <List.Item key={change.field}>{t('fundingSearch.detail.changed', { field: change.field, from: shown(change.from, t('fundingSearch.detail.empty')), to: shown(change.to, t('fundingSearch.detail.empty')) })}</List.Item>
                      ))}
                    </List>
                  )}
                </Timeline.Item>
              ))}
            </Timeline>
          </section>
        </Stack>
      )}
    </Modal>
  );
}
