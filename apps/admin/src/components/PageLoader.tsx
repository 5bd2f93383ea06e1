import { useLocale } from '@kmg/ui';
import { Center, Loader } from '@mantine/core';

/** While a page's code or first data loads. */
export function PageLoader() {
  const { t } = useLocale();
  return (
    <Center mih="50vh" role="status">
      <Loader role="status" aria-label={t('common.loading')} />
    </Center>
  );
}
