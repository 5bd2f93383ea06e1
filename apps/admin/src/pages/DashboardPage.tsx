import { breakdownDimensions, provinces } from '@kmg/domain';
import { formatInstant, formatNumber, useLocale } from '@kmg/ui';
import { BarChart } from '@mantine/charts';
import {
  Box,
  Button,
  Group,
  LoadingOverlay,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { type ReactNode, useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { PageHeader } from '#components/PageHeader.tsx';
import { ProvinceMap } from '#components/ProvinceMap.tsx';
import { QueryPending } from '#components/QueryPending.tsx';
import { StackingSegmentedControl } from '#components/StackingSegmentedControl.tsx';
import { graphql, type ResultOf } from '#graphql.ts';
import {
  type Cell,
  type DashboardSearch,
  dashboardDownloadUrl,
  parseRows,
  readDashboardSearch,
  writeDashboardSearch,
} from '#lib/dashboard.ts';
import { useKeptData } from '#lib/use-kept-data.ts';
import { useLanguageRefetch } from '#lib/use-language-refetch.ts';
import { isProviderOnly, useViewer } from '#lib/viewer.tsx';

const DashboardPageQuery = graphql(`
  query DashboardPage($year: Int, $skillAreaId: String, $province: String, $providerId: String) {
    dashboardFiguresAsOf
    dashboardOptions {
      years
      skillAreas { id name }
      providers { id name }
    }
    dashboard(year: $year, skillAreaId: $skillAreaId, province: $province, providerId: $providerId) {
      scope
      funnel { stage label definition count }
      tables { name title header rows }
    }
  }
`);

type Dashboard = ResultOf<typeof DashboardPageQuery>['dashboard'];
type TableData = { name: string; title: string; header: string[]; rows: Cell[][] };

/** The dashboard's filters, written to the URL as they change. */
function Filters({
  search,
  onChange,
  options,
}: {
  search: DashboardSearch;
  onChange: (patch: Partial<DashboardSearch>) => void;
  options: ResultOf<typeof DashboardPageQuery>['dashboardOptions'] | undefined;
}) {
  const { t } = useLocale();
  const viewer = useViewer();
  const providerOnly = isProviderOnly(viewer);
  return (
    <Box
      component="form"
      role="search"
      aria-label={t('admin.dashboard.filters')}
      onSubmit={(e) => e.preventDefault()}
    >
      <SimpleGrid cols={{ base: 1, xs: 2, lg: providerOnly ? 3 : 4 }} spacing="sm">
        <Select
          label={t('admin.dashboard.year')}
          placeholder={t('admin.dashboard.allYears')}
          data={(options?.years ?? []).map((year) => ({ value: String(year), label: String(year) }))}
          value={search.year ? String(search.year) : null}
          onChange={(value) => onChange({ year: value ? Number(value) : null })}
          clearable
        />
        <Select
          label={t('admin.dashboard.skillArea')}
          placeholder={t('admin.dashboard.allSkillAreas')}
          data={(options?.skillAreas ?? []).map((area) => ({ value: area.id, label: area.name }))}
          value={search.skillAreaId}
          onChange={(value) => onChange({ skillAreaId: value })}
          clearable
          searchable
        />
        <Select
          label={t('admin.dashboard.province')}
          description={t('admin.dashboard.provinceHint')}
          placeholder={t('admin.dashboard.allProvinces')}
          data={provinces.map((province) => ({ value: province.code, label: province.name }))}
          value={search.province}
          onChange={(value) => onChange({ province: value })}
          clearable
          searchable
        />
        {!providerOnly && (
          <Select
            label={t('admin.dashboard.provider')}
            placeholder={t('admin.dashboard.allProviders')}
            data={(options?.providers ?? []).map((provider) => ({
              value: provider.id,
              label: provider.name,
            }))}
            value={search.providerId}
            onChange={(value) => onChange({ providerId: value })}
            clearable
            searchable
          />
        )}
      </SimpleGrid>
    </Box>
  );
}

function Downloads({ table, search }: { table: TableData; search: DashboardSearch }) {
  const { t, locale } = useLocale();
  return (
    <Group gap="xs">
      {(['csv', 'xlsx'] as const).map((format) => (
        <Button
          key={format}
          component="a"
          href={dashboardDownloadUrl({ format, table: table.name, search, locale })}
          download
          variant="default"
          size="xs"
          leftSection={<IconDownload size={14} aria-hidden />}
          aria-label={t('admin.dashboard.download', { table: table.title, format: format.toUpperCase() })}
          data-export={`${table.name}.${format}`}
        >
          {format.toUpperCase()}
        </Button>
      ))}
    </Group>
  );
}

/** A table exactly as exported: numbers in the reader's format, nothing else changed. */
function DataTable({ table, minWidth = 480, id }: { table: TableData; minWidth?: number; id?: string }) {
  const { t, locale } = useLocale();
  // Columns of numbers are right-aligned, header included; text columns read from the left.
  const numeric = table.header.map(
    (_, index) => index > 0 && table.rows.every((row) => typeof row[index] !== 'string'),
  );
  const show = (cell: Cell) =>
    cell === null ? '—' : typeof cell === 'number' ? formatNumber(cell, locale) : cell;
  return (
    <Paper withBorder radius="md" px={4}>
      {/* Scrolls sideways on a phone; focusable and named, so a keyboard can scroll it too. */}
      <Box
        id={id}
        style={{ overflowX: 'auto' }}
        tabIndex={0}
        role="region"
        aria-label={t('admin.dashboard.tableLabel', { table: table.title })}
      >
        <Table
          miw={minWidth}
          verticalSpacing="xs"
          fz="sm"
          className="data-table"
          tabularNums
          data-table={table.name}
        >
          <VisuallyHidden component="caption">{table.title}</VisuallyHidden>
          <Table.Thead>
            <Table.Tr>
              {table.header.map((name, index) => (
                <Table.Th key={name} ta={numeric[index] ? 'right' : undefined} scope="col">
                  {name}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {table.rows.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={table.header.length}>
                  <Text size="sm" c="dimmed">
                    {t('admin.dashboard.empty')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {table.rows.map((row, rowIndex) => (
              <Table.Tr key={`${row[0]}-${rowIndex}`}>
                {row.map((cell, index) =>
                  index === 0 ? (
                    <Table.Th key={index} scope="row" fw={500} style={{ verticalAlign: 'top' }}>
                      {show(cell)}
                    </Table.Th>
                  ) : (
                    <Table.Td
                      key={index}
                      ta={numeric[index] ? 'right' : undefined}
                      style={{ verticalAlign: 'top' }}
                    >
                      {show(cell)}
                    </Table.Td>
                  ),
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Box>
    </Paper>
  );
}

/** A chart's category label, cut to fit beside the bars (the table has it whole). */
function shortLabel(label: string): string {
  return label.length > 24 ? `${label.slice(0, 23)}…` : label;
}

/** A bar chart drawn from a table's columns; hidden from screen readers, which read the table. */
/** The province table's columns a person can put on the map: applicants, seats, per seat, trained. */
const MAP_COLUMNS = [2, 4, 5, 6] as const;

/**
 * The equity table drawn as a map of Indonesia: one of its figures (chosen above the map) per
 * province, by the province's name in the table's first column.
 */
function ProvinceFigureMap({ table, tableId }: { table: TableData; tableId: string }) {
  const { t } = useLocale();
  const [column, setColumn] = useState<number>(MAP_COLUMNS[0]);
  const labelId = useId();
  // Four figures side by side do not fit a phone: there they stack.
  const values = Object.fromEntries(
    table.rows.map((row) => [String(row[0]), typeof row[column] === 'number' ? row[column] : null]),
  );
  return (
    <Stack gap="xs" mb="sm">
      <Text size="sm" fw={600} id={labelId}>
        {t('admin.dashboard.mapFigure')}
      </Text>
      <StackingSegmentedControl
        aria-labelledby={labelId}
        value={String(column)}
        onChange={(value) => setColumn(Number(value))}
        data={MAP_COLUMNS.map((index) => ({ value: String(index), label: table.header[index] ?? '' }))}
      />
      <ProvinceMap
        title={`${table.title}: ${table.header[column] ?? ''}`}
        values={values}
        tableId={tableId}
      />
    </Stack>
  );
}

function TableChart({
  table,
  columns,
  colors,
  filter,
}: {
  table: TableData;
  columns: number[];
  colors: string[];
  filter?: (row: Cell[]) => boolean;
}) {
  const rows = table.rows.filter((row) => (filter ? filter(row) : true));
  if (rows.length === 0) return null;
  const data = rows.map((row) =>
    Object.fromEntries([
      ['label', String(row[0])],
      ...columns.map((column) => [`c${column}`, typeof row[column] === 'number' ? row[column] : 0]),
    ]),
  );
  return (
    <Box inert mb="sm">
      <BarChart
        // Room for a two-line label beside each group of bars.
        h={rows.length * Math.max(36, columns.length * 20 + 16) + (columns.length > 1 ? 70 : 40)}
        data={data}
        dataKey="label"
        orientation="vertical"
        series={columns.map((column, index) => ({
          name: `c${column}`,
          label: table.header[column],
          color: colors[index] ?? 'gray.6',
        }))}
        withLegend={columns.length > 1}
        yAxisProps={{ width: 130, tickFormatter: shortLabel }}
        gridAxis="x"
      />
    </Box>
  );
}

function Section({
  id,
  title,
  lead,
  table,
  search,
  children,
}: {
  id: string;
  title: string;
  lead?: string;
  table?: TableData;
  search: DashboardSearch;
  children: ReactNode;
}) {
  return (
    <Stack component="section" aria-labelledby={id} gap="xs">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {table && <Downloads table={table} search={search} />}
      </Group>
      {lead && (
        <Text size="sm" c="gray.7">
          {lead}
        </Text>
      )}
      {children}
    </Stack>
  );
}

function DashboardView({
  dashboard,
  search,
}: {
  dashboard: NonNullable<Dashboard>;
  search: DashboardSearch;
}) {
  const { t } = useLocale();
  const tables = new Map(
    dashboard.tables.map((table) => [table.name, { ...table, rows: parseRows(table.rows) } as TableData]),
  );
  const table = (name: string) => tables.get(name) as TableData;
  const funnel = table('funnel');
  // The chart leaves out RPL (SKS, not people); the table has every stage.
  const funnelChart = { ...funnel, rows: funnel.rows.slice(0, dashboard.funnel.length - 1) };
  return (
    <Stack gap="xl">
      <Section id="dashboard-funnel" title={t('admin.dashboard.funnel')} table={funnel} search={search}>
        <Text size="xs" c="dimmed">
          {t('admin.dashboard.chartNote')}
        </Text>
        <TableChart table={funnelChart} columns={[1]} colors={['teal.6']} />
        {/* Dissemination stages (issue 14 part 1: reported, verified, teachers and students reached)
            join the funnel from the domain's `funnelStages`; this table and its exports list them. */}
        <DataTable table={funnel} minWidth={560} />
      </Section>

      <Section
        id="dashboard-breakdowns"
        title={t('admin.dashboard.breakdowns')}
        lead={t('admin.dashboard.breakdownsLead')}
        search={search}
      >
        <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="lg">
          {breakdownDimensions.map((dimension) => {
            const breakdown = table(dimension);
            const width = breakdown.header.length;
            return (
              <Stack key={dimension} gap="xs" component="article" aria-labelledby={`dashboard-${dimension}`}>
                <Group justify="space-between" align="flex-end" gap="sm">
                  <Title order={3} size="h5" id={`dashboard-${dimension}`}>
                    {breakdown.title}
                  </Title>
                  <Downloads table={breakdown} search={search} />
                </Group>
                <TableChart
                  table={breakdown}
                  columns={[width - 5, width - 2]}
                  colors={['blue.6', 'teal.6']}
                />
                <DataTable table={breakdown} />
              </Stack>
            );
          })}
        </SimpleGrid>
      </Section>

      <Section
        id="dashboard-equity"
        title={t('admin.dashboard.equity')}
        lead={t('admin.dashboard.equityLead')}
        table={table('provinces')}
        search={search}
      >
        <ProvinceFigureMap table={table('provinces')} tableId="dashboard-provinces-table" />
        <TableChart
          table={table('provinces')}
          columns={[2, 4]}
          colors={['blue.6', 'orange.6']}
          filter={(row) => Number(row[2]) > 0 || Number(row[4]) > 0}
        />
        <DataTable table={table('provinces')} minWidth={640} id="dashboard-provinces-table" />
      </Section>

      <Section
        id="dashboard-providers"
        title={t('admin.dashboard.providers')}
        lead={t('admin.dashboard.providersLead')}
        table={table('providers')}
        search={search}
      >
        <TableChart table={table('providers')} columns={[4]} colors={['teal.6']} />
        <DataTable table={table('providers')} minWidth={880} />
        <Group justify="space-between" align="flex-end" gap="sm" mt="md">
          <Title order={3} size="h5" id="dashboard-units">
            {table('units').title}
          </Title>
          <Downloads table={table('units')} search={search} />
        </Group>
        <DataTable table={table('units')} minWidth={720} />
      </Section>
    </Stack>
  );
}

/** "Dasbor": the programme's funnel, breakdowns, equity by province and providers' figures. */
export function DashboardPage() {
  const { t, locale } = useLocale();
  const viewer = useViewer();
  const [params, setParams] = useSearchParams();
  const search = readDashboardSearch(params);
  const [{ data: fresh, fetching, error, operation }, reexecute] = useQuery({
    query: DashboardPageQuery,
    variables: search,
  });
  const data = useKeptData(fresh);
  useLanguageRefetch(reexecute);
  // From the URL as it is now, not as this render saw it: a select may keep an older handler, and
  // two quick changes must not undo each other.
  const change = (patch: Partial<DashboardSearch>) => {
    const now = readDashboardSearch(new URLSearchParams(window.location.search));
    setParams(writeDashboardSearch({ ...now, ...patch }), { replace: true });
  };
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('admin.dashboard.title')}
        description={isProviderOnly(viewer) ? t('admin.dashboard.leadProvider') : t('admin.dashboard.lead')}
        actions={
          <Button
            component="a"
            href={dashboardDownloadUrl({ format: 'xlsx', table: null, search, locale })}
            download
            variant="light"
            leftSection={<IconDownload size={16} aria-hidden />}
            data-export="all.xlsx"
          >
            {t('admin.dashboard.downloadAll')}
          </Button>
        }
      />
      <Filters search={search} onChange={change} options={data?.dashboardOptions} />
      {data && (
        <Text size="sm" c="dimmed" data-as-of={data.dashboardFiguresAsOf ?? ''}>
          {data.dashboardFiguresAsOf
            ? t('admin.dashboard.asOf', { time: formatInstant(data.dashboardFiguresAsOf, locale) })
            : t('admin.dashboard.asOfPending')}
        </Text>
      )}
      {data?.dashboard ? (
        // `data-loaded`: the filters of the figures on screen (tests wait for it to match the URL).
        <Box
          pos="relative"
          aria-busy={fetching}
          data-loaded={
            operation && !fetching
              ? writeDashboardSearch(operation.variables as DashboardSearch).toString()
              : undefined
          }
        >
          <LoadingOverlay visible={fetching} zIndex={10} overlayProps={{ blur: 1 }} />
          <DashboardView dashboard={data.dashboard} search={search} />
        </Box>
      ) : (
        <QueryPending
          error={error}
          onRetry={() => reexecute({ requestPolicy: 'network-only' })}
          blocks={[{ h: 300 }, { h: 400 }]}
        />
      )}
    </Stack>
  );
}
