// Where the console reads a teacher's RPL evidence file: `GET <api>/api/rpl/evidence/<id>`, a
// download, or with `?inline=1` (a PDF or a picture) for showing in the page. The API checks who
// may read it either way.

/** The file's address under `apiBase` (empty: the console's own origin, as served in production). */
export function rplEvidenceUrl(apiBase: string, id: string, { inline = false } = {}): string {
  const base = apiBase.replace(/\/+$/, '');
  return `${base}/api/rpl/evidence/${encodeURIComponent(id)}${inline ? '?inline=1' : ''}`;
}
