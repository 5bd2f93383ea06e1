// The dashboard's summary table (issue 14, part 4): one row per application with the funnel
// stages it reached, recomputed by the queue from the sources, so a national year's dashboard is
// a scan of one narrow table instead of 200,000 applications' attendance, unit decisions,
// credentials and reports counted again for every view. The figures lag the sources by one
// refresh; the page says by how much (`dashboardFreshness`).
import { db, Prisma } from '@kmg/db';
import { NOT_STATED, provinces, regionOfProvince } from '@kmg/domain';
import { inTransaction } from '#transaction.ts';

/** `province code -> region` as a SQL VALUES list, from the domain's province list. */
export const provinceRegions = Prisma.join(
  provinces.map((p) => Prisma.sql`(${p.code}, ${regionOfProvince(p.code)})`),
);

/** The tables the facts are computed from: a change to any of them calls for a refresh. */
const SOURCES = [
  'applications',
  'attendance',
  'unit_assessments',
  'credentials',
  'dissemination_reports',
  'training_ratings',
  'training_calls',
  'training_days',
  'competency_units',
  'organizations',
  'teacher_profiles',
];

const COLUMNS = [
  'application_id',
  'call_id',
  'programme_id',
  'year',
  'provider_id',
  'skill_area_id',
  'teacher_id',
  'school_id',
  'school_province',
  'school_status',
  'gender',
  'region',
  'endorsed',
  'selected',
  'confirmed',
  'attended',
  'completed',
  'credentialed',
  'revoked',
  'kompeten',
  'belum_kompeten',
  'rating_stars',
  'reports_submitted',
  'reports_verified',
  'teachers_reached',
  'students_reached',
] as const;

/**
 * Every application's facts, in `COLUMNS` order. Each count is grouped once over its whole table
 * (hash aggregates), not looked up per application. Each stage includes the later ones (a status
 * or a timestamp), so the funnel never widens; the stages are the domain's
 * `funnelStageDefinitions`, and this is their SQL.
 */
const factsSelect = Prisma.sql`
  WITH regions(code, region) AS (VALUES ${provinceRegions}),
  calls AS MATERIALIZED (
    SELECT c.id, c.programme_id, p.year, c.provider_id, c.skill_area_id, c.assessment_kind,
           c.min_attendance_percent,
           (SELECT COUNT(*) FROM training_days d WHERE d.call_id = c.id) AS days,
           (SELECT COUNT(*) FROM competency_units u WHERE u.call_id = c.id) AS units
    FROM training_calls c JOIN programmes p ON p.id = c.programme_id
    WHERE c.status NOT IN ('DRAFT', 'CANCELLED')
  ),
  att AS (
    SELECT t.application_id, COUNT(*) AS recorded, COUNT(*) FILTER (WHERE t.present) AS present
    FROM attendance t JOIN training_days d ON d.id = t.day_id
    JOIN applications a ON a.id = t.application_id AND a.call_id = d.call_id
    GROUP BY t.application_id
  ),
  decisions AS (
    SELECT ua.application_id, COUNT(*) FILTER (WHERE ua.decision = 'KOMPETEN') AS kompeten,
           COUNT(*) FILTER (WHERE ua.decision = 'BELUM_KOMPETEN') AS belum_kompeten
    FROM unit_assessments ua JOIN competency_units u ON u.id = ua.unit_id
    JOIN applications a ON a.id = ua.application_id AND a.call_id = u.call_id
    GROUP BY ua.application_id
  ),
  creds AS (
    SELECT application_id, bool_or(revoked_at IS NOT NULL) AS revoked FROM credentials
    WHERE application_id IS NOT NULL GROUP BY application_id
  ),
  reports AS (
    SELECT application_id, COUNT(*) FILTER (WHERE submitted_at IS NOT NULL) AS submitted,
           COUNT(*) FILTER (WHERE status = 'VERIFIED') AS verified,
           COALESCE(SUM(teachers_reached) FILTER (WHERE status = 'VERIFIED'), 0) AS teachers,
           COALESCE(SUM(students_reached) FILTER (WHERE status = 'VERIFIED'), 0) AS students
    FROM dissemination_reports GROUP BY application_id
  ),
  staged AS (
    SELECT a.*, c.programme_id, c.year, c.provider_id, c.skill_area_id, c.assessment_kind,
           c.min_attendance_percent, c.days, c.units,
           (a.endorsed_at IS NOT NULL AND a.status <> 'NOT_ENDORSED'
             OR a.accepted_at IS NOT NULL OR a.confirmed_at IS NOT NULL
             OR a.status IN ('ENDORSED', 'WAITLISTED', 'REJECTED', 'ACCEPTED', 'CONFIRMED', 'DECLINED', 'LAPSED'))
             AS endorsed,
           (a.accepted_at IS NOT NULL OR a.confirmed_at IS NOT NULL
             OR a.status IN ('ACCEPTED', 'CONFIRMED', 'DECLINED', 'LAPSED')) AS selected,
           (a.confirmed_at IS NOT NULL OR a.status = 'CONFIRMED') AS confirmed
    FROM applications a JOIN calls c ON c.id = a.call_id
  )
  SELECT a.id, a.call_id, a.programme_id, a.year, a.provider_id, a.skill_area_id, a.teacher_id, a.school_id, s.province, s.school_status, tp.gender,
         COALESCE(r.region, ${NOT_STATED}), a.endorsed, a.selected, a.confirmed,
         a.confirmed AND COALESCE(att.present, 0) > 0,
         a.confirmed AND a.days > 0 AND COALESCE(att.recorded, 0) = a.days
           AND ROUND(att.present * 1000.0 / a.days) / 10 >= a.min_attendance_percent
           AND (a.assessment_kind = 'TRAINING' OR COALESCE(d.kompeten, 0) = a.units),
         k.application_id IS NOT NULL, COALESCE(k.revoked, FALSE),
         COALESCE(d.kompeten, 0)::int, COALESCE(d.belum_kompeten, 0)::int, rt.stars,
         COALESCE(rp.submitted, 0)::int, COALESCE(rp.verified, 0)::int,
         COALESCE(rp.teachers, 0)::int, COALESCE(rp.students, 0)::int
  FROM staged a
  LEFT JOIN organizations s ON s.id = a.school_id
  LEFT JOIN teacher_profiles tp ON tp.user_id = a.teacher_id
  LEFT JOIN regions r ON r.code = s.province
  LEFT JOIN att ON att.application_id = a.id
  LEFT JOIN decisions d ON d.application_id = a.id
  LEFT JOIN creds k ON k.application_id = a.id
  LEFT JOIN reports rp ON rp.application_id = a.id
  LEFT JOIN training_ratings rt ON rt.application_id = a.id`;

