// RPL files: a teacher's evidence (BNSP certificates, work-experience documents, Open Badges files)
// and a university's curriculum import (CSV or XLSX: a preview with row errors, then the save).
import type { Actor } from '@kmg/core/actor';
import { AppError } from '@kmg/core/errors';
import { checkBadgeFile } from '@kmg/core/pathways/import';
import {
  assertMayAttachRplEvidence,
  attachRplEvidence,
  removeRplEvidence,
  rplEvidenceFileFor,
} from '@kmg/core/rpl/applications';
import { requireManagedProgramme, saveCurriculum } from '@kmg/core/rpl/catalogue';
import { CurriculumFileRefusedError, readCurriculumFile } from '@kmg/core/rpl/curriculum-file';
import { db } from '@kmg/db';
import { isLocalDate, pickLocale, rplEvidenceKinds, translateError } from '@kmg/domain';
import express, { type NextFunction, type Request, type Response } from 'express';
import { fileTypeFromBuffer } from 'file-type';
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

type EvidenceKind = (typeof rplEvidenceKinds)[number];

/** An Open Badges file is JSON: its type is read from its text, the rest from the file's bytes. */
function looksLikeJson(bytes: Buffer): string | null {
  const text = bytes
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trim();
  if (!text.startsWith('{')) return null;
  try {
    JSON.parse(text);
    return text;
  } catch {
    return null;
  }
}

