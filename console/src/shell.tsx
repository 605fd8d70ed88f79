import { Anchor, AppShell, Burger, Button, Group, NavLink, SegmentedControl, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { LANGUAGES } from './i18n';
import { platformRolesOf } from './roles';
import { useSession } from './session';

export function Shell({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { auth, jurisdiction } = useSession();
  const { pathname } = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const roles = platformRolesOf(auth.person.roles);
  const links = [
    { to: '/', label: t('nav.home'), active: pathname === '/' },
    { to: '/planning/priorities', label: t('nav.priorities'), active: pathname.startsWith('/planning/priorities') },
    { to: '/planning/plan', label: t('nav.plan'), active: pathname.startsWith('/planning/plan') },
  ];
  const registryLinks = [
    { to: '/registry/assets', label: t('nav.assets'), active: pathname.startsWith('/registry/assets') },
    { to: '/registry/partners', label: t('nav.partners'), active: pathname.startsWith('/registry/partners') },
    { to: '/registry/countries', label: t('nav.countries'), active: pathname.startsWith('/registry/countries') },
  ];
  return (
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
      <AppShell.Navbar p="xs" component="nav" aria-label={t('nav.label')}>
        <NavLink variant="filled" component={Link} to={links[0].to} label={links[0].label} active={links[0].active} onClick={close} aria-current={links[0].active ? 'page' : undefined} />
        <NavLink label={t('nav.registry')} defaultOpened childrenOffset="md">
          {registryLinks.map((link) => (
            <NavLink key={link.to} variant="filled" component={Link} to={link.to} label={link.label} active={link.active} onClick={close} aria-current={link.active ? 'page' : undefined} />
          ))}
        </NavLink>
        <NavLink label={t('nav.planning')} defaultOpened childrenOffset="md">
          {links.slice(1).map((link) => (
            <NavLink key={link.to} variant="filled" component={Link} to={link.to} label={link.label} active={link.active} onClick={close} aria-current={link.active ? 'page' : undefined} />
          ))}
        </NavLink>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        {children}
      </AppShell.Main>
    </AppShell>
  );
}

/** A page's one h1. */
export function PageTitle({ children }: { children: ReactNode }) {
  return (
    <Title order={1} size="h2" mb="lg">
      {children}
    </Title>
  );
}
