// Evidence files go to the API's upload route (one multipart file per request), not through
// GraphQL: `POST /api/evidence?assessmentId=<id>`, with the header that marks our own pages.
// Evidence (a file or a link) is removed the same way while results are recorded:
// `DELETE /api/evidence/<id>`.
import type { ErrorCode, Locale } from '@kmg/domain';
import { translateError } from '@kmg/domain';

export type UploadedEvidence = { id: string; name: string; size: number; mimeType: string };

export type UploadResult =
  | { ok: true; evidence: UploadedEvidence }
  /** `message` is null when the server could not be reached. */
  | { ok: false; code: ErrorCode | null; message: string | null };

/** Uploads one file as evidence of a recorded assessment (its raw id, as the API returns it). */
export async function uploadEvidence(
  assessmentId: string,
  file: File,
  locale: Locale,
  send: typeof fetch = fetch,
): Promise<UploadResult> {
  const body = new FormData();
  body.append('file', file, file.name);
  let response: Response;
  try {
    response = await send(`/api/evidence?assessmentId=${encodeURIComponent(assessmentId)}`, {
      method: 'POST',
      body,
      credentials: 'same-origin',
      headers: { 'x-kmg-upload': '1', 'accept-language': locale },
    });
  } catch {
    return { ok: false, code: null, message: null };
  }
  const payload = (await response.json().catch(() => null)) as
    | (Partial<UploadedEvidence> & { code?: ErrorCode; message?: string })
    | null;
  if (response.ok && payload?.id) return { ok: true, evidence: payload as UploadedEvidence };
  const code = payload?.code ?? null;
  return {
    ok: false,
    code,
    message: payload?.message ?? (code ? translateError(code, locale) : translateError('INTERNAL', locale)),
  };
}

export type RemoveResult = { ok: true } | { ok: false; code: ErrorCode | null; message: string | null };

/**
 * Removes one piece of evidence (its raw id) while the results are being recorded: 204 when gone;
 * otherwise the API says why (403 not allowed, 404 gone already, 409 results submitted).
 */
export async function removeEvidence(
  evidenceId: string,
  locale: Locale,
  send: typeof fetch = fetch,
): Promise<RemoveResult> {
  let response: Response;
  try {
    response = await send(`/api/evidence/${encodeURIComponent(evidenceId)}`, {
      method: 'DELETE',
      credentials: 'same-origin',
      headers: { 'x-kmg-upload': '1', 'accept-language': locale },
    });
  } catch {
    return { ok: false, code: null, message: null };
  }
  if (response.ok) return { ok: true };
  const payload = (await response.json().catch(() => null)) as { code?: ErrorCode; message?: string } | null;
  const code = payload?.code ?? null;
  return {
    ok: false,
    code,
    message: payload?.message ?? translateError(code ?? 'INTERNAL', locale),
  };
}
