import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { WARNING_TEXT } from '../colors';
import { useCopyOnce } from '../copy-once';

export interface HandOver {
  /** Who it is for, as the admin knows them. */
  name: string;
  username: string;
  temporaryPassword: string;
}

/**
 * An invitation's one-time password, shown this once: the API never returns
 * it again. Closing needs a deliberate click (not a stray click outside);
 * Keycloak makes the person choose their own password at first sign-in.
 */
export function OneTimePasswordDialog({ handOver, onClose }: { handOver: HandOver | null; onClose: () => void }) {
  const { t } = useTranslation();
  const copy = useCopyOnce(handOver?.temporaryPassword ?? '', { copy: t('admin.password.copy'), copied: t('admin.password.copied') }, 'copy-one-time-password');
  if (!handOver) return null;
  return (
    <Modal opened onClose={onClose} title={t('admin.password.title', { name: handOver.name })} closeOnClickOutside={false} size="lg" closeButtonProps={{ 'aria-label': t('admin.password.close') }}>
      <Stack gap="sm" data-testid="one-time-password-dialog">
        <Text>{t('admin.password.intro', { username: handOver.username })}</Text>
        <Group align="flex-end" wrap="nowrap">
          <TextInput
            id="one-time-password"
            label={t('admin.password.label')}
            value={handOver.temporaryPassword}
            readOnly
            onFocus={(event) => event.currentTarget.select()}
            styles={{ input: { fontFamily: 'ui-monospace, monospace' } }}
            style={{ flex: 1 }}
            data-autofocus
          />
          {copy.button}
        </Group>
        {copy.failure}
        <Alert role="note" color="orange" variant="light" title={t('admin.password.onceTitle')} styles={{ title: { color: WARNING_TEXT } }}>
          {t('admin.password.once')}
        </Alert>
        <Group justify="flex-end">
          <Button id="close-one-time-password" onClick={onClose}>
            {t('admin.password.done')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
