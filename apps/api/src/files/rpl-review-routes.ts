// RPL decision files: the decree and the assessment minutes as PDF (Indonesian, or English with
// `?lang=en`), the university's logo for its letterhead (upload, remove, read), and the RPL report
// as CSV or XLSX with the console's filters.
import type { Actor } from '@kmg/core/actor';
import { AppError } from '@kmg/core/errors';
import { decodeId } from '@kmg/core/ids';
import { renderDecreePdf, renderMinutesPdf } from '@kmg/core/rpl/review/decrees';
import { rplReport } from '@kmg/core/rpl/review/queue';
import { reportTables, toCsv, toXlsx } from '@kmg/core/rpl/review/report-export';
import { setRplUniversityLogo } from '@kmg/core/rpl/review/staff';
import { db } from '@kmg/db';
import type { Locale } from '@kmg/domain';
import express, { type Request, type Response } from 'express';
import { fileTypeFromBuffer } from 'file-type';
import { discardStoredFile, fail, readUpload, statusOf } from '#files/routes.ts';
import type { Storage } from '#files/storage.ts';

const MAX_LOGO_BYTES = 1024 * 1024;

/** A record's id as the GraphQL API gives it (global id) or the raw uuid. */
function recordId(raw: unknown): string | null {
  const text = String(raw ?? '');
  const direct = decodeId(text);
  if (direct) return direct;
  const decoded = Buffer.from(text, 'base64').toString('utf8');
  const at = decoded.indexOf(':');
  return at > 0 ? decodeId(decoded.slice(at + 1)) : null;
}

/** The university whose logo is changed: an admin names it, staff change their own. */
function universityOf(ctx: Actor, req: Request): string | null {
  if (ctx.viewer?.roles.includes('ADMIN') && req.query.universityId) return recordId(req.query.universityId);
  return ctx.viewer?.organizationId ?? null;
}

const documentLocale = (req: Request): Locale => (req.query.lang === 'en' ? 'en' : 'id');

async function readAll(storage: Storage, key: string): Promise<Uint8Array | null> {
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of await storage.get(key)) chunks.push(Buffer.from(chunk));
    return Buffer.concat(chunks);
  } catch {
    return null;
  }
}

