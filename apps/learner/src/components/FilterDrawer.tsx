import { useLocale } from '@kmg/ui';
import { Button, Drawer, Stack } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A list's filters as a bottom sheet on phones (the call list, the RPL programmes). Its own chunk:
 * the sheet's machinery (focus trap, scroll lock, transitions) is fetched when the phone is idle,
 * not before the first list shows.
 */
export function FilterDrawer({
  isOpen,
  onClose,
  showLabel,
  children,
}: {
  isOpen: boolean;
  onClose: () => void;
  /** The closing button's words: how many results the filters leave, once known. */
  showLabel: string;
  /** The filter fields; every change applies at once. */
  children: ReactNode;
}) {
  const { t } = useLocale();
  return (
    <Drawer
      opened={isOpen}
      onClose={onClose}
      position="bottom"
      radius="lg"
      title={t('learner.filters.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      styles={{
        title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' },
        content: { height: 'auto', maxHeight: '92dvh' },
      }}
    >
      <Stack gap="lg" pb="md">
        {children}
        <Button size="md" fullWidth onClick={onClose}>
          {showLabel}
        </Button>
      </Stack>
    </Drawer>
  );
}
