// The university's logo for its decree letterhead goes to the API's file route, not GraphQL:
// `POST /api/rpl/universities/logo` (multipart `file`, PNG or JPEG up to 1 MB) and
// `DELETE /api/rpl/universities/logo`; `logoUrl` reads it back. The route files it under the
// viewer's own university.
import { type ErrorCode, isErrorCode, type Locale, translateError } from '@kmg/domain';

export const LOGO_MAX_MB = 1;
export const LOGO_MAX_BYTES = LOGO_MAX_MB * 1024 * 1024;
export const logoTypes = ['image/png', 'image/jpeg'] as const;

export type LogoResult =
  | { ok: true; logoUrl: string | null }
  /** `message` is null when the server could not be reached. */
  | { ok: false; code: ErrorCode | null; message: string | null };

/** What is wrong with a chosen file before sending it (the route checks the bytes again). */
export function checkLogoFile(file: Pick<File, 'size' | 'type'>, locale: Locale): string | null {
  if (!(logoTypes as readonly string[]).includes(file.type)) return translateError('FILE_TYPE', locale);
  if (file.size > LOGO_MAX_BYTES) return translateError('FILE_TOO_LARGE', locale, { max: LOGO_MAX_MB });
  return null;
}

/**
 * A refusal's message and code. The file routes answer `{ code, message }`; `{ error: { code,
 * message } }` is read too, so either shape shows the API's own words.
 */
async function refusal(response: Response, locale: Locale): Promise<LogoResult> {
  const payload = (await response.json().catch(() => null)) as {
    code?: string;
    message?: string;
    error?: { code?: string; message?: string };
  } | null;
  const raw = payload?.error?.code ?? payload?.code ?? null;
  const code = raw && isErrorCode(raw) ? raw : null;
  const message = payload?.error?.message ?? payload?.message ?? translateError(code ?? 'INTERNAL', locale);
  return { ok: false, code, message };
}

const headers = (locale: Locale) => ({ 'x-kmg-upload': '1', 'accept-language': locale });

export async function uploadUniversityLogo(
  file: File,
  locale: Locale,
  send: typeof fetch = fetch,
): Promise<LogoResult> {
  const body = new FormData();
  body.append('file', file, file.name);
  let response: Response;
  try {
    response = await send('/api/rpl/universities/logo', {
      method: 'POST',
      body,
      credentials: 'same-origin',
      headers: headers(locale),
    });
  } catch {
    return { ok: false, code: null, message: null };
  }
  if (!response.ok) return refusal(response, locale);
  const payload = (await response.json().catch(() => null)) as { logoUrl?: string } | null;
  return { ok: true, logoUrl: payload?.logoUrl ?? null };
}

export async function removeUniversityLogo(locale: Locale, send: typeof fetch = fetch): Promise<LogoResult> {
  let response: Response;
  try {
    response = await send('/api/rpl/universities/logo', {
      method: 'DELETE',
      credentials: 'same-origin',
      headers: headers(locale),
    });
  } catch {
    return { ok: false, code: null, message: null };
  }
  return response.ok ? { ok: true, logoUrl: null } : refusal(response, locale);
}
