// Reviewed selection: the program manager sets the rules, assigns reviewers, reviewers score
// endorsed applications, the manager previews the outcome with a reason for each, then commits.
import { type db, Prisma, type TrainingCall } from '@kmg/db';
import {
  type ApplicationStatus,
  callTimeZone,
  checkScores,
  decideCommit,
  isFullyReviewed,
  meanTotal,
  planCallTransition,
  reviewCommentSchema,
  runSelection,
  type Scores,
  type SelectionOutcome,
  selectionSettingsSchema,
  startOfLocalDate,
  weightedTotal,
} from '@kmg/domain';
import { type Actor, hasRole } from '#actor.ts';
import { acceptWithSeat } from '#applications/seating.ts';
import { claimSeat } from '#applications/seats.ts';
import { transitionApplication } from '#applications/transition-application.ts';
import { waitlistPosition } from '#applications/waitlist.ts';
import { recordAudit } from '#audit.ts';
import { readCallSettings } from '#calls/call-settings.ts';
import { lockCallFor } from '#calls/lock-call.ts';
import { transitionCall } from '#calls/transition-call.ts';
import { localDate } from '#dates.ts';
import { InvalidStateError, NotAllowedError, NotFoundError, parseInput, ValidationError } from '#errors.ts';
import { canScoreApplication } from '#rules/applications.ts';
import { prepareRules } from '#rules/rule.ts';
import { inTransaction } from '#transaction.ts';

type Tx = Prisma.TransactionClient;

/** The program manager sets how a call selects: mode, endorsement, eligibility, rubric, caps. */
export async function updateSelectionSettings(
  ctx: Actor,
  { callId, input }: { callId: string; input: unknown },
) {
  const settings = parseInput(selectionSettingsSchema, input, ['input']);
  await prepareRules(ctx);
  return inTransaction(async (tx) => {
    const call = await lockCallFor(tx, ctx, { id: callId, verb: 'manage', seats: true });
    const editable =
      planCallTransition(call, 'update', ctx.now).kind === 'allowed' && !call.selectionCommittedAt;
    if (!editable) throw new InvalidStateError('SETTINGS_LOCKED');
    if (settings.endorsementDeadline) {
      const trainingStarts = startOfLocalDate(localDate(call.startDate), callTimeZone(call.province));
      if (
        settings.endorsementDeadline <= call.applicationClosesAt ||
        settings.endorsementDeadline >= trainingStarts
      ) {
        throw new ValidationError([{ path: ['input', 'endorsementDeadline'], code: 'DEADLINE_ORDER' }]);
      }
    }
    const data = {
      selectionMode: settings.selectionMode,
      requiresEndorsement: settings.requiresEndorsement,
      endorsementDeadline: settings.endorsementDeadline ?? null,
      confirmationDays: settings.confirmationDays,
      eligibilityRules: settings.eligibilityRules as Prisma.InputJsonValue,
      rubric: settings.rubric as Prisma.InputJsonValue,
      minScore: settings.minScore == null ? null : Math.round(settings.minScore * 100),
      maxPerSchool: settings.maxPerSchool ?? null,
      seatsPerProvince: settings.seatsPerProvince?.length
        ? (settings.seatsPerProvince as Prisma.InputJsonValue)
        : Prisma.DbNull,
    };
    await tx.trainingCall.update({ where: { id: callId }, data });
    await recordAudit(tx, {
      actorId: ctx.viewer?.id ?? null,
      action: 'call.selection_settings_updated',
      callId,
      details: {
        ...settings,
        endorsementDeadline: settings.endorsementDeadline?.toISOString() ?? null,
      } as Prisma.InputJsonValue,
    });
    return { id: callId };
  });
}

