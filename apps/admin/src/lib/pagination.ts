// Cursor pages kept in the URL. Relay cursors cannot jump to "page 7", so a page is the cursor it
// starts after (or ends before) plus the position of its first row, which only feeds "11–20 of 57".

export const pageSizes = [10, 25, 50] as const;
export const defaultPageSize = 10;

export type CursorPage = {
  size: number;
  /** Rows before this page; 0 on the first page. */
  offset: number;
  after: string | null;
  before: string | null;
};

export type PageInfo = {
  startCursor?: string | null;
  endCursor?: string | null;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
};

export const firstPage = (size = defaultPageSize): CursorPage => ({
  size,
  offset: 0,
  after: null,
  before: null,
});

function readSize(value: string | null): number {
  const size = Number(value);
  return (pageSizes as readonly number[]).includes(size) ? size : defaultPageSize;
}

/** The page named by `size`, `from` (1-based first row), `after` and `before` search parameters. */
export function readPage(params: URLSearchParams): CursorPage {
  const size = readSize(params.get('size'));
  const after = params.get('after') || null;
  const before = after ? null : params.get('before') || null;
  if (!after && !before) return firstPage(size);
  const from = Math.floor(Number(params.get('from')));
  return { size, after, before, offset: Number.isFinite(from) && from > 1 ? from - 1 : 0 };
}

/** Writes a page into search parameters, leaving the rest (filters, sort) as they are. */
export function writePage(params: URLSearchParams, page: CursorPage): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of ['size', 'from', 'after', 'before']) next.delete(key);
  if (page.size !== defaultPageSize) next.set('size', String(page.size));
  if (page.after) next.set('after', page.after);
  if (page.before) next.set('before', page.before);
  if (page.after || page.before) next.set('from', String(page.offset + 1));
  return next;
}

/** Connection arguments: forward from `after`, backward to `before`, or the first page. */
export function pageVariables(page: CursorPage) {
  if (page.before) return { last: page.size, before: page.before, first: null, after: null };
  return { first: page.size, after: page.after, last: null, before: null };
}

/** The page after this one, or null on the last page. */
export function nextPage(page: CursorPage, info: PageInfo): CursorPage | null {
  const hasNext = page.before ? true : info.hasNextPage;
  if (!hasNext || !info.endCursor) return null;
  return { size: page.size, offset: page.offset + page.size, after: info.endCursor, before: null };
}

/** The page before this one, or null on the first page. Back on the first row, drop the cursor. */
export function previousPage(page: CursorPage, info: PageInfo): CursorPage | null {
  const hasPrevious = page.before ? info.hasPreviousPage : page.offset > 0 || info.hasPreviousPage;
  if (!hasPrevious || !info.startCursor) return null;
  const offset = Math.max(0, page.offset - page.size);
  if (offset === 0) return firstPage(page.size);
  return { size: page.size, offset, after: null, before: info.startCursor };
}

/**
 * The 1-based rows shown, for "11–20 dari 57"; null when the page is empty. The connection's own
 * page info wins over a stale `from` in a shared link: a page with nothing before it starts at 1,
 * one with nothing after it ends at the total.
 */
export function pageRange(
  page: CursorPage,
  info: PageInfo,
  rows: number,
  total: number,
): { from: number; to: number } | null {
  if (rows === 0) return null;
  let offset = page.offset;
  if (page.before && !info.hasPreviousPage) offset = 0;
  else if (!page.before && !info.hasNextPage) offset = total - rows;
  offset = Math.min(Math.max(0, offset), Math.max(0, total - rows));
  return { from: offset + 1, to: offset + rows };
}
