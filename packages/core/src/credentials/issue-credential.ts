import { createIdentitySalt } from '@kmg/credentials';
import { db, type Prisma } from '@kmg/db';
import { credentialDates, evaluateCompletion, type UnitDecision } from '@kmg/domain';
import { recordAudit } from '#audit.ts';
import { publishCallAchievement } from '#credentials/achievement-versions.ts';
import { type IssuedCredential, onCredentialIssued, runAfterIssueHooks } from '#credentials/after-issue.ts';
import { credentialConfig } from '#credentials/config.ts';
import { signAndStoreCredential } from '#credentials/sign-and-store.ts';
import { loadTrainingParticipant, trainingBadgeInput } from '#credentials/training-badge.ts';
import { notify } from '#notify.ts';

/**
 * Issues the credential of one participant whose results were approved. Idempotent: a participant
 * with a valid credential gets no second one. Run by the job queue; a failure is retried there.
 */
export async function issueCredential(
  applicationId: string,
  now = new Date(),
): Promise<{ credentialId: string | null; teacherId: string | null }> {
  const settings = credentialConfig();
  return db().$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT application_id FROM credential_issuances WHERE application_id = ${applicationId}::uuid FOR UPDATE`;
      const current = await tx.credential.findFirst({
        where: { applicationId, revokedAt: null },
        select: { id: true, teacherId: true },
      });
      if (current) {
        await tx.credentialIssuance.updateMany({
          where: { applicationId },
          data: { status: 'ISSUED', lastError: null },
        });
        return { credentialId: current.id, teacherId: current.teacherId };
      }
      // The achievement version the call awards is published by its first credential (and then
      // frozen), before the credential is built from it.
      const awarding = await tx.application.findUniqueOrThrow({
        where: { id: applicationId },
        select: { call: { select: { id: true, achievementId: true } } },
      });
      await publishCallAchievement(tx, awarding.call, now);
      const application = await loadTrainingParticipant(tx, applicationId);
      const { call, teacher } = application;
      const achievement = call.achievement;
      if (!achievement) throw new Error(`call ${call.id} has no achievement`);
      if (call.resultsStatus !== 'APPROVED') throw new Error(`results of call ${call.id} are not approved`);
      const completion = evaluateCompletion(
        {
          attendance: new Map(application.attendance.map((row) => [row.dayId, row.present])),
          decisions: new Map(
            application.assessments.map((row) => [row.unitId, row.decision as UnitDecision]),
          ),
        },
        {
          dayIds: call.trainingDays.map((day) => day.id),
          unitIds: call.competencyUnits.map((unit) => unit.id),
          minAttendancePercent: call.minAttendancePercent,
          assessmentKind: call.assessmentKind,
        },
      );
      if (!completion.passed) throw new Error(`participant ${applicationId} has not passed`);
      const nuptk = teacher.teacherProfile?.nuptk;
      if (!nuptk) throw new Error(`participant ${applicationId} has no NUPTK`);

      const parent = await tx.organization.findUnique({ where: { code: settings.parentOrganizationCode } });
      const revision =
        ((await tx.credential.aggregate({ where: { applicationId }, _max: { revision: true } }))._max
          .revision ?? 0) + 1;
      // Awarded when the programme approved the results, whenever the queue signs it.
      const dates = credentialDates({
        awardedAt: call.resultsApprovedAt ?? now,
        validityMonths: achievement.validityMonths,
      });
      const issuer = { id: call.provider.id, code: call.provider.code };
      const stored = await signAndStoreCredential(tx, {
        issuer,
        achievementId: achievement.id,
        teacherId: teacher.id,
        applicationId,
        revision,
        dates,
        now,
        build: ({ credentialId, credentialStatus }) =>
          trainingBadgeInput({
            participant: application,
            credentialId,
            credentialStatus,
            nuptk,
            salt: createIdentitySalt(),
            dates,
            publicUrl: settings.publicUrl,
            parentOrganization: { code: settings.parentOrganizationCode, name: parent?.name ?? null },
          }),
      });
      const credentialId = stored.id;
      await tx.credentialIssuance.upsert({
        where: { applicationId },
        create: { applicationId, callId: call.id, status: 'ISSUED', attempts: 1 },
        update: { status: 'ISSUED', lastError: null, attempts: { increment: 1 } },
      });
      await runAfterIssueHooks(tx, {
        credentialId,
        revision,
        teacherId: teacher.id,
        achievementId: achievement.id,
        issuer,
        training: {
          callId: call.id,
          callTitle: call.title,
          applicationId,
          achievementName: achievement.nameId,
        },
        now,
      });
      return { credentialId, teacherId: teacher.id };
    },
    { timeout: 60_000 },
  );
}

/** Records a failed attempt for the console (the queue retries; after the last try it stays FAILED). */
export async function recordIssuanceFailure(applicationId: string, error: unknown, final: boolean) {
  await db().credentialIssuance.updateMany({
    where: { applicationId },
    data: {
      attempts: { increment: 1 },
      lastError: String(error).slice(0, 1000),
      ...(final ? { status: 'FAILED' } : {}),
    },
  });
}

/** The audit trail and the teacher's notice for every issued credential. */
async function recordIssued(tx: Prisma.TransactionClient, issued: IssuedCredential) {
  await recordAudit(tx, {
    actorId: null,
    action: 'credential.issued',
    subject: { type: 'CREDENTIAL', id: issued.credentialId },
    callId: issued.training?.callId ?? null,
    applicationId: issued.training?.applicationId ?? null,
    details: { credentialId: issued.credentialId, revision: issued.revision, issuer: issued.issuer.code },
  });
  if (issued.training) {
    await notify(tx, [
      {
        userId: issued.teacherId,
        kind: 'CREDENTIAL_ISSUED',
        params: { call: issued.training.callTitle, achievement: issued.training.achievementName },
        subject: { type: 'CREDENTIAL', id: issued.credentialId },
        callId: issued.training.callId,
        applicationId: issued.training.applicationId,
      },
    ]);
  }
}
onCredentialIssued(recordIssued);