/** Sets the reviewers of a call (users with the selection-reviewer role). */
export async function assignReviewers(
  ctx: Actor,
  { callId, reviewerIds }: { callId: string; reviewerIds: string[] },
) {
  await prepareRules(ctx);
  return inTransaction(async (tx) => {
    const call = await lockCallFor(tx, ctx, { id: callId, verb: 'manage', seats: true });
    if (call.selectionCommittedAt) throw new InvalidStateError('SELECTION_COMMITTED');
    const unique = [...new Set(reviewerIds)];
    const users = await tx.user.findMany({
      where: { id: { in: unique } },
      select: { id: true, roles: true },
    });
    const bad = unique.filter(
      (id) => !users.find((user) => user.id === id && hasRole(user, 'SELECTION_REVIEWER')),
    );
    if (bad.length > 0) {
      throw new ValidationError(
        bad.map((id) => ({
          path: ['reviewerIds', String(unique.indexOf(id))],
          code: 'NOT_A_REVIEWER' as const,
        })),
      );
    }
    await tx.callReviewer.deleteMany({ where: { callId, userId: { notIn: unique } } });
    await tx.callReviewer.createMany({
      data: unique.map((userId) => ({ callId, userId })),
      skipDuplicates: true,
    });
    await recordAudit(tx, {
      actorId: ctx.viewer?.id ?? null,
      action: 'call.reviewers_assigned',
      callId,
      details: { reviewerIds: unique },
    });
    return { id: callId };
  });
}

/** An assigned reviewer scores an endorsed application against the call's rubric (again to revise). */
export async function submitReview(
  ctx: Actor,
  { applicationId, scores, comment }: { applicationId: string; scores: Scores; comment: string | null },
) {
  const viewer = ctx.viewer;
  if (!viewer) throw new NotAllowedError('UNAUTHENTICATED');
  const note = parseInput(reviewCommentSchema, comment, ['comment']) ?? null;
  await prepareRules(ctx);
  return inTransaction(async (tx) => {
    const application = await tx.application.findUnique({
      where: { id: applicationId },
      include: { call: true },
    });
    if (!application) throw new NotFoundError();
    if (!(await canScoreApplication(ctx, application))) throw new NotAllowedError('NOT_ASSIGNED_REVIEWER');
    if (application.call.selectionCommittedAt) throw new InvalidStateError('SELECTION_COMMITTED');
    if (application.status !== 'ENDORSED') throw new InvalidStateError('NOT_REVIEWABLE');
    const { rubric } = readCallSettings(application.call);
    const issues = checkScores(rubric, scores);
    if (issues.length > 0) throw new ValidationError(issues);
    const total = weightedTotal(rubric, scores);
    const review = await tx.review.upsert({
      where: { applicationId_reviewerId: { applicationId, reviewerId: viewer.id } },
      create: {
        applicationId,
        reviewerId: viewer.id,
        scores: scores as Prisma.InputJsonValue,
        total,
        comment: note,
      },
      update: { scores: scores as Prisma.InputJsonValue, total, comment: note },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: 'review.scored',
      callId: application.callId,
      applicationId,
      details: { scores, total },
      reason: note,
    });
    return review;
  });
}

export type PreviewRow = SelectionOutcome & { teacherId: string; status: ApplicationStatus };

/** Candidates of a reviewed call and what selection would do with each, with the reason. */
export async function previewSelection(client: Tx | ReturnType<typeof db>, call: TrainingCall) {
  const [applications, reviewers] = await Promise.all([
    client.application.findMany({
      where: { callId: call.id, status: 'ENDORSED' },
      select: {
        id: true,
        status: true,
        teacherId: true,
        schoolId: true,
        submittedAt: true,
        school: { select: { province: true } },
        reviews: { select: { reviewerId: true, total: true } },
      },
    }),
    client.callReviewer.findMany({ where: { callId: call.id }, select: { userId: true } }),
  ]);
  const reviewerIds = [...new Set(reviewers.map((reviewer) => reviewer.userId))];
  const { policy } = readCallSettings(call);
  const outcomes = runSelection(
    applications.map((application) => ({
      applicationId: application.id,
      schoolId: application.schoolId ?? '',
      province: application.school?.province ?? null,
      submittedAt: application.submittedAt,
      score: isFullyReviewed(application.reviews, reviewerIds)
        ? meanTotal(application.reviews.map((review) => review.total))
        : null,
    })),
    policy,
  );
  const byId = new Map(applications.map((application) => [application.id, application]));
  return {
    outcomes: outcomes.map((outcome) => {
      const application = byId.get(outcome.applicationId);
      if (!application) throw new Error(`selection outcome for unknown application ${outcome.applicationId}`);
      return { ...outcome, teacherId: application.teacherId, status: application.status };
    }),
    reviewerCount: reviewerIds.length,
  };
}

