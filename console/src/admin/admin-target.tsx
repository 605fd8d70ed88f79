import { Alert, Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../session';
import { PageTitle } from '../shell';

/**
 * Whose jurisdiction an admin screen is about: one's own; a platform-admin
 * names one with `?jurisdiction=` (the platform screen links there). Anyone
 * else's `?jurisdiction=` is ignored: the API would refuse it anyway.
 */
export function useAdminTarget(): { jurisdictionId: string | undefined; mustChoose: boolean } {
  const { auth, platformOnly } = useSession();
  const [params] = useSearchParams();
  const jurisdictionId = auth.person.roles.includes('platform-admin') ? (params.get('jurisdiction') ?? undefined) : undefined;
  return { jurisdictionId, mustChoose: platformOnly === true && !jurisdictionId };
}

/** A platform-admin without a jurisdiction of their own opened a jurisdiction's screen without naming one. */
export function ChooseJurisdiction({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <Alert role="status" color="gray" variant="light" data-testid="choose-jurisdiction">
        {t('admin.chooseJurisdiction')}{' '}
        <Anchor component={Link} to="/admin/platform">
          {t('nav.platform')}
        </Anchor>
      </Alert>
    </>
  );
}
