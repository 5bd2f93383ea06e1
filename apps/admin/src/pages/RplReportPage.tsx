import { formatNumber, useLocale } from '@kmg/ui';
import {
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
import { type ReactNode, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { PageHeader } from '#components/PageHeader.tsx';
import { PageNotice } from '#components/PageNotice.tsx';
import { QueryPending } from '#components/QueryPending.tsx';
import { useRplAdminAccess } from '#components/RplAdminNav.tsx';
import { graphql, type ResultOf } from '#graphql.ts';
import {
  meanDaysPerStep,
  type ReportSearch,
  type ReportTable,
  readReportSearch,
  reportDownloadUrl,
  sksBands,
  statusCounts,
  writeReportSearch,
} from '#lib/rpl-report.ts';
import { useKeptData } from '#lib/use-kept-data.ts';
import { isAdmin, useViewer } from '#lib/viewer.tsx';

const RplReportPageQuery = graphql(`
  query RplReportPage($programmeId: ID, $intakeId: ID) {
    managedStudyProgrammes { id code name university { id name shortName } intakes { id code name } }
    rplReport(programmeId: $programmeId, intakeId: $intakeId) {
      rows {
        universityName
        programmeCode
        programmeName
        intakeCode
        intakeName
        applications
        decided
        totalSks
        meanSks
        byStatus
        sksDistribution
        meanDaysPerStep
      }
      assessors { name roleLabel cases open }
      nonRecognition { reason count }
    }
  }
`);

type Report = NonNullable<ResultOf<typeof RplReportPageQuery>['rplReport']>;
type Row = Report['rows'][number];

/** "academic assessor" as a table cell: "Academic assessor". */
function capitalise(text: string, locale: string): string {
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}

/** A report table: scrolls sideways below `minWidth`; its caption is for screen readers. */
function ReportTableView({
  caption,
  minWidth,
  head,
  children,
  visibleFrom,
}: {
  caption: string;
  minWidth: number;
  head: ReactNode;
  children: ReactNode;
  visibleFrom?: 'sm';
}) {
  return (
    <Paper withBorder radius="md" px={4} visibleFrom={visibleFrom}>
      <Table.ScrollContainer minWidth={minWidth} type="native">
        <Table verticalSpacing="xs" fz="sm" className="data-table" tabularNums>
          <VisuallyHidden component="caption">{caption}</VisuallyHidden>
          <Table.Thead>
            <Table.Tr>{head}</Table.Tr>
          </Table.Thead>
          <Table.Tbody>{children}</Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

/** A table's downloads with the page's filters: CSV (this table) and XLSX (every table). */
function Downloads({ table, search, name }: { table: ReportTable; search: ReportSearch; name: string }) {
  const { t, locale } = useLocale();
  return (
    <Group gap="xs">
      {(['csv', 'xlsx'] as const).map((format) => (
        <Button
          key={format}
          component="a"
          href={reportDownloadUrl({ format, table, search, locale })}
          download
          variant="default"
          size="xs"
          leftSection={<IconDownload size={14} aria-hidden />}
          aria-label={t(`admin.rplAdmin.report.download.${format}`, { table: name })}
        >
          {format.toUpperCase()}
        </Button>
      ))}
    </Group>
  );
}

/** A report section: its heading, its downloads, then its tables. */
function ReportSection({
  id,
  title,
  table,
  search,
  children,
}: {
  id: string;
  title: string;
  table: ReportTable;
  search: ReportSearch;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id}>
      <Group justify="space-between" align="flex-end" mb="sm" gap="sm">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        <Downloads table={table} search={search} name={title} />
      </Group>
      {children}
    </section>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text fw={700} fz={24} lh={1.3}>
        {value}
      </Text>
    </Paper>
  );
}

/** One programme and intake: its cases by status, SKS bands and days per step, side by side. */
function RowDetails({
  row,
  names,
  showUniversity,
}: {
  row: Row;
  names: { programme: string; intake: string };
  showUniversity: boolean;
}) {
  const { t, locale } = useLocale();
  const statuses = statusCounts(row.byStatus, locale);
  const bands = sksBands(row.sksDistribution);
  const steps = meanDaysPerStep(row.meanDaysPerStep, locale);
  const name = `${names.programme} · ${names.intake}`;
  const none = (
    <Text size="sm" c="dimmed">
      {t('admin.rplAdmin.report.nothingYet')}
    </Text>
  );
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} component="article">
      <Title order={3} size="h5">
        {name}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {[showUniversity ? row.universityName : null, row.programmeCode, row.intakeCode]
          .filter(Boolean)
          .join(' · ')}
      </Text>
      <Text size="sm" mb="sm" hiddenFrom="sm">
        {t('admin.rplAdmin.report.headline', {
          applications: formatNumber(row.applications, locale),
          decided: formatNumber(row.decided, locale),
          sks: formatNumber(row.totalSks, locale),
          mean: row.meanSks == null ? '—' : formatNumber(row.meanSks, locale),
        })}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        <div>
          <Text size="sm" fw={600} mb={4}>
            {t('admin.rplAdmin.report.byStatus')}
          </Text>
          {statuses.length === 0 ? (
            none
          ) : (
            <Table fz="sm" verticalSpacing={4} className="data-table" tabularNums>
              <caption className="table-caption">{t('admin.rplAdmin.report.byStatusOf', { name })}</caption>
              <Table.Tbody>
                {statuses.map((status) => (
                  <Table.Tr key={status.status}>
                    <Table.Td>{status.label}</Table.Td>
                    <Table.Td ta="right">{formatNumber(status.count, locale)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </div>
        <div>
          <Text size="sm" fw={600} mb={4}>
            {t('admin.rplAdmin.report.distribution')}
          </Text>
          {bands.length === 0 ? (
            none
          ) : (
            <Table fz="sm" verticalSpacing={4} className="data-table" tabularNums>
              <caption className="table-caption">
                {t('admin.rplAdmin.report.distributionOf', { name })}
              </caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('admin.rplAdmin.report.column.band')}</Table.Th>
                  <Table.Th ta="right">{t('admin.rplAdmin.report.column.decidedCases')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {bands.map((band) => (
                  <Table.Tr key={band.band}>
                    <Table.Td>{t('admin.rplAdmin.report.band', { band: band.band })}</Table.Td>
                    <Table.Td ta="right">{formatNumber(band.count, locale)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </div>
        <div>
          <Text size="sm" fw={600} mb={4}>
            {t('admin.rplAdmin.report.daysPerStep')}
          </Text>
          {steps.length === 0 ? (
            none
          ) : (
            <Table fz="sm" verticalSpacing={4} className="data-table" tabularNums>
              <caption className="table-caption">
                {t('admin.rplAdmin.report.daysPerStepOf', { name })}
              </caption>
              <Table.Tbody>
                {steps.map((step) => (
                  <Table.Tr key={step.step}>
                    <Table.Td>{step.label}</Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {t('admin.rplAdmin.report.days', {
                        count: step.days,
                        formatted: formatNumber(step.days, locale),
                      })}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </div>
      </SimpleGrid>
    </Paper>
  );
}

/**
 * The university's RPL report: per programme and intake (applications, statuses, SKS recognised,
 * days per step), assessors' load and reasons for not recognising, each downloadable as CSV or
 * XLSX with the same filters. Filters live in the URL.
 */
export function RplReportPage() {
  const { t, locale } = useLocale();
  const viewer = useViewer();
  const { access, ready } = useRplAdminAccess();
  const [params, setParams] = useSearchParams();
  const search = useMemo(() => readReportSearch(params), [params]);
  const [result, reexecute] = useQuery({
    query: RplReportPageQuery,
    variables: { programmeId: search.programmeId, intakeId: search.intakeId },
    pause: !access.reports,
    requestPolicy: 'cache-and-network',
  });
  const data = useKeptData(result.data);

  if (ready && !access.reports) {
    return (
      <PageNotice
        title={t('admin.rplAdmin.notAllowed')}
        text={t('admin.rplAdmin.report.notAllowedText')}
        back={{ to: '/rpl', label: t('admin.rpl.programmes.back') }}
      />
    );
  }

  const showUniversity = isAdmin(viewer);
  const programmes = data?.managedStudyProgrammes ?? [];
  const chosenProgramme = programmes.find((programme) => programme.id === search.programmeId);
  const intakeOptions = (chosenProgramme ? [chosenProgramme] : programmes).map((programme) => ({
    group: programme.name,
    items: programme.intakes.map((intake) => ({
      value: intake.id,
      label: `${intake.name} (${intake.code})`,
    })),
  }));
  const navigate = (next: ReportSearch) => setParams(writeReportSearch(next), { preventScrollReset: true });
  const report = data?.rplReport;
  const rows = report?.rows ?? [];
  const totals = rows.reduce(
    (sum, row) => ({
      applications: sum.applications + row.applications,
      decided: sum.decided + row.decided,
      sks: sum.sks + row.totalSks,
    }),
    { applications: 0, decided: 0, sks: 0 },
  );
  const meanSks = totals.decided > 0 ? Math.round((totals.sks / totals.decided) * 10) / 10 : null;
  const number = (value: number | null | undefined) => (value == null ? '—' : formatNumber(value, locale));
  // The report names programmes and intakes in Indonesian; the console's own list has them in the
  // reader's language.
  const namesOf = (row: Row) => {
    const programme = programmes.find(
      (candidate) =>
        candidate.code === row.programmeCode &&
        (!showUniversity || candidate.university.name === row.universityName),
    );
    return {
      programme: programme?.name ?? row.programmeName,
      intake: programme?.intakes.find((intake) => intake.code === row.intakeCode)?.name ?? row.intakeName,
    };
  };
  const titles = {
    programmes: t('admin.rplAdmin.report.programmes'),
    assessors: t('admin.rplAdmin.report.assessors'),
    reasons: t('admin.rplAdmin.report.reasons'),
  };

  return (
    <>
      <PageHeader title={t('admin.rplAdmin.report.title')} description={t('admin.rplAdmin.report.intro')} />
      <search aria-label={t('admin.rplAdmin.report.filters')} className="account-filters">
        <Select
          label={t('admin.rplAdmin.report.programme')}
          placeholder={t('admin.rplAdmin.report.allProgrammes')}
          clearable
          searchable
          size="sm"
          data={programmes.map((programme) => ({
            value: programme.id,
            label: showUniversity
              ? `${programme.name} · ${programme.university.shortName ?? programme.university.name}`
              : `${programme.name} (${programme.code})`,
          }))}
          value={search.programmeId}
          onChange={(programmeId) => {
            const keepsIntake = programmes
              .find((programme) => programme.id === programmeId)
              ?.intakes.some((intake) => intake.id === search.intakeId);
            navigate({ programmeId, intakeId: keepsIntake ? search.intakeId : null });
          }}
        />
        <Select
          label={t('admin.rplAdmin.report.intake')}
          placeholder={t('admin.rplAdmin.report.allIntakes')}
          clearable
          searchable
          size="sm"
          data={intakeOptions}
          value={search.intakeId}
          onChange={(intakeId) => navigate({ ...search, intakeId })}
        />
      </search>
      {!report ? (
        <QueryPending
          error={result.error}
          onRetry={() => reexecute({ requestPolicy: 'network-only' })}
          blocks={[{ h: 80 }, { h: 200 }, { h: 160 }]}
        />
      ) : (
        <Stack gap="xl" mt="lg" pos="relative">
          <LoadingOverlay visible={result.fetching && !result.data} zIndex={2} overlayProps={{ blur: 1 }} />
          <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
            <Figure
              label={t('admin.rplAdmin.report.column.applications')}
              value={number(totals.applications)}
            />
            <Figure label={t('admin.rplAdmin.report.column.decided')} value={number(totals.decided)} />
            <Figure label={t('admin.rplAdmin.report.column.totalSks')} value={number(totals.sks)} />
            <Figure label={t('admin.rplAdmin.report.column.meanSks')} value={number(meanSks)} />
          </SimpleGrid>

          <ReportSection id="report-programmes" title={titles.programmes} table="programmes" search={search}>
            {rows.length === 0 ? (
              <Text c="dimmed">{t('admin.rplAdmin.report.empty')}</Text>
            ) : (
              <Stack gap="md">
                <ReportTableView
                  visibleFrom="sm"
                  caption={titles.programmes}
                  minWidth={620}
                  head={
                    <>
                      <Table.Th>{t('admin.rplAdmin.report.column.programme')}</Table.Th>
                      <Table.Th>{t('admin.rplAdmin.report.column.intake')}</Table.Th>
                      <Table.Th ta="right">{t('admin.rplAdmin.report.column.applications')}</Table.Th>
                      <Table.Th ta="right">{t('admin.rplAdmin.report.column.decided')}</Table.Th>
                      <Table.Th ta="right">{t('admin.rplAdmin.report.column.totalSks')}</Table.Th>
                      <Table.Th ta="right">{t('admin.rplAdmin.report.column.meanSks')}</Table.Th>
                    </>
                  }
                >
                  {rows.map((row) => (
                    <Table.Tr key={`${row.programmeCode}-${row.intakeCode}-${row.universityName}`}>
                      <Table.Td>
                        {namesOf(row).programme}
                        <Text size="xs" c="dimmed">
                          {[showUniversity ? row.universityName : null, row.programmeCode]
                            .filter(Boolean)
                            .join(' · ')}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {namesOf(row).intake}
                        <Text size="xs" c="dimmed">
                          {row.intakeCode}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right">{number(row.applications)}</Table.Td>
                      <Table.Td ta="right">{number(row.decided)}</Table.Td>
                      <Table.Td ta="right">{number(row.totalSks)}</Table.Td>
                      <Table.Td ta="right">{number(row.meanSks)}</Table.Td>
                    </Table.Tr>
                  ))}
                </ReportTableView>
                {rows.map((row) => (
                  <RowDetails
                    key={`${row.programmeCode}-${row.intakeCode}-${row.universityName}`}
                    row={row}
                    names={namesOf(row)}
                    showUniversity={showUniversity}
                  />
                ))}
              </Stack>
            )}
          </ReportSection>

          <ReportSection id="report-assessors" title={titles.assessors} table="assessors" search={search}>
            {report.assessors.length === 0 ? (
              <Text c="dimmed">{t('admin.rplAdmin.report.noAssessors')}</Text>
            ) : (
              <ReportTableView
                caption={titles.assessors}
                minWidth={420}
                head={
                  <>
                    <Table.Th>{t('admin.rplAdmin.report.column.assessor')}</Table.Th>
                    <Table.Th>{t('admin.rplAdmin.report.column.role')}</Table.Th>
                    <Table.Th ta="right">{t('admin.rplAdmin.report.column.cases')}</Table.Th>
                    <Table.Th ta="right">{t('admin.rplAdmin.report.column.open')}</Table.Th>
                  </>
                }
              >
                {report.assessors.map((assessor) => (
                  <Table.Tr key={`${assessor.name}-${assessor.roleLabel}`}>
                    <Table.Td>{assessor.name}</Table.Td>
                    <Table.Td>{capitalise(assessor.roleLabel, locale)}</Table.Td>
                    <Table.Td ta="right">{number(assessor.cases)}</Table.Td>
                    <Table.Td ta="right">{number(assessor.open)}</Table.Td>
                  </Table.Tr>
                ))}
              </ReportTableView>
            )}
          </ReportSection>

          <ReportSection id="report-reasons" title={titles.reasons} table="reasons" search={search}>
            <Text size="sm" c="dimmed" mb="sm">
              {t('admin.rplAdmin.report.reasonsHint')}
            </Text>
            {report.nonRecognition.length === 0 ? (
              <Text c="dimmed">{t('admin.rplAdmin.report.noReasons')}</Text>
            ) : (
              <ReportTableView
                caption={titles.reasons}
                minWidth={300}
                head={
                  <>
                    <Table.Th>{t('admin.rplAdmin.report.column.reason')}</Table.Th>
                    <Table.Th ta="right">{t('admin.rplAdmin.report.column.courses')}</Table.Th>
                  </>
                }
              >
                {report.nonRecognition.map((reason) => (
                  <Table.Tr key={reason.reason}>
                    <Table.Td>
                      {reason.reason === '—' ? (
                        <Text span size="sm" c="dimmed">
                          {t('admin.rplAdmin.report.noReasonGiven')}
                        </Text>
                      ) : (
                        reason.reason
                      )}
                    </Table.Td>
                    <Table.Td ta="right">{number(reason.count)}</Table.Td>
                  </Table.Tr>
                ))}
              </ReportTableView>
            )}
          </ReportSection>
        </Stack>
      )}
    </>
  );
}
