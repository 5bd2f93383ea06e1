import { provinces } from '@kmg/domain';
import { formatLocalDate, useLocale } from '@kmg/ui';
import { Button, Fieldset, Group, NativeSelect, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';
import {
  type CallFilters,
  type CallSort,
  callSorts,
  emptyCallFilters,
  withIncludeClosed,
} from '#lib/call-filters.ts';
import { skillAreaName } from '#lib/skill-area.ts';

export const CallFilters_skillAreas = graphql(`
  fragment CallFilters_skillAreas on SkillArea {
    id
    nameId
    nameEn
  }
`);

type SkillAreas = readonly FragmentOf<typeof CallFilters_skillAreas>[];

/** The narrowing filters of the call list; every change applies at once. */
export function CallFilterFields({
  filters,
  skillAreas: data,
  onChange,
  isNarrow = false,
}: {
  filters: CallFilters;
  skillAreas: SkillAreas;
  onChange: (filters: CallFilters) => void;
  /** In a narrow column the two dates go one under the other. */
  isNarrow?: boolean;
}) {
  const { t, locale } = useLocale();
  const skillAreas = readFragment(CallFilters_skillAreas, data);
  const set = (patch: Partial<CallFilters>) => onChange({ ...filters, ...patch });

  return (
    <Stack gap="md">
      <Switch
        size="md"
        label={t('learner.filters.includeClosed')}
        checked={filters.includeClosed}
        onChange={(event) => onChange(withIncludeClosed(filters, event.currentTarget.checked))}
      />
      <NativeSelect
        size="md"
        label={t('learner.filters.skillArea')}
        value={filters.skillAreaId ?? ''}
        onChange={(event) => set({ skillAreaId: event.currentTarget.value || null })}
        data={[
          { value: '', label: t('learner.filters.allSkillAreas') },
          ...skillAreas.map((area) => ({ value: area.id, label: skillAreaName(area, locale) })),
        ]}
      />
      <NativeSelect
        size="md"
        label={t('learner.filters.province')}
        value={filters.province ?? ''}
        onChange={(event) => set({ province: event.currentTarget.value || null })}
        data={[
          { value: '', label: t('learner.filters.allProvinces') },
          ...[...provinces]
            .sort((a, b) => a.name.localeCompare(b.name, 'id'))
            .map((province) => ({ value: province.code, label: province.name })),
        ]}
      />
      <Fieldset legend={t('learner.filters.startDates')} variant="unstyled" className="kmg-fieldset-small">
        <SimpleGrid cols={isNarrow ? 1 : 2} spacing="sm">
          <TextInput
            size="md"
            type="date"
            label={t('learner.filters.startsFrom')}
            value={filters.startsFrom ?? ''}
            max={filters.startsUntil ?? undefined}
            onChange={(event) => set({ startsFrom: event.currentTarget.value || null })}
          />
          <TextInput
            size="md"
            type="date"
            label={t('learner.filters.startsUntil')}
            value={filters.startsUntil ?? ''}
            min={filters.startsFrom ?? undefined}
            onChange={(event) => set({ startsUntil: event.currentTarget.value || null })}
          />
        </SimpleGrid>
      </Fieldset>
      <NativeSelect
        size="md"
        label={t('learner.filters.sort')}
        value={filters.sort}
        onChange={(event) => {
          const sort = callSorts.find((key) => key === event.currentTarget.value);
          if (sort) set({ sort });
        }}
        data={callSorts.map((sort: CallSort) => ({ value: sort, label: t(`learner.filters.sorts.${sort}`) }))}
      />
    </Stack>
  );
}

/** The filters in force as buttons that remove them, so a short list explains itself. */
export function ActiveFilters({
  filters,
  skillAreas: data,
  onChange,
}: {
  filters: CallFilters;
  skillAreas: SkillAreas;
  onChange: (filters: CallFilters) => void;
}) {
  const { t, locale } = useLocale();
  const skillAreas = readFragment(CallFilters_skillAreas, data);
  const chips: { key: string; label: string; clear: Partial<CallFilters> }[] = [];
  if (filters.search) chips.push({ key: 'search', label: `“${filters.search}”`, clear: { search: '' } });
  if (filters.skillAreaId) {
    const area = skillAreas.find((candidate) => candidate.id === filters.skillAreaId);
    if (area)
      chips.push({ key: 'skillArea', label: skillAreaName(area, locale), clear: { skillAreaId: null } });
  }
  if (filters.province) {
    const province = provinces.find((candidate) => candidate.code === filters.province);
    if (province) chips.push({ key: 'province', label: province.name, clear: { province: null } });
  }
  if (filters.startsFrom) {
    const date = formatLocalDate(filters.startsFrom, locale, 'medium');
    chips.push({ key: 'from', label: t('learner.filters.fromChip', { date }), clear: { startsFrom: null } });
  }
  if (filters.startsUntil) {
    const date = formatLocalDate(filters.startsUntil, locale, 'medium');
    chips.push({
      key: 'until',
      label: t('learner.filters.untilChip', { date }),
      clear: { startsUntil: null },
    });
  }
  if (filters.includeClosed) {
    chips.push({
      key: 'closed',
      label: t('learner.filters.closedChip'),
      clear: withIncludeClosed(filters, false),
    });
  }
  if (chips.length === 0) return null;

  return (
    <Group gap="xs">
      {chips.map((chip) => (
        <Button
          key={chip.key}
          variant="light"
          color="gray"
          size="sm"
          h={36}
          radius="xl"
          rightSection={<IconX size={14} aria-hidden />}
          aria-label={t('learner.filters.remove', { filter: chip.label })}
          onClick={() => onChange({ ...filters, ...chip.clear })}
          styles={{ label: { whiteSpace: 'normal' } }}
        >
          {chip.label}
        </Button>
      ))}
      {chips.length > 1 && (
        <Button variant="subtle" size="sm" h={36} onClick={() => onChange(emptyCallFilters)}>
          {t('learner.filters.clearAll')}
        </Button>
      )}
    </Group>
  );
}
