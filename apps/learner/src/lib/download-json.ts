/** How fetching a JSON file for download went. */
export type JsonDownload =
  | { kind: 'saved' }
  /** Not there (yet): a 404, or a page instead of JSON (the app's own fallback answers unknown paths). */
  | { kind: 'unavailable' }
  | { kind: 'signedOut' }
  | { kind: 'failed'; isNetworkError: boolean };

/** What an answer that cannot be saved as a JSON file means to the teacher; null when it can. */
export function downloadProblem(status: number, contentType: string | null): JsonDownload | null {
  if (status === 401 || status === 403) return { kind: 'signedOut' };
  if (status === 404) return { kind: 'unavailable' };
  if (status < 200 || status >= 300) return { kind: 'failed', isNetworkError: false };
  return /json/i.test(contentType ?? '') ? null : { kind: 'unavailable' };
}

/**
 * Fetches a JSON file the API serves and saves it under `filename`. A plain `<a download>` would
 * save whatever came back (an error page named `.json`) and tell the teacher nothing; this reads
 * the answer first, so a missing or refused file is said in words.
 */
export async function downloadJson(url: string, filename: string): Promise<JsonDownload> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' } });
  } catch {
    return { kind: 'failed', isNetworkError: true };
  }
  const problem = downloadProblem(response.status, response.headers.get('content-type'));
  if (problem) return problem;
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Let the browser start the download before the address goes.
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
  return { kind: 'saved' };
}
