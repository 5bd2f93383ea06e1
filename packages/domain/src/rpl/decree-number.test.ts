import { describe, expect, it } from 'vitest';
import { translateError } from '#messages.ts';
import { checkDecreeNumberPattern, type DecreeNumberValues, formatDecreeNumber } from '#rpl/decree-number.ts';

const values: DecreeNumberValues = {
  sequence: 12,
  date: '2025-08-14',
  programmeCode: 'PTM',
  universityCode: 'UN37',
};

describe('formatDecreeNumber', () => {
  it.each([
    ['{seq:3}/UN37/RPL/{roman-month}/{year}', {}, '012/UN37/RPL/VIII/2025'],
    ['{seq:4}/{university}/KP/{month}/{year}', {}, '0012/UN37/KP/08/2025'],
    ['{seq}/{university}.{programme}/RPL/{year}', {}, '12/UN37.PTM/RPL/2025'],
    ['B/{seq:3}/UN37/RPL/{year}', { sequence: 1 }, 'B/001/UN37/RPL/2025'],
    // A year with more decrees than the padding allows still gets a distinct, uncut number.
    ['{seq:3}/RPL/{year}', { sequence: 1234 }, '1234/RPL/2025'],
    ['{seq:3}/{roman-month}/{year}', { date: '2025-01-02' }, '012/I/2025'],
    ['{seq:3}/{roman-month}/{year}', { date: '2025-04-30' }, '012/IV/2025'],
    ['{seq:3}/{roman-month}/{year}', { date: '2025-09-01' }, '012/IX/2025'],
    ['{seq:3}/{roman-month}/{year}', { date: '2025-12-31' }, '012/XII/2025'],
    ['{seq:2}-{seq:2}/{year}', {}, '12-12/2025'],
  ] as const)('%s with %o gives %s', (pattern, overrides, expected) => {
    expect(formatDecreeNumber(pattern, { ...values, ...overrides })).toBe(expected);
  });

  it.each([
    ['an unknown token', '{seq:3}/{tahun}/{year}', {}],
    ['a pattern without a year', '{seq:3}/UN37/RPL', {}],
    ['a sequence of 0', '{seq:3}/{year}', { sequence: 0 }],
    ['a fractional sequence', '{seq:3}/{year}', { sequence: 1.5 }],
    ['an invalid date', '{seq:3}/{year}', { date: '2025-02-30' }],
    ['an empty programme code the pattern uses', '{seq:3}/{programme}/{year}', { programmeCode: ' ' }],
  ] as const)('throws on %s', (_, pattern, overrides) => {
    expect(() => formatDecreeNumber(pattern, { ...values, ...overrides })).toThrow(RangeError);
  });

  it('ignores an empty code the pattern does not use', () => {
    expect(formatDecreeNumber('{seq:3}/{year}', { ...values, programmeCode: '' })).toBe('012/2025');
  });
});

describe('checkDecreeNumberPattern', () => {
  it.each([
    '{seq:3}/UN37/RPL/{roman-month}/{year}',
    '{seq}/{university}/{programme}/{month}/{year}',
    '{year}/{seq:9}',
  ])('accepts %s', (pattern) => {
    expect(checkDecreeNumberPattern(pattern)).toEqual([]);
  });

  it.each([
    ['', ['REQUIRED']],
    ['   ', ['REQUIRED']],
    ['UN37/RPL/{year}', ['DECREE_NUMBER_WITHOUT_SEQUENCE']],
    ['{seq:3}/UN37/RPL', ['DECREE_NUMBER_WITHOUT_YEAR']],
    ['UN37/RPL', ['DECREE_NUMBER_WITHOUT_SEQUENCE', 'DECREE_NUMBER_WITHOUT_YEAR']],
    ['{seq:3}/{tahun}/{year}', ['DECREE_NUMBER_UNKNOWN_TOKEN']],
    // Padding is 1 to 9 digits; "{seq:0}" and "{seq:10}" are not a sequence at all.
    ['{seq:0}/{year}', ['DECREE_NUMBER_UNKNOWN_TOKEN', 'DECREE_NUMBER_WITHOUT_SEQUENCE']],
    ['{seq:10}/{year}', ['DECREE_NUMBER_UNKNOWN_TOKEN', 'DECREE_NUMBER_WITHOUT_SEQUENCE']],
    [
      '{SEQ:3}/{YEAR}',
      [
        'DECREE_NUMBER_UNKNOWN_TOKEN',
        'DECREE_NUMBER_UNKNOWN_TOKEN',
        'DECREE_NUMBER_WITHOUT_SEQUENCE',
        'DECREE_NUMBER_WITHOUT_YEAR',
      ],
    ],
    ['{seq:3}/{year', ['DECREE_NUMBER_UNKNOWN_TOKEN', 'DECREE_NUMBER_WITHOUT_YEAR']],
    ['{seq:3}/year}', ['DECREE_NUMBER_UNKNOWN_TOKEN', 'DECREE_NUMBER_WITHOUT_YEAR']],
    ['{}{seq:3}/{year}', ['DECREE_NUMBER_UNKNOWN_TOKEN']],
  ])('reports %j as %j', (pattern, codes) => {
    expect(checkDecreeNumberPattern(pattern).map((issue) => issue.code)).toEqual(codes);
  });

  it('names each unknown token as written, with the tokens to use instead', () => {
    const issues = checkDecreeNumberPattern('{seq:3}/{tahun}/{bulan}/{year}');
    expect(issues.map((issue) => issue.params?.token)).toEqual(['{tahun}', '{bulan}']);
    const [first] = issues;
    expect(first && translateError(first.code, 'id', first.params)).toBe(
      'Penanda {tahun} tidak dikenal; gunakan {seq:3}, {year}, {month}, {roman-month}, {programme}, {university}.',
    );
  });

  it('explains a missing year in both languages without reading the braces as placeholders', () => {
    const [issue] = checkDecreeNumberPattern('{seq:3}/UN37/RPL');
    expect(issue && translateError(issue.code, 'en', issue.params)).toBe(
      'The pattern must contain the year {year}, because the sequence starts again at 1 every year.',
    );
  });
});
