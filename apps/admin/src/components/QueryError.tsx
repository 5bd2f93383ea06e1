import { ErrorAlert, useLocale } from '@kmg/ui';
import { Button, Stack, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import type { CombinedError } from 'urql';

/** A query that failed: offline or unreachable gets a retry; anything else says what the API said. */
export function QueryError({ error, onRetry }: { error: CombinedError; onRetry: () => void }) {
  const { t } = useLocale();
  const message = error.networkError
    ? t('common.networkError')
    : (error.graphQLErrors[0]?.message ?? t('admin.errors.loadFailed'));
  return (
    <ErrorAlert title={t('admin.errors.loadFailed')}>
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{message}</Text>
        <Button
          variant="white"
          color="red"
          size="xs"
          leftSection={<IconRefresh size={16} aria-hidden />}
          onClick={onRetry}
        >
          {t('common.retry')}
        </Button>
      </Stack>
    </ErrorAlert>
  );
}
