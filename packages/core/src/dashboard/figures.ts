// The programme dashboard's figures, aggregated in PostgreSQL: one SQL statement per view (funnel,
// breakdowns, provinces, providers, SKKNI units), all built on the same filtered calls and
// applications (`base`). The applications' stages come from the summary table the queue keeps
// (facts.ts, where the stage definitions are written as SQL); calls and seats are read live.
import { db, Prisma } from '@kmg/db';
import { type BreakdownDimension, findProvince, NOT_STATED, percentOf } from '@kmg/domain';
import { type Actor, hasRole } from '#actor.ts';
import { requireViewer } from '#applications/common.ts';
import { provinceRegions } from '#dashboard/facts.ts';
import { NotAllowedError, ValidationError } from '#errors.ts';
import { requireId } from '#ids.ts';

export type DashboardFilter = {
  year?: number | null;
  skillAreaId?: string | null;
  /** Applicants' school province for the application stages; the venue's for calls and seats. */
  province?: string | null;
  providerId?: string | null;
};

/** The filters as a URL or the API gives them; a malformed one is a field error, never a 500. */
export function parseDashboardFilter(raw: {
  year?: number | string | null;
  skillAreaId?: string | null;
  province?: string | null;
  providerId?: string | null;
}): DashboardFilter {
  const year = raw.year === null || raw.year === undefined || raw.year === '' ? null : Number(raw.year);
  if (year !== null && !(Number.isInteger(year) && year >= 2000 && year <= 2100))
    throw new ValidationError([{ path: ['year'], code: 'INVALID_FORMAT' }]);
  if (raw.province && !findProvince(raw.province))
    throw new ValidationError([{ path: ['province'], code: 'INVALID_FORMAT' }]);
  return {
    year,
    skillAreaId: raw.skillAreaId ? requireId(raw.skillAreaId, ['skillAreaId']) : null,
    province: raw.province || null,
    providerId: raw.providerId ? requireId(raw.providerId, ['providerId']) : null,
  };
}

/** Whose numbers the viewer sees: everything, some programmes, one provider's calls, one school. */
export type DashboardScope =
  | { kind: 'all' }
  | { kind: 'programmes'; ids: string[] }
  | { kind: 'provider'; organizationId: string }
  | { kind: 'school'; organizationId: string };

/**
 * Admins see everything, program managers the programmes they manage, provider staff their
 * organisation's calls, principals their school's teachers; anyone else is refused.
 */
export async function dashboardScope(ctx: Actor): Promise<DashboardScope> {
  const viewer = requireViewer(ctx);
  if (hasRole(viewer, 'ADMIN')) return { kind: 'all' };
  if (hasRole(viewer, 'PROGRAM_MANAGER'))
    return { kind: 'programmes', ids: [...(await ctx.managedProgrammeIds())] };
  if (hasRole(viewer, 'PROVIDER_STAFF') && viewer.organizationId)
    return { kind: 'provider', organizationId: viewer.organizationId };
  if (hasRole(viewer, 'PRINCIPAL') && viewer.organizationId)
    return { kind: 'school', organizationId: viewer.organizationId };
  throw new NotAllowedError('FORBIDDEN');
}

const uuidList = (ids: string[]) =>
  ids.length ? Prisma.join(ids.map((id) => Prisma.sql`${id}::uuid`)) : Prisma.sql`NULL::uuid`;

/**
 * The filtered calls (`calls`, live) and their applications' facts (`flags`, from the summary
 * table the queue keeps: facts.ts): the CTEs every view starts from.
 */
