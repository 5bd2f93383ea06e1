// A study programme's curriculum as a university uploads it: a CSV (comma or semicolon, as
// Indonesian Excel exports it) or an XLSX workbook, read into a header and rows of text and
// checked row by row for the import preview. Nothing is saved here.
import { type CurriculumCheck, checkCurriculumRows, type ErrorCode } from '@kmg/domain';
import { CsvError, parse } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import {
  InvalidInputError,
  InvalidSpreadsheetError,
  readSheet,
  SheetNotFoundError,
} from 'read-excel-file/node';
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
/** The legacy binary formats (.xls, .doc) and PDF: named, so they are refused before decoding. */
const binaryMagics = [
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
  [0x25, 0x50, 0x44, 0x46, 0x2d],
];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, index) => bytes[index] === byte);
}

function dropTrailingBlankRows(rows: string[][]): string[][] {
  let end = rows.length;
  while (end > 0 && (rows[end - 1] ?? []).every((cell) => cell.trim() === '')) end -= 1;
  return rows.slice(0, end);
}

// CSV

function readCsv(bytes: Uint8Array): string[][] {
  if (binaryMagics.some((magic) => startsWith(bytes, magic))) refuse('CURRICULUM_FILE_UNSUPPORTED');
  let text = decodeText(bytes);
  // Control characters other than tab and line breaks mean binary content, not a spreadsheet export.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are the point
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)) refuse('CURRICULUM_FILE_UNSUPPORTED');
  // Excel writes and reads a first line "sep=;" that names the delimiter and is not a row.
  let delimiter: string | null = null;
  const hint = /^sep=([,;\t])\r?\n/i.exec(text);
  if (hint) {
    delimiter = hint[1] as string;
    text = text.slice(hint[0].length);
  }
  delimiter ??= guessDelimiter(text);
  try {
    return parse(text, {
      delimiter,
      relax_column_count: true,
      // A quote inside a cell ("pipa 2" x 3 m") stays a character; only a cell opening with a
      // quote is read as quoted.
      relax_quotes: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (error) {
    if (error instanceof CsvError) refuse('CURRICULUM_CSV_MALFORMED', { line: Number(error.lines ?? 0) });
    throw error;
  }
}

/**
 * UTF-8, with or without a byte order mark; failing that, Windows-1252, which Excel's plain
 * "CSV (Comma delimited)" writes on Windows (±, °, µ in a machining outcome).
 */
function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/**
 * Semicolon (Indonesian Excel, where the comma is the decimal mark) or comma: the one that splits
 * the header into more columns. Header names hold neither.
 */
function guessDelimiter(text: string): string {
  const columnsWith = (delimiter: string) => {
    try {
      const [header] = parse(text, { delimiter, to: 1, relax_column_count: true, relax_quotes: true });
      return (header as string[] | undefined)?.length ?? 0;
    } catch {
      return 0;
    }
  };
  return columnsWith(';') > columnsWith(',') ? ';' : ',';
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
