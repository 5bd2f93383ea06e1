import { z } from 'zod';
import type { ErrorCode } from '#messages.ts';
import type { CourseKind } from '#rpl/types.ts';
import { textSchema } from '#validation.ts';

// A study programme's curriculum as a university uploads it (a spreadsheet exported to CSV or
// XLSX): one row per course learning outcome (CPMK, capaian pembelajaran mata kuliah), rows with
// the same course code making one course (mata kuliah). RPL compares a teacher's evidence with these
// outcomes and with the programme's graduate outcomes (CPL, capaian pembelajaran lulusan), so every
// row is checked and reported before anything is saved.

/** The final project (skripsi/tugas akhir) is never recognised through RPL, hence its own kind. */

export type CurriculumOutcome = {
  code: string;
  textId: string;
  textEn: string | null;
  /** Share of the course grade, in percent. */
  weight: number;
  /** The graduate outcomes (CPL) this course outcome serves. */
  cplCodes: string[];
};

export type CurriculumCourse = {
  code: string;
  nameId: string;
  nameEn: string | null;
  sks: number;
  semester: number;
  kind: CourseKind;
  outcomes: CurriculumOutcome[];
};

export type CurriculumField =
  | 'courseCode'
  | 'courseNameId'
  | 'courseNameEn'
  | 'sks'
  | 'semester'
  | 'kind'
  | 'outcomeCode'
  | 'outcomeTextId'
  | 'outcomeTextEn'
  | 'weight'
  | 'cplCodes';

export type CurriculumRowError = {
  /** The spreadsheet's row number: 1 is the header, 2 the first data row. */
  row: number;
  /** `row` when the whole row is meant (too many rows, none at all). */
  field: CurriculumField | 'row';
  code: ErrorCode;
  params?: Record<string, string | number>;
};

export type CurriculumCheck =
  | { kind: 'ok'; courses: CurriculumCourse[]; graduateOutcomes: string[] }
  | {
      kind: 'invalid';
      errors: CurriculumRowError[];
      /** Courses whose own cells are fine, with the outcomes from rows without errors (the preview). */
      courses: CurriculumCourse[];
      graduateOutcomes: string[];
    };

/** Data rows per file; a curriculum of 60 courses with 4 outcomes each needs 240. */
export const CURRICULUM_MAX_ROWS = 5000;

type ColumnRule = {
  /** Header names, compared after `normalizeHeader`; the first is the one messages name. */
  aliases: readonly string[];
  required: boolean;
};

const columns: Record<CurriculumField, ColumnRule> = {
  courseCode: { aliases: ['kode_mk', 'course_code', 'kode_mata_kuliah'], required: true },
  courseNameId: { aliases: ['nama_mk', 'course_name_id', 'nama_mata_kuliah', 'course_name'], required: true },
  courseNameEn: { aliases: ['nama_mk_en', 'course_name_en'], required: false },
  sks: { aliases: ['sks', 'credits'], required: true },
  semester: { aliases: ['semester'], required: true },
  // Required: a file without it would make the skripsi an ordinary, recognisable course.
  kind: { aliases: ['jenis', 'kind', 'jenis_mk'], required: true },
  outcomeCode: { aliases: ['kode_cpmk', 'outcome_code'], required: true },
  outcomeTextId: { aliases: ['cpmk', 'outcome_text_id', 'outcome_text'], required: true },
  outcomeTextEn: { aliases: ['cpmk_en', 'outcome_text_en'], required: false },
  weight: { aliases: ['bobot', 'weight'], required: true },
  cplCodes: { aliases: ['cpl', 'kode_cpl', 'cpl_codes'], required: false },
};

const fields = Object.keys(columns) as CurriculumField[];
const courseFields = ['courseNameId', 'courseNameEn', 'sks', 'semester', 'kind'] as const;
const outcomeFields = ['outcomeCode', 'outcomeTextId', 'outcomeTextEn', 'weight', 'cplCodes'] as const;