function base(scope: DashboardScope, filter: DashboardFilter) {
  const callConditions = [Prisma.sql`c.status NOT IN ('DRAFT', 'CANCELLED')`];
  // The same filters on the facts' copies of the call's columns: no join with the calls.
  const appConditions = [Prisma.sql`TRUE`];
  const both = (call: Prisma.Sql, app: Prisma.Sql) => {
    callConditions.push(call);
    appConditions.push(app);
  };
  if (filter.year) both(Prisma.sql`p.year = ${filter.year}`, Prisma.sql`f.year = ${filter.year}`);
  if (filter.skillAreaId)
    both(
      Prisma.sql`c.skill_area_id = ${filter.skillAreaId}::uuid`,
      Prisma.sql`f.skill_area_id = ${filter.skillAreaId}::uuid`,
    );
  if (filter.providerId)
    both(
      Prisma.sql`c.provider_id = ${filter.providerId}::uuid`,
      Prisma.sql`f.provider_id = ${filter.providerId}::uuid`,
    );
  if (scope.kind === 'programmes')
    both(
      Prisma.sql`c.programme_id IN (${uuidList(scope.ids)})`,
      Prisma.sql`f.programme_id IN (${uuidList(scope.ids)})`,
    );
  if (scope.kind === 'provider')
    both(
      Prisma.sql`c.provider_id = ${scope.organizationId}::uuid`,
      Prisma.sql`f.provider_id = ${scope.organizationId}::uuid`,
    );
  if (scope.kind === 'school')
    both(
      Prisma.sql`EXISTS (SELECT 1 FROM applications x WHERE x.call_id = c.id AND x.school_id = ${scope.organizationId}::uuid)`,
      Prisma.sql`f.school_id = ${scope.organizationId}::uuid`,
    );
  const venue = filter.province ? Prisma.sql`c.province = ${filter.province}` : Prisma.sql`TRUE`;
  if (filter.province) appConditions.push(Prisma.sql`f.school_province = ${filter.province}`);
  return Prisma.sql`
    scoped_calls AS (
      SELECT c.id, c.seats, c.province, c.provider_id, c.skill_area_id
      FROM training_calls c JOIN programmes p ON p.id = c.programme_id
      WHERE ${Prisma.join(callConditions, ' AND ')}
    ),
    calls AS (SELECT c.* FROM scoped_calls c WHERE ${venue}),
    regions(code, region) AS (VALUES ${provinceRegions}),
    -- Inlined where it is used: the funnel's pathway and RPL counts then look up only the few
    -- applications they need (by key) instead of scanning a copy of every row.
    flags AS NOT MATERIALIZED (
      SELECT f.*, f.application_id AS id FROM dashboard_application_facts f
      WHERE ${Prisma.join(appConditions, ' AND ')}
    )`;
}

const count = (value: bigint | number | null | undefined) => Number(value ?? 0);

export type Funnel = {
  calls: number;
  seats: number;
  applications: number;
  eligible: number;
  endorsed: number;
  selected: number;
  confirmed: number;
  attended: number;
  completed: number;
  credentials: number;
  pathways: number;
  rplSks: number;
  /** Teachers with at least one such RPL case. */
  rplTeachers: number;
  disseminationReported: number;
  disseminationVerified: number;
  teachersReached: number;
  studentsReached: number;
};

