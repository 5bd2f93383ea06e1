// A call awards a version of an achievement. A draft version is edited in place; the first
// credential issued under it publishes it, and from then on the database refuses any change to its
// content. Saving the template of a call whose version is published makes the next version, which
// that call awards from then on; credentials keep the version they were issued under.
import type { Achievement, Prisma, TrainingCall } from '@kmg/db';

type Tx = Prisma.TransactionClient;

/** What the credential-template form sets. */
export type AchievementContent = Pick<
  Achievement,
  | 'achievementType'
  | 'nameId'
  | 'nameEn'
  | 'descriptionId'
  | 'descriptionEn'
  | 'criteriaId'
  | 'criteriaEn'
  | 'kkniLevel'
  | 'sksHundredths'
  | 'validityMonths'
  | 'assessmentMethod'
  | 'qualityAssurance'
>;

/** The code an achievement made for a call takes: the call's own, or its id when it has none. */
export function achievementCodeFor(call: Pick<TrainingCall, 'id' | 'code'>): string {
  return call.code ?? call.id;
}

async function lockAchievement(tx: Tx, id: string) {
  await tx.$queryRaw`SELECT id FROM achievements WHERE id = ${id}::uuid FOR UPDATE`;
  return tx.achievement.findUniqueOrThrow({ where: { id } });
}

async function nextVersion(tx: Tx, code: string): Promise<number> {
  const { _max } = await tx.achievement.aggregate({ where: { code }, _max: { version: true } });
  return (_max.version ?? 0) + 1;
}

/**
 * Saves what a call awards: its draft version is updated; without one (none yet, or the one it
 * awards is published) a new draft version is made and the call awards it. The caller holds the
 * call's row lock.
 */
export async function saveCallAchievement(
  tx: Tx,
  call: Pick<TrainingCall, 'id' | 'code' | 'providerId' | 'achievementId'>,
  content: AchievementContent,
): Promise<{ id: string }> {
  const current = call.achievementId ? await lockAchievement(tx, call.achievementId) : null;
  if (current?.status === 'DRAFT') {
    await tx.achievement.update({ where: { id: current.id }, data: content });
    await copyCallContent(tx, { achievementId: current.id, callId: call.id });
    return { id: current.id };
  }
  const code = current?.code ?? achievementCodeFor(call);
  const created = await tx.achievement.create({
    data: {
      ...content,
      code,
      version: await nextVersion(tx, code),
      ownerId: current?.ownerId ?? call.providerId,
      imageUrl: current?.imageUrl ?? null,
    },
    select: { id: true },
  });
  await copyCallContent(tx, { achievementId: created.id, callId: call.id });
  await tx.trainingCall.update({ where: { id: call.id }, data: { achievementId: created.id } });
  return created;
}

/**
 * The version a call's credentials are issued under, published on the first issue: a draft takes
 * the call's units and outcomes as they stand, then is frozen. Runs in the issuing transaction.
 */
export async function publishCallAchievement(
  tx: Tx,
  call: Pick<TrainingCall, 'id' | 'achievementId'>,
  now: Date,
): Promise<{ id: string }> {
  if (!call.achievementId) throw new Error(`call ${call.id} has no achievement`);
  // Published already (every credential but a cohort's first): no lock, so a cohort issues in parallel.
  const seen = await tx.achievement.findUniqueOrThrow({
    where: { id: call.achievementId },
    select: { status: true },
  });
  if (seen.status !== 'DRAFT') return { id: call.achievementId };
  const achievement = await lockAchievement(tx, call.achievementId);
  if (achievement.status === 'DRAFT') {
    await copyCallContent(tx, { achievementId: achievement.id, callId: call.id });
    await tx.achievement.update({
      where: { id: achievement.id },
      data: { status: 'PUBLISHED', publishedAt: now },
    });
  }
  return { id: achievement.id };
}

/**
 * After a call's units or outcomes change, its draft version follows them. A published version
 * does not (it is what credentials certify), nor does a draft other calls award too.
 */
export async function followCallContent(
  tx: Tx,
  call: Pick<TrainingCall, 'id' | 'achievementId'>,
): Promise<void> {
  if (!call.achievementId) return;
  const achievement = await lockAchievement(tx, call.achievementId);
  if (achievement.status !== 'DRAFT') return;
  if ((await tx.trainingCall.count({ where: { achievementId: achievement.id } })) > 1) return;
  await copyCallContent(tx, { achievementId: achievement.id, callId: call.id });
}

/** Makes a draft's SKKNI units and learning outcomes those of the call, in the call's order. */
async function copyCallContent(tx: Tx, { achievementId, callId }: { achievementId: string; callId: string }) {
  const [units, outcomes] = await Promise.all([
    tx.competencyUnit.findMany({ where: { callId }, orderBy: { position: 'asc' } }),
    tx.learningOutcome.findMany({
      where: { callId },
      orderBy: { position: 'asc' },
      include: { units: { select: { unitCode: true } } },
    }),
  ]);
  await tx.achievementUnit.deleteMany({ where: { achievementId } });
  await tx.learningOutcome.deleteMany({ where: { achievementId } });
  await tx.achievementUnit.createMany({
    data: units.map((unit) => ({ achievementId, unitCode: unit.code, position: unit.position })),
  });
  for (const outcome of outcomes) {
    await tx.learningOutcome.create({
      data: {
        achievementId,
        code: outcome.code,
        textId: outcome.textId,
        textEn: outcome.textEn,
        position: outcome.position,
        units: { create: outcome.units.map(({ unitCode }) => ({ unitCode })) },
      },
    });
  }
}
