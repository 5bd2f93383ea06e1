import { pipeline } from 'node:stream';
import type { Actor } from '@kmg/core/actor';
import {
  assertMayAttachEvidence,
  attachEvidenceFile,
  evidenceFileFor,
  removeEvidence,
} from '@kmg/core/delivery/delivery';
import { AppError } from '@kmg/core/errors';
import { decodeId } from '@kmg/core/ids';
import { fileDisplayOf, pickLocale, translateError } from '@kmg/domain';
import Busboy from 'busboy';
import express, { type NextFunction, type Request, type Response } from 'express';
import { fileTypeFromBuffer } from 'file-type';
import type { Storage } from '#files/storage.ts';

export const MAX_EVIDENCE_MB = 10;

/** Photos, PDFs, office documents and short videos: what assessors keep as evidence. */
export const allowedTypes = new Map([
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

export function fail(res: Response, status: number, locale: 'id' | 'en', error: AppError) {
  res.status(status).json({ code: error.code, message: translateError(error.code, locale, error.params) });
}

/** An expected refusal's status: gone, not theirs, or not now (results already submitted). */
export function statusOf(error: AppError): number {
  if (error.code === 'NOT_FOUND') return 404;
  if (error.code === 'FORBIDDEN') return 403;
  return 409;
}

/** What a request body held: the one file, or why there is none to take. */
type Upload =
  | { kind: 'file'; bytes: Buffer; name: string }
  | { kind: 'empty' }
  | { kind: 'too-large' }
  /** Not a multipart form, or one that broke off (the body ended early, the client went away). */
  | { kind: 'unreadable' };

/**
 * Reads the one file of a multipart form into memory, up to the size limit. Every stream here has
 * an 'error' listener: a body that breaks off is this request's problem, while an unhandled
 * stream error would stop the whole server.
 */
export function readUpload(req: Request): Promise<Upload> {
  return new Promise((resolve) => {
    if (req.destroyed || !req.is('multipart/form-data')) return resolve({ kind: 'unreadable' });
    let busboy: Busboy.Busboy;
    try {
      busboy = Busboy({
        headers: req.headers,
        // Busboy flags a file that reaches `fileSize`: one byte more lets exactly the maximum in.
        limits: { files: 1, fields: 0, fileSize: MAX_EVIDENCE_MB * 1024 * 1024 + 1 },
      });
    } catch {
      return resolve({ kind: 'unreadable' }); // no boundary
    }
    let settled = false;
    const settle = (upload: Upload) => {
      if (settled) return;
      settled = true;
      // Whatever the client still sends is read and dropped, so the answer can go out now.
      req.unpipe(busboy);
      req.resume();
      resolve(upload);
    };
    let file: { bytes: Buffer; name: string } | null = null;
    busboy.on('file', (_field, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => settle({ kind: 'too-large' }));
      stream.on('error', () => settle({ kind: 'unreadable' }));
      stream.on('end', () => {
        file = { bytes: Buffer.concat(chunks), name: info.filename || 'bukti' };
      });
    });
    busboy.on('error', () => settle({ kind: 'unreadable' }));
    busboy.on('close', () =>
      settle(file && file.bytes.length > 0 ? { kind: 'file', ...file } : { kind: 'empty' }),
    );
    req.on('error', () => settle({ kind: 'unreadable' }));
    req.on('close', () => {
      if (!req.complete) settle({ kind: 'unreadable' });
    });
    req.pipe(busboy);
  });
}

/**
 * A record's id as the GraphQL API gives it to clients (its global id, `type:uuid` in base64) or as
 * the raw uuid; null when it cannot be one of ours.
 */
export function recordId(raw: unknown, type: string): string | null {
  const text = String(raw ?? '');
  const direct = decodeId(text);
  if (direct) return direct;
  const decoded = Buffer.from(text, 'base64').toString('utf8');
  return decoded.startsWith(`${type}:`) ? decodeId(decoded.slice(type.length + 1)) : null;
}

/**
 * Whether a request that changes files comes from our own pages: the browser's Origin is ours, or
 * the apps' upload header is set (a cross-site form cannot set it).
 */
export function sameOriginCheck(publicUrl: string) {
  return (req: Request) => req.headers.origin === publicUrl || req.headers['x-kmg-upload'] === '1';
}

/** Deletes a stored file nothing refers to; if that fails too, the log says which file was left. */
export async function discardStoredFile(storage: Storage, storageKey: string) {
  try {
    await storage.delete(storageKey);
  } catch (error) {
    console.error(`Evidence file ${storageKey} is no longer referenced but could not be deleted`, error);
  }
}

/**
 * Removes an uploaded file the viewer may remove: a same-origin request (`sameOrigin`), signed in,
 * an id of ours; `remove` deletes the record in its own transaction (refusing with the usual
 * errors) and names the stored file, which goes after it.
 */
export async function removeStoredFile({
  req,
  res,
  storage,
  contextFrom,
  sameOrigin,
  remove,
}: {
  req: Request;
  res: Response;
  storage: Storage;
  contextFrom: (req: Request) => Promise<Actor>;
  sameOrigin: (req: Request) => boolean;
  remove: (ctx: Actor, id: string) => Promise<{ storageKey: string }>;
}) {
  const ctx = await contextFrom(req);
  const id = String(req.params.id);
  if (!sameOrigin(req)) return fail(res, 403, ctx.locale, new AppError('FORBIDDEN'));
  if (!ctx.viewer) return fail(res, 401, ctx.locale, new AppError('UNAUTHENTICATED'));
  if (!decodeId(id)) return fail(res, 404, ctx.locale, new AppError('NOT_FOUND'));
  try {
    const { storageKey } = await remove(ctx, id);
    await discardStoredFile(storage, storageKey);
  } catch (error) {
    if (error instanceof AppError) return fail(res, statusOf(error), ctx.locale, error);
    throw error;
  }
  res.status(204).end();
}

/**
 * What a file read in the page may do: nothing of its own (no scripts, fetches, forms, fonts), and
 * be framed by our own pages only. Chromium's PDF viewer draws the file whatever this policy says;
 * the image document Chromium makes around a picture needs its inline styles.
 */
const INLINE_FILE_POLICY =
  "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

/**
 * Sends a stored file the viewer may read: signed in, an id of ours, the record checked by `find`
 * (which refuses with the usual errors), then streamed from storage. A download, unless `inline`
 * is asked for and the file is a type the browser shows by itself (`inlineFileTypes`).
 */
export async function sendStoredFile({
  req,
  res,
  storage,
  contextFrom,
  find,
  label,
  inline = false,
}: {
  req: Request;
  res: Response;
  storage: Storage;
  contextFrom: (req: Request) => Promise<Actor>;
  find: (ctx: Actor, id: string) => Promise<{ storageKey: string; mimeType: string; name: string }>;
  label: string;
  /** Asked to show the file in the page (an iframe or an image of our own console). */
  inline?: boolean;
}) {
  const ctx = await contextFrom(req);
  const id = String(req.params.id);
  if (!ctx.viewer) return fail(res, 401, ctx.locale, new AppError('UNAUTHENTICATED'));
  if (!decodeId(id)) return fail(res, 404, ctx.locale, new AppError('NOT_FOUND'));
  let file: { storageKey: string; mimeType: string; name: string };
  try {
    file = await find(ctx, id);
  } catch (error) {
    if (error instanceof AppError) return fail(res, statusOf(error), ctx.locale, error);
    throw error;
  }
  const stream = await storage.get(file.storageKey);
  const isInline = inline && fileDisplayOf(file.mimeType) !== 'download';
  res.setHeader('content-type', file.mimeType);
  res.setHeader(
    'content-disposition',
    `${isInline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.name)}`,
  );
  res.setHeader('x-content-type-options', 'nosniff');
  if (isInline) res.setHeader('content-security-policy', INLINE_FILE_POLICY);
  // Unlike `pipe`, a failure on either side closes both and comes here, not to the process.
  pipeline(stream, res, (error) => {
    if (error && error.code !== 'ERR_STREAM_PREMATURE_CLOSE')
      console.error(`${label} file ${file.storageKey} could not be sent`, error);
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
    // Refused uploads are turned away before their body is read, so they are never stored.
    try {
      await assertMayAttachEvidence(ctx, assessmentId);
    } catch (error) {
      if (error instanceof AppError) return fail(res, statusOf(error), locale, error);
      throw error;
    }
    const upload = await readUpload(req);
    if (upload.kind === 'unreadable') return fail(res, 400, locale, new AppError('UPLOAD_UNREADABLE'));
    if (upload.kind === 'empty') return fail(res, 400, locale, new AppError('REQUIRED'));
    if (upload.kind === 'too-large')
      return fail(res, 413, locale, new AppError('FILE_TOO_LARGE', { max: MAX_EVIDENCE_MB }));
    // The type comes from the file's own bytes, never from the name or the browser's claim.
    const detected = await fileTypeFromBuffer(upload.bytes);
    const extension = detected && allowedTypes.get(detected.mime);
    if (!detected || !extension) return fail(res, 415, locale, new AppError('FILE_TYPE'));
    const storageKey = await storage.put({ bytes: upload.bytes, mimeType: detected.mime, extension });
    let evidence: Awaited<ReturnType<typeof attachEvidenceFile>>;
    try {
      evidence = await attachEvidenceFile(ctx, {
        assessmentId,
        name: upload.name.slice(0, 200),
        storageKey,
        mimeType: detected.mime,
        size: upload.bytes.length,
      });
    } catch (error) {
      // Results submitted meanwhile, or the database failed: the file must not outlive the attempt.
      await discardStoredFile(storage, storageKey);
      if (error instanceof AppError) return fail(res, statusOf(error), locale, error);
      throw error;
    }
    res
      .status(201)
      .json({ id: evidence.id, name: evidence.name, size: evidence.size, mimeType: evidence.mimeType });
  });

  // Removing evidence while results are recorded: the row goes in one transaction, then the file.
  router.delete('/api/evidence/:id', async (req, res) => {
    const ctx = await contextFrom(req);
    if (req.headers.origin !== publicUrl && req.headers['x-kmg-upload'] !== '1')
      return fail(res, 403, ctx.locale, new AppError('FORBIDDEN'));
    if (!ctx.viewer) return fail(res, 401, ctx.locale, new AppError('UNAUTHENTICATED'));
    if (!decodeId(req.params.id)) return fail(res, 404, ctx.locale, new AppError('NOT_FOUND'));
    let storageKey: string | null;
    try {
      ({ storageKey } = await removeEvidence(ctx, req.params.id));
    } catch (error) {
      if (error instanceof AppError) return fail(res, statusOf(error), ctx.locale, error);
      throw error;
    }
    if (storageKey) await discardStoredFile(storage, storageKey);
    res.status(204).end();
  });

  router.get('/api/evidence/:id', (req, res) =>
    sendStoredFile({ req, res, storage, contextFrom, find: evidenceFileFor, label: 'Evidence' }),
  );

  // Express 5 hands a failed handler's error here: logged, answered in the reader's language, and
  // the server carries on. A download already under way can only be cut off.
  router.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    console.error(`${req.method} ${req.path} failed`, error);
    if (res.headersSent) return res.destroy();
    fail(res, 500, pickLocale(req.headers['accept-language']), new AppError('INTERNAL'));
  });

  return router;
}
