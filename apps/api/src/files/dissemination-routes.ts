// Dissemination evidence: photos of the activity, attendance lists and module files. The type comes
// from the file's bytes (as for every evidence upload); photos are then re-encoded by libvips
// (sharp): turned upright, at most 1600 px on their long side, and without any metadata, so no
// location (GPS EXIF) or camera details of a teacher's phone are ever stored.
import type { Actor } from '@kmg/core/actor';
import {
  assertMayAttachDisseminationEvidence,
  attachDisseminationEvidence,
  disseminationEvidenceFileFor,
  removeDisseminationEvidence,
} from '@kmg/core/dissemination/reports';
import { AppError } from '@kmg/core/errors';
import { pickLocale } from '@kmg/domain';
import express, { type NextFunction, type Request, type Response } from 'express';
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import {
  allowedTypes,
  discardStoredFile,
  fail,
  MAX_EVIDENCE_MB,
  readUpload,
  recordId,
  removeStoredFile,
  sameOriginCheck,
  sendStoredFile,
  statusOf,
} from '#files/routes.ts';
import type { Storage } from '#files/storage.ts';

/** The long side of a stored photo: sharp enough to read an attendance sheet, small on a phone plan. */
export const PHOTO_MAX_PX = 1600;

const photoTypes = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/heic']);

/**
 * A photo as it is stored: upright (EXIF orientation applied), fitted within PHOTO_MAX_PX, as a
 * JPEG with no metadata at all (sharp drops EXIF, XMP and IPTC unless asked to keep them). Null
 * when the bytes cannot be decoded (a HEIC our libvips cannot read, a broken file).
 */
export async function cleanPhoto(bytes: Buffer): Promise<Buffer | null> {
  try {
    return await sharp(bytes, { failOn: 'error' })
      .rotate()
      .resize({ width: PHOTO_MAX_PX, height: PHOTO_MAX_PX, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 80, mozjpeg: true })
      .toBuffer();
  } catch {
    return null;
  }
}

function jpegName(name: string): string {
  const base = name.replace(/\.[^.]*$/, '') || 'foto';
  return `${base}.jpg`;
}

export function disseminationRoutes({
  storage,
  contextFrom,
  publicUrl,
}: {
  storage: Storage;
  contextFrom: (req: Request) => Promise<Actor>;
  publicUrl: string;
}) {
  const router = express.Router();
  const sameOrigin = sameOriginCheck(publicUrl);

  router.post('/api/dissemination/evidence', async (req, res) => {
    const ctx = await contextFrom(req);
    const locale = ctx.locale;
    if (!sameOrigin(req)) return fail(res, 403, locale, new AppError('FORBIDDEN'));
    if (!ctx.viewer) return fail(res, 401, locale, new AppError('UNAUTHENTICATED'));
    const reportId = recordId(req.query.reportId, 'DisseminationReport');
    if (!reportId) return fail(res, 400, locale, new AppError('INVALID_ID'));
    // Refused uploads are turned away before their body is read, so they are never stored.
    try {
      await assertMayAttachDisseminationEvidence(ctx, reportId);
    } catch (error) {
      if (error instanceof AppError) return fail(res, statusOf(error), locale, error);
      throw error;
    }
    const upload = await readUpload(req);
    if (upload.kind === 'unreadable') return fail(res, 400, locale, new AppError('UPLOAD_UNREADABLE'));
    if (upload.kind === 'empty') return fail(res, 400, locale, new AppError('REQUIRED'));
    if (upload.kind === 'too-large')
      return fail(res, 413, locale, new AppError('FILE_TOO_LARGE', { max: MAX_EVIDENCE_MB }));
    const detected = await fileTypeFromBuffer(upload.bytes);
    const known = detected && allowedTypes.get(detected.mime);
    if (!detected || !known) return fail(res, 415, locale, new AppError('FILE_TYPE'));
    let bytes = upload.bytes;
    let mimeType: string = detected.mime;
    let extension = known;
    let fileName = upload.name.slice(0, 200);
    if (photoTypes.has(detected.mime)) {
      const cleaned = await cleanPhoto(upload.bytes);
      if (!cleaned) return fail(res, 415, locale, new AppError('FILE_TYPE'));
      bytes = cleaned;
      mimeType = 'image/jpeg';
      extension = 'jpg';
      fileName = jpegName(fileName);
    }
    const storageKey = await storage.put({ bytes, mimeType, extension });
    try {
      const evidence = await attachDisseminationEvidence(ctx, {
        reportId,
        fileName,
        storageKey,
        mimeType,
        size: bytes.length,
      });
      res.status(201).json({
        id: evidence.id,
        fileName: evidence.fileName,
        size: evidence.size,
        mimeType: evidence.mimeType,
      });
    } catch (error) {
      await discardStoredFile(storage, storageKey);
      if (error instanceof AppError) return fail(res, statusOf(error), locale, error);
      throw error;
    }
  });

  router.delete('/api/dissemination/evidence/:id', (req, res) =>
    removeStoredFile({ req, res, storage, contextFrom, sameOrigin, remove: removeDisseminationEvidence }),
  );

  // `?inline=1`: a photo or PDF to look at in the page; anything else is a download.
  router.get('/api/dissemination/evidence/:id', (req, res) =>
    sendStoredFile({
      req,
      res,
      storage,
      contextFrom,
      find: disseminationEvidenceFileFor,
      label: 'Dissemination evidence',
      inline: req.query.inline === '1',
    }),
  );

  router.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    console.error(`${req.method} ${req.path} failed`, error);
    if (res.headersSent) return res.destroy();
    fail(res, 500, pickLocale(req.headers['accept-language']), new AppError('INTERNAL'));
  });

  return router;
}