const columnList = Prisma.raw(COLUMNS.join(', '));
const changed = Prisma.raw(
  COLUMNS.slice(1)
    .map((column) => `${column} = EXCLUDED.${column}`)
    .join(', '),
);
const differs = Prisma.raw(
  `(${COLUMNS.slice(1)
    .map((column) => `f.${column}`)
    .join(', ')}) IS DISTINCT FROM (${COLUMNS.slice(1)
    .map((column) => `EXCLUDED.${column}`)
    .join(', ')})`,
);

/**
 * How many rows of the sources were ever inserted, updated or deleted, by PostgreSQL's own
 * statistics (kept without a write of ours, so no hot row on busy tables). Zero where the
 * statistics are not kept: then every refresh recomputes.
 */
async function changeMark(): Promise<bigint> {
  const [row] = await db().$queryRaw<{ mark: bigint | null }[]>`
    SELECT SUM(n_tup_ins + n_tup_upd + n_tup_del)::bigint AS mark FROM pg_stat_user_tables
    WHERE schemaname = current_schema() AND relname IN (${Prisma.join(SOURCES)})`;
  return row?.mark ?? 0n;
}

const REFRESH_ID = 'facts';

/**
 * Recomputes the facts when a source changed since the last refresh (or always, `force`): rows
 * that differ are rewritten, rows of vanished or cancelled applications removed, in one
 * transaction, so readers see the old figures or the new ones, never half of each. The change
 * count is read before the recomputation: a change it misses shows in the next one.
 */
export async function refreshDashboardFacts(
  options: { force?: boolean } = {},
): Promise<{ refreshed: boolean; tookMs: number }> {
  const started = performance.now();
  const mark = await changeMark();
  const last = await db().dashboardRefresh.findUnique({ where: { id: REFRESH_ID } });
  if (!options.force && last && mark !== 0n && last.changeMark === mark)
    return { refreshed: false, tookMs: Math.round(performance.now() - started) };
  const rewritten = await inTransaction(
    async (tx) => {
      // One refresh at a time, whichever replica's worker runs it.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('kmg.dashboard_application_facts'))`;
      const written = await tx.$executeRaw`
        INSERT INTO dashboard_application_facts AS f (${columnList}) ${factsSelect}
        ON CONFLICT (application_id) DO UPDATE SET ${changed} WHERE ${differs}`;
      const removed = await tx.$executeRaw`
        DELETE FROM dashboard_application_facts f WHERE NOT EXISTS (
          SELECT 1 FROM applications a JOIN training_calls c ON c.id = a.call_id
          WHERE a.id = f.application_id AND c.status NOT IN ('DRAFT', 'CANCELLED'))`;
      const tookMs = Math.round(performance.now() - started);
      await tx.$executeRaw`
        INSERT INTO dashboard_refreshes (id, refreshed_at, took_ms, change_mark)
        VALUES (${REFRESH_ID}, now(), ${tookMs}, ${mark})
        ON CONFLICT (id) DO UPDATE SET refreshed_at = EXCLUDED.refreshed_at,
          took_ms = EXCLUDED.took_ms, change_mark = EXCLUDED.change_mark`;
      return written + removed;
    },
    { maxWait: 60_000, timeout: 600_000 },
  );
  // Many rows rewritten (a new year, a first refresh): the planner's row estimates follow at once,
  // not when autovacuum next comes by. A filtered view planned on an empty table's estimates
  // takes ten times as long.
  if (rewritten >= 1000) await db().$executeRaw`ANALYZE dashboard_application_facts`;
  return { refreshed: true, tookMs: Math.round(performance.now() - started) };
}

/** As of when the dashboard's figures are: the last refresh's time (null: not yet computed). */
export async function dashboardFreshness(): Promise<{ asOf: Date | null; tookMs: number | null }> {
  const last = await db().dashboardRefresh.findUnique({ where: { id: REFRESH_ID } });
  return { asOf: last?.refreshedAt ?? null, tookMs: last?.tookMs ?? null };
}

/**
 * Seconds until the next look for changes: 10, or five times the last refresh's duration when
 * that is longer (a busy national year's refreshes then take at most a sixth of one core), at
 * most a minute: figures are never much more than a minute behind.
 */
export function nextRefreshSeconds(tookMs: number): number {
  return Math.min(60, Math.max(10, Math.ceil((tookMs * 5) / 1000)));
}
