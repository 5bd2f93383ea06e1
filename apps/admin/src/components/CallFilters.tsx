import { callStatuses, provinces } from '@kmg/domain';
import { useLocale } from '@kmg/ui';
import { Button, MultiSelect, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';
import { emptyCallFilters, type CallFilters as Filters, hasActiveFilters } from '#lib/calls-search.ts';

export const CallFilters_programme = graphql(`
  fragment CallFilters_programme on Programme {
    id
    name
    year
  }
`);

export const CallFilters_skillArea = graphql(`
  fragment CallFilters_skillArea on SkillArea {
    id
    nameId
    nameEn
  }
`);

/** Search, status, skill area, province and programme for the calls table. */
export function CallFilters({
  filters,
  programmes: programmeData,
  skillAreas: skillAreaData,
  onChange,
}: {
  filters: Filters;
  programmes: readonly FragmentOf<typeof CallFilters_programme>[];
  skillAreas: readonly FragmentOf<typeof CallFilters_skillArea>[];
  onChange: (filters: Filters) => void;
}) {
  const { t, locale } = useLocale();
  const programmes = programmeData.map((programme) => readFragment(CallFilters_programme, programme));
  const skillAreas = skillAreaData.map((area) => readFragment(CallFilters_skillArea, area));

  // Typing updates the box at once and the URL (hence the query) after a pause.
  const [search, setSearch] = useState(filters.search);
  useEffect(() => setSearch(filters.search), [filters.search]);
  const commitSearch = useDebouncedCallback((value: string) => onChange({ ...filters, search: value }), 350);

  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => onChange({ ...filters, [key]: value });

  return (
    <search aria-label={t('admin.calls.filters')} className="call-filters">
      <TextInput
        label={t('admin.calls.search')}
        placeholder={t('admin.calls.searchPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={search}
        size="sm"
        type="search"
        onChange={(event) => {
          setSearch(event.currentTarget.value);
          commitSearch(event.currentTarget.value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commitSearch.flush();
        }}
      />
      <MultiSelect
        label={t('admin.calls.status')}
        placeholder={filters.statuses.length === 0 ? t('admin.calls.statusPlaceholder') : undefined}
        data={callStatuses.map((status) => ({ value: status, label: t(`status.call.${status}`) }))}
        value={filters.statuses}
        onChange={(value) => set('statuses', value as Filters['statuses'])}
        clearable
        size="sm"
      />
      <Select
        label={t('admin.calls.skillArea')}
        placeholder={t('admin.calls.anyOption')}
        data={skillAreas.map((area) => ({
          value: area.id,
          label: locale === 'en' ? area.nameEn : area.nameId,
        }))}
        value={filters.skillAreaId}
        onChange={(value) => set('skillAreaId', value)}
        clearable
        searchable
        size="sm"
      />
      <Select
        label={t('admin.calls.province')}
        placeholder={t('admin.calls.anyOption')}
        data={provinces.map((province) => ({ value: province.code, label: province.name }))}
        value={filters.province}
        onChange={(value) => set('province', value)}
        clearable
        searchable
        size="sm"
      />
      <Select
        label={t('admin.calls.programme')}
        placeholder={t('admin.calls.anyOption')}
        data={programmes.map((programme) => ({ value: programme.id, label: programme.name }))}
        value={filters.programmeId}
        onChange={(value) => set('programmeId', value)}
        clearable
        size="sm"
      />
      {hasActiveFilters(filters) && (
        <Button
          variant="subtle"
          size="sm"
          leftSection={<IconFilterOff size={16} aria-hidden />}
          onClick={() => {
            setSearch('');
            onChange(emptyCallFilters);
          }}
          style={{ justifySelf: 'start' }}
        >
          {t('admin.calls.clearFilters')}
        </Button>
      )}
    </search>
  );
}
