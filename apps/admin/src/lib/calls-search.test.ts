import { describe, expect, it } from 'vitest';
import {
  type CallsSearch,
  callsVariables,
  defaultCallSort,
  emptyCallFilters,
  hasActiveFilters,
  readCallsSearch,
  toggleSort,
  writeCallsSearch,
} from '#lib/calls-search.ts';
import { firstPage } from '#lib/pagination.ts';

const read = (search: string) => readCallsSearch(new URLSearchParams(search));

describe('readCallsSearch', () => {
  it('starts with no filters, the default sort and the first page', () => {
    expect(read('')).toEqual({ filters: emptyCallFilters, sort: defaultCallSort, page: firstPage() });
  });

  it('reads every filter', () => {
    expect(read('q=las&status=OPEN&status=DRAFT&skill=S1&province=32&programme=P1').filters).toEqual({
      search: 'las',
      statuses: ['OPEN', 'DRAFT'],
      skillAreaId: 'S1',
      province: '32',
      programmeId: 'P1',
    });
  });

  it('ignores unknown and repeated statuses', () => {
    expect(read('status=OPEN&status=BOGUS&status=OPEN').filters.statuses).toEqual(['OPEN']);
  });

  it.each([
    ['sort=TITLE&dir=DESC', { field: 'TITLE', direction: 'DESC' }],
    ['sort=TITLE', { field: 'TITLE', direction: 'ASC' }],
    ['sort=SEATS&dir=sideways', { field: 'SEATS', direction: 'DESC' }],
    ['sort=NAME&dir=ASC', defaultCallSort],
  ])('reads the sort from %j', (search, sort) => {
    expect(read(search).sort).toEqual(sort);
  });
});

describe('writeCallsSearch', () => {
  it('round-trips through readCallsSearch', () => {
    const state: CallsSearch = {
      filters: {
        search: 'robot',
        statuses: ['OPEN', 'CLOSED'],
        skillAreaId: 'S',
        province: '73',
        programmeId: 'P',
      },
      sort: { field: 'SEATS', direction: 'ASC' },
      page: { size: 25, offset: 25, after: 'c', before: null },
    };
    expect(readCallsSearch(writeCallsSearch(state))).toEqual(state);
  });

  it('leaves defaults out of the URL', () => {
    expect(writeCallsSearch(read('')).toString()).toBe('');
  });

  it('trims the search words', () => {
    expect(
      writeCallsSearch({ ...read(''), filters: { ...emptyCallFilters, search: '  las ' } }).get('q'),
    ).toBe('las');
  });
});

describe('toggleSort', () => {
  it('flips the direction of the current column', () => {
    expect(toggleSort({ field: 'TITLE', direction: 'ASC' }, 'TITLE')).toEqual({
      field: 'TITLE',
      direction: 'DESC',
    });
  });

  it.each([
    ['TITLE', 'ASC'],
    ['SEATS', 'DESC'],
    ['APPLICATION_CLOSES_AT', 'DESC'],
  ] as const)('starts %s in %s order', (field, direction) => {
    expect(toggleSort(defaultCallSort, field)).toEqual({ field, direction });
  });
});

describe('hasActiveFilters', () => {
  it.each([
    ['', false],
    ['q=%20', false],
    ['q=las', true],
    ['status=OPEN', true],
    ['province=32', true],
    ['sort=TITLE', false],
  ])('is %s for %j', (search, active) => {
    expect(hasActiveFilters(read(search).filters)).toBe(active);
  });
});

describe('callsVariables', () => {
  it('always asks for the calls the viewer runs', () => {
    expect(callsVariables(read('')).filter.managedOnly).toBe(true);
  });

  it('sends unset filters as null', () => {
    expect(callsVariables(read(''))).toEqual({
      filter: {
        managedOnly: true,
        search: null,
        statuses: null,
        skillAreaIds: null,
        provinces: null,
        programmeId: null,
      },
      orderBy: defaultCallSort,
      first: 10,
      after: null,
      last: null,
      before: null,
    });
  });

  it('sends single choices as lists where the API takes lists', () => {
    const { filter } = callsVariables(read('skill=S1&province=32&status=OPEN'));
    expect(filter).toMatchObject({ skillAreaIds: ['S1'], provinces: ['32'], statuses: ['OPEN'] });
  });
});
