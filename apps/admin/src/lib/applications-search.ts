import { type ApplicationStatus, applicationStatuses } from '@kmg/domain';
import { type CursorPage, pageVariables, readPage, writePage } from '#lib/pagination.ts';

/** The applications table's state in a call page's URL: status filter and page. */
export type ApplicationsSearch = { status: ApplicationStatus | null; page: CursorPage };

export function readApplicationsSearch(params: URLSearchParams): ApplicationsSearch {
  const status = applicationStatuses.find((candidate) => candidate === params.get('status')) ?? null;
  return { status, page: readPage(params) };
}

export function writeApplicationsSearch({ status, page }: ApplicationsSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (status) params.set('status', status);
  return writePage(params, page);
}

export function applicationsVariables({ status, page }: ApplicationsSearch) {
  return { status, ...pageVariables(page) };
}
