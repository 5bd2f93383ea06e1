import { formatNumber, useLocale } from '@kmg/ui';
import { Button, Group, Select, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useId } from 'react';
import {
  type CursorPage,
  firstPage,
  nextPage,
  type PageInfo,
  pageRange,
  pageSizes,
  previousPage,
} from '#lib/pagination.ts';

/** Rows per page, "11–20 dari 57", previous and next, for a Relay connection. */
export function Pager({
  page,
  pageInfo,
  rows,
  total,
  onChange,
}: {
  page: CursorPage;
  pageInfo: PageInfo;
  rows: number;
  total: number;
  onChange: (page: CursorPage) => void;
}) {
  const { t, locale } = useLocale();
  const sizeId = useId();
  const range = pageRange(page, pageInfo, rows, total);
  const previous = previousPage(page, pageInfo);
  const next = nextPage(page, pageInfo);
  return (
    <Group justify="space-between" gap="md" mt="md" wrap="wrap">
      <Group gap="xs">
        <Text size="sm" component="label" htmlFor={sizeId}>
          {t('admin.pager.pageSize')}
        </Text>
        <Select
          id={sizeId}
          size="xs"
          w={80}
          data={pageSizes.map(String)}
          value={String(page.size)}
          onChange={(value) => onChange(firstPage(Number(value)))}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
      </Group>
      <Group gap="sm" component="nav" aria-label={t('admin.pager.label')}>
        {range && (
          <Text size="sm" aria-live="polite">
            {t('admin.pager.range', {
              from: formatNumber(range.from, locale),
              to: formatNumber(range.to, locale),
              total: formatNumber(total, locale),
            })}
          </Text>
        )}
        <Button
          variant="default"
          size="xs"
          leftSection={<IconChevronLeft size={16} aria-hidden />}
          disabled={!previous}
          onClick={() => previous && onChange(previous)}
          aria-label={t('admin.pager.previous')}
        >
          {t('common.previous')}
        </Button>
        <Button
          variant="default"
          size="xs"
          rightSection={<IconChevronRight size={16} aria-hidden />}
          disabled={!next}
          onClick={() => next && onChange(next)}
          aria-label={t('admin.pager.next')}
        >
          {t('common.next')}
        </Button>
      </Group>
    </Group>
  );
}
