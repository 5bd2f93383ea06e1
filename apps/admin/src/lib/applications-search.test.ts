import { describe, expect, it } from 'vitest';
import {
  type ApplicationsSearch,
  applicationsVariables,
  readApplicationsSearch,
  writeApplicationsSearch,
} from '#lib/applications-search.ts';
import { firstPage } from '#lib/pagination.ts';

describe('readApplicationsSearch', () => {
  it.each([
    ['', null],
    ['status=SUBMITTED', 'SUBMITTED'],
    ['status=WITHDRAWN', 'WITHDRAWN'],
    ['status=ACCEPTED', 'ACCEPTED'],
    ['status=SELECTED', null],
  ])('reads the status from %j', (search, status) => {
    expect(readApplicationsSearch(new URLSearchParams(search)).status).toBe(status);
  });

  it('round-trips through writeApplicationsSearch', () => {
    const state: ApplicationsSearch = {
      status: 'WITHDRAWN',
      page: { size: 25, offset: 25, after: 'c', before: null },
    };
    expect(readApplicationsSearch(writeApplicationsSearch(state))).toEqual(state);
  });
});

describe('applicationsVariables', () => {
  it('asks for every status on the first page by default', () => {
    expect(applicationsVariables({ status: null, page: firstPage() })).toEqual({
      status: null,
      first: 10,
      after: null,
      last: null,
      before: null,
    });
  });
});
