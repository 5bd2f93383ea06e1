// Teachers trained per province, for the programme's map. The denominator is the teachers
// registered on KMG in the province (there are no official SMK-teacher counts offline): a
// province where few teachers registered can look well served; the page says so.
import { db, Prisma } from '@kmg/db';
import { findProvince, provinces } from '@kmg/domain';
import type { Actor } from '#actor.ts';
import { hasRole } from '#actor.ts';
import { NotAllowedError } from '#errors.ts';

export type ProvinceTrainingFigure = {
  provinceCode: string;
  provinceName: string;
  /** Teachers of the province's schools holding at least one standing training credential. */
  teachersTrained: number;
  /** Teachers of the province's schools registered on KMG. */
  teachersRegistered: number;
  /** Trained per 1,000 registered; null when none registered. */
  trainedPerThousand: number | null;
};

/**
 * Every province (38, also those with no teacher), counting credentials of the programmes the
 * viewer manages (admins: all). A teacher counts in the province of their current school.
 */
export async function findProvinceTrainingFigures(ctx: Actor): Promise<ProvinceTrainingFigure[]> {
  const isAdmin = hasRole(ctx.viewer, 'ADMIN');
  if (!isAdmin && !hasRole(ctx.viewer, 'PROGRAM_MANAGER')) throw new NotAllowedError('FORBIDDEN');
  const programmeIds = isAdmin ? null : [...(await ctx.managedProgrammeIds())];
  const programmeFilter =
    programmeIds === null ? Prisma.empty : Prisma.sql`AND tc.programme_id = ANY(${programmeIds}::uuid[])`;
  const rows = await db().$queryRaw<{ province: string; registered: number; trained: number }[]>`
    SELECT o.province,
           count(*)::int AS registered,
           count(*) FILTER (WHERE EXISTS (
             SELECT 1 FROM credentials c
             JOIN applications a ON a.id = c.application_id
             JOIN training_calls tc ON tc.id = a.call_id
             WHERE c.teacher_id = tp.user_id AND c.kind = 'TRAINING' AND c.revoked_at IS NULL
             ${programmeFilter}
           ))::int AS trained
    FROM teacher_profiles tp
    JOIN organizations o ON o.id = tp.school_id
    WHERE o.province IS NOT NULL
    GROUP BY o.province`;
  const byProvince = new Map(rows.map((row) => [row.province, row]));
  return provinces.map((province) => {
    const row = byProvince.get(province.code);
    const registered = row?.registered ?? 0;
    const trained = row?.trained ?? 0;
    return {
      provinceCode: province.code,
      provinceName: findProvince(province.code)?.name ?? province.name,
      teachersTrained: trained,
      teachersRegistered: registered,
      trainedPerThousand: registered > 0 ? Math.round((trained / registered) * 10000) / 10 : null,
    };
  });
}
