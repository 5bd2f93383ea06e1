import { formatNumber, useLocale } from '@kmg/ui';
import { Anchor, Table, Text, Tooltip, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconArrowDown, IconArrowsSort, IconArrowUp } from '@tabler/icons-react';
import { Link } from 'react-router';
import { CallStateBadge } from '#components/CallStateBadge.tsx';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';
import { wrappingBadgeStyles } from '#lib/badge-styles.ts';
import type { CallSort, CallSortField } from '#lib/calls-search.ts';
import { formatCompactDateRange, formatCompactInstant } from '#lib/format.ts';

export const CallsTable_call = graphql(`
  fragment CallsTable_call on TrainingCall {
    id
    title
    status
    city
    startDate
    endDate
    seats
    applicationCount
    applicationClosesAt
    timeZone
    province { code name }
    provider { id name shortName }
    skillArea { id nameId nameEn }
    programme { id name }
  }
`);

function SortHeader({
  field,
  sort,
  onSort,
  label,
  align,
}: {
  field: CallSortField;
  sort: CallSort;
  onSort: (field: CallSortField) => void;
  label: string;
  align?: 'right';
}) {
  const { t } = useLocale();
  const active = sort.field === field;
  const Icon = !active ? IconArrowsSort : sort.direction === 'ASC' ? IconArrowUp : IconArrowDown;
  // The arrow stays with the last word: a narrow column wraps the label, never the arrow alone.
  const lastSpace = label.lastIndexOf(' ');
  return (
    <Table.Th
      aria-sort={active ? (sort.direction === 'ASC' ? 'ascending' : 'descending') : 'none'}
      style={align ? { textAlign: align } : undefined}
    >
      <UnstyledButton className="sort-button" onClick={() => onSort(field)}>
        {label.slice(0, lastSpace + 1)}
        <span className="sort-button-tail">
          {label.slice(lastSpace + 1)}
          <Icon size={15} aria-hidden stroke={active ? 2.25 : 1.5} opacity={active ? 1 : 0.55} />
        </span>
        <VisuallyHidden>
          {active
            ? `, ${sort.direction === 'ASC' ? t('admin.calls.sortedAscending') : t('admin.calls.sortedDescending')}`
            : ''}
        </VisuallyHidden>
      </UnstyledButton>
    </Table.Th>
  );
}

/** The calls a viewer runs, one row each; the title opens the call. */
export function CallsTable({
  calls: data,
  sort,
  onSort,
  caption,
}: {
  calls: readonly FragmentOf<typeof CallsTable_call>[];
  sort: CallSort;
  onSort: (field: CallSortField) => void;
  caption: string;
}) {
  const { t, locale } = useLocale();
  const calls = data.map((call) => readFragment(CallsTable_call, call));
  const header = (field: CallSortField, label: string, align?: 'right') => (
    <SortHeader field={field} sort={sort} onSort={onSort} align={align} label={label} />
  );
  return (
    <Table.ScrollContainer minWidth={1000} type="native" pos="relative">
      <Table
        verticalSpacing="sm"
        horizontalSpacing={6}
        highlightOnHover
        tabularNums
        fz="sm"
        layout="fixed"
        className="calls-table"
      >
        <VisuallyHidden component="caption">{caption}</VisuallyHidden>
        {/* Fixed widths keep nine columns readable from 1000 pixels (a 1280-pixel screen) without
            breaking a word: each column fits its longest word in both languages ("Penyelenggara",
            "Pengembangan", "pendaftaran" with its sort arrow, "Applicants"); a status wraps
            between its words ("Pendaftaran / ditutup"). */}
        <colgroup>
          <col style={{ width: '16.3%' }} />
          <col style={{ width: '12.2%' }} />
          <col style={{ width: '12.1%' }} />
          <col style={{ width: '9.5%' }} />
          <col style={{ width: '9.9%' }} />
          <col style={{ width: '7.3%' }} />
          <col style={{ width: '8.9%' }} />
          <col style={{ width: '11.8%' }} />
          <col style={{ width: '12%' }} />
        </colgroup>
        <Table.Thead>
          <Table.Tr>
            {header('TITLE', t('admin.calls.column.title'))}
            <Table.Th>{t('admin.calls.column.provider')}</Table.Th>
            <Table.Th>{t('admin.calls.column.skillArea')}</Table.Th>
            <Table.Th>{t('admin.calls.column.province')}</Table.Th>
            {header('START_DATE', t('admin.calls.column.dates'))}
            {header('SEATS', t('admin.calls.column.seats'), 'right')}
            <Table.Th style={{ textAlign: 'right' }}>{t('admin.calls.column.applicants')}</Table.Th>
            <Table.Th>{t('admin.calls.column.status')}</Table.Th>
            {header('APPLICATION_CLOSES_AT', t('admin.calls.column.closesAt'))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {calls.map((call) => {
            const oversubscribed = call.applicationCount > call.seats;
            return (
              <Table.Tr key={call.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/lowongan/${call.id}`} fw={600} size="sm" lh={1.35}>
                    {call.title}
                  </Anchor>
                  <Text size="xs" c="dimmed" mt={2}>
                    {call.programme.name}
                  </Text>
                </Table.Td>
                <Table.Td>{call.provider.shortName ?? call.provider.name}</Table.Td>
                <Table.Td>{locale === 'en' ? call.skillArea.nameEn : call.skillArea.nameId}</Table.Td>
                <Table.Td>
                  {call.province.name}
                  <Text size="xs" c="dimmed">
                    {call.city}
                  </Text>
                </Table.Td>
                <Table.Td>{formatCompactDateRange(call.startDate, call.endDate, locale)}</Table.Td>
                <Table.Td ta="right">{formatNumber(call.seats, locale)}</Table.Td>
                <Table.Td ta="right">
                  {oversubscribed ? (
                    <Tooltip label={t('admin.calls.seatsFull')} withArrow>
                      <Text span size="sm" fw={700} c="kmg.8">
                        {formatNumber(call.applicationCount, locale)}
                        <VisuallyHidden> ({t('admin.calls.seatsFull')})</VisuallyHidden>
                      </Text>
                    </Tooltip>
                  ) : (
                    formatNumber(call.applicationCount, locale)
                  )}
                </Table.Td>
                <Table.Td>
                  <CallStateBadge call={call} tt="none" size="md" styles={wrappingBadgeStyles} />
                </Table.Td>
                <Table.Td>{formatCompactInstant(call.applicationClosesAt, locale, call.timeZone)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
