// "Who could benefit": a programme's estimate for every teacher holding KMG credentials, counted,
// never named (a university learns how many teachers its RPL offer could serve, and with which
// courses, before anyone applies).
import { db } from '@kmg/db';
import { createRecognitionEstimator } from '@kmg/domain';
import type { Actor } from '#actor.ts';
import { NotAllowedError, NotFoundError } from '#errors.ts';
import { loadRplWallets } from '#rpl/engine-input.ts';
import { loadRecognitionSetting } from '#rpl/estimate.ts';
import { canManageUniversity } from '#rules/rpl.ts';

export type ProgrammeProspects = {
  teachersWithCredentials: number;
  teachersWithSks: number;
  /** Teachers per estimated SKS band: [from, to) with the last band open-ended. */
  bands: { fromSks: number; toSks: number | null; teachers: number }[];
  /** The courses most often proposed, with how many teachers. */
  courses: { courseId: string; teachers: number }[];
  cutoffDate: string;
};

const BANDS = [1, 4, 8, 16, 32];

export async function programmeProspects(
  ctx: Actor,
  { programmeId }: { programmeId: string },
): Promise<ProgrammeProspects> {
  if (!ctx.viewer) throw new NotAllowedError('UNAUTHENTICATED');
  const programme = await db().studyProgramme.findUnique({
    where: { id: programmeId },
    select: { universityId: true },
  });
  if (!programme) throw new NotFoundError();
  if (!canManageUniversity(ctx, programme.universityId)) throw new NotAllowedError('FORBIDDEN');
  const setting = await loadRecognitionSetting(db(), { programmeId, intakeId: null, now: ctx.now });
  const estimate = createRecognitionEstimator({
    regulation: setting.regulation,
    programme: setting.loaded.programme,
    rules: setting.rules,
    intake: setting.intake,
  });
  const wallets = await loadRplWallets(db(), null);
  const bandCounts = new Array(BANDS.length).fill(0) as number[];
  const courseCounts = new Map<string, number>();
  let withSks = 0;
  for (const credentials of wallets.values()) {
    const proposal = estimate(credentials);
    if (proposal.kind !== 'proposal' || proposal.totalSks === 0) continue;
    withSks++;
    let band = 0;
    while (band + 1 < BANDS.length && proposal.totalSks >= (BANDS[band + 1] as number)) band++;
    bandCounts[band] = (bandCounts[band] ?? 0) + 1;
    for (const course of proposal.proposed)
      courseCounts.set(course.courseId, (courseCounts.get(course.courseId) ?? 0) + 1);
  }
  return {
    teachersWithCredentials: wallets.size,
    teachersWithSks: withSks,
    bands: BANDS.map((from, index) => ({
      fromSks: from,
      toSks: BANDS[index + 1] ?? null,
      teachers: bandCounts[index] ?? 0,
    })),
    courses: [...courseCounts.entries()]
      .map(([courseId, teachers]) => ({ courseId, teachers }))
      .sort((a, b) => b.teachers - a.teachers || a.courseId.localeCompare(b.courseId))
      .slice(0, 20),
    cutoffDate: setting.intake.cutoffDate,
  };
}
