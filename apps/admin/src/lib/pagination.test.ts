import { describe, expect, it } from 'vitest';
import {
  type CursorPage,
  firstPage,
  nextPage,
  type PageInfo,
  pageRange,
  pageVariables,
  previousPage,
  readPage,
  writePage,
} from '#lib/pagination.ts';

const info = (overrides: Partial<PageInfo> = {}): PageInfo => ({
  startCursor: 'start',
  endCursor: 'end',
  hasNextPage: true,
  hasPreviousPage: false,
  ...overrides,
});

describe('readPage', () => {
  it.each([
    ['', firstPage(10)],
    ['size=25', firstPage(25)],
    ['size=7', firstPage(10)],
    ['from=21', firstPage(10)],
    ['after=abc&from=21', { size: 10, offset: 20, after: 'abc', before: null }],
    ['before=abc&from=11&size=50', { size: 50, offset: 10, after: null, before: 'abc' }],
    ['after=abc&before=def&from=3', { size: 10, offset: 2, after: 'abc', before: null }],
    ['after=abc&from=nonsense', { size: 10, offset: 0, after: 'abc', before: null }],
  ])('reads %j', (search, page) => {
    expect(readPage(new URLSearchParams(search))).toEqual(page);
  });
});

describe('writePage', () => {
  it('keeps other parameters and round-trips through readPage', () => {
    const page: CursorPage = { size: 25, offset: 50, after: 'xyz', before: null };
    const params = writePage(new URLSearchParams('q=las&after=old'), page);
    expect(params.get('q')).toBe('las');
    expect(readPage(params)).toEqual(page);
  });

  it('writes nothing for the first page at the default size', () => {
    expect(writePage(new URLSearchParams('after=old&from=11'), firstPage()).toString()).toBe('');
  });
});

describe('pageVariables', () => {
  it('pages forward from a cursor', () => {
    expect(pageVariables({ size: 10, offset: 10, after: 'a', before: null })).toEqual({
      first: 10,
      after: 'a',
      last: null,
      before: null,
    });
  });

  it('pages backward to a cursor', () => {
    expect(pageVariables({ size: 10, offset: 10, after: null, before: 'b' })).toEqual({
      last: 10,
      before: 'b',
      first: null,
      after: null,
    });
  });
});

describe('nextPage', () => {
  it('continues after the last row shown', () => {
    expect(nextPage(firstPage(10), info())).toEqual({ size: 10, offset: 10, after: 'end', before: null });
  });

  it('stops on the last page', () => {
    expect(nextPage(firstPage(10), info({ hasNextPage: false }))).toBeNull();
  });

  it('always has a next page after paging backward', () => {
    const page: CursorPage = { size: 10, offset: 10, after: null, before: 'b' };
    expect(nextPage(page, info({ hasNextPage: false }))?.offset).toBe(20);
  });
});

describe('previousPage', () => {
  it('has none on the first page', () => {
    expect(previousPage(firstPage(10), info())).toBeNull();
  });

  it('goes back to the plain first page rather than a cursor', () => {
    const page: CursorPage = { size: 10, offset: 10, after: 'a', before: null };
    expect(previousPage(page, info())).toEqual(firstPage(10));
  });

  it('pages backward from the first row shown', () => {
    const page: CursorPage = { size: 10, offset: 30, after: 'a', before: null };
    expect(previousPage(page, info())).toEqual({ size: 10, offset: 20, after: null, before: 'start' });
  });

  it('trusts the connection when paging backward reaches the start', () => {
    const page: CursorPage = { size: 10, offset: 20, after: null, before: 'b' };
    expect(previousPage(page, info({ hasPreviousPage: false }))).toBeNull();
  });
});

describe('pageRange', () => {
  it.each([
    ['first page', firstPage(10), info(), 10, 57, { from: 1, to: 10 }],
    ['middle page', { size: 10, offset: 20, after: 'a', before: null }, info(), 10, 57, { from: 21, to: 30 }],
    [
      'last, short page',
      { size: 10, offset: 50, after: 'a', before: null },
      info({ hasNextPage: false }),
      7,
      57,
      { from: 51, to: 57 },
    ],
    [
      'stale offset on the last page',
      { size: 10, offset: 90, after: 'a', before: null },
      info({ hasNextPage: false }),
      7,
      57,
      { from: 51, to: 57 },
    ],
    [
      'backward to the start',
      { size: 10, offset: 30, after: null, before: 'b' },
      info({ hasPreviousPage: false }),
      10,
      57,
      { from: 1, to: 10 },
    ],
    ['empty', firstPage(10), info({ hasNextPage: false }), 0, 0, null],
  ] as const)('counts rows on the %s', (_name, page, pageInfo, rows, total, range) => {
    expect(pageRange(page, pageInfo, rows, total)).toEqual(range);
  });
});
