import { describe, expect, it } from 'vitest';
import {
  countProgrammeFilters,
  emptyProgrammeFilters,
  readProgrammeFilters,
  toProgrammeQuery,
  writeProgrammeFilters,
} from '#lib/rpl-filters.ts';

describe('readProgrammeFilters', () => {
  it('reads every filter from the address', () => {
    expect(readProgrammeFilters(new URLSearchParams('q=teknik&provinsi=33&jenjang=s1&cara=daring'))).toEqual({
      search: 'teknik',
      province: '33',
      degree: 'S1',
      mode: 'ONLINE',
    });
  });

  it.each([
    ['provinsi=99', 'an unknown province'],
    ['jenjang=s3', 'a doctorate (no RPL)'],
    ['cara=kapal', 'an unknown mode'],
  ])('drops %s (%s)', (query) => {
    expect(readProgrammeFilters(new URLSearchParams(query))).toEqual(emptyProgrammeFilters);
  });
});

describe('writeProgrammeFilters', () => {
  it('writes nothing for the plain list', () => {
    expect(writeProgrammeFilters(emptyProgrammeFilters).toString()).toBe('');
  });

  it('round-trips what it writes', () => {
    const filters = { search: 'mesin', province: '73', degree: 'D4', mode: 'HYBRID' } as const;
    expect(readProgrammeFilters(writeProgrammeFilters(filters))).toEqual(filters);
  });
});

describe('countProgrammeFilters', () => {
  it('counts the narrowing filters, not the search', () => {
    expect(countProgrammeFilters({ search: 'x', province: '33', degree: null, mode: 'ONLINE' })).toBe(2);
  });
});

describe('toProgrammeQuery', () => {
  it('sends no empty search', () => {
    expect(toProgrammeQuery({ ...emptyProgrammeFilters, search: '  ' })).toEqual({
      search: null,
      province: null,
      degree: null,
      mode: null,
    });
  });
});
