import { useLocale } from '@kmg/ui';
import { Button, Container, EmptyState } from '@mantine/core';
import { IconMapQuestion } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { usePageTitle } from '#lib/page-title.ts';

/**
 * A page or record that is not there, with the way back to the call list; `children` (under the
 * description) and `actions` (before the way back) say more where the page can.
 */
export function NotFound({
  title,
  description,
  actions,
  children,
}: {
  title?: string;
  description?: string;
  actions?: ReactNode;
  children?: ReactNode;
}) {
  const { t } = useLocale();
  const heading = title ?? t('common.notFound');
  usePageTitle(heading);
  return (
    <Container size="sm" px="md" py="xl">
      <EmptyState icon={<IconMapQuestion size={30} aria-hidden />} withIndicatorBackground py="xl">
        <EmptyState.Title order={1}>{heading}</EmptyState.Title>
        <EmptyState.Description>{description ?? t('learner.notFound.hint')}</EmptyState.Description>
        {children}
        <EmptyState.Actions>
          {actions}
          <Button component={Link} to="/" size="md" variant={actions ? 'default' : 'filled'}>
            {t('learner.notFound.home')}
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    </Container>
  );
}