export async function dashboardFunnel(scope: DashboardScope, filter: DashboardFilter): Promise<Funnel> {
  const [row] = await db().$queryRaw<Record<keyof Funnel, bigint>[]>`
    WITH ${base(scope, filter)},
    rpl AS (
      SELECT r.teacher_id, r.recognised_sks FROM rpl_applications r
      WHERE r.decided_at IS NOT NULL AND EXISTS (
        SELECT 1 FROM rpl_application_credentials rc
        JOIN credentials k ON k.id = rc.credential_id JOIN flags f ON f.id = k.application_id
        WHERE rc.application_id = r.id)
    )
    SELECT (SELECT COUNT(*) FROM calls) AS calls,
           (SELECT COALESCE(SUM(seats), 0) FROM calls) AS seats,
           COUNT(*) AS applications,
           COUNT(*) AS eligible,
           COUNT(*) FILTER (WHERE endorsed) AS endorsed,
           COUNT(*) FILTER (WHERE selected) AS selected,
           COUNT(*) FILTER (WHERE confirmed) AS confirmed,
           COUNT(*) FILTER (WHERE attended) AS attended,
           COUNT(*) FILTER (WHERE completed) AS completed,
           COUNT(*) FILTER (WHERE credentialed) AS credentials,
           (SELECT COUNT(DISTINCT cc.credential_id) FROM credential_components cc
              JOIN credentials aw ON aw.id = cc.credential_id AND aw.kind = 'PATHWAY'
              JOIN credentials k ON k.id = cc.component_id JOIN flags f ON f.id = k.application_id) AS pathways,
           (SELECT COALESCE(SUM(recognised_sks), 0) FROM rpl) AS "rplSks",
           (SELECT COUNT(DISTINCT teacher_id) FROM rpl) AS "rplTeachers",
           COALESCE(SUM(reports_submitted), 0) AS "disseminationReported",
           COALESCE(SUM(reports_verified), 0) AS "disseminationVerified",
           COALESCE(SUM(teachers_reached), 0) AS "teachersReached",
           COALESCE(SUM(students_reached), 0) AS "studentsReached"
    FROM flags`;
  return Object.fromEntries(Object.entries(row ?? {}).map(([key, value]) => [key, count(value)])) as Funnel;
}

export type BreakdownRow = {
  dimension: BreakdownDimension;
  /** The id or enum value; `NONE` when not stated. */
  key: string;
  /** Skill area and provider names (Indonesian, English); null for enum values. */
  nameId: string | null;
  nameEn: string | null;
  calls: number | null;
  seats: number | null;
  applications: number;
  selected: number;
  confirmed: number;
  completed: number;
  credentials: number;
};

/** Applications by skill area, provider, school status, gender and region: one GROUPING SETS query. */
export async function dashboardBreakdowns(
  scope: DashboardScope,
  filter: DashboardFilter,
): Promise<BreakdownRow[]> {
  const rows = await db().$queryRaw<
    (Omit<BreakdownRow, 'calls' | 'seats'> & { calls: bigint | null; seats: bigint | null })[]
  >`
    WITH ${base(scope, filter)},
    app_groups AS (
      SELECT CASE WHEN GROUPING(f.skill_area_id) = 0 THEN 'skillArea'
                  WHEN GROUPING(f.provider_id) = 0 THEN 'provider'
                  WHEN GROUPING(f.school_status) = 0 THEN 'schoolStatus'
                  WHEN GROUPING(f.gender) = 0 THEN 'gender' ELSE 'region' END AS dimension,
             COALESCE(f.skill_area_id::text, f.provider_id::text, f.school_status::text, f.gender::text,
                      f.region, ${NOT_STATED}) AS key,
             COUNT(*) AS applications,
             COUNT(*) FILTER (WHERE f.selected) AS selected,
             COUNT(*) FILTER (WHERE f.confirmed) AS confirmed,
             COUNT(*) FILTER (WHERE f.completed) AS completed,
             COUNT(*) FILTER (WHERE f.credentialed) AS credentials
      FROM flags f
      GROUP BY GROUPING SETS ((f.skill_area_id), (f.provider_id), (f.school_status), (f.gender), (f.region))
    ),
    call_groups AS (
      SELECT CASE WHEN GROUPING(c.skill_area_id) = 0 THEN 'skillArea' ELSE 'provider' END AS dimension,
             COALESCE(c.skill_area_id::text, c.provider_id::text) AS key,
             COUNT(*) AS calls, SUM(c.seats) AS seats
      FROM calls c GROUP BY GROUPING SETS ((c.skill_area_id), (c.provider_id))
    )
    SELECT COALESCE(g.dimension, cg.dimension) AS dimension, COALESCE(g.key, cg.key) AS key,
           COALESCE(sa.name_id, o.name) AS "nameId", COALESCE(sa.name_en, o.name) AS "nameEn",
           CASE WHEN COALESCE(g.dimension, cg.dimension) IN ('skillArea', 'provider')
                THEN COALESCE(cg.calls, 0) END AS calls,
           CASE WHEN COALESCE(g.dimension, cg.dimension) IN ('skillArea', 'provider')
                THEN COALESCE(cg.seats, 0) END AS seats,
           COALESCE(g.applications, 0) AS applications, COALESCE(g.selected, 0) AS selected,
           COALESCE(g.confirmed, 0) AS confirmed, COALESCE(g.completed, 0) AS completed,
           COALESCE(g.credentials, 0) AS credentials
    FROM app_groups g
    FULL JOIN call_groups cg ON cg.dimension = g.dimension AND cg.key = g.key
    LEFT JOIN skill_areas sa ON COALESCE(g.dimension, cg.dimension) = 'skillArea' AND sa.id::text = COALESCE(g.key, cg.key)
    LEFT JOIN organizations o ON COALESCE(g.dimension, cg.dimension) = 'provider' AND o.id::text = COALESCE(g.key, cg.key)
    ORDER BY 1, COALESCE(sa.sort_order, 0), 3, 2`;
  return rows.map((row) => ({
    ...row,
    calls: row.calls === null ? null : count(row.calls),
    seats: row.seats === null ? null : count(row.seats),
    applications: count(row.applications),
    selected: count(row.selected),
    confirmed: count(row.confirmed),
    completed: count(row.completed),
    credentials: count(row.credentials),
  }));
}