export function rplRoutes({
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

  router.post('/api/rpl/evidence', async (req, res) => {
    const ctx = await contextFrom(req);
    const locale = ctx.locale;
    if (!sameOrigin(req)) return fail(res, 403, locale, new AppError('FORBIDDEN'));
    if (!ctx.viewer) return fail(res, 401, locale, new AppError('UNAUTHENTICATED'));
    const applicationId = recordId(req.query.applicationId, 'RplApplication');
    if (!applicationId) return fail(res, 400, locale, new AppError('INVALID_ID'));
    const kind = String(req.query.kind ?? '') as EvidenceKind;
    if (!rplEvidenceKinds.includes(kind)) return fail(res, 400, locale, new AppError('INVALID_FORMAT'));
    const title = String(req.query.title ?? '')
      .trim()
      .replaceAll('\u0000', '');
    if (title.length < 3 || title.length > 200)
      return fail(
        res,
        400,
        locale,
        new AppError(title.length < 3 ? 'TOO_SHORT' : 'TOO_LONG', { min: 3, max: 200 }),
      );
    const issuedOn = req.query.issuedOn ? String(req.query.issuedOn) : null;
    if (issuedOn !== null && !isLocalDate(issuedOn))
      return fail(res, 400, locale, new AppError('INVALID_DATE'));
    try {
      await assertMayAttachRplEvidence(ctx, applicationId);
    } catch (error) {
      if (error instanceof AppError) return fail(res, statusOf(error), locale, error);
      throw error;
    }
    const upload = await readUpload(req);
    if (upload.kind === 'unreadable') return fail(res, 400, locale, new AppError('UPLOAD_UNREADABLE'));
    if (upload.kind === 'empty') return fail(res, 400, locale, new AppError('REQUIRED'));
    if (upload.kind === 'too-large')
      return fail(res, 413, locale, new AppError('FILE_TOO_LARGE', { max: MAX_EVIDENCE_MB }));
    let mimeType: string;
    let extension: string;
    let verification = null;
    const json = kind === 'EXTERNAL_BADGE' ? looksLikeJson(upload.bytes) : null;
    if (json !== null) {
      mimeType = 'application/json';
      extension = 'json';
      verification = await checkBadgeFile(ctx, json);
    } else {
      const detected = await fileTypeFromBuffer(upload.bytes);
      const known = detected && allowedTypes.get(detected.mime);
      if (!detected || !known) return fail(res, 415, locale, new AppError('FILE_TYPE'));
      mimeType = detected.mime;
      extension = known;
    }
    const storageKey = await storage.put({ bytes: upload.bytes, mimeType, extension });
    try {
      const evidence = await attachRplEvidence(ctx, {
        applicationId,
        kind,
        title,
        issuedOn,
        fileName: upload.name.slice(0, 200),
        storageKey,
        mimeType,
        size: upload.bytes.length,
        verification,
      });
      res.status(201).json({
        id: evidence.id,
        fileName: evidence.fileName,
        size: evidence.size,
        mimeType: evidence.mimeType,
        verification,
      });
    } catch (error) {
      await discardStoredFile(storage, storageKey);
      if (error instanceof AppError) return fail(res, statusOf(error), locale, error);
      throw error;
    }
  });

  router.delete('/api/rpl/evidence/:id', (req, res) =>
    removeStoredFile({ req, res, storage, contextFrom, sameOrigin, remove: removeRplEvidence }),
  );

  // `?inline=1`: a PDF or a picture to read in the console's page (its viewer frames it); any
  // other file, or without the flag, a download.
  router.get('/api/rpl/evidence/:id', (req, res) =>
    sendStoredFile({
      req,
      res,
      storage,
      contextFrom,
      find: rplEvidenceFileFor,
      label: 'RPL evidence',
      inline: req.query.inline === '1',
    }),
  );

  // A curriculum file: `mode=preview` answers what would be saved and every row error; `mode=save`
  // writes it as a new curriculum version (all or nothing), refusing a file with any error.
  router.post('/api/rpl/curriculum', async (req, res) => {
    const ctx = await contextFrom(req);
    const locale = ctx.locale;
    if (!sameOrigin(req)) return fail(res, 403, locale, new AppError('FORBIDDEN'));
    if (!ctx.viewer) return fail(res, 401, locale, new AppError('UNAUTHENTICATED'));
    const programmeId = recordId(req.query.programmeId, 'StudyProgramme');
    if (!programmeId) return fail(res, 400, locale, new AppError('INVALID_ID'));
    const mode = req.query.mode === 'save' ? 'save' : 'preview';
    try {
      // Refused before the body is read, like evidence uploads.
      await requireManagedProgramme(db(), ctx, programmeId);
    } catch (error) {
      if (error instanceof AppError) return fail(res, statusOf(error), locale, error);
      throw error;
    }
    const upload = await readUpload(req);
    if (upload.kind === 'unreadable') return fail(res, 400, locale, new AppError('UPLOAD_UNREADABLE'));
    if (upload.kind === 'empty') return fail(res, 400, locale, new AppError('REQUIRED'));
    if (upload.kind === 'too-large')
      return fail(res, 413, locale, new AppError('FILE_TOO_LARGE', { max: MAX_EVIDENCE_MB }));
    let checked: Awaited<ReturnType<typeof readCurriculumFile>>;
    try {
      checked = await readCurriculumFile({ bytes: upload.bytes, fileName: upload.name });
    } catch (error) {
      if (error instanceof CurriculumFileRefusedError) return fail(res, 422, locale, error);
      throw error;
    }
    const errors =
      checked.kind === 'invalid'
        ? checked.errors.map((error) => ({
            row: error.row,
            field: error.field,
            code: error.code,
            message: translateError(error.code, locale, error.params ?? {}),
          }))
        : [];
    const courses = checked.courses;
    const summary = {
      format: checked.format,
      courses,
      errors,
      courseCount: courses.length,
      totalSks: courses.reduce((sum, course) => sum + course.sks, 0),
    };
    if (mode === 'preview') return res.json(summary);
    if (errors.length > 0)
      return res.status(422).json({
        ...summary,
        code: 'CURRICULUM_FILE_INVALID',
        message: translateError('CURRICULUM_FILE_INVALID', locale, { count: errors.length }),
      });
    try {
      const curriculum = await saveCurriculum(ctx, {
        programmeId,
        version: String(req.query.version ?? ''),
        effectiveFrom: String(req.query.effectiveFrom ?? ''),
        sourceFileName: upload.name.slice(0, 200),
        courses,
      });
      res
        .status(201)
        .json({ curriculumId: curriculum.id, courseCount: courses.length, totalSks: summary.totalSks });
    } catch (error) {
      if (error instanceof AppError) {
        const issues = (error as AppError & { issues?: { path: string[]; code: string }[] }).issues;
        if (issues)
          return res.status(400).json({
            code: error.code,
            message: translateError(error.code, locale, error.params),
            issues: issues.map((issue) => ({
              ...issue,
              message: translateError(issue.code as never, locale),
            })),
          });
        return fail(res, statusOf(error), locale, error);
      }
      throw error;
    }
  });

  router.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    console.error(`${req.method} ${req.path} failed`, error);
    if (res.headersSent) return res.destroy();
    fail(res, 500, pickLocale(req.headers['accept-language']), new AppError('INTERNAL'));
  });

  return router;
}
