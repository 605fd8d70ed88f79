import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** What a screen shows while its data loads: a spinner, announced politely. */
export function Busy() {
  const { t } = useTranslation();
  return (
    <Center p="xl" role="status" aria-live="polite">
      <Loader aria-label={t('app.loading')} />
    </Center>
  );
}
