// "How many SKS could my credentials earn here?": the engine's proposal for a teacher against a
// programme at an intake's cut-off, and what would add more (trainings open now, pathways).
import { db } from '@kmg/db';
import {
  createRecognitionEstimator,
  findRecognitionGains,
  type LocalDate,
  type RecognitionCandidate,
  type RecognitionProposal,
  type ResolvedRegulation,
  type RplCredential,
  resolveRegulation,
} from '@kmg/domain';
import type { Actor } from '#actor.ts';
import type { Client } from '#credentials/config.ts';
import { NotAllowedError, NotFoundError } from '#errors.ts';
import { pathwayToday } from '#pathways/award.ts';
import { loadOpenCalls } from '#pathways/teacher-pathways.ts';
import {
  dateOnly,
  type LoadedProgramme,
  loadProgrammeForEngine,
  loadRegulationProfiles,
  loadRplWallets,
  loadRulesInForce,
} from '#rpl/engine-input.ts';

export type RecognitionSetting = {
  loaded: LoadedProgramme;
  regulation: ResolvedRegulation;
  rules: Awaited<ReturnType<typeof loadRulesInForce>>;
  intake: { id: string; cutoffDate: LocalDate };
};

/** The intake an estimate is for: the one asked, else the next one still open, else today's date. */
export async function intakeFor(client: Client, programmeId: string, intakeId: string | null, now: Date) {
  if (intakeId) {
    const intake = await client.rplIntake.findFirst({
      where: { id: intakeId, programmeId },
      select: { id: true, cutoffDate: true },
    });
    if (!intake) throw new NotFoundError();
    return { id: intake.id, cutoffDate: dateOnly(intake.cutoffDate) };
  }
  const next = await client.rplIntake.findFirst({
    where: { programmeId, closesAt: { gt: now } },
    orderBy: { closesAt: 'asc' },
    select: { id: true, cutoffDate: true },
  });
  return next
    ? { id: next.id, cutoffDate: dateOnly(next.cutoffDate) }
    : { id: 'today', cutoffDate: pathwayToday(now) };
}

/** Everything the engine needs about a programme at an intake (the wallet aside). */
export async function loadRecognitionSetting(
  client: Client,
  { programmeId, intakeId, now }: { programmeId: string; intakeId: string | null; now: Date },
): Promise<RecognitionSetting> {
  const intake = await intakeFor(client, programmeId, intakeId, now);
  const loaded = await loadProgrammeForEngine(client, programmeId, intake.cutoffDate);
  if (!loaded) throw new NotFoundError();
  const [profiles, rules] = await Promise.all([
    loadRegulationProfiles(client, { programmeId, universityId: loaded.universityId }),
    loadRulesInForce(client, programmeId, intake.cutoffDate, loaded.curriculum?.id ?? null),
  ]);
  return { loaded, regulation: resolveRegulation(profiles, intake.cutoffDate), rules, intake };
}

export type RecognitionGainView = {
  kind: 'TRAINING' | 'PATHWAY';
  /** The call (a training) or the pathway version. */
  id: string;
  title: string;
  gainSks: number;
  courseIds: string[];
  /** A training ending after this intake's cut-off: its credential counts from the next intake. */
  endsAfterCutoff: boolean;
};

export type TeacherEstimate = {
  setting: RecognitionSetting;
  proposal: RecognitionProposal;
  credentials: RplCredential[];
  gains: RecognitionGainView[];
};

