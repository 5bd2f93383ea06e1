// A curriculum comes in as a file (CSV or XLSX) through the API's upload route, not GraphQL:
// `POST /api/rpl/curriculum?programmeId=&version=&effectiveFrom=&mode=preview|save`, one
// multipart file, with the header that marks our own pages. A preview reads the file and saves
// nothing; saving reads it again and writes the version, or refuses with the same row errors.
import type { ErrorCode, Locale } from '@kmg/domain';
import { translateError } from '@kmg/domain';

export type CurriculumOutcomeRow = {
  code: string;
  textId: string;
  textEn: string | null;
  weight: number;
  cplCodes: string[];
};

export type CurriculumCourseRow = {
  code: string;
  nameId: string;
  nameEn: string;
  sks: number;
  semester: number;
  kind: string;
  outcomes: CurriculumOutcomeRow[];
};

/** One problem in the file: its row (1 = the first data row, as the server counts) and column. */
export type CurriculumFileError = { row: number; field: string; code: string; message: string };

export type CurriculumPreview = {
  courses: CurriculumCourseRow[];
  errors: CurriculumFileError[];
  courseCount: number;
  totalSks: number;
};

export type CurriculumImportResult =
  | { ok: true; mode: 'preview'; preview: CurriculumPreview }
  | { ok: true; mode: 'save'; curriculumId: string }
  /** Row errors (422 on save); the file needs fixing. */
  | { ok: false; kind: 'file'; errors: CurriculumFileError[]; message: string }
  /**
   * Anything else: not allowed, version taken, a bad version or date (then `fieldErrors` names
   * `version` or `effectiveFrom`). `message` is null when offline.
   */
  | {
      ok: false;
      kind: 'request';
      code: ErrorCode | null;
      message: string | null;
      fieldErrors: Record<string, string>;
    };

export type CurriculumImportRequest = {
  programmeId: string;
  version: string;
  effectiveFrom: string;
  mode: 'preview' | 'save';
  file: File;
};

/**
 * The database id inside a GraphQL global id (base64 of `StudyProgramme:<uuid>`, Relay's default):
 * the upload routes check for a raw uuid. Anything else is passed on for the route to refuse.
 */
export function rawIdOf(globalId: string): string {
  try {
    const decoded = atob(globalId);
    const separator = decoded.indexOf(':');
    return separator > 0 ? decoded.slice(separator + 1) : globalId;
  } catch {
    return globalId;
  }
}

export async function importCurriculum(
  { programmeId, version, effectiveFrom, mode, file }: CurriculumImportRequest,
  locale: Locale,
  send: typeof fetch = fetch,
): Promise<CurriculumImportResult> {
  const body = new FormData();
  body.append('file', file, file.name);
  const query = new URLSearchParams({ programmeId: rawIdOf(programmeId), version, effectiveFrom, mode });
  let response: Response;
  try {
    response = await send(`/api/rpl/curriculum?${query}`, {
      method: 'POST',
      body,
      credentials: 'include',
      headers: { 'x-kmg-upload': '1', 'accept-language': locale },
    });
  } catch {
    return { ok: false, kind: 'request', code: null, message: null, fieldErrors: {} };
  }
  const payload = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  if (response.ok && mode === 'preview' && payload && Array.isArray(payload.courses)) {
    return { ok: true, mode, preview: payload as unknown as CurriculumPreview };
  }
  if (response.ok && mode === 'save' && typeof payload?.curriculumId === 'string') {
    return { ok: true, mode, curriculumId: payload.curriculumId };
  }
  if (payload && Array.isArray(payload.errors)) {
    const errors = payload.errors as CurriculumFileError[];
    return {
      ok: false,
      kind: 'file',
      errors,
      message:
        typeof payload.message === 'string'
          ? payload.message
          : translateError('CURRICULUM_FILE_INVALID', locale, { count: errors.length }),
    };
  }
  const code = (typeof payload?.code === 'string' ? payload.code : null) as ErrorCode | null;
  const fieldErrors: Record<string, string> = {};
  if (Array.isArray(payload?.issues)) {
    for (const issue of payload.issues as { path?: string[]; message?: string }[]) {
      const field = issue.path?.join('.');
      if (field && issue.message) fieldErrors[field] ??= issue.message;
    }
  }
  return {
    ok: false,
    kind: 'request',
    code,
    fieldErrors,
    message:
      typeof payload?.message === 'string' ? payload.message : translateError(code ?? 'INTERNAL', locale),
  };
}

/** The file's problems by row, in row order: the preview marks those rows and lists them. */
export function errorsByRow(errors: readonly CurriculumFileError[]): Map<number, CurriculumFileError[]> {
  const byRow = new Map<number, CurriculumFileError[]>();
  for (const error of [...errors].sort((a, b) => a.row - b.row)) {
    byRow.set(error.row, [...(byRow.get(error.row) ?? []), error]);
  }
  return byRow;
}

/** Courses by semester, in semester order (a curriculum or a preview). */
export function coursesBySemester<Course extends { semester: number }>(
  courses: readonly Course[],
): [number, Course[]][] {
  const bySemester = new Map<number, Course[]>();
  for (const course of courses)
    bySemester.set(course.semester, [...(bySemester.get(course.semester) ?? []), course]);
  return [...bySemester].sort(([a], [b]) => a - b);
}

/** A CPMK's weight as a percentage of its course: 0.25 → "25 %". */
export function formatWeight(weight: number, locale: Locale): string {
  const percent = weight <= 1 ? weight * 100 : weight;
  return `${new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 1 }).format(percent)} %`;
}
