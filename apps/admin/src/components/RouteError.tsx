import { ErrorAlert, useLocale } from '@kmg/ui';
import { Button, Container, Stack, Text } from '@mantine/core';
import { useRouteError } from 'react-router';

/**
 * A page that crashed or whose code could not load (often a new release replacing the old files):
 * reloading fetches the current version.
 */
export function RouteError() {
  const { t } = useLocale();
  const error = useRouteError();
  if (import.meta.env.DEV) console.error(error);
  return (
    <Container size="sm" py="xl">
      <ErrorAlert title={t('admin.errors.title')}>
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{t('admin.errors.pageCrashed')}</Text>
          <Button size="xs" variant="white" color="red" onClick={() => window.location.reload()}>
            {t('admin.errors.reload')}
          </Button>
        </Stack>
      </ErrorAlert>
    </Container>
  );
}
