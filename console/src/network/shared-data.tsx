import { Badge, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import type { SharingScope } from '../gql/graphql';
import { countryName } from '../registry/country-names';
import { NEUTRAL } from '../colors';
import { formatMoney, formatNumber } from '../format';
import { useSession } from '../session';
import { SCOPE_FIELDS, type SharedMoney, type SharedRow, valueOf } from './scopes';

/** What one member shares with a network: the same selection for the members' view and the sharer's preview, so both show the same thing. */
export const MemberSharedFields = graphql(`
  fragment MemberSharedFields on MemberSharedData {
    jurisdictionId
    name
    scopes
    partners {
      id
      name
      kind
      country
      wikidataId
    }
    relationships {
      id
      partnerName
      partnerCountry
      type
      status
      since
      until
      leadDepartment
    }
    priorities {
      id
      title
      focus
      goalKinds
      countries
      sectors
      themes
      sdgs
    }
    activities {
      id
      year
      title
      type
      mode
      frequency
      status
      country
      city
      windowStart
      windowEnd
      costAmount
      costCurrency
    }
    assets {
      id
      category
      type
      countries
      sectors
      name
      description
      magnitudeValue
      magnitudeUnit
      sourceOrganisation
      asOf
    }
  }
`);

export interface MemberShare {
  jurisdictionId: string;
  name: string;
  scopes: readonly SharingScope[];
  partners: readonly SharedRow[];
  relationships: readonly SharedRow[];
  priorities: readonly SharedRow[];
  activities: readonly SharedRow[];
  assets: readonly SharedRow[];
}

const RECORDS_OF: Partial<Record<SharingScope, keyof Pick<MemberShare, 'partners' | 'relationships' | 'priorities' | 'activities' | 'assets'>>> = {
  PARTNERS: 'partners',
  RELATIONSHIPS: 'relationships',
  PRIORITIES: 'priorities',
  PLANNED_ACTIVITIES: 'activities',
  ASSET_CATEGORIES: 'assets',
};

const COUNTRY_FIELDS = new Set(['country', 'partnerCountry', 'countries']);
/** Short values that read badly broken at their hyphens or spaces (dates, a year, money, a figure). */
const UNBROKEN_FIELDS = new Set(['year', 'since', 'until', 'windowStart', 'windowEnd', 'asOf', 'cost', 'magnitude']);

/** One scope's records as the network sees them: a column per field the scope has; a field the grant leaves out reads "not shared". */
export function ScopeTable({ scope, rows, fields, testId }: { scope: SharingScope; rows: readonly SharedRow[]; fields?: readonly string[]; testId?: string }) {
  const { t, i18n } = useTranslation();
  const { jurisdiction } = useSession();
  const language = i18n.resolvedLanguage ?? 'en';
  const columns = fields ?? SCOPE_FIELDS[scope];
  if (rows.length === 0) return <Text size="sm">{t('network.shared.nothing')}</Text>;
  const show = (field: string, value: unknown): string => {
    // In the member's own currency, written the viewer's way.
    if (field === 'cost') {
      const { amount, currency } = value as SharedMoney;
      return /^[A-Z]{3}$/.test(currency) ? formatMoney(amount, { locale: jurisdiction.locale, currency }) : `${formatNumber(amount, jurisdiction, 2)} ${currency}`.trim();
    }
    const list = Array.isArray(value) ? value.map(String) : [String(value)];
    return (COUNTRY_FIELDS.has(field) ? list.map((code) => countryName(code, language)) : list).join(', ');
  };
  // Compact, so that a scope's every column (planned delegations have eleven) fits the content width of a laptop's window;
  // narrower, the table scrolls sideways in a region that takes the focus so the keyboard can scroll it (no control inside would).
  return (
    <div role="region" aria-label={t(`network.scopes.${scope}`)} tabIndex={0} style={{ overflowX: 'auto' }}>
      <Table striped fz="sm" horizontalSpacing="xs" data-testid={testId} miw={Math.max(480, columns.length * 80)}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((field) => (
              <Table.Th key={field} scope="col">
                {t(`network.fields.${field}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.id}>
              {columns.map((field) => {
                const value = valueOf(row, field);
                return (
                  <Table.Td key={field} style={UNBROKEN_FIELDS.has(field) ? { whiteSpace: 'nowrap' } : undefined}>
                    {value === null || value === undefined ? (
                      <>
                        <span aria-hidden="true" style={{ color: NEUTRAL }}>
                          {t('network.none')}
                        </span>
                        <VisuallyHidden>{t('network.notShared')}</VisuallyHidden>
                      </>
                    ) : (
                      show(field, value)
                    )}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

/** Everything one member shares, scope by scope (only the scopes it shares); `headingOrder` keeps the page's outline. */
export function MemberShareView({ share, headingOrder, only }: { share: MemberShare; headingOrder: 3 | 4; only?: SharingScope }) {
  const { t } = useTranslation();
  const scopes = share.scopes.filter((scope) => RECORDS_OF[scope] && (!only || scope === only));
  return (
    <Stack gap="sm" data-testid={`share-${share.jurisdictionId}`}>
      {scopes.map((scope) => {
        const key = RECORDS_OF[scope] as NonNullable<(typeof RECORDS_OF)[SharingScope]>;
        const rows = share[key];
        return (
          <section key={scope} aria-label={`${share.name}: ${t(`network.scopes.${scope}`)}`}>
            <Group gap="xs" mb={4}>
              <Title order={headingOrder} size="h6">
                {t(`network.scopes.${scope}`)}
              </Title>
              <Badge variant="outline" color="gray.8">
                {t('network.shared.records', { count: rows.length })}
              </Badge>
            </Group>
            <ScopeTable scope={scope} rows={rows} testId={`shared-${share.jurisdictionId}-${scope}`} />
          </section>
        );
      })}
    </Stack>
  );
}
