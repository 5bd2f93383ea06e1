import { useLocale } from '@kmg/ui';
import { Loader, Select, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '#graphql.ts';

const AchievementOptionsQuery = graphql(`
  query PathwayAchievementOptions($search: String!) {
    pathwayAchievementOptions(search: $search) { code name kkniLevel owner awarded }
  }
`);

const SkkniUnitOptionsQuery = graphql(`
  query PathwaySkkniUnitOptions($search: String!) {
    skkniUnitOptions(search: $search) { code title }
  }
`);

/** Searching starts at two characters, a quarter second after typing stops. */
const MIN_SEARCH = 2;
const DEBOUNCE_MS = 250;

type Option = { value: string; label: string; name: string; hint?: string };

type PickerProps = {
  label: string;
  value: string;
  /** What the field shows for the chosen value before any search. */
  valueLabel: string | undefined;
  error?: string;
  /** The chosen code and its name (an achievement's name, a unit's title). */
  onChange: (value: string, name: string) => void;
  onBlur?: () => void;
  id?: string;
};

/**
 * A select that searches the API as you type: the chosen value stays listed, the server does the
 * filtering, and what the list shows is said in words (type more, searching, nothing matches).
 */
function SearchPicker({
  label,
  value,
  valueLabel,
  error,
  onChange,
  onBlur,
  id,
  placeholder,
  description,
  search,
  onSearchChange,
  options,
  fetching,
}: PickerProps & {
  placeholder: string;
  description?: string;
  search: string;
  onSearchChange: (search: string) => void;
  options: readonly Option[];
  fetching: boolean;
}) {
  const { t } = useLocale();
  const selected = value ? { value, label: valueLabel ?? value } : null;
  const data = [...(selected ? [selected] : []), ...options.filter((option) => option.value !== value)];
  const hints = new Map(options.map((option) => [option.value, option.hint]));
  const names = new Map(options.map((option) => [option.value, option.name]));
  const nothing =
    search.trim().length < MIN_SEARCH
      ? t('admin.pathwayBuilder.typeMore')
      : fetching
        ? t('admin.pathwayBuilder.searching')
        : t('admin.pathwayBuilder.noMatch');
  return (
    <Select
      id={id}
      label={label}
      description={description}
      placeholder={placeholder}
      required
      searchable
      clearable={false}
      allowDeselect={false}
      searchValue={search}
      onSearchChange={onSearchChange}
      // The API has already filtered by code and name.
      filter={({ options: all }) => all}
      data={data.map(({ value: v, label: l }) => ({ value: v, label: l }))}
      value={value || null}
      onChange={(next, option) => {
        if (next) onChange(next, names.get(next) ?? option?.label ?? next);
      }}
      onBlur={onBlur}
      error={error}
      nothingFoundMessage={nothing}
      leftSection={fetching ? <Loader size={14} /> : <IconSearch size={16} aria-hidden />}
      maxDropdownHeight={280}
      comboboxProps={{ withinPortal: true }}
      renderOption={({ option }) => (
        <div>
          <Text size="sm">{option.label}</Text>
          {hints.get(option.value) && (
            <Text size="xs" c="dimmed">
              {hints.get(option.value)}
            </Text>
          )}
        </div>
      )}
    />
  );
}

/** The search text, and the debounced text the query runs with (paused below two characters). */
function useSearch(valueLabel: string | undefined) {
  const [search, setSearch] = useState(valueLabel ?? '');
  const [debounced] = useDebouncedValue(search.trim(), DEBOUNCE_MS);
  // Showing the chosen option's own name is no search: nothing to ask for.
  const isQuery = debounced.length >= MIN_SEARCH && debounced !== valueLabel;
  return { search, setSearch, debounced, isQuery };
}

/** Achievements by code or name, and calls that will award one under their code. */
export function AchievementPicker(props: PickerProps) {
  const { t } = useLocale();
  const { search, setSearch, debounced, isQuery } = useSearch(props.valueLabel);
  const [{ data, fetching }] = useQuery({
    query: AchievementOptionsQuery,
    variables: { search: debounced },
    pause: !isQuery,
  });
  const options: Option[] = (isQuery ? (data?.pathwayAchievementOptions ?? []) : []).map((option) => ({
    value: option.code,
    label: `${option.name} (${option.code})`,
    name: option.name,
    hint: [
      option.owner,
      option.kkniLevel ? `KKNI ${option.kkniLevel}` : null,
      option.awarded ? null : t('admin.pathwayBuilder.achievementPending'),
    ]
      .filter(Boolean)
      .join(' · '),
  }));
  return (
    <SearchPicker
      {...props}
      placeholder={t('admin.pathwayBuilder.achievementPlaceholder')}
      search={search}
      onSearchChange={setSearch}
      options={options}
      fetching={isQuery && fetching}
    />
  );
}

/** SKKNI units by code or title. */
export function SkkniUnitPicker(props: PickerProps) {
  const { t } = useLocale();
  const { search, setSearch, debounced, isQuery } = useSearch(props.valueLabel);
  const [{ data, fetching }] = useQuery({
    query: SkkniUnitOptionsQuery,
    variables: { search: debounced },
    pause: !isQuery,
  });
  const options: Option[] = (isQuery ? (data?.skkniUnitOptions ?? []) : []).map((unit) => ({
    value: unit.code,
    label: `${unit.code} ${unit.title}`,
    name: unit.title,
  }));
  return (
    <SearchPicker
      {...props}
      placeholder={t('admin.pathwayBuilder.skkniPlaceholder')}
      description={t('admin.pathwayBuilder.skkniHint')}
      search={search}
      onSearchChange={setSearch}
      options={options}
      fetching={isQuery && fetching}
    />
  );
}