export type ProvinceRow = {
  province: string;
  /** Distinct teachers from the province's schools who applied. */
  applicants: number;
  /** Seats of calls held in the province. */
  seats: number;
  calls: number;
  /** Applicants per seat held in the province; null without seats. */
  applicantsPerSeat: number | null;
  /** Distinct teachers from the province's schools who completed a training. */
  trained: number;
};

/** Every province, with or without calls: where teachers apply and where seats are. */
export async function dashboardProvinces(
  scope: DashboardScope,
  filter: DashboardFilter,
): Promise<ProvinceRow[]> {
  const rows = await db().$queryRaw<
    { province: string; applicants: bigint; seats: bigint; calls: bigint; trained: bigint }[]
  >`
    WITH ${base(scope, filter)},
    -- Distinct teachers by grouping twice (hashed), not by sorting 200,000 rows for DISTINCT.
    per_teacher AS (
      SELECT school_province, teacher_id, bool_or(completed) AS trained
      FROM flags GROUP BY school_province, teacher_id
    ),
    teachers AS (
      SELECT school_province AS province, COUNT(*) AS applicants, COUNT(*) FILTER (WHERE trained) AS trained
      FROM per_teacher GROUP BY school_province
    ),
    venues AS (SELECT province, COUNT(*) AS calls, SUM(seats) AS seats FROM calls GROUP BY province)
    SELECT r.code AS province, COALESCE(t.applicants, 0) AS applicants, COALESCE(v.seats, 0) AS seats,
           COALESCE(v.calls, 0) AS calls, COALESCE(t.trained, 0) AS trained
    FROM regions r
    LEFT JOIN teachers t ON t.province = r.code
    LEFT JOIN venues v ON v.province = r.code
    ORDER BY r.code`;
  return rows
    .filter((row) => !filter.province || row.province === filter.province)
    .map((row) => {
      const seats = count(row.seats);
      const applicants = count(row.applicants);
      return {
        province: row.province,
        applicants,
        seats,
        calls: count(row.calls),
        applicantsPerSeat: seats > 0 ? Math.round((applicants / seats) * 10) / 10 : null,
        trained: count(row.trained),
      };
    });
}

