import { describe, expect, it } from 'vitest';
import { educationStartingAt, kkniGroupOf, kkniLevels, parseKkniLevel } from '#lib/kkni.ts';

describe('parseKkniLevel', () => {
  it.each([
    ['1', 1],
    ['4', 4],
    ['9', 9],
    [' 6 ', 6],
  ])('reads %j as level %i', (value, level) => {
    expect(parseKkniLevel(value)).toBe(level);
  });

  it.each([undefined, '', '0', '10', '12', '-1', '4.0', '04', '4a', 'empat', '1e0'])(
    'reads %j as no level',
    (value) => {
      expect(parseKkniLevel(value)).toBeNull();
    },
  );
});

describe('kkniGroupOf', () => {
  it('puts levels 1–3 in operator, 4–6 in technician or analyst, 7–9 in expert', () => {
    expect(kkniLevels.map(kkniGroupOf)).toEqual([
      'operator',
      'operator',
      'operator',
      'technician',
      'technician',
      'technician',
      'expert',
      'expert',
      'expert',
    ]);
  });
});

describe('educationStartingAt', () => {
  it.each([
    [2, ['smk']],
    [5, ['d3']],
    [6, ['s1d4']],
    [8, ['s2']],
    [1, []],
    [4, []],
    [9, []],
  ] as const)('at level %i gives %j', (level, education) => {
    expect(educationStartingAt(level)).toEqual(education);
  });
});
