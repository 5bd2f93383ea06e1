import { useLocale } from '@kmg/ui';
import { Button, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { PageHeader } from '#components/PageHeader.tsx';

export function NotFoundPage() {
  const { t } = useLocale();
  return (
    <Stack gap="md" align="flex-start">
      <PageHeader title={t('common.notFound')} />
      <Text>{t('admin.errors.notFoundText')}</Text>
      <Button component={Link} to="/">
        {t('admin.errors.toCalls')}
      </Button>
    </Stack>
  );
}