export type ProviderRow = {
  providerId: string;
  name: string;
  calls: number;
  confirmed: number;
  completed: number;
  /** Completed of confirmed, percent. */
  completionRate: number | null;
  credentials: number;
  revoked: number;
  kompeten: number;
  belumKompeten: number;
  /** Kompeten of all unit decisions, percent. */
  kompetenRate: number | null;
  /** Teachers' ratings of these trainings, and their mean stars to one decimal (null: none). */
  ratings: number;
  ratingAverage: number | null;
};

export async function dashboardProviders(
  scope: DashboardScope,
  filter: DashboardFilter,
): Promise<ProviderRow[]> {
  const rows = await db().$queryRaw<
    {
      providerId: string;
      name: string;
      calls: bigint;
      confirmed: bigint;
      completed: bigint;
      credentials: bigint;
      revoked: bigint;
      kompeten: bigint;
      belumKompeten: bigint;
      ratings: bigint;
      starsTotal: bigint;
    }[]
  >`
    WITH ${base(scope, filter)},
    per_app AS (
      SELECT provider_id, COUNT(*) FILTER (WHERE confirmed) AS confirmed,
             COUNT(*) FILTER (WHERE completed) AS completed,
             COUNT(*) FILTER (WHERE credentialed) AS credentials,
             COUNT(*) FILTER (WHERE revoked) AS revoked,
             SUM(kompeten) AS kompeten, SUM(belum_kompeten) AS belum_kompeten,
             COUNT(rating_stars) AS ratings, SUM(rating_stars) AS stars_total
      FROM flags GROUP BY provider_id
    ),
    per_call AS (SELECT provider_id, COUNT(*) AS calls FROM calls GROUP BY provider_id)
    SELECT o.id AS "providerId", o.name, COALESCE(pc.calls, 0) AS calls, COALESCE(pa.confirmed, 0) AS confirmed,
           COALESCE(pa.completed, 0) AS completed, COALESCE(pa.credentials, 0) AS credentials,
           COALESCE(pa.revoked, 0) AS revoked, COALESCE(pa.kompeten, 0) AS kompeten,
           COALESCE(pa.belum_kompeten, 0) AS "belumKompeten",
           COALESCE(pa.ratings, 0) AS ratings, COALESCE(pa.stars_total, 0) AS "starsTotal"
    FROM per_call pc
    FULL JOIN per_app pa ON pa.provider_id = pc.provider_id
    JOIN organizations o ON o.id = COALESCE(pc.provider_id, pa.provider_id)
    ORDER BY o.name`;
  return rows.map((row) => {
    const confirmed = count(row.confirmed);
    const completed = count(row.completed);
    const kompeten = count(row.kompeten);
    const belumKompeten = count(row.belumKompeten);
    return {
      providerId: row.providerId,
      name: row.name,
      calls: count(row.calls),
      confirmed,
      completed,
      completionRate: percentOf(completed, confirmed),
      credentials: count(row.credentials),
      revoked: count(row.revoked),
      kompeten,
      belumKompeten,
      kompetenRate: percentOf(kompeten, kompeten + belumKompeten),
      ratings: count(row.ratings),
      ratingAverage:
        count(row.ratings) === 0 ? null : Math.round((count(row.starsTotal) * 10) / count(row.ratings)) / 10,
    };
  });
}

export type UnitRow = {
  providerId: string;
  providerName: string;
  code: string;
  title: string;
  kompeten: number;
  belumKompeten: number;
  kompetenRate: number | null;
  belumKompetenRate: number | null;
};

