// Dissemination evidence goes to the API's upload route (one multipart file per request), as RPL
// evidence does: `POST /api/dissemination/evidence?reportId=…` with the header that marks our own
// pages; `DELETE /api/dissemination/evidence/<id>` removes one while the report is the teacher's.
import { type ErrorCode, type Locale, translateError } from '@kmg/domain';

export type UploadResult =
  | { ok: true }
  /** `message` in the reader's language (the network's failure included). */
  | { ok: false; code: ErrorCode | null; message: string };

const headers = (locale: Locale) => ({ 'x-kmg-upload': '1', 'accept-language': locale });

async function refusal(response: Response | null, locale: Locale): Promise<UploadResult> {
  if (!response) return { ok: false, code: null, message: translateError('INTERNAL', locale) };
  const payload = (await response.json().catch(() => null)) as { code?: ErrorCode; message?: string } | null;
  const code = payload?.code ?? null;
  return { ok: false, code, message: payload?.message ?? translateError(code ?? 'INTERNAL', locale) };
}

export async function uploadDisseminationEvidence(
  reportId: string,
  file: File,
  locale: Locale,
  send: typeof fetch = fetch,
): Promise<UploadResult> {
  const body = new FormData();
  body.append('file', file, file.name);
  const response = await send(`/api/dissemination/evidence?reportId=${encodeURIComponent(reportId)}`, {
    method: 'POST',
    body,
    credentials: 'same-origin',
    headers: headers(locale),
  }).catch(() => null);
  return response?.ok ? { ok: true } : refusal(response, locale);
}

export async function removeDisseminationEvidence(
  evidenceId: string,
  locale: Locale,
  send: typeof fetch = fetch,
): Promise<UploadResult> {
  const response = await send(`/api/dissemination/evidence/${encodeURIComponent(evidenceId)}`, {
    method: 'DELETE',
    credentials: 'same-origin',
    headers: headers(locale),
  }).catch(() => null);
  return response?.ok ? { ok: true } : refusal(response, locale);
}
