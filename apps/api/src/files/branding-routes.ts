// Certificate branding images: an issuer's logo and its signatory's signature (upload, read). The
// text settings and removals go through GraphQL; files come here as multipart, like evidence.
import type { Actor } from '@kmg/core/actor';
import {
  assertMaySetBranding,
  type BrandingSlot,
  brandingImage,
  setBrandingImage,
} from '@kmg/core/credentials/branding';
import { AppError, ValidationError } from '@kmg/core/errors';
import { decodeId } from '@kmg/core/ids';
import { BRANDING_IMAGE_MAX_BYTES, BRANDING_IMAGE_TYPES, translateError } from '@kmg/domain';
import express, { type Request, type Response } from 'express';
import { fileTypeFromBuffer } from 'file-type';
import { fail, readUpload, statusOf } from '#files/routes.ts';

/** An organization's id as the GraphQL API gives it (global id) or the raw uuid. */
function organizationIdOf(raw: string): string | null {
  const direct = decodeId(raw);
  if (direct) return direct;
  const decoded = Buffer.from(raw, 'base64').toString('utf8');
  return decoded.startsWith('Organization:') ? decodeId(decoded.slice('Organization:'.length)) : null;
}

function refuse(res: Response, ctx: Actor, error: unknown) {
  if (error instanceof ValidationError) {
    return res.status(400).json({
      code: error.code,
      message: translateError(error.code, ctx.locale),
      fieldErrors: error.issues.map((issue) => ({
        path: issue.path,
        code: issue.code,
        message: translateError(issue.code, ctx.locale, issue.params),
      })),
    });
  }
  if (error instanceof AppError) return fail(res, statusOf(error), ctx.locale, error);
  throw error;
}

export function brandingRoutes({
  contextFrom,
  publicUrl,
}: {
  contextFrom: (req: Request) => Promise<Actor>;
  publicUrl: string;
}) {
  const router = express.Router();

  // PNG or JPEG up to 1 MB, the type read from the bytes; a refused upload is never stored.
  router.post('/api/branding/:organizationId/:slot', async (req, res) => {
    const ctx = await contextFrom(req);
    if (req.headers.origin !== publicUrl && req.headers['x-kmg-upload'] !== '1')
      return fail(res, 403, ctx.locale, new AppError('FORBIDDEN'));
    if (!ctx.viewer) return fail(res, 401, ctx.locale, new AppError('UNAUTHENTICATED'));
    const slot = ({ logo: 'logo', signature: 'signature' } as const)[req.params.slot as BrandingSlot];
    const organizationId = organizationIdOf(String(req.params.organizationId));
    if (!slot || !organizationId) return fail(res, 404, ctx.locale, new AppError('NOT_FOUND'));
    try {
      await assertMaySetBranding(ctx, organizationId);
    } catch (error) {
      return refuse(res, ctx, error);
    }
    const upload = await readUpload(req);
    if (upload.kind === 'unreadable') return fail(res, 400, ctx.locale, new AppError('UPLOAD_UNREADABLE'));
    if (upload.kind === 'empty') return fail(res, 400, ctx.locale, new AppError('REQUIRED'));
    if (upload.kind === 'too-large' || upload.bytes.length > BRANDING_IMAGE_MAX_BYTES)
      return fail(res, 413, ctx.locale, new AppError('FILE_TOO_LARGE', { max: 1 }));
    const detected = await fileTypeFromBuffer(upload.bytes);
    if (!detected || !(BRANDING_IMAGE_TYPES as readonly string[]).includes(detected.mime))
      return fail(res, 415, ctx.locale, new AppError('BRANDING_IMAGE_TYPE'));
    try {
      const { imageId } = await setBrandingImage(ctx, {
        organizationId,
        slot,
        bytes: upload.bytes,
        mimeType: detected.mime,
      });
      res.status(201).json({ imageUrl: `/api/branding-images/${imageId}` });
    } catch (error) {
      return refuse(res, ctx, error);
    }
  });

  // Printed on public certificates: anyone may read them. Never changed once stored, so cached.
  router.get('/api/branding-images/:id', async (req, res) => {
    const id = decodeId(String(req.params.id));
    const image = id ? await brandingImage(id) : null;
    if (!image) return res.status(404).end();
    res.setHeader('content-type', image.mimeType);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('cache-control', 'public, max-age=31536000, immutable');
    res.end(Buffer.from(image.bytes));
  });

  return router;
}
