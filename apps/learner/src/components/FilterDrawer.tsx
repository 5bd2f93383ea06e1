import { useLocale } from '@kmg/ui';
import { Button, Drawer, Stack } from '@mantine/core';
import { CallFilterFields, type CallFilters_skillAreas } from '#components/CallFilters.tsx';
import type { FragmentOf } from '#graphql.ts';
import type { CallFilters } from '#lib/call-filters.ts';

/**
 * The filters as a bottom sheet on phones. Its own chunk: the sheet's machinery (focus trap,
 * scroll lock, transitions) is fetched when the phone is idle, not before the first list shows.
 */
export function FilterDrawer({
  isOpen,
  onClose,
  filters,
  skillAreas,
  onChange,
  resultCount,
}: {
  isOpen: boolean;
  onClose: () => void;
  filters: CallFilters;
  skillAreas: readonly FragmentOf<typeof CallFilters_skillAreas>[];
  onChange: (filters: CallFilters) => void;
  /** Calls matching the filters, once known. */
  resultCount: number | null;
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
        <CallFilterFields filters={filters} skillAreas={skillAreas} onChange={onChange} />
        <Button size="md" fullWidth onClick={onClose}>
          {resultCount === null
            ? t('learner.filters.showResults')
            : t('learner.filters.showCount', { count: resultCount })}
        </Button>
      </Stack>
    </Drawer>
  );
}
