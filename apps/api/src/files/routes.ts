import type { Actor } from '@kmg/core/actor';
import { attachEvidenceFile, evidenceFileFor, removeEvidence } from '@kmg/core/delivery/delivery';
import { AppError } from '@kmg/core/errors';
import { decodeId } from '@kmg/core/ids';
import { translateError } from '@kmg/domain';
import Busboy from 'busboy';
import express, { type Request, type Response } from 'express';
import { fileTypeFromBuffer } from 'file-type';
import type { Storage } from '#files/storage.ts';

export const MAX_EVIDENCE_MB = 10;

/** Photos, PDFs, office documents and short videos: what assessors keep as evidence. */
const allowedTypes = new Map([
  ['image/jpeg', 'jpg'],
  ['image/png', 'png'],
  ['image/webp', 'webp'],
  ['image/heic', 'heic'],
  ['application/pdf', 'pdf'],
  ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx'],
  ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'],
  ['application/vnd.openxmlformats-officedocument.presentationml.presentation', 'pptx'],
  ['video/mp4', 'mp4'],
]);

function fail(res: Response, status: number, locale: 'id' | 'en', error: AppError) {
  res.status(status).json({ code: error.code, message: translateError(error.code, locale, error.params) });
}

function readUpload(req: Request): Promise<{ bytes: Buffer; name: string; truncated: boolean } | null> {
  return new Promise((resolve, reject) => {
    const busboy = Busboy({
      headers: req.headers,
      limits: { files: 1, fileSize: MAX_EVIDENCE_MB * 1024 * 1024 },
    });
    let result: { bytes: Buffer; name: string; truncated: boolean } | null = null;
    busboy.on('file', (_field, stream, info) => {
      const chunks: Buffer[] = [];
      let truncated = false;
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => {
        truncated = true;
      });
      stream.on('end', () => {
        result = { bytes: Buffer.concat(chunks), name: info.filename || 'bukti', truncated };
      });
    });
    busboy.on('error', reject);
    busboy.on('close', () => resolve(result));
    req.pipe(busboy);
  });
}

/** Evidence files: upload (multipart, one file) and download, both behind the session. */
export function evidenceRoutes({
  storage,
  contextFrom,
  publicUrl,
}: {
  storage: Storage;
  contextFrom: (req: Request) => Promise<Actor>;
  publicUrl: string;
}) {
  const router = express.Router();

  router.post('/api/evidence', async (req, res) => {
    const ctx = await contextFrom(req);
    const locale = ctx.locale;
    // A multipart form is a "simple" request a foreign page could send: only our own pages may.
    if (req.headers.origin !== publicUrl && req.headers['x-kmg-upload'] !== '1')
      return fail(res, 403, locale, new AppError('FORBIDDEN'));
    if (!ctx.viewer) return fail(res, 401, locale, new AppError('UNAUTHENTICATED'));
    const assessmentId = String(req.query.assessmentId ?? '');
    if (!decodeId(assessmentId)) return fail(res, 400, locale, new AppError('INVALID_ID'));
    const upload = await readUpload(req);
    if (!upload || upload.bytes.length === 0) return fail(res, 400, locale, new AppError('REQUIRED'));
    if (upload.truncated)
      return fail(res, 413, locale, new AppError('FILE_TOO_LARGE', { max: MAX_EVIDENCE_MB }));
    // The type comes from the file's own bytes, never from the name or the browser's claim.
    const detected = await fileTypeFromBuffer(upload.bytes);
    const extension = detected && allowedTypes.get(detected.mime);
    if (!detected || !extension) return fail(res, 415, locale, new AppError('FILE_TYPE'));
    try {
      const storageKey = await storage.put({ bytes: upload.bytes, mimeType: detected.mime, extension });
      const evidence = await attachEvidenceFile(ctx, {
        assessmentId,
        name: upload.name.slice(0, 200),
        storageKey,
        mimeType: detected.mime,
        size: upload.bytes.length,
      });
      res
        .status(201)
        .json({ id: evidence.id, name: evidence.name, size: evidence.size, mimeType: evidence.mimeType });
    } catch (error) {
      if (error instanceof AppError) return fail(res, error.code === 'NOT_FOUND' ? 404 : 403, locale, error);
      throw error;
    }
  });

  // Removing evidence while results are recorded: the row goes in one transaction, then the file.
  router.delete('/api/evidence/:id', async (req, res) => {
    const ctx = await contextFrom(req);
    if (req.headers.origin !== publicUrl && req.headers['x-kmg-upload'] !== '1')
      return fail(res, 403, ctx.locale, new AppError('FORBIDDEN'));
    if (!ctx.viewer) return fail(res, 401, ctx.locale, new AppError('UNAUTHENTICATED'));
    if (!decodeId(req.params.id)) return fail(res, 404, ctx.locale, new AppError('NOT_FOUND'));
    try {
      const { storageKey } = await removeEvidence(ctx, req.params.id);
      if (storageKey) await storage.delete(storageKey);
      res.status(204).end();
    } catch (error) {
      if (error instanceof AppError)
        return fail(
          res,
          error.code === 'NOT_FOUND' ? 404 : error.code === 'FORBIDDEN' ? 403 : 409,
          ctx.locale,
          error,
        );
      throw error;
    }
  });

  router.get('/api/evidence/:id', async (req, res) => {
    const ctx = await contextFrom(req);
    if (!ctx.viewer) return fail(res, 401, ctx.locale, new AppError('UNAUTHENTICATED'));
    if (!decodeId(req.params.id)) return fail(res, 404, ctx.locale, new AppError('NOT_FOUND'));
    try {
      const file = await evidenceFileFor(ctx, req.params.id);
      res.setHeader('content-type', file.mimeType);
      res.setHeader('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`);
      res.setHeader('x-content-type-options', 'nosniff');
      (await storage.get(file.storageKey)).pipe(res);
    } catch (error) {
      if (error instanceof AppError)
        return fail(res, error.code === 'NOT_FOUND' ? 404 : 403, ctx.locale, error);
      throw error;
    }
  });

  return router;
}
