import { Alert, Button, Center, MantineProvider, createTheme } from '@mantine/core';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { Provider as GraphQLProvider, useQuery } from 'urql';
import type { Auth } from './auth';
import { createClient } from './client';
import { OVER } from './colors';
import { Busy } from './busy';
import { localeOf } from './format';
import { graphql } from './gql';
import { HomePage } from './pages/home';
import { SessionContext, type Session } from './session';
import { Shell } from './shell';

// Planning and registry screens load when first opened: the first route stays within its JS budget (console/test/bundle-budget.int-spec.ts).
const PrioritiesPage = lazy(() => import('./pages/priorities'));
const PlanPage = lazy(() => import('./planning/plan-page'));
const AssetsPage = lazy(() => import('./registry/assets-page'));
const PartnersPage = lazy(() => import('./registry/partners-page'));
const CountriesPage = lazy(() => import('./registry/countries-page'));
const RelationshipsPage = lazy(() => import('./registry/relationships-page'));
const EngagementsPage = lazy(() => import('./registry/engagements-page'));
const ImportsPage = lazy(() => import('./registry/imports-page'));
const StrategyPage = lazy(() => import('./planning/strategy-page'));
const VisitsPage = lazy(() => import('./planning/visits-page'));
const ReportsPage = lazy(() => import('./planning/reports-page'));
const JurisdictionPage = lazy(() => import('./admin/jurisdiction-page'));
const UsersPage = lazy(() => import('./admin/users-page'));
const PlatformPage = lazy(() => import('./admin/platform-page'));
const NetworksPage = lazy(() => import('./network/networks-page'));
const NetworkPage = lazy(() => import('./network/network-page'));
const AccessLogPage = lazy(() => import('./network/access-log-page'));
const PipelinePage = lazy(() => import('./funding/pipeline-page'));
const SourcesPage = lazy(() => import('./funding/sources-page'));
const FollowsPage = lazy(() => import('./funding/follows-page'));
const OpportunitySearchPage = lazy(() => import('./funding/search-page'));
const SavedSearchesPage = lazy(() => import('./funding/saved-searches-page'));
const AlertsPage = lazy(() => import('./funding/alerts-page'));

const theme = createTheme({
  primaryColor: 'indigo',
  // Shade 8 with white text and the dark text of autoContrast keep WCAG AA contrast (the browser tests run axe).
  primaryShade: 8,
  autoContrast: true,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", sans-serif',
});

// Mantine's dimmed grey is 3.3:1 on white; gray.7 is over 7:1.
const cssVariables = () => ({ variables: {}, light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' }, dark: {} });

const JurisdictionQuery = graphql(`
  query Jurisdiction {
    jurisdiction {
      id
      name
      country
      currency
      languages
      fiscalYearStart
    }
  }
`);

export function App({ auth }: { auth: Auth }) {
  // The gateway refused the token (the account was deactivated, the session ended): say so instead of failing screen by screen.
  const [refused, setRefused] = useState(false);
  const client = useMemo(() => createClient(auth, () => setRefused(true)), [auth]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariables}>
      <GraphQLProvider value={client}>{refused ? <AccessEnded /> : <SignedIn auth={auth} />}</GraphQLProvider>
    </MantineProvider>
  );
}

function AccessEnded() {
  const { t } = useTranslation();
  return (
    <Center p="xl" component="main">
      <Alert role="alert" color={OVER} variant="light" title={t('admin.accessEnded.title')} maw={560} data-testid="access-ended">
        {t('admin.accessEnded.message')}
        {/* Reloading starts at Keycloak's login page: the ended session cannot sign the person in silently. */}
        <Button mt="md" display="block" onClick={() => window.location.assign('/')}>
          {t('admin.accessEnded.signIn')}
        </Button>
      </Alert>
    </Center>
  );
}

function SignedIn({ auth }: { auth: Auth }) {
  const { t } = useTranslation();
  const [{ data, error }] = useQuery({ query: JurisdictionQuery });
  // A platform-admin's token names the platform, not an onboarded jurisdiction: the registry answers NOT_FOUND and they get the administration screens.
  const platformOnly = auth.person.roles.includes('platform-admin') && !data && (error?.graphQLErrors.some((e) => e.extensions?.['code'] === 'NOT_FOUND') ?? false);
  const session = useMemo<Session | null>(() => {
    const j = data?.jurisdiction;
    if (j) return { auth, jurisdiction: { id: j.id, name: j.name, fiscalYearStart: j.fiscalYearStart, currency: j.currency, locale: localeOf(j) } };
    if (platformOnly) return { auth, platformOnly, jurisdiction: { id: auth.person.jurisdiction, name: t('admin.platform.title'), fiscalYearStart: '01-01', currency: 'EUR', locale: navigator.language } };
    return null;
  }, [auth, data, platformOnly, t]);
  if (error && !platformOnly) return <Alert role="alert" color="red" m="xl">{t('app.failed', { message: error.message })}</Alert>;
  if (!session) return <Busy />;
  return (
    <SessionContext.Provider value={session}>
      <BrowserRouter>
        <Shell>
          <Suspense fallback={<Busy />}>
            <Routes>
              <Route index element={session.platformOnly ? <Navigate to="/admin/platform" replace /> : <HomePage />} />
              <Route path="planning/priorities" element={<PrioritiesPage />} />
              <Route path="planning/plan/:year?" element={<PlanPage />} />
              <Route path="registry/assets/:id?" element={<AssetsPage />} />
              <Route path="registry/partners/:id?" element={<PartnersPage />} />
              <Route path="registry/countries/:country?" element={<CountriesPage />} />
              <Route path="registry/relationships/:id?" element={<RelationshipsPage />} />
              <Route path="registry/engagements" element={<EngagementsPage />} />
              <Route path="registry/imports/:id?" element={<ImportsPage />} />
              <Route path="planning/strategy" element={<StrategyPage />} />
              <Route path="planning/visits/:id?" element={<VisitsPage />} />
              <Route path="planning/reports/:year?" element={<ReportsPage />} />
              <Route path="funding/opportunities/:id?" element={<OpportunitySearchPage />} />
              <Route path="funding/searches/:id?" element={<SavedSearchesPage />} />
              <Route path="funding/alerts" element={<AlertsPage />} />
              <Route path="admin/jurisdiction" element={<JurisdictionPage />} />
              <Route path="admin/users" element={<UsersPage />} />
              <Route path="admin/platform" element={<PlatformPage />} />
              <Route path="network" element={<NetworksPage />} />
              <Route path="network/access-log" element={<AccessLogPage />} />
              <Route path="network/:id/:tab?" element={<NetworkPage />} />
              <Route path="funding/pipeline/:id?" element={<PipelinePage />} />
              <Route path="admin/funding-sources/:id?" element={<SourcesPage />} />
              <Route path="funding/followed" element={<FollowsPage />} />
              <Route path="*" element={session.platformOnly ? <Navigate to="/admin/platform" replace /> : <HomePage />} />
            </Routes>
          </Suspense>
        </Shell>
      </BrowserRouter>
    </SessionContext.Provider>
  );
}

