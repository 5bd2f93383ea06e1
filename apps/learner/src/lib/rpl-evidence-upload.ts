// RPL evidence files go to the API's upload route (one multipart file per request), not through
// GraphQL: `POST /api/rpl/evidence?applicationId=…&kind=…&title=…&issuedOn=…`, with the header that
// marks our own pages; `DELETE /api/rpl/evidence/<id>` removes one while the draft is editable.
import type { ErrorCode, Locale, rplEvidenceKinds } from '@kmg/domain';
import { translateError } from '@kmg/domain';

export type RplEvidenceKind = (typeof rplEvidenceKinds)[number];

export type RplEvidenceUpload = {
  applicationId: string;
  kind: RplEvidenceKind;
  title: string;
  /** YYYY-MM-DD, or null. */
  issuedOn: string | null;
  file: File;
};

export type UploadedRplEvidence = { id: string; fileName: string; size: number; mimeType: string };

export type RplUploadResult =
  | { ok: true; evidence: UploadedRplEvidence }
  /** `message` is null when the server could not be reached. */
  | { ok: false; code: ErrorCode | null; message: string | null };

const headers = (locale: Locale) => ({ 'x-kmg-upload': '1', 'accept-language': locale });

async function refusal(response: Response, locale: Locale) {
  const payload = (await response.json().catch(() => null)) as { code?: ErrorCode; message?: string } | null;
  const code = payload?.code ?? null;
  return {
    ok: false as const,
    code,
    message: payload?.message ?? translateError(code ?? 'INTERNAL', locale),
  };
}

/** Uploads one evidence file to a draft (or an application asked for more evidence). */
export async function uploadRplEvidence(
  upload: RplEvidenceUpload,
  locale: Locale,
  send: typeof fetch = fetch,
): Promise<RplUploadResult> {
  const query = new URLSearchParams({
    applicationId: upload.applicationId,
    kind: upload.kind,
    title: upload.title.trim(),
  });
  if (upload.issuedOn) query.set('issuedOn', upload.issuedOn);
  const body = new FormData();
  body.append('file', upload.file, upload.file.name);
  let response: Response;
  try {
    response = await send(`/api/rpl/evidence?${query}`, {
      method: 'POST',
      body,
      credentials: 'same-origin',
      headers: headers(locale),
    });
  } catch {
    return { ok: false, code: null, message: null };
  }
  if (response.ok) {
    const payload = (await response.json().catch(() => null)) as UploadedRplEvidence | null;
    if (payload?.id) return { ok: true, evidence: payload };
  }
  return refusal(response, locale);
}

export type RplRemoveResult = { ok: true } | { ok: false; code: ErrorCode | null; message: string | null };

/** Removes one evidence file (its id): 204 when gone; otherwise the API says why. */
export async function removeRplEvidence(
  evidenceId: string,
  locale: Locale,
  send: typeof fetch = fetch,
): Promise<RplRemoveResult> {
  let response: Response;
  try {
    response = await send(`/api/rpl/evidence/${encodeURIComponent(evidenceId)}`, {
      method: 'DELETE',
      credentials: 'same-origin',
      headers: headers(locale),
    });
  } catch {
    return { ok: false, code: null, message: null };
  }
  return response.ok ? { ok: true } : refusal(response, locale);
}
