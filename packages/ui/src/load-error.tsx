import { Button, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCloudOff } from '@tabler/icons-react';
import { useLocale } from '#i18n.ts';

/**
 * A query that could not load, with a way to try again. A lost connection (the usual case on a
 * phone) is told apart from a server failure, since only the first is the reader's to fix; with
 * no network at all the page says it needs one, rather than the browser's error page.
 */
export function LoadError({
  isNetworkError,
  isPageFailure = false,
  onRetry,
}: {
  isNetworkError: boolean;
  /** The page's own code failed (to render, not to get an answer): not the server's fault. */
  isPageFailure?: boolean;
  onRetry: () => void;
}) {
  const { t } = useLocale();
  return (
    <Stack align="center" gap="sm" py="xl" px="md" role="alert">
      <ThemeIcon size={48} radius="xl" variant="light" color="gray" aria-hidden>
        <IconCloudOff size={26} />
      </ThemeIcon>
      <Text ta="center" maw={420}>
        {!isNetworkError
          ? t(isPageFailure ? 'common.pageError' : 'common.serverError')
          : navigator.onLine
            ? t('common.networkError')
            : t('common.offline')}
      </Text>
      <Button variant="light" onClick={onRetry}>
        {t('common.retry')}
      </Button>
    </Stack>
  );
}