function sendPdf(res: Response, pdf: Buffer, fileName: string) {
  res.setHeader('content-type', 'application/pdf');
  res.setHeader('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(fileName)}`);
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('cache-control', 'private, no-store');
  res.end(pdf);
}

export function rplReviewRoutes({
  storage,
  contextFrom,
  publicUrl,
}: {
  storage: Storage;
  contextFrom: (req: Request) => Promise<Actor>;
  publicUrl: string;
}) {
  const router = express.Router();
  const sameOrigin = (req: Request) =>
    req.headers.origin === publicUrl || req.headers['x-kmg-upload'] === '1';
  const readLogo = (key: string) => readAll(storage, key);

  /** Runs a handler, answering an expected refusal in the viewer's language. */
  const guarded =
    (handler: (req: Request, res: Response, ctx: Actor) => Promise<void>) =>
    async (req: Request, res: Response) => {
      const ctx = await contextFrom(req);
      if (!ctx.viewer) return fail(res, 401, ctx.locale, new AppError('UNAUTHENTICATED'));
      try {
        await handler(req, res, ctx);
      } catch (error) {
        if (error instanceof AppError) return fail(res, statusOf(error), ctx.locale, error);
        throw error;
      }
    };

  router.get(
    '/api/rpl/decrees/:id.pdf',
    guarded(async (req, res, ctx) => {
      const decreeId = decodeId(String(req.params.id));
      if (!decreeId) return fail(res, 404, ctx.locale, new AppError('NOT_FOUND'));
      const locale = documentLocale(req);
      const { pdf, number } = await renderDecreePdf(ctx, {
        decreeId,
        locale,
        readLogo,
        client: db() as never,
      });
      sendPdf(res, pdf, `${locale === 'en' ? 'decree' : 'sk'}-rpl-${number.replace(/[^\w.-]+/g, '-')}.pdf`);
    }),
  );

  router.get(
    '/api/rpl/cases/:id/minutes.pdf',
    guarded(async (req, res, ctx) => {
      const applicationId = recordId(req.params.id);
      if (!applicationId) return fail(res, 404, ctx.locale, new AppError('NOT_FOUND'));
      const locale = documentLocale(req);
      const { pdf, reference } = await renderMinutesPdf(ctx, {
        applicationId,
        locale,
        readLogo,
        client: db() as never,
      });
      sendPdf(
        res,
        pdf,
        `${locale === 'en' ? 'assessment-minutes' : 'berita-acara-asesmen'}-${reference}.pdf`,
      );
    }),
  );

  // The letterhead's logo: PNG or JPEG up to 1 MB, the type read from the bytes.
  router.post(
    '/api/rpl/universities/logo',
    guarded(async (req, res, ctx) => {
      if (!sameOrigin(req)) return fail(res, 403, ctx.locale, new AppError('FORBIDDEN'));
      const universityId = universityOf(ctx, req);
      if (!universityId) return fail(res, 404, ctx.locale, new AppError('NOT_FOUND'));
      const upload = await readUpload(req);
      if (upload.kind === 'unreadable') return fail(res, 400, ctx.locale, new AppError('UPLOAD_UNREADABLE'));
      if (upload.kind === 'empty') return fail(res, 400, ctx.locale, new AppError('REQUIRED'));
      if (upload.kind === 'too-large' || upload.bytes.length > MAX_LOGO_BYTES)
        return fail(res, 413, ctx.locale, new AppError('FILE_TOO_LARGE', { max: 1 }));
      const detected = await fileTypeFromBuffer(upload.bytes);
      if (!detected || !['image/png', 'image/jpeg'].includes(detected.mime))
        return fail(res, 415, ctx.locale, new AppError('RPL_LOGO_FILE_TYPE'));
      const storageKey = await storage.put({
        bytes: upload.bytes,
        mimeType: detected.mime,
        extension: detected.ext,
      });
      try {
        const { previousKey } = await setRplUniversityLogo(ctx, {
          universityId,
          storageKey,
          mimeType: detected.mime,
        });
        if (previousKey) await discardStoredFile(storage, previousKey);
      } catch (error) {
        await discardStoredFile(storage, storageKey);
        throw error;
      }
      res.status(201).json({ logoUrl: `/api/rpl/universities/${universityId}/logo` });
    }),
  );

  router.delete(
    '/api/rpl/universities/logo',
    guarded(async (req, res, ctx) => {
      if (!sameOrigin(req)) return fail(res, 403, ctx.locale, new AppError('FORBIDDEN'));
      const universityId = universityOf(ctx, req);
      if (!universityId) return fail(res, 404, ctx.locale, new AppError('NOT_FOUND'));
      const { previousKey } = await setRplUniversityLogo(ctx, {
        universityId,
        storageKey: null,
        mimeType: null,
      });
      if (previousKey) await discardStoredFile(storage, previousKey);
      res.status(204).end();
    }),
  );

  // Logos are printed on public documents: anyone may read them.
  router.get('/api/rpl/universities/:id/logo', async (req, res) => {
    const universityId = decodeId(String(req.params.id));
    const settings = universityId
      ? await db().rplUniversitySettings.findUnique({ where: { universityId } })
      : null;
    const bytes = settings?.logoStorageKey ? await readLogo(settings.logoStorageKey) : null;
    if (!settings?.logoMimeType || !bytes) return res.status(404).end();
    res.setHeader('content-type', settings.logoMimeType);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('cache-control', 'public, max-age=300');
    res.end(Buffer.from(bytes));
  });

  // The report: CSV (one table, `table=programmes|assessors|reasons`) or XLSX (all three sheets).
  router.get(
    /^\/api\/rpl\/reports\.(csv|xlsx)$/,
    guarded(async (req, res, ctx) => {
      const format = req.path.endsWith('.xlsx') ? 'xlsx' : 'csv';
      const report = await rplReport(ctx, {
        universityId: req.query.universityId ? recordId(req.query.universityId) : null,
        programmeId: req.query.programmeId ? recordId(req.query.programmeId) : null,
        intakeId: req.query.intakeId ? recordId(req.query.intakeId) : null,
      });
      if (!report) return fail(res, 403, ctx.locale, new AppError('FORBIDDEN'));
      const locale = documentLocale(req);
      const tables = reportTables(report, locale);
      const stamp = ctx.now.toISOString().slice(0, 10);
      res.setHeader('cache-control', 'private, no-store');
      if (format === 'xlsx') {
        res.setHeader('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        res.setHeader('content-disposition', `attachment; filename="laporan-rpl-${stamp}.xlsx"`);
        res.end(await toXlsx(tables));
        return;
      }
      const index = { programmes: 0, assessors: 1, reasons: 2 }[String(req.query.table ?? 'programmes')] ?? 0;
      const table = tables[index] as (typeof tables)[number];
      res.setHeader('content-type', 'text/csv; charset=utf-8');
      res.setHeader(
        'content-disposition',
        `attachment; filename="laporan-rpl-${['prodi', 'asesor', 'alasan'][index]}-${stamp}.csv"`,
      );
      res.end(toCsv(table));
    }),
  );

  return router;
}
