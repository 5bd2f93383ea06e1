// What a teacher sees under "Jalur": each published pathway with the engine's explanation of their
// wallet against it, their award if they hold one, and, for each missing item, the trainings open
// now (or opening soon) that award what the item asks for.
import { db } from '@kmg/db';
import { evaluatePathway, type PathwayEvaluation, type PathwayItemMatch, pathwayItems } from '@kmg/domain';
import type { Actor } from '#actor.ts';
import { NotAllowedError } from '#errors.ts';
import { type LoadedPathway, loadPublishedPathways, pathwayToday } from '#pathways/award.ts';
import { loadWallets } from '#pathways/wallet.ts';

export type OpenTraining = {
  callId: string;
  title: string;
  applicationOpensAt: Date;
  applicationClosesAt: Date;
  startDate: Date;
  isOpenNow: boolean;
};

export type TeacherPathway = {
  pathway: LoadedPathway;
  evaluation: PathwayEvaluation;
  /** The teacher's award under this version, if any. */
  awardId: string | null;
  /** A credential of the teacher's counts or was considered (and refused for a reason), or awarded. */
  concernsTeacher: boolean;
  /** Per missing item id: trainings that would fill it. */
  openTrainings: Map<string, OpenTraining[]>;
};

type OpenCall = Awaited<ReturnType<typeof loadOpenCalls>>[number];

export function loadOpenCalls(now: Date) {
  return db().trainingCall.findMany({
    where: { status: 'OPEN', applicationClosesAt: { gt: now } },
    select: {
      id: true,
      code: true,
      title: true,
      applicationOpensAt: true,
      applicationClosesAt: true,
      startDate: true,
      endDate: true,
      skillArea: { select: { code: true } },
      achievement: { select: { id: true, code: true, kkniLevel: true } },
      competencyUnits: { select: { code: true } },
      assessmentKind: true,
    },
    orderBy: [{ applicationClosesAt: 'asc' }, { id: 'asc' }],
  });
}

/** Whether finishing this call would give a credential the item accepts. */
export function callFills(match: PathwayItemMatch, call: OpenCall): boolean {
  switch (match.kind) {
    case 'achievement':
      // A call without its achievement yet will award its own, under the call's code.
      return call.achievement ? call.achievement.code === match.code : call.code === match.code;
    case 'achievementVersion':
      return call.achievement?.id === match.achievementId;
    case 'skkniUnit':
      return (
        call.assessmentKind === 'COMPETENCY' &&
        call.competencyUnits.some((unit) => unit.code === match.unitCode)
      );
    case 'skillArea':
      return (
        call.skillArea.code === match.skillAreaCode &&
        (call.achievement?.kkniLevel ?? 0) >= match.minKkniLevel
      );
    case 'pathway':
    case 'external':
      return false;
  }
}

/** The signed-in teacher's pathways, those that concern them first. */
export async function teacherPathways(ctx: Actor): Promise<TeacherPathway[]> {
  if (!ctx.viewer) throw new NotAllowedError('UNAUTHENTICATED');
  const teacherId = ctx.viewer.id;
  const [pathways, wallets, awards, calls] = await Promise.all([
    loadPublishedPathways(db()),
    loadWallets(db(), [teacherId]),
    db().credential.findMany({
      where: { teacherId, kind: 'PATHWAY' },
      select: { id: true, pathwayVersionId: true },
    }),
    loadOpenCalls(ctx.now),
  ]);
  const wallet = wallets.get(teacherId) ?? [];
  const awardOf = new Map(awards.map((award) => [award.pathwayVersionId, award.id]));
  const today = pathwayToday(ctx.now);
  const result = pathways.map((pathway): TeacherPathway => {
    // A pathway's own award is not evidence toward itself.
    const code = pathway.stored.pathway.code;
    const evaluation = evaluatePathway(
      pathway.engine,
      wallet.filter((credential) => credential.pathwayCode !== code),
      today,
    );
    const awardId = awardOf.get(pathway.stored.id) ?? null;
    const filled = new Set(evaluation.assignment.map((entry) => entry.itemId));
    const openTrainings = new Map<string, OpenTraining[]>();
    for (const { item } of pathwayItems(pathway.engine.requirements)) {
      if (awardId || filled.has(item.id)) continue;
      const fitting = calls.filter((call) => callFills(item.match, call));
      if (fitting.length > 0)
        openTrainings.set(
          item.id,
          fitting.map((call) => ({
            callId: call.id,
            title: call.title,
            applicationOpensAt: call.applicationOpensAt,
            applicationClosesAt: call.applicationClosesAt,
            startDate: call.startDate,
            isOpenNow: call.applicationOpensAt <= ctx.now,
          })),
        );
    }
    return {
      pathway,
      evaluation,
      awardId,
      concernsTeacher:
        awardId !== null ||
        evaluation.assignment.length > 0 ||
        evaluation.notCounted.some((entry) => entry.reason !== 'NOT_RELEVANT'),
      openTrainings,
    };
  });
  return result.sort((a, b) => Number(b.concernsTeacher) - Number(a.concernsTeacher));
}
