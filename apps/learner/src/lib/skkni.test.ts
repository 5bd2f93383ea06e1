import { isSkkniUnitCode } from '@kmg/domain';
import { describe, expect, it } from 'vitest';
import { isKnownSkkniCategory, parseSkkniUnitCode } from '#lib/skkni.ts';

describe('parseSkkniUnitCode', () => {
  it('splits a code into category, business code, unit number and version', () => {
    expect(parseSkkniUnitCode('C.282000.021.01')).toEqual({
      code: 'C.282000.021.01',
      category: 'C',
      businessCode: '282000',
      unitNumber: '021',
      version: '01',
    });
  });

  it('forgives lower case and spaces around the code', () => {
    expect(parseSkkniUnitCode(' j.620100.004.02 ')?.code).toBe('J.620100.004.02');
  });

  it.each([
    undefined,
    '',
    'X.1',
    'C282000.021.01',
    'C.28200.021.01',
    'C.282000.21.01',
    'C.282000.021.1',
    'C.282000.021.001',
    'CC.282000.021.01',
    '1.282000.021.01',
    'C.282000.021.01.',
    'C.282A00.021.01',
    'C-282000-021-01',
  ])('gives null for %j', (value) => {
    expect(parseSkkniUnitCode(value)).toBeNull();
  });

  it.each(['C.250000.001.01', 'J.620100.017.02', 'X.1', 'C.282000.021.1', 'Z.000000.000.00'])(
    'agrees with the domain rule about %j',
    (value) => {
      expect(parseSkkniUnitCode(value) !== null).toBe(isSkkniUnitCode(value));
    },
  );
});

describe('isKnownSkkniCategory', () => {
  it.each([
    ['A', true],
    ['C', true],
    ['J', true],
    ['U', true],
    ['V', false],
    ['X', false],
  ])('says %s is %s', (letter, known) => {
    expect(isKnownSkkniCategory(letter)).toBe(known);
  });
});
