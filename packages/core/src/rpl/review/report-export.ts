// The RPL report as tables: the same numbers the console shows, for the CSV and XLSX the
// universities send on to the higher-education authorities. One table per sheet: per programme and
// intake, assessors' load, reasons for non-recognition.
import { caseStepLabels, type Locale, type RplCaseStatus, rplCaseStatusLabels } from '@kmg/domain';
import writeExcelFile, { type Row } from 'write-excel-file/node';
import type { rplReport } from '#rpl/review/queue.ts';

type Report = NonNullable<Awaited<ReturnType<typeof rplReport>>>;
export type ReportTable = { name: string; header: string[]; rows: (string | number | null)[][] };

const words = {
  id: {
    programmes: 'Per program studi',
    assessors: 'Beban asesor',
    reasons: 'Alasan tidak diakui',
    university: 'Perguruan tinggi',
    programmeCode: 'Kode prodi',
    programme: 'Program studi',
    intakeCode: 'Kode gelombang',
    intake: 'Gelombang',
    applications: 'Pengajuan',
    decided: 'Diputuskan',
    totalSks: 'Total SKS diakui',
    meanSks: 'Rata-rata SKS',
    cases: 'Kasus',
    days: 'hari',
    distribution: 'Sebaran SKS',
    name: 'Nama',
    role: 'Peran',
    open: 'Sedang dinilai',
    reason: 'Alasan',
    count: 'Jumlah',
    roles: { ACADEMIC_ASSESSOR: 'Asesor akademisi', PRACTITIONER_ASSESSOR: 'Asesor praktisi' } as Record<
      string,
      string
    >,
  },
  en: {
    programmes: 'By programme',
    assessors: "Assessors' load",
    reasons: 'Reasons not recognised',
    university: 'University',
    programmeCode: 'Programme code',
    programme: 'Programme',
    intakeCode: 'Intake code',
    intake: 'Intake',
    applications: 'Applications',
    decided: 'Decided',
    totalSks: 'SKS recognised',
    meanSks: 'Mean SKS',
    cases: 'Cases',
    days: 'days',
    distribution: 'SKS distribution',
    name: 'Name',
    role: 'Role',
    open: 'In assessment',
    reason: 'Reason',
    count: 'Count',
    roles: {
      ACADEMIC_ASSESSOR: 'Academic assessor',
      PRACTITIONER_ASSESSOR: 'Practitioner assessor',
    } as Record<string, string>,
  },
} as const;

/** Status columns in the workflow's order, and the statuses whose time is a step. */
const statuses: RplCaseStatus[] = [
  'SUBMITTED',
  'EVIDENCE_REQUESTED',
  'IN_ASSESSMENT',
  'AWAITING_COMMITTEE',
  'AWAITING_VALIDATION',
  'APPROVED',
  'DECIDED',
  'APPEALED',
  'WITHDRAWN',
];
const stepOfStatus: Partial<Record<RplCaseStatus, keyof typeof caseStepLabels>> = {
  SUBMITTED: 'administrativeCheck',
  IN_ASSESSMENT: 'assessment',
  AWAITING_COMMITTEE: 'committee',
  AWAITING_VALIDATION: 'validation',
  APPROVED: 'decree',
  APPEALED: 'appealDecision',
};

export function reportTables(report: Report, locale: Locale): ReportTable[] {
  const w = words[locale];
  const steps = Object.entries(stepOfStatus) as [RplCaseStatus, keyof typeof caseStepLabels][];
  return [
    {
      name: w.programmes,
      header: [
        w.university,
        w.programmeCode,
        w.programme,
        w.intakeCode,
        w.intake,
        w.applications,
        ...statuses.map((s) => rplCaseStatusLabels[s][locale]),
        w.decided,
        w.totalSks,
        w.meanSks,
        w.distribution,
        ...steps.map(([, step]) => `${caseStepLabels[step][locale]} (${w.days})`),
      ],
      rows: report.rows.map((row) => [
        row.universityName,
        row.programmeCode,
        row.programmeName,
        row.intakeCode,
        row.intakeName,
        row.applications,
        ...statuses.map((s) => (row.byStatus as Record<string, number>)[s] ?? 0),
        row.decided,
        row.totalSks,
        row.meanSks,
        row.sksDistribution.map((band) => `${band.band}: ${band.count}`).join('; '),
        ...steps.map(([status]) => (row.meanDaysPerStep as Record<string, number | null>)[status] ?? null),
      ]),
    },
    {
      name: w.assessors,
      header: [w.name, w.role, w.cases, w.open],
      rows: report.assessors.map((a) => [a.name, w.roles[a.role] ?? a.role, a.cases, a.open]),
    },
    {
      name: w.reasons,
      header: [w.reason, w.count],
      rows: report.nonRecognition.map((r) => [r.reason, r.count]),
    },
  ];
}

/** RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled; CRLF rows. */
export function toCsv(table: ReportTable): string {
  const field = (value: string | number | null) => {
    const text = value === null ? '' : String(value);
    // A leading = + - @ would run as a formula in a spreadsheet; a quote mark keeps it text.
    const safe = /^[=+\-@\t\r]/.test(text) && typeof value === 'string' ? `'${text}` : text;
    return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  return `\uFEFF${[table.header, ...table.rows].map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;
}

export async function toXlsx(tables: ReportTable[]): Promise<Buffer> {
  const sheets = tables.map((table) => ({
    sheet: table.name.slice(0, 31),
    stickyRowsCount: 1,
    data: [
      table.header.map((name) => ({ value: name, fontWeight: 'bold' as const })),
      ...table.rows.map((row) => row.map((value) => (value === null ? null : { value }))),
    ] as Row[],
  }));
  return (await writeExcelFile(sheets as never).toBuffer()) as Buffer;
}
