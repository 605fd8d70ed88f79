import { Anchor, AppShell, Burger, Button, Group, NavLink, SegmentedControl, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { AlertsFeedProvider, UnreadBadge } from './funding/alerts-feed';
import { LANGUAGES } from './i18n';
import { platformRolesOf } from './roles';
import { useSession } from './session';

export function Shell({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { auth, jurisdiction, platformOnly } = useSession();
  const { pathname } = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const roles = platformRolesOf(auth.person.roles);
  const link = (to: string, key: string, rightSection?: ReactNode) => ({ to, label: t(key.includes('.') ? key : `nav.${key}`), active: pathname.startsWith(to), rightSection });
  const home = { to: '/', label: t('nav.home'), active: pathname === '/' };
  const sections = [
    {
      label: t('nav.registry'),
      links: [
        link('/registry/assets', 'assets'),
        link('/registry/partners', 'partners'),
        link('/registry/relationships', 'relationships'),
        link('/registry/engagements', 'engagements'),
        link('/registry/countries', 'countries'),
        link('/registry/imports', 'imports'),
      ],
    },
    {
      label: t('nav.planning'),
      links: [link('/planning/strategy', 'strategy'), link('/planning/priorities', 'priorities'), link('/planning/plan', 'plan'), link('/planning/visits', 'visits'), link('/planning/reports', 'reports')],
    },
    {
      label: t('nav.funding'),
      links: [link('/funding/opportunities', 'fundingNav.search'), link('/funding/searches', 'fundingNav.searches'), link('/funding/alerts', 'fundingNav.alerts', <UnreadBadge />), link('/funding/pipeline', 'pipeline'), link('/funding/followed', 'followed')],
    },
    {
      label: t('network.nav.section'),
      links: [
        { to: '/network', label: t('network.nav.networks'), active: pathname.startsWith('/network') && !pathname.startsWith('/network/access-log') },
        // The access log is a jurisdiction's: a platform-admin shares nothing.
        ...(platformOnly ? [] : [{ to: '/network/access-log', label: t('network.nav.accessLog'), active: pathname.startsWith('/network/access-log') }]),
      ],
    },
    {
      label: t('nav.admin'),
      links: [
        ...(roles.includes('jurisdiction-admin') || roles.includes('platform-admin') ? [link('/admin/jurisdiction', 'jurisdiction'), link('/admin/users', 'users')] : []),
        ...(roles.includes('platform-admin') ? [link('/admin/platform', 'platform'), link('/admin/funding-sources', 'fundingSources')] : []),
      ],
    },
  ]
    // A platform-admin without a jurisdiction of their own has no registry or plans to open.
    .filter((section) => section.links.length > 0 && (!platformOnly || section.label === t('nav.admin') || section.label === t('network.nav.section')));
  const shell = (
    <AppShell header={{ height: 64 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="lg">
      <AppShell.Header>
        <Anchor href="#main" className="skip-link">
          {t('app.skip')}
        </Anchor>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('shell.menu')} />
            <Text fw={700} size="lg">
              {t('app.name')}
            </Text>
            <Text c="dimmed" visibleFrom="xs">
              {jurisdiction.name}
            </Text>
          </Group>
          <Group wrap="nowrap" gap="md">
            <SegmentedControl
              size="xs"
              aria-label={t('shell.language')}
              value={i18n.resolvedLanguage ?? 'en'}
              onChange={(language) => void i18n.changeLanguage(language)}
              data={LANGUAGES.map((language) => ({ value: language, label: language.toUpperCase() }))}
            />
            <Stack gap={0} visibleFrom="sm" data-testid="who-am-i">
              <Text size="sm" fw={600}>
                <VisuallyHidden>{t('shell.signedInAs', { name: '' })}</VisuallyHidden>
                {auth.person.name}
              </Text>
              <Text size="xs" c="dimmed">
                {t('shell.roles', { roles: roles.join(', ') })}
              </Text>
            </Stack>
            <Button variant="default" size="xs" onClick={() => void auth.signOut()}>
              {t('shell.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('nav.label')} style={{ overflowY: 'auto' }}>
        <NavLink variant="filled" component={Link} to={home.to} label={home.label} active={home.active} onClick={close} aria-current={home.active ? 'page' : undefined} />
        {sections.map((section) => (
          <NavLink key={section.label} label={section.label} defaultOpened childrenOffset="md">
            {section.links.map((item) => (
              <NavLink key={item.to} variant="filled" component={Link} to={item.to} label={item.label} rightSection={'rightSection' in item ? item.rightSection : undefined} active={item.active} onClick={close} aria-current={item.active ? 'page' : undefined} />
            ))}
          </NavLink>
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        {children}
      </AppShell.Main>
    </AppShell>
  );
  // Alerts are a jurisdiction user's: a platform-admin without one has none to follow.
  return platformOnly ? shell : <AlertsFeedProvider>{shell}</AlertsFeedProvider>;
}

/** A page's one h1. */
export function PageTitle({ children }: { children: ReactNode }) {
  return (
    <Title order={1} size="h2" mb="lg">
      {children}
    </Title>
  );
}
