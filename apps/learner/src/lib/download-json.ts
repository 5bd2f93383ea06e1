/** How fetching a JSON file for download went. */
export type JsonDownload =
  | { kind: 'saved' }
  /** Not there (yet): a 404, or a page instead of JSON (the app's own fallback answers unknown paths). */
  | { kind: 'unavailable' }
  | { kind: 'signedOut' }
  | { kind: 'failed'; isNetworkError: boolean };

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
  if (response.status === 401 || response.status === 403) return { kind: 'signedOut' };
  if (response.status === 404) return { kind: 'unavailable' };
  if (!response.ok) return { kind: 'failed', isNetworkError: false };
  const type = response.headers.get('content-type') ?? '';
  if (!/json/i.test(type)) return { kind: 'unavailable' };
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
