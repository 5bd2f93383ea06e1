// The RPL report page: its filters in the URL, the download links with the same filters, and the
// report's JSON fields (cases per status, SKS bands, days per status) read into rows.
import {
  type CaseStep,
  caseStepLabels,
  type Locale,
  type RplCaseStatus,
  rplCaseStatuses,
  rplCaseStatusLabels,
} from '@kmg/domain';
import { rawIdOf } from '#lib/curriculum-import.ts';

/** Filters in the URL: `?programme=<id>&intake=<id>` (global ids, as the API gives them). */
export type ReportSearch = { programmeId: string | null; intakeId: string | null };

export function readReportSearch(params: URLSearchParams): ReportSearch {
  return { programmeId: params.get('programme') || null, intakeId: params.get('intake') || null };
}

export function writeReportSearch({ programmeId, intakeId }: ReportSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (programmeId) params.set('programme', programmeId);
  if (intakeId) params.set('intake', intakeId);
  return params;
}

/** The report's tables as the export names them: CSV gives one, XLSX all three as sheets. */
export type ReportTable = 'programmes' | 'assessors' | 'reasons';

/** `/api/rpl/reports.csv|xlsx` with the page's filters (raw ids) and the reader's language. */
export function reportDownloadUrl({
  format,
  table,
  search,
  locale,
}: {
  format: 'csv' | 'xlsx';
  table: ReportTable;
  search: ReportSearch;
  locale: Locale;
}): string {
  const params = new URLSearchParams();
  if (search.programmeId) params.set('programmeId', rawIdOf(search.programmeId));
  if (search.intakeId) params.set('intakeId', rawIdOf(search.intakeId));
  if (format === 'csv') params.set('table', table);
  if (locale === 'en') params.set('lang', 'en');
  const query = params.toString();
  return `/api/rpl/reports.${format}${query ? `?${query}` : ''}`;
}

function parseObject(json: string): Record<string, unknown> {
  try {
    const parsed = JSON.parse(json) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Cases per status, in the workflow's order, statuses without cases left out. */
export function statusCounts(
  json: string,
  locale: Locale,
): { status: RplCaseStatus; label: string; count: number }[] {
  const counts = parseObject(json);
  return rplCaseStatuses.flatMap((status) => {
    const count = counts[status];
    return typeof count === 'number' && count > 0
      ? [{ status, label: rplCaseStatusLabels[status][locale], count }]
      : [];
  });
}

/** Decided cases per SKS band ("0", "1–5", …), as the API ordered them. */
export function sksBands(json: string): { band: string; count: number }[] {
  try {
    const parsed = JSON.parse(json) as unknown;
    if (!Array.isArray(parsed)) return [];
    return parsed.flatMap((entry) =>
      entry && typeof entry.band === 'string' && typeof entry.count === 'number'
        ? [{ band: entry.band, count: entry.count }]
        : [],
    );
  } catch {
    return [];
  }
}

/** The step each status waits on (the report measures days per status). */
const stepOfStatus: Partial<Record<RplCaseStatus, CaseStep>> = {
  SUBMITTED: 'administrativeCheck',
  IN_ASSESSMENT: 'assessment',
  AWAITING_COMMITTEE: 'committee',
  AWAITING_VALIDATION: 'validation',
  APPROVED: 'decree',
  APPEALED: 'appealDecision',
};

/** Mean days spent in each step, in the workflow's order; steps no case has left yet are left out. */
export function meanDaysPerStep(
  json: string,
  locale: Locale,
): { step: CaseStep; label: string; days: number }[] {
  const days = parseObject(json);
  return rplCaseStatuses.flatMap((status) => {
    const step = stepOfStatus[status];
    const value = days[status];
    return step && typeof value === 'number'
      ? [{ step, label: caseStepLabels[step][locale], days: value }]
      : [];
  });
}
