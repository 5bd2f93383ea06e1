import { useLocale } from '@kmg/ui';
import { Group, Select, Text } from '@mantine/core';
import { useId } from 'react';
import { type CallSort, callSortFields } from '#lib/calls-search.ts';

/** Every sort the API offers, including those without a column (newest first). */
export function SortSelect({ sort, onChange }: { sort: CallSort; onChange: (sort: CallSort) => void }) {
  const { t } = useLocale();
  const id = useId();
  return (
    <Group gap="xs" wrap="nowrap">
      <Text component="label" htmlFor={id} size="sm" c="dimmed">
        {t('admin.calls.sort')}
      </Text>
      <Select
        id={id}
        size="xs"
        w={230}
        data={callSortFields.flatMap((field) =>
          (['ASC', 'DESC'] as const).map((direction) => ({
            value: `${field}_${direction}`,
            label: t(`admin.calls.sortOption.${field}_${direction}`),
          })),
        )}
        value={`${sort.field}_${sort.direction}`}
        onChange={(value) => {
          const [, field, direction] = value?.match(/^(.*)_(ASC|DESC)$/) ?? [];
          const known = callSortFields.find((candidate) => candidate === field);
          if (known && (direction === 'ASC' || direction === 'DESC')) onChange({ field: known, direction });
        }}
        allowDeselect={false}
      />
    </Group>
  );
}
