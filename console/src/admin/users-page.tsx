import { useTranslation } from 'react-i18next';
import { PageTitle } from '../shell';

// Wired into the routes and the navigation; its screen is being built (issue 9).
export default function UsersPage() {
  const { t } = useTranslation();
  return <PageTitle>{t('nav.users')}</PageTitle>;
}
