import { Alert, Paper, Title } from '@mantine/core';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FITS, OVER } from '../colors';

/** For a form: Mantine's error red is under WCAG AA's 4.5:1 on white; the console's red passes. */
export const ERROR_COLOUR = { '--mantine-color-error': OVER } as CSSProperties;

/** What the last action did, announced politely and dismissable. */
export function Notice({ message, onClose }: { message: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  if (!message) return null;
  return (
    <Alert role="status" color={FITS} variant="light" mb="sm" withCloseButton closeButtonLabel={t('assets.dismiss')} onClose={onClose}>
      {message}
    </Alert>
  );
}

/** The API's refusals that name no field of the form. */
export function GeneralErrors({ messages }: { messages: readonly string[] }) {
  const { t } = useTranslation();
  if (messages.length === 0) return null;
  return (
    <Alert role="alert" color="red" variant="light">
      {messages.map((message) => t('app.failed', { message })).join(' ')}
    </Alert>
  );
}

/** A titled part of a page (h2), named by its heading for assistive technology. */
export function Section({ id, title, children, testId }: { id: string; title: string; children: ReactNode; testId?: string }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id} data-testid={testId}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}
