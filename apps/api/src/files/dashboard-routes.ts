// The programme dashboard's exports: `/api/dashboard.csv?table=<name>` (one table) and
// `/api/dashboard.xlsx` (every table, one sheet each; or one with `table`), with the page's filters
// (`year`, `skillArea`, `province`, `provider`) and language (`lang=en`). Same figures as the page.
import type { Actor } from '@kmg/core/actor';
import { type DashboardTableName, dashboardTables, dashboardXlsx, toCsv } from '@kmg/core/dashboard/export';
import { loadDashboard, parseDashboardFilter } from '@kmg/core/dashboard/figures';
import { AppError, ValidationError } from '@kmg/core/errors';
import express, { type Request } from 'express';
import { fail, statusOf } from '#files/routes.ts';

const text = (value: unknown) => (typeof value === 'string' && value ? value : null);

export function dashboardRoutes({ contextFrom }: { contextFrom: (req: Request) => Promise<Actor> }) {
  const router = express.Router();

  router.get(/^\/api\/dashboard\.(csv|xlsx)$/, async (req, res) => {
    const ctx = await contextFrom(req);
    if (!ctx.viewer) return fail(res, 401, ctx.locale, new AppError('UNAUTHENTICATED'));
    try {
      const filter = parseDashboardFilter({
        year: text(req.query.year),
        skillAreaId: text(req.query.skillArea),
        province: text(req.query.province),
        providerId: text(req.query.provider),
      });
      const locale = req.query.lang === 'en' ? 'en' : 'id';
      const all = dashboardTables(await loadDashboard(ctx, filter), locale);
      const name = text(req.query.table) as DashboardTableName | null;
      const tables = name ? all.filter((table) => table.name === name) : all;
      const first = tables[0];
      if (!first) return fail(res, 404, ctx.locale, new AppError('NOT_FOUND'));
      const stamp = ctx.now.toISOString().slice(0, 10);
      const fileName = `dasbor-${name ?? 'semua'}-${stamp}`;
      res.setHeader('cache-control', 'private, no-store');
      if (req.path.endsWith('.xlsx')) {
        res.setHeader('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        res.setHeader('content-disposition', `attachment; filename="${fileName}.xlsx"`);
        res.end(await dashboardXlsx(tables));
        return;
      }
      res.setHeader('content-type', 'text/csv; charset=utf-8');
      res.setHeader('content-disposition', `attachment; filename="${fileName}.csv"`);
      res.end(toCsv(first));
    } catch (error) {
      if (error instanceof AppError)
        return fail(res, error instanceof ValidationError ? 400 : statusOf(error), ctx.locale, error);
      throw error;
    }
  });

  return router;
}
