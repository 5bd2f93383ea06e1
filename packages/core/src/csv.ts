// Reading a spreadsheet export as CSV, for every import that takes one (curricula, attendance):
// comma or semicolon (Indonesian Excel, where the comma is the decimal mark), Excel's "sep=" first
// line, a byte order mark, UTF-8 or Windows-1252, quoted cells. node-csv's parser does the reading.
import { CsvError, parse } from 'csv-parse/sync';

/** Why the text cannot be read as CSV: binary content, or a quote left open (on `line`). */
export class CsvUnreadableError extends Error {
  readonly reason: 'binary' | 'malformed';
  readonly line: number;

  constructor(reason: 'binary' | 'malformed', line = 0) {
    super(`CSV ${reason}`);
    this.name = 'CsvUnreadableError';
    this.reason = reason;
    this.line = line;
  }
}

/** The legacy binary formats (.xls, .doc) and PDF: named, so they are refused before decoding. */
const binaryMagics = [
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
  [0x25, 0x50, 0x44, 0x46, 0x2d],
];

export function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, index) => bytes[index] === byte);
}

/** The cells of a CSV file (bytes as uploaded, or text already decoded), every row kept. */
export function readCsvCells(input: Uint8Array | string): string[][] {
  if (typeof input !== 'string' && binaryMagics.some((magic) => startsWith(input, magic))) {
    throw new CsvUnreadableError('binary');
  }
  let text = (typeof input === 'string' ? input : decodeText(input)).replace(/^\uFEFF/, '');
  // Control characters other than tab and line breaks mean binary content, not a spreadsheet export.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are the point
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)) throw new CsvUnreadableError('binary');
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
    if (error instanceof CsvError) throw new CsvUnreadableError('malformed', Number(error.lines ?? 0));
    throw error;
  }
}

/**
 * UTF-8, with or without a byte order mark; failing that, Windows-1252, which Excel's plain
 * "CSV (Comma delimited)" writes on Windows (±, °, µ in a machining outcome).
 */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/**
 * Semicolon or comma: the one that splits the header into more columns. Header names hold neither.
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

/** Rows up to the last one with something in it. */
export function dropTrailingBlankRows(rows: string[][]): string[][] {
  let end = rows.length;
  while (end > 0 && (rows[end - 1] ?? []).every((cell) => cell.trim() === '')) end -= 1;
  return rows.slice(0, end);
}
