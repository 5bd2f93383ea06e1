import { useLocale } from '@kmg/ui';
import { Button, Group, Modal, Text } from '@mantine/core';
import { useWindowEvent } from '@mantine/hooks';
import { useBlocker } from 'react-router';

/**
 * Asks before leaving a form with unsaved changes: inside the console with a dialog, and when the
 * tab closes or reloads with the browser's own prompt.
 */
export function UnsavedChangesGuard({ when }: { when: () => boolean }) {
  const { t } = useLocale();
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => currentLocation.pathname !== nextLocation.pathname && when(),
  );
  useWindowEvent('beforeunload', (event) => {
    if (when()) event.preventDefault();
  });
  return (
    <Modal
      opened={blocker.state === 'blocked'}
      onClose={() => blocker.reset?.()}
      title={t('admin.form.leaveTitle')}
      centered
    >
      <Text mb="lg">{t('admin.form.leaveText')}</Text>
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={() => blocker.reset?.()} data-autofocus>
          {t('admin.form.stay')}
        </Button>
        <Button color="red" onClick={() => blocker.proceed?.()}>
          {t('admin.form.leave')}
        </Button>
      </Group>
    </Modal>
  );
}
