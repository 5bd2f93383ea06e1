import { useLocale } from '@kmg/ui';
import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconArrowLeft } from '@tabler/icons-react';
import { type ReactNode, useEffect, useRef } from 'react';
import { Link, useLocation } from 'react-router';

/**
 * The page's one `h1`, also its document title. Focus moves here after navigating inside the
 * console, so screen-reader users hear where they arrived (hence `tabIndex={-1}`).
 */
export function PageHeader({
  title,
  description,
  badge,
  actions,
  back,
  focusKey,
}: {
  title: string;
  description?: ReactNode;
  badge?: ReactNode;
  actions?: ReactNode;
  back?: { to: string; label: string };
  /**
   * Focus moves to the title when this changes (default: the path). A record with tabs passes its
   * id, so switching tabs leaves focus on the tab.
   */
  focusKey?: string;
}) {
  const { t } = useLocale();
  const heading = useRef<HTMLHeadingElement>(null);
  const { key, pathname } = useLocation();
  const focusOn = focusKey ?? pathname;
  useDocumentTitle(`${title} · ${t('admin.consoleName')}`);
  // After moving to another page inside the console (not on the first load, where the browser
  // starts at the top anyway), start keyboard and screen-reader users at the new page's title.
  useEffect(() => {
    if (key !== 'default') heading.current?.focus({ preventScroll: true });
  }, [focusOn]);
  return (
    <Stack gap="xs" mb="lg">
      {back && (
        <Anchor component={Link} to={back.to} size="sm" w="fit-content">
          <Group gap={4} component="span">
            <IconArrowLeft size={16} aria-hidden />
            {back.label}
          </Group>
        </Anchor>
      )}
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap={6} style={{ flex: '1 1 24rem' }}>
          <Group gap="sm" align="center">
            <Title
              ref={heading}
              order={1}
              fz={{ base: 26, md: 30 }}
              tabIndex={-1}
              style={{ outline: 'none' }}
            >
              {title}
            </Title>
            {badge}
          </Group>
          {description && (
            <Text c="dimmed" size="sm">
              {description}
            </Text>
          )}
        </Stack>
        {actions && <Group gap="sm">{actions}</Group>}
      </Group>
    </Stack>
  );
}
