import type { FieldIssue } from '#calls.ts';
import { isLocalDate, type LocalDate } from '#dates.ts';

/**
 * Numbers of RPL decrees (SK, surat keputusan). Each university numbers its letters its own way,
 * e.g. `{seq:3}/UN37/RPL/{roman-month}/{year}` gives `012/UN37/RPL/VIII/2025`. Tokens:
 * - `{seq:N}`: the decree's sequence number, zero-padded to N digits (1–9); `{seq}` unpadded.
 *   A number longer than N digits is printed whole, never cut.
 * - `{year}`: four digits; `{month}`: two digits (`08`); `{roman-month}`: `I`–`XII`, as Indonesian
 *   official letters write it.
 * - `{programme}`, `{university}`: the study programme's and the university's codes.
 * Everything else is copied as written. The sequence starts again at 1 every year, so a pattern
 * needs both `{seq}` and `{year}` or two decrees could share a number.
 */

export type DecreeNumberValues = {
  /** 1, 2, 3, …: the decree's place in its year. */
  sequence: number;
  /** The decree's date (tanggal ditetapkan); its year and month go into the number. */
  date: LocalDate;
  programmeCode: string;
  universityCode: string;
};

const SIMPLE_TOKENS = ['year', 'month', 'roman-month', 'programme', 'university'] as const;
type SimpleToken = (typeof SIMPLE_TOKENS)[number];

type Part =
  | { kind: 'literal'; text: string }
  | { kind: 'sequence'; width: number }
  | { kind: 'token'; name: SimpleToken }
  | { kind: 'unknown'; text: string };

/** The tokens a pattern may use, as the messages list them. */
export const DECREE_NUMBER_TOKENS = ['{seq:3}', ...SIMPLE_TOKENS.map((name) => `{${name}}`)].join(', ');

const ROMAN_MONTHS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

/** A brace-delimited token, or a lone brace (which is always a mistake). */
const tokenPattern = /\{[^{}]*\}|[{}]/g;

function parsePattern(pattern: string): Part[] {
  const parts: Part[] = [];
  let last = 0;
  for (const match of pattern.matchAll(tokenPattern)) {
    if (match.index > last) parts.push({ kind: 'literal', text: pattern.slice(last, match.index) });
    last = match.index + match[0].length;
    const body = match[0].slice(1, -1);
    const sequence = /^seq(?::([1-9]))?$/.exec(body);
    if (match[0].length < 2) parts.push({ kind: 'unknown', text: match[0] });
    else if (sequence) parts.push({ kind: 'sequence', width: Number(sequence[1] ?? 1) });
    else if ((SIMPLE_TOKENS as readonly string[]).includes(body)) {
      parts.push({ kind: 'token', name: body as SimpleToken });
    } else parts.push({ kind: 'unknown', text: match[0] });
  }
  if (last < pattern.length) parts.push({ kind: 'literal', text: pattern.slice(last) });
  return parts;
}

/**
 * What is wrong with a numbering pattern: each unknown token (or lone brace), a missing sequence,
 * a missing year; empty = usable. Paths are relative to the pattern field (empty).
 */
export function checkDecreeNumberPattern(pattern: string): FieldIssue[] {
  if (!pattern.trim()) return [{ path: [], code: 'REQUIRED' }];
  const parts = parsePattern(pattern);
  const issues: FieldIssue[] = [];
  for (const part of parts) {
    if (part.kind === 'unknown') {
      issues.push({
        path: [],
        code: 'DECREE_NUMBER_UNKNOWN_TOKEN',
        params: { token: part.text, accepted: DECREE_NUMBER_TOKENS },
      });
    }
  }
  if (!parts.some((part) => part.kind === 'sequence')) {
    issues.push({ path: [], code: 'DECREE_NUMBER_WITHOUT_SEQUENCE', params: { token: '{seq:3}' } });
  }
  if (!parts.some((part) => part.kind === 'token' && part.name === 'year')) {
    issues.push({ path: [], code: 'DECREE_NUMBER_WITHOUT_YEAR', params: { token: '{year}' } });
  }
  return issues;
}

/**
 * The decree number a pattern gives. Throws on a pattern `checkDecreeNumberPattern` rejects, a
 * sequence that is not a whole number from 1, an invalid date, or an empty code the pattern uses:
 * those are the caller's bugs, and a wrong number on a signed decree cannot be taken back.
 */
export function formatDecreeNumber(pattern: string, values: DecreeNumberValues): string {
  const issues = checkDecreeNumberPattern(pattern);
  if (issues.length > 0) {
    throw new RangeError(
      `Invalid decree number pattern "${pattern}": ${issues.map((issue) => issue.code).join(', ')}`,
    );
  }
  const { sequence, date } = values;
  if (!Number.isSafeInteger(sequence) || sequence < 1) {
    throw new RangeError(`A decree sequence number is a whole number from 1, not ${sequence}`);
  }
  if (!isLocalDate(date)) throw new RangeError(`Invalid decree date "${date}"`);
  const [year, month] = date.split('-') as [string, string, string];
  const code = (name: 'programme' | 'university', value: string) => {
    if (!value.trim()) throw new RangeError(`The pattern uses {${name}} but no ${name} code was given`);
    return value.trim();
  };
  const tokens: Record<SimpleToken, () => string> = {
    year: () => year,
    month: () => month,
    'roman-month': () => ROMAN_MONTHS[Number(month) - 1] ?? '',
    programme: () => code('programme', values.programmeCode),
    university: () => code('university', values.universityCode),
  };
  return parsePattern(pattern)
    .map((part) => {
      if (part.kind === 'sequence') return String(sequence).padStart(part.width, '0');
      if (part.kind === 'token') return tokens[part.name]();
      return part.text;
    })
    .join('');
}
