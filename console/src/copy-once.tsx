import { Button, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

type CopyState = 'not yet' | 'copied' | 'failed';

/**
 * Copying a secret shown once (a one-time password, a calendar link).
 * "Copied" stays until the dialog closes: a one-second flash is easy to miss,
 * and the person wants to know it is done. A browser that refuses the
 * clipboard (no permission, page not focused) gets a sentence saying how to
 * copy by hand instead of a button that does nothing.
 */
export function useCopyOnce(value: string, labels: { copy: string; copied: string }, id: string) {
  const { t } = useTranslation();
  // Kept with the value it is about, so a new secret (a rotated link) starts at "Copy" again.
  const [copied, setCopied] = useState<{ value: string; state: CopyState }>({ value, state: 'not yet' });
  const state = copied.value === value ? copied.state : 'not yet';
  const copy = () => {
    navigator.clipboard.writeText(value).then(
      () => setCopied({ value, state: 'copied' }),
      () => setCopied({ value, state: 'failed' }),
    );
  };
  const button = (
    <Button id={id} variant={state === 'copied' ? 'filled' : 'default'} onClick={copy} aria-live="polite">
      {state === 'copied' ? labels.copied : labels.copy}
    </Button>
  );
  const failure =
    state === 'failed' ? (
      <Text role="alert" size="sm">
        {t('app.copyFailed')}
      </Text>
    ) : null;
  return { button, failure };
}
