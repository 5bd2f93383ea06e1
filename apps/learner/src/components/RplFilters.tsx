import { provinces } from '@kmg/domain';
import { useLocale } from '@kmg/ui';
import { Button, Group, NativeSelect, Stack } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { emptyProgrammeFilters, type ProgrammeFilters, rplDegrees, studyModes } from '#lib/rpl-filters.ts';

const sortedProvinces = [...provinces].sort((a, b) => a.name.localeCompare(b.name, 'id'));

/** The narrowing filters of the RPL programme list; every change applies at once. */
export function RplFilterFields({
  filters,
  onChange,
}: {
  filters: ProgrammeFilters;
  onChange: (filters: ProgrammeFilters) => void;
}) {
  const { t } = useLocale();
  const set = (patch: Partial<ProgrammeFilters>) => onChange({ ...filters, ...patch });
  return (
    <Stack gap="md">
      <NativeSelect
        size="md"
        label={t('learner.rpl.filters.degree')}
        value={filters.degree ?? ''}
        onChange={(event) =>
          set({ degree: rplDegrees.find((degree) => degree === event.currentTarget.value) ?? null })
        }
        data={[
          { value: '', label: t('learner.rpl.filters.allDegrees') },
          ...rplDegrees.map((degree) => ({ value: degree, label: t(`learner.rpl.degree.${degree}`) })),
        ]}
      />
      <NativeSelect
        size="md"
        label={t('learner.rpl.filters.mode')}
        value={filters.mode ?? ''}
        onChange={(event) =>
          set({ mode: studyModes.find((mode) => mode === event.currentTarget.value) ?? null })
        }
        data={[
          { value: '', label: t('learner.rpl.filters.allModes') },
          ...studyModes.map((mode) => ({ value: mode, label: t(`learner.rpl.mode.${mode}`) })),
        ]}
      />
      <NativeSelect
        size="md"
        label={t('learner.rpl.filters.province')}
        value={filters.province ?? ''}
        onChange={(event) => set({ province: event.currentTarget.value || null })}
        data={[
          { value: '', label: t('learner.filters.allProvinces') },
          ...sortedProvinces.map((province) => ({ value: province.code, label: province.name })),
        ]}
      />
    </Stack>
  );
}

/** The filters in force as buttons that remove them. */
export function ActiveRplFilters({
  filters,
  onChange,
}: {
  filters: ProgrammeFilters;
  onChange: (filters: ProgrammeFilters) => void;
}) {
  const { t } = useLocale();
  const chips: { key: string; label: string; clear: Partial<ProgrammeFilters> }[] = [];
  if (filters.search) chips.push({ key: 'search', label: `“${filters.search}”`, clear: { search: '' } });
  if (filters.degree)
    chips.push({ key: 'degree', label: t(`learner.rpl.degree.${filters.degree}`), clear: { degree: null } });
  if (filters.mode)
    chips.push({ key: 'mode', label: t(`learner.rpl.mode.${filters.mode}`), clear: { mode: null } });
  if (filters.province) {
    const province = provinces.find((candidate) => candidate.code === filters.province);
    if (province) chips.push({ key: 'province', label: province.name, clear: { province: null } });
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
        <Button variant="subtle" size="sm" h={36} onClick={() => onChange(emptyProgrammeFilters)}>
          {t('learner.filters.clearAll')}
        </Button>
      )}
    </Group>
  );
}
