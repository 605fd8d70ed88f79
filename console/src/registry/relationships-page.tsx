import { useTranslation } from 'react-i18next';
import { PageTitle } from '../shell';

// Wired into the routes and the navigation; its screen is being built (issue 9).
export default function RelationshipsPage() {
  const { t } = useTranslation();
  return <PageTitle>{t('nav.relationships')}</PageTitle>;
}
