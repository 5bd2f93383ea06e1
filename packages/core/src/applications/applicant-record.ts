import type { ApplicationStatus } from '@kmg/db';
import { db } from '@kmg/db';
import type { Actor } from '#actor.ts';
import { localDate } from '#dates.ts';
import { canSeeApplicantRecord } from '#rules/applications.ts';

/** Where a credential stands today, as its holder's wallet and verifiers say it. */
export type RecordedCredentialStatus = 'ACTIVE' | 'SUSPENDED' | 'REVOKED' | 'EXPIRED';

/** What a principal reads of a teacher before endorsing: earlier KMG trainings and credentials. */
export type ApplicantRecord = {
  /** The teacher's other applications, the latest training first, each with where it ended. */
  trainings: {
    applicationId: string;
    callTitle: string;
    providerName: string;
    startDate: string;
    endDate: string;
    status: ApplicationStatus;
    outcomeReason: string | null;
  }[];
  /** Credentials KMG issued to the teacher (training and pathway), the latest first. */
  credentials: {
    id: string;
    nameId: string;
    nameEn: string;
    issuedAt: Date;
    status: RecordedCredentialStatus;
  }[];
};

/**
 * The applicant's record for an application the actor may endorse (see `canSeeApplicantRecord`),
 * or null for anyone else: the principal of the teacher's school, on calls asking for an endorsement.
 */
export async function findApplicantRecord(
  ctx: Actor,
  applicationId: string,
): Promise<ApplicantRecord | null> {
  const application = await db().application.findUnique({
    where: { id: applicationId },
    select: {
      id: true,
      teacherId: true,
      schoolId: true,
      callId: true,
      status: true,
      call: { select: { requiresEndorsement: true, programmeId: true, providerId: true } },
    },
  });
  if (!application || !(await canSeeApplicantRecord(ctx, application))) return null;
  const [applications, credentials] = await Promise.all([
    db().application.findMany({
      where: { teacherId: application.teacherId, id: { not: application.id } },
      select: {
        id: true,
        status: true,
        outcomeReason: true,
        call: {
          select: { title: true, startDate: true, endDate: true, provider: { select: { name: true } } },
        },
      },
      orderBy: [{ call: { startDate: 'desc' } }, { id: 'asc' }],
    }),
    db().credential.findMany({
      where: { teacherId: application.teacherId, kind: { in: ['TRAINING', 'PATHWAY'] } },
      select: {
        id: true,
        validFrom: true,
        validUntil: true,
        revokedAt: true,
        suspendedAt: true,
        achievement: { select: { nameId: true, nameEn: true } },
      },
      orderBy: [{ validFrom: 'desc' }, { id: 'asc' }],
    }),
  ]);
  return {
    trainings: applications.map((row) => ({
      applicationId: row.id,
      callTitle: row.call.title,
      providerName: row.call.provider.name,
      startDate: localDate(row.call.startDate),
      endDate: localDate(row.call.endDate),
      status: row.status,
      outcomeReason: row.outcomeReason,
    })),
    credentials: credentials.flatMap((row) =>
      row.achievement
        ? [
            {
              id: row.id,
              nameId: row.achievement.nameId,
              nameEn: row.achievement.nameEn,
              issuedAt: row.validFrom,
              status: row.revokedAt
                ? 'REVOKED'
                : row.suspendedAt
                  ? 'SUSPENDED'
                  : row.validUntil && row.validUntil <= ctx.now
                    ? 'EXPIRED'
                    : 'ACTIVE',
            },
          ]
        : [],
    ),
  };
}