/** Kompeten / Belum Kompeten decisions per provider and SKKNI unit. */
export async function dashboardUnits(scope: DashboardScope, filter: DashboardFilter): Promise<UnitRow[]> {
  const rows = await db().$queryRaw<
    {
      providerId: string;
      providerName: string;
      code: string;
      title: string;
      kompeten: bigint;
      belumKompeten: bigint;
    }[]
  >`
    WITH ${base(scope, filter)},
    -- Counted per provider and unit first; names are joined to the dozen rows that gives.
    decisions AS (
      SELECT f.provider_id, u.code, COUNT(*) FILTER (WHERE ua.decision = 'KOMPETEN') AS kompeten,
             COUNT(*) FILTER (WHERE ua.decision = 'BELUM_KOMPETEN') AS belum_kompeten
      FROM flags f
      JOIN unit_assessments ua ON ua.application_id = f.id
      JOIN competency_units u ON u.id = ua.unit_id AND u.call_id = f.call_id
      GROUP BY f.provider_id, u.code
    )
    SELECT d.provider_id AS "providerId", o.name AS "providerName", d.code, k.title_id AS title,
           d.kompeten, d.belum_kompeten AS "belumKompeten"
    FROM decisions d
    JOIN skkni_units k ON k.code = d.code
    JOIN organizations o ON o.id = d.provider_id
    ORDER BY o.name, d.code`;
  return rows.map((row) => {
    const kompeten = count(row.kompeten);
    const belumKompeten = count(row.belumKompeten);
    return {
      ...row,
      kompeten,
      belumKompeten,
      kompetenRate: percentOf(kompeten, kompeten + belumKompeten),
      belumKompetenRate: percentOf(belumKompeten, kompeten + belumKompeten),
    };
  });
}

export type Dashboard = {
  scope: DashboardScope['kind'];
  filter: DashboardFilter;
  funnel: Funnel;
  breakdowns: BreakdownRow[];
  provinces: ProvinceRow[];
  providers: ProviderRow[];
  units: UnitRow[];
};

/** Every view of the dashboard for the viewer's scope; a principal gets the school summary only. */
export async function loadDashboard(ctx: Actor, filter: DashboardFilter): Promise<Dashboard> {
  const scope = await dashboardScope(ctx);
  if (scope.kind === 'school') throw new NotAllowedError('FORBIDDEN');
  // Provider staff may not look at another provider's calls by naming it.
  const effective = scope.kind === 'provider' ? { ...filter, providerId: scope.organizationId } : filter;
  const [funnel, breakdowns, provinceRows, providers, units] = await Promise.all([
    dashboardFunnel(scope, effective),
    dashboardBreakdowns(scope, effective),
    dashboardProvinces(scope, effective),
    dashboardProviders(scope, effective),
    dashboardUnits(scope, effective),
  ]);
  return {
    scope: scope.kind,
    filter: effective,
    funnel,
    breakdowns,
    provinces: provinceRows,
    providers,
    units,
  };
}

/** A principal's own school: its teachers' funnel for a programme year. */
export async function loadSchoolFigures(ctx: Actor, filter: Pick<DashboardFilter, 'year'>) {
  const scope = await dashboardScope(ctx);
  if (scope.kind !== 'school') throw new NotAllowedError('FORBIDDEN');
  return dashboardFunnel(scope, { year: filter.year ?? null });
}

/** What the filters offer: programme years, skill areas, and the providers the viewer may see. */
export async function dashboardOptions(ctx: Actor) {
  const scope = await dashboardScope(ctx);
  if (scope.kind === 'school') throw new NotAllowedError('FORBIDDEN');
  const callWhere: Prisma.TrainingCallWhereInput =
    scope.kind === 'programmes'
      ? { programmeId: { in: scope.ids } }
      : scope.kind === 'provider'
        ? { providerId: scope.organizationId }
        : {};
  const [years, skillAreas, providers] = await Promise.all([
    db().programme.groupBy({ by: ['year'], orderBy: { year: 'desc' } }),
    db().skillArea.findMany({ orderBy: [{ sortOrder: 'asc' }, { nameId: 'asc' }] }),
    db().organization.findMany({
      where: { kind: 'PROVIDER', providedCalls: { some: callWhere } },
      select: { id: true, name: true },
      orderBy: { name: 'asc' },
    }),
  ]);
  return { years: years.map((y) => y.year), skillAreas, providers };
}
