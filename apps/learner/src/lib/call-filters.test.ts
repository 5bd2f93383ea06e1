import { describe, expect, it } from 'vitest';
import {
  type CallFilters,
  countActiveFilters,
  emptyCallFilters,
  readCallFilters,
  toCallQuery,
  withIncludeClosed,
  writeCallFilters,
} from '#lib/call-filters.ts';

const read = (query: string) => readCallFilters(new URLSearchParams(query));

describe('readCallFilters', () => {
  it('shows open calls by nearest deadline when the address has no filters', () => {
    expect(read('')).toEqual(emptyCallFilters);
  });

  it('reads every filter from its Indonesian parameter', () => {
    expect(
      read('q=las&bidang=SA1&provinsi=32&mulai_dari=2026-12-01&mulai_sampai=2026-12-31&semua=1&urutan=mulai'),
    ).toEqual({
      search: 'las',
      skillAreaId: 'SA1',
      province: '32',
      startsFrom: '2026-12-01',
      startsUntil: '2026-12-31',
      includeClosed: true,
      sort: 'soonest',
    });
  });

  it.each([
    ['an unknown province', 'provinsi=99', { province: null }],
    ['an impossible date', 'mulai_dari=2026-02-30', { startsFrom: null }],
    ['a date in another format', 'mulai_sampai=31/12/2026', { startsUntil: null }],
    ['an unknown sort', 'urutan=acak', { sort: 'deadline' }],
    ['an empty skill area', 'bidang=', { skillAreaId: null }],
    ['a flag other than 1', 'semua=ya', { includeClosed: false }],
  ] as const)('drops %s', (_case, query, expected) => {
    expect(read(query)).toMatchObject(expected);
  });

  it('sorts newest first once closed calls are included', () => {
    expect(read('semua=1').sort).toBe('latest');
  });
});

describe('writeCallFilters', () => {
  it('leaves defaults out of the address', () => {
    expect(writeCallFilters(emptyCallFilters).toString()).toBe('');
    expect(writeCallFilters({ ...emptyCallFilters, includeClosed: true, sort: 'latest' }).toString()).toBe(
      'semua=1',
    );
  });

  it('round-trips through readCallFilters', () => {
    const filters: CallFilters = {
      search: 'robot las',
      skillAreaId: 'U2tpbGxBcmVhOjE=',
      province: '73',
      startsFrom: '2026-12-01',
      startsUntil: null,
      includeClosed: false,
      sort: 'latest',
    };
    expect(readCallFilters(writeCallFilters(filters))).toEqual(filters);
  });

  it('trims the search text', () => {
    expect(writeCallFilters({ ...emptyCallFilters, search: '  plc ' }).get('q')).toBe('plc');
  });
});

describe('countActiveFilters', () => {
  it('counts narrowing filters but not the search or the sort', () => {
    expect(countActiveFilters(emptyCallFilters)).toBe(0);
    expect(countActiveFilters({ ...emptyCallFilters, search: 'las', sort: 'soonest' })).toBe(0);
    expect(
      countActiveFilters({
        ...emptyCallFilters,
        province: '32',
        startsFrom: '2026-01-01',
        includeClosed: true,
      }),
    ).toBe(3);
  });
});

describe('toCallQuery', () => {
  it('asks only for calls taking applications unless closed ones are included', () => {
    expect(toCallQuery(emptyCallFilters).filter.acceptingApplications).toBe(true);
    expect(toCallQuery({ ...emptyCallFilters, includeClosed: true }).filter.acceptingApplications).toBeNull();
  });

  it('maps filters and sort to the API arguments', () => {
    expect(
      toCallQuery({
        ...emptyCallFilters,
        search: ' las ',
        skillAreaId: 'A',
        province: '33',
        sort: 'soonest',
      }),
    ).toEqual({
      filter: {
        acceptingApplications: true,
        search: 'las',
        skillAreaIds: ['A'],
        provinces: ['33'],
        startsOnOrAfter: null,
        startsOnOrBefore: null,
      },
      orderBy: { field: 'START_DATE', direction: 'ASC' },
    });
  });
});

describe('withIncludeClosed', () => {
  it('switches to the default sort of the new list', () => {
    expect(withIncludeClosed(emptyCallFilters, true)).toMatchObject({ includeClosed: true, sort: 'latest' });
    expect(
      withIncludeClosed({ ...emptyCallFilters, includeClosed: true, sort: 'latest' }, false),
    ).toMatchObject({
      includeClosed: false,
      sort: 'deadline',
    });
  });

  it('keeps a sort the teacher picked', () => {
    expect(withIncludeClosed({ ...emptyCallFilters, sort: 'soonest' }, true).sort).toBe('soonest');
  });
});
