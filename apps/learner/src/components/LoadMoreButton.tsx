import { useLocale } from '@kmg/ui';
import { Button } from '@mantine/core';

/** The next page of a paginated list, appended below the one shown. */
export function LoadMoreButton({ isLoading, onClick }: { isLoading: boolean; onClick: () => void }) {
  const { t } = useLocale();
  return (
    <Button variant="default" size="md" fullWidth loading={isLoading} onClick={onClick}>
      {t('learner.calls.loadMore')}
    </Button>
  );
}
