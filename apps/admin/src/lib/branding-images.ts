// Certificate branding images go to the API's file route, not GraphQL:
// `POST /api/branding/<organizationId>/<logo|signature>` (multipart `file`, PNG or JPEG up to
// 1 MB, the type read from the bytes there). Removing one is a GraphQL mutation.
import { isErrorCode, type Locale, translateError } from '@kmg/domain';

export const BRANDING_MAX_MB = 1;
export const brandingImageTypes = ['image/png', 'image/jpeg'] as const;

export type BrandingImageSlot = 'logo' | 'signature';

/** What is wrong with a chosen file before sending it. */
export function checkBrandingFile(file: Pick<File, 'size' | 'type'>, locale: Locale): string | null {
  if (!(brandingImageTypes as readonly string[]).includes(file.type))
    return translateError('BRANDING_IMAGE_TYPE', locale);
  if (file.size > BRANDING_MAX_MB * 1024 * 1024)
    return translateError('FILE_TOO_LARGE', locale, { max: BRANDING_MAX_MB });
  return null;
}

/** Null when stored; else the API's own message (or null when the server was unreachable). */
export async function uploadBrandingImage(
  { organizationId, slot, file }: { organizationId: string; slot: BrandingImageSlot; file: File },
  locale: Locale,
): Promise<{ ok: true } | { ok: false; message: string | null }> {
  const body = new FormData();
  body.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch(`/api/branding/${encodeURIComponent(organizationId)}/${slot}`, {
      method: 'POST',
      body,
      credentials: 'same-origin',
      headers: { 'x-kmg-upload': '1', 'accept-language': locale },
    });
  } catch {
    return { ok: false, message: null };
  }
  if (response.ok) return { ok: true };
  const payload = (await response.json().catch(() => null)) as {
    code?: string;
    message?: string;
    fieldErrors?: { message: string }[];
  } | null;
  const code = payload?.code && isErrorCode(payload.code) ? payload.code : 'INTERNAL';
  return {
    ok: false,
    message: payload?.fieldErrors?.[0]?.message ?? payload?.message ?? translateError(code, locale),
  };
}
