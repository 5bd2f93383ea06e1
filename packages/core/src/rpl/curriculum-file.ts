// A study programme's curriculum as a university uploads it: a CSV (comma or semicolon, as
// Indonesian Excel exports it) or an XLSX workbook, read into a header and rows of text and
// checked row by row for the import preview. Nothing is saved here.
import { type CurriculumCheck, checkCurriculumRows, type ErrorCode } from '@kmg/domain';
import { unzipSync } from 'fflate';
import {
  InvalidInputError,
  InvalidSpreadsheetError,
  readSheet,
  SheetNotFoundError,
} from 'read-excel-file/node';
import { CsvUnreadableError, dropTrailingBlankRows, readCsvCells, startsWith } from '#csv.ts';
import { AppError } from '#errors.ts';

export const CURRICULUM_FILE_MAX_BYTES = 2 * 1024 * 1024;
/**
 * What the workbook's parts may unpack to, as the zip declares it: a 5,000-row sheet is a few MB of
 * XML, while 2 MB of deflated zeros would unpack to 2 GB (a zip bomb).
 */
const XLSX_MAX_UNPACKED_BYTES = 50 * 1024 * 1024;

export type CurriculumFileFormat = 'csv' | 'xlsx';

export type CurriculumTable = {
  format: CurriculumFileFormat;
  /** The first row's names, as written. */
  header: string[];
  /** Every row after the header, blank ones too, so an index still gives the spreadsheet row (+2). */
  rows: Record<string, string>[];
};

export type CurriculumFileCheck = CurriculumCheck & { format: CurriculumFileFormat };

/** The file as a whole was refused (size, type, damage, empty); `code` says why. */
export class CurriculumFileRefusedError extends AppError {}

type CurriculumFile = { bytes: Uint8Array; fileName: string; contentType?: string };

/**
 * Reads a curriculum file and checks its rows (`checkCurriculumRows`). The content decides the
 * format, not the name or content type: an XLSX is a zip, anything else must be text. Throws
 * `CurriculumFileRefusedError` for a file that cannot be read as a table at all.
 */
export async function readCurriculumFile(file: CurriculumFile): Promise<CurriculumFileCheck> {
  const { format, header, rows } = await readCurriculumTable(file);
  return { ...checkCurriculumRows(rows, { header }), format };
}

/** The file's first sheet (XLSX) or its records (CSV) as a header and rows of text. */
export async function readCurriculumTable({ bytes }: CurriculumFile): Promise<CurriculumTable> {
  if (bytes.byteLength > CURRICULUM_FILE_MAX_BYTES) refuse('CURRICULUM_FILE_TOO_LARGE', { max: '2 MB' });
  if (bytes.byteLength === 0) refuse('CURRICULUM_FILE_EMPTY');
  const format: CurriculumFileFormat = startsWith(bytes, zipMagic) ? 'xlsx' : 'csv';
  const cells = format === 'xlsx' ? await readXlsx(bytes) : readCsv(bytes);
  const [first, ...rest] = dropTrailingBlankRows(cells);
  if (!first) refuse('CURRICULUM_FILE_EMPTY');
  const header = first.map((name) => name.trim());
  const rows = rest.map((row) => {
    const values: Record<string, string> = {};
    header.forEach((name, index) => {
      // A repeated name keeps its first column; the check reports such a header anyway.
      if (name && !Object.hasOwn(values, name)) values[name] = row[index] ?? '';
    });
    return values;
  });
  return { format, header, rows };
}

function refuse(code: ErrorCode, params: Record<string, string | number> = {}): never {
  throw new CurriculumFileRefusedError(code, params);
}

const zipMagic = [0x50, 0x4b, 0x03, 0x04];

// CSV

function readCsv(bytes: Uint8Array): string[][] {
  try {
    return readCsvCells(bytes);
  } catch (error) {
    if (error instanceof CsvUnreadableError) {
      if (error.reason === 'binary') refuse('CURRICULUM_FILE_UNSUPPORTED');
      refuse('CURRICULUM_CSV_MALFORMED', { line: error.line });
    }
    throw error;
  }
}

// XLSX

async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  checkZipEntries(bytes);
  try {
    const sheet = await readSheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 1);
    return sheet.map((row) => row.map(cellText));
  } catch (error) {
    if (error instanceof InvalidInputError) {
      if (error.code === 'NO_DATA') refuse('CURRICULUM_FILE_EMPTY');
      // A zip that is not a workbook (.docx, .ods) or an old .xls.
      if (error.code === 'FILE_NOT_SUPPORTED' || error.code === 'XLS_FILE_NOT_SUPPORTED') {
        refuse('CURRICULUM_FILE_UNSUPPORTED');
      }
      refuse('CURRICULUM_FILE_UNREADABLE');
    }
    if (error instanceof SheetNotFoundError) refuse('CURRICULUM_FILE_EMPTY');
    if (error instanceof InvalidSpreadsheetError) refuse('CURRICULUM_FILE_UNREADABLE');
    // The zip and XML readers throw their own errors on a damaged file.
    refuse('CURRICULUM_FILE_UNREADABLE');
  }
}

/**
 * Lists the zip's entries without unpacking any (the filter turns each down): a workbook keeps its
 * parts under xl/, where an .ods or .docx, also zips, keep theirs elsewhere.
 */
function checkZipEntries(bytes: Uint8Array): void {
  let total = 0;
  let isWorkbook = false;
  try {
    unzipSync(bytes, {
      filter: (entry) => {
        total += entry.originalSize;
        isWorkbook ||= entry.name.startsWith('xl/');
        return false;
      },
    });
  } catch {
    refuse('CURRICULUM_FILE_UNREADABLE');
  }
  if (!isWorkbook) refuse('CURRICULUM_FILE_UNSUPPORTED');
  if (total > XLSX_MAX_UNPACKED_BYTES) refuse('CURRICULUM_FILE_UNREADABLE');
}

/** Numbers as plain decimals ("1.5", never "1.5e-7"): the check reads them as typed text. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    const text = String(value);
    return /e/i.test(text)
      ? value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 100 })
      : text;
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}