/**
 * Commits the selection once applications have closed and every endorsed application is scored
 * by every reviewer. Safe to call twice or at once: the call row is locked and a committed
 * selection is never redone.
 */
export async function commitSelection(ctx: Actor, { callId }: { callId: string }) {
  await prepareRules(ctx);
  return inTransaction(
    async (tx) => {
      const call = await lockCallFor(tx, ctx, { id: callId, verb: 'manage', seats: true });
      const { outcomes, reviewerCount } = await previewSelection(tx, call);
      const decision = decideCommit({
        call,
        reviewers: reviewerCount,
        pending: outcomes.filter((outcome) => outcome.kind === 'pending').length,
        now: ctx.now,
      });
      if (decision.kind === 'refused') throw new InvalidStateError(decision.code, decision.params);

      const actorId = ctx.viewer?.id ?? null;
      for (const outcome of outcomes) {
        const application = {
          id: outcome.applicationId,
          teacherId: outcome.teacherId,
          schoolId: null,
          status: outcome.status,
        };
        const move = { application: { ...application, callId }, actorId, now: ctx.now };
        if (outcome.kind === 'accepted') {
          const claim = await claimSeat(tx, {
            callId,
            applicationId: outcome.applicationId,
            schoolId: null,
            province: null,
            policy: { seats: call.seats, maxPerSchool: null, seatsPerProvince: null },
            now: ctx.now,
          });
          if (claim.kind !== 'seated')
            throw new Error(`selection accepted more teachers than call ${callId} has free seats`);
          await acceptWithSeat(tx, call, application, actorId, ctx.now, 'APPLICATION_ACCEPTED', {
            rank: outcome.rank,
            score: outcome.score,
          });
        } else if (outcome.kind === 'waitlisted') {
          // Outcomes come in rank order, so each position is final once its row is written.
          await transitionApplication(tx, {
            ...move,
            action: 'waitlist',
            data: { rank: outcome.rank, score: outcome.score, outcomeReason: outcome.reason },
            audit: { reason: outcome.reason, details: { rank: outcome.rank, score: outcome.score } },
            notices: async () => [
              {
                userId: outcome.teacherId,
                kind: 'APPLICATION_WAITLISTED',
                params: {
                  call: call.title,
                  position: await waitlistPosition(tx, callId, outcome.applicationId),
                },
                callId,
                applicationId: outcome.applicationId,
              },
            ],
          });
        } else if (outcome.kind === 'rejected') {
          await transitionApplication(tx, {
            ...move,
            action: 'reject',
            data: { score: outcome.score, outcomeReason: outcome.reason },
            audit: { reason: outcome.reason, details: { rank: outcome.rank, score: outcome.score } },
            notices: [
              {
                userId: outcome.teacherId,
                kind: 'APPLICATION_REJECTED',
                params: { call: call.title },
                callId,
                applicationId: outcome.applicationId,
              },
            ],
          });
        }
      }
      // Committing closes a call still open; the commit is the event that explains it.
      const committed = { selectionCommittedAt: ctx.now, closedAt: call.closedAt ?? ctx.now };
      if (call.status === 'OPEN') {
        await transitionCall(tx, {
          call,
          action: 'close',
          actorId,
          now: ctx.now,
          data: committed,
          audit: false,
        });
      } else {
        await tx.trainingCall.update({ where: { id: callId }, data: committed });
      }
      await recordAudit(tx, {
        actorId,
        action: 'call.selection_committed',
        callId,
        details: {
          accepted: outcomes.filter((o) => o.kind === 'accepted').length,
          waitlisted: outcomes.filter((o) => o.kind === 'waitlisted').length,
          rejected: outcomes.filter((o) => o.kind === 'rejected').length,
        },
      });
      return { id: callId };
    },
    { timeout: 60_000 },
  );
}
