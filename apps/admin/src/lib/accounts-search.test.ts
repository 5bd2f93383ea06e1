import { describe, expect, it } from 'vitest';
import {
  accountsVariables,
  emptyAccountFilters,
  hasAccountFilters,
  readAccountsSearch,
  writeAccountsSearch,
} from '#lib/accounts-search.ts';
import { firstPage } from '#lib/pagination.ts';

describe('readAccountsSearch', () => {
  it('reads filters and the page from the URL', () => {
    const search = readAccountsSearch(
      new URLSearchParams('q=sari&role=SELECTION_REVIEWER&org=O1&after=c1&from=11'),
    );
    expect(search).toEqual({
      filters: { search: 'sari', role: 'SELECTION_REVIEWER', organizationId: 'O1' },
      page: { size: 10, offset: 10, after: 'c1', before: null },
    });
  });

  it('ignores a role the API does not know', () => {
    expect(readAccountsSearch(new URLSearchParams('role=KING')).filters.role).toBeNull();
  });
});

describe('writeAccountsSearch', () => {
  it('writes nothing for the unfiltered first page', () => {
    expect(writeAccountsSearch({ filters: emptyAccountFilters, page: firstPage() }).toString()).toBe('');
  });

  it('round-trips a filtered page', () => {
    const search = {
      filters: { search: 'Ratna', role: 'PRINCIPAL' as const, organizationId: 'O2' },
      page: { size: 25, offset: 25, after: 'c9', before: null },
    };
    expect(readAccountsSearch(writeAccountsSearch(search))).toEqual(search);
  });
});

describe('hasAccountFilters', () => {
  it.each([
    [emptyAccountFilters, false],
    [{ ...emptyAccountFilters, search: '   ' }, false],
    [{ ...emptyAccountFilters, search: 'a' }, true],
    [{ ...emptyAccountFilters, role: 'ADMIN' as const }, true],
  ])('%j → %s', (filters, expected) => {
    expect(hasAccountFilters(filters)).toBe(expected);
  });
});

describe('accountsVariables', () => {
  it('sends a trimmed search, or null', () => {
    expect(
      accountsVariables({ filters: { ...emptyAccountFilters, search: ' sari ' }, page: firstPage() }),
    ).toEqual({
      filter: { search: 'sari', role: null, organizationId: null },
      first: 10,
      after: null,
      last: null,
      before: null,
    });
  });
});
