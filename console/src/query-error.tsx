import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { OVER } from './colors';

/** An API error as the person can act on it: the API's own message (it names the field), never a stack. */
export function QueryError({ error }: { error: CombinedError }) {
  const { t } = useTranslation();
  const message = error.graphQLErrors[0]?.message ?? error.networkError?.message ?? error.message;
  return (
    <Alert role="alert" color={OVER} variant="light">
      {t('app.failed', { message })}
    </Alert>
  );
}