/** The signed-in teacher's estimate at a programme, with what would add more. */
export async function estimateRecognition(
  ctx: Actor,
  { programmeId, intakeId = null }: { programmeId: string; intakeId?: string | null },
): Promise<TeacherEstimate> {
  if (!ctx.viewer) throw new NotAllowedError('UNAUTHENTICATED');
  const teacherId = ctx.viewer.id;
  const client = db();
  const setting = await loadRecognitionSetting(client, { programmeId, intakeId, now: ctx.now });
  const [wallets, calls, pathways] = await Promise.all([
    loadRplWallets(client, [teacherId]),
    loadOpenCalls(ctx.now),
    client.pathwayVersion.findMany({
      where: { status: 'PUBLISHED' },
      select: { id: true, titleId: true, titleEn: true, pathway: { select: { code: true } } },
    }),
  ]);
  const credentials = wallets.get(teacherId) ?? [];
  const context = {
    regulation: setting.regulation,
    programme: setting.loaded.programme,
    rules: setting.rules,
    intake: setting.intake,
  };
  const proposal = createRecognitionEstimator(context)(credentials);
  const ownPathways = new Set(credentials.map((credential) => credential.pathwayCode).filter(Boolean));
  const heldAchievements = new Set(
    credentials.map((credential) => credential.achievementCode).filter(Boolean),
  );
  // What a finished training or an earned pathway would be at the cut-off: fresh and valid.
  const fresh = (key: string, fields: Partial<RplCredential>): RecognitionCandidate => ({
    key,
    credential: {
      id: `candidate:${key}`,
      achievementCode: null,
      pathwayCode: null,
      issuedOn: setting.intake.cutoffDate,
      validUntil: null,
      revokedOn: null,
      suspendedOn: null,
      hours: 0,
      units: [],
      outcomeCodes: [],
      ...fields,
    },
  });
  const callAchievements = await client.achievement.findMany({
    where: { id: { in: calls.flatMap((call) => (call.achievement ? [call.achievement.id] : [])) } },
    select: { id: true, learningOutcomes: { select: { code: true } }, units: { select: { unitCode: true } } },
  });
  const achievementById = new Map(callAchievements.map((row) => [row.id, row]));
  const callDetails = await client.trainingCall.findMany({
    where: { id: { in: calls.map((call) => call.id) } },
    select: { id: true, trainingHours: true },
  });
  const hoursOf = new Map(callDetails.map((row) => [row.id, row.trainingHours]));
  const candidates: RecognitionCandidate[] = [];
  for (const call of calls) {
    const code = call.achievement?.code ?? call.code;
    if (!code || heldAchievements.has(code)) continue;
    const achievement = call.achievement ? achievementById.get(call.achievement.id) : undefined;
    candidates.push(
      fresh(`call:${call.id}`, {
        achievementCode: code,
        hours: hoursOf.get(call.id) ?? 0,
        // Units are assessed (K/BK) only in a competency training; a passed one is assumed here.
        units:
          call.assessmentKind === 'COMPETENCY'
            ? (achievement?.units ?? []).map((unit) => ({ unitCode: unit.unitCode, result: 'K' as const }))
            : [],
        outcomeCodes: achievement?.learningOutcomes.map((outcome) => outcome.code) ?? [],
      }),
    );
  }
  for (const pathway of pathways) {
    if (ownPathways.has(pathway.pathway.code)) continue;
    candidates.push(fresh(`pathway:${pathway.id}`, { pathwayCode: pathway.pathway.code }));
  }
  const title = new Map<
    string,
    { kind: 'TRAINING' | 'PATHWAY'; id: string; title: string; endsAfterCutoff: boolean }
  >();
  for (const call of calls)
    title.set(`call:${call.id}`, {
      kind: 'TRAINING',
      id: call.id,
      title: call.title,
      endsAfterCutoff: dateOnly(call.endDate) > setting.intake.cutoffDate,
    });
  for (const pathway of pathways)
    title.set(`pathway:${pathway.id}`, {
      kind: 'PATHWAY',
      id: pathway.id,
      title: ctx.locale === 'en' ? pathway.titleEn : pathway.titleId,
      endsAfterCutoff: false,
    });
  const gains =
    proposal.kind === 'proposal' && candidates.length > 0
      ? findRecognitionGains({ ...context, credentials, candidates })
          .filter((gain) => gain.gainSks > 0)
          .flatMap((gain) => {
            const named = title.get(gain.key);
            return named ? [{ ...named, gainSks: gain.gainSks, courseIds: gain.addedCourseIds }] : [];
          })
      : [];
  return { setting, proposal, credentials, gains };
}
