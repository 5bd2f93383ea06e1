import { ErrorAlert, useLocale } from '@kmg/ui';
import { Button, Group, Modal, Stack } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';

/**
 * Asks before an action that others will notice. The confirm button repeats the action's name
 * ("Publikasikan"), so nobody has to read the question twice to know what "OK" does.
 */
export function ConfirmDialog({
  opened,
  onClose,
  title,
  children,
  confirmLabel,
  confirmColor,
  dismissLabel,
  busy,
  problem,
  canConfirm = true,
  onConfirm,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  confirmColor?: string;
  dismissLabel?: string;
  busy: boolean;
  problem: string | null;
  canConfirm?: boolean;
  onConfirm: () => void;
}) {
  const { t } = useLocale();
  return (
    <Modal opened={opened} onClose={busy ? () => {} : onClose} title={title} centered size="lg">
      <form
        noValidate
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          if (canConfirm && !busy) onConfirm();
        }}
      >
        <Stack gap="md">
          {children}
          {problem && <ErrorAlert title={t('admin.actions.failed')}>{problem}</ErrorAlert>}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={busy}>
              {dismissLabel ?? t('common.cancel')}
            </Button>
            <Button type="submit" color={confirmColor} loading={busy} disabled={!canConfirm}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
