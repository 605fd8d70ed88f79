import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A dialog's last row: Cancel, then the step the dialog is for — its form's submit button, or, given `onConfirm`, a confirmation (in red). */
export function DialogActions({ label, busy, onCancel, onConfirm }: { label: string; busy: boolean; onCancel: () => void; onConfirm?: () => void }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {t('network.cancel')}
      </Button>
      {onConfirm ? (
        <Button color="red.9" loading={busy} onClick={onConfirm}>
          {label}
        </Button>
      ) : (
        <Button type="submit" loading={busy}>
          {label}
        </Button>
      )}
    </Group>
  );
}

/** A question before a step that cannot be undone (leaving an effort, withdrawing it, closing a post): Cancel or the step, named. */
export function ConfirmDialog({ title, text, confirm, busy, onCancel, onConfirm }: { title: string; text: string; confirm: string; busy: boolean; onCancel: () => void; onConfirm: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onCancel} title={title} closeButtonProps={{ 'aria-label': t('network.cancel') }}>
      <Stack gap="md">
        <Text>{text}</Text>
        <DialogActions label={confirm} busy={busy} onCancel={onCancel} onConfirm={onConfirm} />
      </Stack>
    </Modal>
  );
}