/** "Kode MK", "KODE-MK" and " kode_mk " are one column; "Bobot (%)" is `bobot`. */
function normalizeHeader(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/\(%\)|%/g, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

const kindAliases: Record<string, CourseKind> = {
  REGULER: 'REGULAR',
  REGULAR: 'REGULAR',
  TUGAS_AKHIR: 'FINAL_PROJECT',
  PROYEK_AKHIR: 'FINAL_PROJECT',
  SKRIPSI: 'FINAL_PROJECT',
  TESIS: 'FINAL_PROJECT',
  FINAL_PROJECT: 'FINAL_PROJECT',
  MAGANG: 'INTERNSHIP',
  PKL: 'INTERNSHIP',
  PRAKTIK_KERJA_LAPANGAN: 'INTERNSHIP',
  PRAKTIK_INDUSTRI: 'INTERNSHIP',
  INTERNSHIP: 'INTERNSHIP',
};

/** How the kinds are written in a file, for the message that lists them. */
const kindsAccepted = 'REGULER, TUGAS_AKHIR, SKRIPSI, TESIS, PROYEK_AKHIR, MAGANG, PKL, PRAKTIK_INDUSTRI';

// Cells. zod issues carry our error codes as messages; `cellError` adds the column and limits.
const text = (max: number) => textSchema.trim().max(max, 'CURRICULUM_TEXT_TOO_LONG');
/** Decimal comma or point ("1,5", "1.5"); never thousands separators, which a weight never needs. */
const decimal = textSchema
  .trim()
  .regex(/^[+-]?\d+(?:[.,]\d+)?$/, 'CURRICULUM_NOT_A_NUMBER')
  .transform((value) => Number(value.replace(',', '.')));
const wholeNumber = (min: number, max: number) =>
  decimal.pipe(
    z
      .number()
      .int('CURRICULUM_NOT_INTEGER')
      .min(min, 'CURRICULUM_OUT_OF_RANGE')
      .max(max, 'CURRICULUM_OUT_OF_RANGE'),
  );

const cellSchemas = {
  courseCode: text(30),
  courseNameId: text(200),
  courseNameEn: text(200),
  sks: wholeNumber(1, 24),
  /** Up to 14: the longest an S1 student may study. */
  semester: wholeNumber(1, 14),
  kind: textSchema
    .trim()
    .transform((value) =>
      value
        .toUpperCase()
        .replace(/[^A-Z]+/g, '_')
        .replace(/^_+|_+$/g, ''),
    )
    .refine((value) => Object.hasOwn(kindAliases, value), 'CURRICULUM_KIND_UNKNOWN')
    .transform((value) => kindAliases[value] as CourseKind),
  outcomeCode: text(30),
  outcomeTextId: text(1000),
  outcomeTextEn: text(1000),
  /** Percent of the course grade; "25%" is read as 25. */
  weight: textSchema
    .trim()
    .transform((value) => value.replace(/\s*%$/, ''))
    .pipe(decimal)
    .pipe(z.number().gt(0, 'CURRICULUM_WEIGHT_RANGE').max(100, 'CURRICULUM_WEIGHT_RANGE')),
  /** Semicolon-separated; commas are taken too, since codes never hold one. */
  cplCodes: text(300).transform((value) =>
    [
      ...new Set(
        value
          .split(/[;,]/)
          .map((code) => code.trim())
          .filter(Boolean),
      ),
    ].sort(compareCodes),
  ),
} satisfies Record<CurriculumField, z.ZodType<unknown, string>>;

type CellValues = { [F in CurriculumField]: z.output<(typeof cellSchemas)[F]> };

const limits: Partial<Record<CurriculumField, Record<string, number>>> = {
  courseCode: { max: 30 },
  courseNameId: { max: 200 },
  courseNameEn: { max: 200 },
  sks: { min: 1, max: 24 },
  semester: { min: 1, max: 14 },
  outcomeCode: { max: 30 },
  outcomeTextId: { max: 1000 },
  outcomeTextEn: { max: 1000 },
  cplCodes: { max: 300 },
};

/** CPL2 before CPL10. */
function compareCodes(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' });
}

type Cell<T> = { kind: 'empty' } | { kind: 'value'; value: T } | { kind: 'error'; error: CurriculumRowError };

type ParsedRow = {
  row: number;
  cells: { [F in CurriculumField]: Cell<CellValues[F]> };
  errors: CurriculumRowError[];
};

function parseCell<F extends CurriculumField>(
  field: F,
  raw: string,
  row: number,
  column: string,
): Cell<CellValues[F]> {
  if (raw.trim() === '') return { kind: 'empty' };
  const result = cellSchemas[field].safeParse(raw);
  if (result.success) return { kind: 'value', value: result.data as CellValues[F] };
  const message = result.error.issues[0]?.message ?? 'INVALID_FORMAT';
  const code = (
    message === 'INVALID_CHARACTER' || message.startsWith('CURRICULUM_') ? message : 'INVALID_FORMAT'
  ) as ErrorCode;
  const params: Record<string, string | number> = { column, ...limits[field] };
  if (code === 'CURRICULUM_KIND_UNKNOWN') params.accepted = kindsAccepted;
  if (code !== 'CURRICULUM_TEXT_TOO_LONG' && code !== 'INVALID_CHARACTER') params.value = raw.trim();
  return { kind: 'error', error: { row, field, code, params } };
}

type HeaderCheck = { columnOf: Partial<Record<CurriculumField, string>>; errors: CurriculumRowError[] };

function checkHeader(header: readonly string[]): HeaderCheck {
  const columnOf: Partial<Record<CurriculumField, string>> = {};
  const errors: CurriculumRowError[] = [];
  for (const name of header) {
    const normalized = normalizeHeader(name);
    if (!normalized) continue;
    const field = fields.find((candidate) => columns[candidate].aliases.includes(normalized));
    if (!field) continue;
    const seen = columnOf[field];
    if (seen !== undefined) {
      errors.push({
        row: 1,
        field,
        code: 'CURRICULUM_COLUMN_DUPLICATE',
        params: { column: name, first: seen },
      });
    } else {
      columnOf[field] = name;
    }
  }
  for (const field of fields) {
    if (columns[field].required && columnOf[field] === undefined) {
      errors.push({
        row: 1,
        field,
        code: 'CURRICULUM_COLUMN_MISSING',
        params: { column: columns[field].aliases[0] as string, aliases: columns[field].aliases.join(', ') },
      });
    }
  }
  return { columnOf, errors };
}

function parseRow(
  values: Record<string, string>,
  row: number,
  columnOf: Partial<Record<CurriculumField, string>>,
  codeAbove: string | null,
): ParsedRow {
  const cells = {} as ParsedRow['cells'];
  const errors: CurriculumRowError[] = [];
  const raw = (field: CurriculumField) => {
    const column = columnOf[field];
    return column === undefined ? '' : (values[column] ?? '');
  };
  for (const field of fields) {
    const cell = parseCell(field, raw(field), row, columnOf[field] ?? columns[field].aliases[0] ?? field);
    (cells as Record<CurriculumField, Cell<unknown>>)[field] = cell;
    if (cell.kind === 'error') errors.push(cell.error);
  }
  const isOutcomeRow = outcomeFields.some((field) => cells[field].kind !== 'empty');
  const isMerged =
    codeAbove !== null &&
    isOutcomeRow &&
    cells.courseCode.kind === 'empty' &&
    courseFields.every((field) => cells[field].kind === 'empty');
  if (isMerged) cells.courseCode = { kind: 'value', value: codeAbove };
  const required: CurriculumField[] = isOutcomeRow
    ? ['courseCode', 'outcomeCode', 'outcomeTextId', 'weight']
    : ['courseCode'];
  for (const field of required) {
    if (cells[field].kind === 'empty') errors.push(emptyCell(row, field, columnOf));
  }
  return { row, cells, errors };
}

function emptyCell(
  row: number,
  field: CurriculumField,
  columnOf: Partial<Record<CurriculumField, string>>,
): CurriculumRowError {
  return {
    row,
    field,
    code: 'CURRICULUM_CELL_EMPTY',
    params: { column: columnOf[field] ?? (columns[field].aliases[0] as string) },
  };
}

type CourseDraft = {
  firstRow: number;
  code: string;
  /** The course's own cells as its first row gives them; null when that row got one wrong. */
  values: Pick<CurriculumCourse, 'nameId' | 'nameEn' | 'sks' | 'semester' | 'kind'> | null;
  outcomes: CurriculumOutcome[];
  outcomeRows: Map<string, number>;
  hasOutcomeRows: boolean;
};

function isBlank(values: Record<string, string>): boolean {
  return Object.values(values).every((value) => value.trim() === '');
}

/**
 * Checks a curriculum file's rows (the header's names as keys, cells as text) and groups them into
 * courses. Header names are matched case-insensitively in Indonesian or English; unknown columns
 * and blank rows are ignored. A course's first row must give its name, SKS, semester and kind;
 * its later rows may leave those cells empty, but what they state must agree with the first row.
 * A row whose course cells are all empty, code included, continues the course of the row right
 * above it: that is how a spreadsheet with merged course cells reads. A row with no outcome cells
 * only names its course.
 */
export function checkCurriculumRows(
  rows: readonly Record<string, string>[],
  { header }: { header: readonly string[] },
): CurriculumCheck {
  const { columnOf, errors: headerErrors } = checkHeader(header);
  if (headerErrors.length > 0) {
    return { kind: 'invalid', errors: headerErrors, courses: [], graduateOutcomes: [] };
  }

  let dataRows = 0;
  for (const [index, values] of rows.entries()) {
    if (isBlank(values)) continue;
    dataRows += 1;
    if (dataRows > CURRICULUM_MAX_ROWS) {
      const error: CurriculumRowError = {
        row: index + 2,
        field: 'row',
        code: 'CURRICULUM_TOO_MANY_ROWS',
        params: { max: CURRICULUM_MAX_ROWS },
      };
      return { kind: 'invalid', errors: [error], courses: [], graduateOutcomes: [] };
    }
  }
  if (dataRows === 0) {
    const error: CurriculumRowError = { row: 2, field: 'row', code: 'CURRICULUM_FILE_EMPTY' };
    return { kind: 'invalid', errors: [error], courses: [], graduateOutcomes: [] };
  }

  const errors: CurriculumRowError[] = [];
  const courses = new Map<string, CourseDraft>();
  /** The course code of the row above, which a row of merged course cells continues. */
  let codeAbove: string | null = null;
  for (const [index, values] of rows.entries()) {
    if (isBlank(values)) {
      codeAbove = null;
      continue;
    }
    const parsed = parseRow(values, index + 2, columnOf, codeAbove);
    const rowErrors = [...parsed.errors];
    const codeCell = parsed.cells.courseCode;
    codeAbove = codeCell.kind === 'value' ? codeCell.value : null;
    if (codeCell.kind === 'value') rowErrors.push(...addRow(courses, parsed, codeCell.value, columnOf));
    errors.push(
      ...rowErrors.sort(
        (a, b) => fields.indexOf(a.field as CurriculumField) - fields.indexOf(b.field as CurriculumField),
      ),
    );
  }

  const fine: CurriculumCourse[] = [];
  for (const draft of courses.values()) {
    if (!draft.hasOutcomeRows) {
      errors.push({
        row: draft.firstRow,
        field: 'outcomeTextId',
        code: 'CURRICULUM_COURSE_WITHOUT_OUTCOMES',
        params: { course: draft.code },
      });
    }
    if (draft.values && draft.outcomes.length > 0) {
      fine.push({ code: draft.code, ...draft.values, outcomes: draft.outcomes });
    }
  }
  errors.sort((a, b) => a.row - b.row);
  const graduateOutcomes = [
    ...new Set(fine.flatMap((course) => course.outcomes.flatMap((o) => o.cplCodes))),
  ].sort(compareCodes);
  return errors.length > 0
    ? { kind: 'invalid', errors, courses: fine, graduateOutcomes }
    : { kind: 'ok', courses: fine, graduateOutcomes };
}

/** Files the row under its course; returns the errors found by comparing it with the course. */
function addRow(
  courses: Map<string, CourseDraft>,
  parsed: ParsedRow,
  code: string,
  columnOf: Partial<Record<CurriculumField, string>>,
): CurriculumRowError[] {
  const { row, cells } = parsed;
  const errors: CurriculumRowError[] = [];
  // Course codes are grouped ignoring case: "tm101" beside "TM101" is a typo, not a second course.
  const key = code.toUpperCase();
  let draft = courses.get(key);
  if (!draft) {
    for (const field of ['courseNameId', 'sks', 'semester', 'kind'] as const) {
      if (cells[field].kind === 'empty') errors.push(emptyCell(row, field, columnOf));
    }
    const { courseNameId, courseNameEn, sks, semester, kind } = cells;
    const isComplete =
      parsed.errors.every((error) => !(courseFields as readonly string[]).includes(error.field)) &&
      errors.length === 0 &&
      courseNameId.kind === 'value' &&
      sks.kind === 'value' &&
      semester.kind === 'value' &&
      kind.kind === 'value';
    draft = {
      firstRow: row,
      code,
      values: isComplete
        ? {
            nameId: courseNameId.value,
            nameEn: courseNameEn.kind === 'value' ? courseNameEn.value : null,
            sks: sks.value,
            semester: semester.value,
            kind: kind.value,
          }
        : null,
      outcomes: [],
      outcomeRows: new Map(),
      hasOutcomeRows: false,
    };
    courses.set(key, draft);
  } else if (draft.values) {
    const stated: Record<(typeof courseFields)[number], unknown> = {
      courseNameId: draft.values.nameId,
      courseNameEn: draft.values.nameEn,
      sks: draft.values.sks,
      semester: draft.values.semester,
      kind: draft.values.kind,
    };
    for (const field of courseFields) {
      const cell = cells[field];
      if (cell.kind === 'value' && cell.value !== stated[field]) {
        errors.push({
          row,
          field,
          code: 'CURRICULUM_COURSE_MISMATCH',
          params: {
            column: columnOf[field] ?? field,
            course: draft.code,
            firstRow: draft.firstRow,
            value: String(cell.value),
            expected: String(stated[field] ?? ''),
          },
        });
      }
    }
  }

  const outcomeCode = cells.outcomeCode;
  const isOutcomeRow = outcomeFields.some((field) => cells[field].kind !== 'empty');
  if (!isOutcomeRow) return errors;
  draft.hasOutcomeRows = true;
  if (outcomeCode.kind === 'value') {
    const outcomeKey = outcomeCode.value.toUpperCase();
    const firstRow = draft.outcomeRows.get(outcomeKey);
    if (firstRow !== undefined) {
      errors.push({
        row,
        field: 'outcomeCode',
        code: 'CURRICULUM_OUTCOME_DUPLICATE',
        params: { code: outcomeCode.value, course: draft.code, firstRow },
      });
    } else {
      draft.outcomeRows.set(outcomeKey, row);
    }
  }
  const { outcomeTextId, outcomeTextEn, weight, cplCodes } = cells;
  if (
    parsed.errors.length === 0 &&
    errors.length === 0 &&
    outcomeCode.kind === 'value' &&
    outcomeTextId.kind === 'value' &&
    weight.kind === 'value'
  ) {
    draft.outcomes.push({
      code: outcomeCode.value,
      textId: outcomeTextId.value,
      textEn: outcomeTextEn.kind === 'value' ? outcomeTextEn.value : null,
      weight: weight.value,
      cplCodes: cplCodes.kind === 'value' ? cplCodes.value : [],
    });
  }
  return errors;
}
