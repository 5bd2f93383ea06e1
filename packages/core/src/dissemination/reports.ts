// Dissemination reports (pengimbasan): a teacher records what they passed on after a training they
// completed; the principal of their school verifies it or returns it with a note. Every change of
// status goes through `transitionReport`, which writes the audit row and the notices with it.
import { type DisseminationStatus, db, type Prisma } from '@kmg/db';
import {
  addDays,
  addMonths,
  callTimeZone,
  checkDisseminationSubmission,
  type DisseminationAction,
  type DisseminationProgress,
  disseminationEditRefusal,
  disseminationExpectationSchema,
  disseminationKindLabels,
  disseminationMachine,
  disseminationReminderDays,
  disseminationReportSchema,
  disseminationReturnNoteSchema,
  dueDisseminationReminder,
  evaluateDisseminationProgress,
  type LocalDate,
  localDateAt,
} from '@kmg/domain';
import { userIdsWithRole } from '#accounts/users-with-role.ts';
import type { Actor } from '#actor.ts';
import { requireViewer } from '#applications/common.ts';
import { recordAudit } from '#audit.ts';
import { localDate, storedDate } from '#dates.ts';
import { InvalidStateError, NotAllowedError, NotFoundError, parseInput } from '#errors.ts';
import { type Notice, notify } from '#notify.ts';
import { canManageProgramme } from '#rules/calls.ts';
import { disseminationRule } from '#rules/dissemination.ts';
import { inTransaction } from '#transaction.ts';

type Tx = Prisma.TransactionClient;

const subjectOf = (id: string) => ({ type: 'DISSEMINATION_REPORT' as const, id });

const reportSelect = {
  id: true,
  teacherId: true,
  schoolId: true,
  status: true,
  kind: true,
  heldOn: true,
  teachersReached: true,
  studentsReached: true,
  teacher: { select: { name: true } },
  school: { select: { province: true } },
  application: { select: { call: { select: { startDate: true, title: true } } } },
} satisfies Prisma.DisseminationReportSelect;

type ReportRow = Prisma.DisseminationReportGetPayload<{ select: typeof reportSelect }>;

/** The report, locked for this transaction (two principals, or a principal and the teacher, at once). */
async function lockReport(tx: Tx, id: string): Promise<ReportRow> {
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM dissemination_reports WHERE id = ${id}::uuid FOR UPDATE`;
  if (locked.length === 0) throw new NotFoundError();
  return tx.disseminationReport.findUniqueOrThrow({ where: { id }, select: reportSelect });
}

/** The teacher's own report, refused (as not found) to anyone else. */
async function lockOwnReport(tx: Tx, ctx: Actor, id: string): Promise<ReportRow> {
  const report = await lockReport(tx, id);
  if (!(await disseminationRule(ctx, 'edit').allows(report))) throw new NotFoundError();
  return report;
}

function assertEditable(report: { status: DisseminationStatus }) {
  const refusal = disseminationEditRefusal(report.status);
  if (refusal) throw new InvalidStateError(refusal.code, refusal.params);
}

/** The one place a report's status is written: checks the table, audits, and tells people. */
async function transitionReport(
  tx: Tx,
  {
    report,
    action,
    actorId,
    data = {},
    reason = null,
    notices = [],
  }: {
    report: ReportRow;
    action: DisseminationAction;
    actorId: string;
    data?: Prisma.DisseminationReportUncheckedUpdateInput;
    reason?: string | null;
    notices?: Notice[];
  },
) {
  const plan = disseminationMachine.plan(report.status, action);
  if (plan.kind === 'refused') throw new InvalidStateError(plan.code, plan.params);
  await tx.disseminationReport.update({ where: { id: report.id }, data: { ...data, status: plan.to } });
  await recordAudit(tx, {
    actorId,
    action: `dissemination.${action}`,
    subject: subjectOf(report.id),
    applicationId: null,
    fromStatus: report.status,
    toStatus: plan.to,
    reason,
  });
  await notify(tx, notices);
}

/** The date today where the teacher's school is. */
function todayAt(ctx: Actor, province: string | null): LocalDate {
  return localDateAt(ctx.now, callTimeZone(province ?? ''));
}

/** The teacher's application for a training they completed: they hold its (unrevoked) credential. */
async function requireCompletedTraining(client: Tx, teacherId: string, applicationId: string) {
  const credential = await client.credential.findFirst({
    where: { applicationId, teacherId, kind: 'TRAINING', revokedAt: null },
    select: { id: true },
  });
  if (!credential) throw new NotAllowedError('DISSEMINATION_NOT_COMPLETED');
}

function reportData(input: ReturnType<typeof disseminationReportSchema.parse>) {
  return {
    kind: input.kind,
    heldOn: storedDate(input.heldOn),
    place: input.place,
    description: input.description,
    teachersReached: input.teachersReached,
    studentsReached: input.studentsReached,
    schoolsReached: input.schoolsReached,
  };
}

/** A new draft for a training the teacher completed, at the school they teach at now. */
export async function createDisseminationReport(
  ctx: Actor,
  { applicationId, input }: { applicationId: string; input: unknown },
): Promise<{ id: string }> {
  const viewer = requireViewer(ctx);
  const data = parseInput(disseminationReportSchema, input, ['input']);
  return inTransaction(async (tx) => {
    const profile = await tx.teacherProfile.findUnique({
      where: { userId: viewer.id },
      select: { schoolId: true },
    });
    if (!profile) throw new NotAllowedError('NOT_A_TEACHER');
    await requireCompletedTraining(tx, viewer.id, applicationId);
    const report = await tx.disseminationReport.create({
      data: { ...reportData(data), teacherId: viewer.id, applicationId, schoolId: profile.schoolId },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: 'dissemination.created',
      subject: subjectOf(report.id),
      toStatus: 'DRAFT',
    });
    return report;
  });
}

/** The teacher changes their report while it is a draft or returned. */
export async function updateDisseminationReport(
  ctx: Actor,
  { id, input }: { id: string; input: unknown },
): Promise<{ id: string }> {
  const viewer = requireViewer(ctx);
  const data = parseInput(disseminationReportSchema, input, ['input']);
  return inTransaction(async (tx) => {
    const report = await lockOwnReport(tx, ctx, id);
    assertEditable(report);
    await tx.disseminationReport.update({ where: { id }, data: reportData(data) });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: 'dissemination.edited',
      subject: subjectOf(id),
      fromStatus: report.status,
      toStatus: report.status,
    });
    return { id };
  });
}

/** The teacher deletes a draft never submitted (a returned report keeps its history). */
export async function deleteDisseminationDraft(ctx: Actor, id: string): Promise<{ storageKeys: string[] }> {
  const viewer = requireViewer(ctx);
  return inTransaction(async (tx) => {
    const report = await lockOwnReport(tx, ctx, id);
    if (report.status !== 'DRAFT') assertEditable({ status: 'SUBMITTED' });
    const files = await tx.disseminationEvidence.findMany({
      where: { reportId: id },
      select: { storageKey: true },
    });
    await tx.disseminationReport.delete({ where: { id } });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: 'dissemination.deleted',
      subject: subjectOf(id),
      fromStatus: 'DRAFT',
    });
    return { storageKeys: files.map((file) => file.storageKey) };
  });
}

/** The teacher sends the report to their principal (again, after a return). */
export async function submitDisseminationReport(ctx: Actor, id: string): Promise<{ id: string }> {
  const viewer = requireViewer(ctx);
  return inTransaction(async (tx) => {
    const report = await lockOwnReport(tx, ctx, id);
    const check = checkDisseminationSubmission({
      heldOn: localDate(report.heldOn),
      today: todayAt(ctx, report.school.province),
      trainingStart: localDate(report.application.call.startDate),
      teachersReached: report.teachersReached,
      studentsReached: report.studentsReached,
    });
    if (check.kind === 'refused') throw new InvalidStateError(check.code);
    const principals = await userIdsWithRole(tx, 'PRINCIPAL', { organizationIds: [report.schoolId] });
    const params = {
      teacher: report.teacher.name,
      kind: disseminationKindLabels[report.kind],
      heldOn: { date: localDate(report.heldOn) },
    };
    await transitionReport(tx, {
      report,
      action: 'submit',
      actorId: viewer.id,
      data: { submittedAt: ctx.now },
      notices: principals.map((userId) => ({
        userId,
        kind: 'DISSEMINATION_SUBMITTED',
        params,
        subject: subjectOf(id),
      })),
    });
    return { id };
  });
}

/** The principal of the report's school verifies it (final) or returns it with a note. */
export async function decideDisseminationReport(
  ctx: Actor,
  { id, verify, note }: { id: string; verify: boolean; note: string | null },
): Promise<{ id: string }> {
  const viewer = requireViewer(ctx);
  const text = verify ? null : parseInput(disseminationReturnNoteSchema, note ?? '', ['note']);
  return inTransaction(async (tx) => {
    const report = await lockReport(tx, id);
    if (!(await disseminationRule(ctx, 'verify').allows(report))) {
      if (await disseminationRule(ctx, 'see').allows(report)) throw new NotAllowedError('NOT_YOUR_SCHOOL');
      throw new NotFoundError();
    }
    const params = { kind: disseminationKindLabels[report.kind], heldOn: { date: localDate(report.heldOn) } };
    await transitionReport(tx, {
      report,
      action: verify ? 'verify' : 'return',
      actorId: viewer.id,
      reason: text,
      data: verify
        ? { verifiedAt: ctx.now, verifiedById: viewer.id }
        : { returnedAt: ctx.now, returnNote: text },
      notices: [
        {
          userId: report.teacherId,
          kind: verify ? 'DISSEMINATION_VERIFIED' : 'DISSEMINATION_RETURNED',
          params: verify ? params : { ...params, note: text ?? '' },
          subject: subjectOf(id),
        },
      ],
    });
    return { id };
  });
}

// Evidence files: photos (resized and stripped of metadata before they get here), attendance
// lists and module files. Checked before the upload is read, and again in the transaction.

export async function assertMayAttachDisseminationEvidence(ctx: Actor, reportId: string) {
  requireViewer(ctx);
  const report = await db().disseminationReport.findUnique({
    where: { id: reportId },
    select: { teacherId: true, schoolId: true, status: true },
  });
  if (!report || !(await disseminationRule(ctx, 'edit').allows(report))) throw new NotFoundError();
  assertEditable(report);
}

export async function attachDisseminationEvidence(
  ctx: Actor,
  file: { reportId: string; fileName: string; storageKey: string; mimeType: string; size: number },
) {
  requireViewer(ctx);
  return inTransaction(async (tx) => {
    const report = await lockOwnReport(tx, ctx, file.reportId);
    assertEditable(report);
    return tx.disseminationEvidence.create({ data: file });
  });
}

export async function removeDisseminationEvidence(ctx: Actor, evidenceId: string) {
  return inTransaction(async (tx) => {
    const evidence = await tx.disseminationEvidence.findUnique({
      where: { id: evidenceId },
      select: { reportId: true, storageKey: true },
    });
    if (!evidence) throw new NotFoundError();
    const report = await lockOwnReport(tx, ctx, evidence.reportId);
    assertEditable(report);
    await tx.disseminationEvidence.delete({ where: { id: evidenceId } });
    return { storageKey: evidence.storageKey };
  });
}

/** A file for whoever may see its report (the teacher, their principal, admins). */
export async function disseminationEvidenceFileFor(ctx: Actor, evidenceId: string) {
  requireViewer(ctx);
  const evidence = await db().disseminationEvidence.findUnique({
    where: { id: evidenceId },
    select: {
      storageKey: true,
      mimeType: true,
      fileName: true,
      report: { select: { teacherId: true, schoolId: true } },
    },
  });
  if (!evidence || !(await disseminationRule(ctx, 'see').allows(evidence.report))) throw new NotFoundError();
  return { storageKey: evidence.storageKey, mimeType: evidence.mimeType, name: evidence.fileName };
}

// The teacher's view: each completed training, where they stand against its expectation.

export type DisseminationTraining = {
  applicationId: string;
  callTitle: string;
  trainingStart: LocalDate;
  trainingEnd: LocalDate;
  teacherId: string;
  progress: DisseminationProgress;
};

const trainingSelect = {
  applicationId: true,
  application: {
    select: {
      teacherId: true,
      school: { select: { province: true } },
      call: {
        select: {
          title: true,
          startDate: true,
          endDate: true,
          province: true,
          programme: { select: { disseminationMinActivities: true, disseminationWithinMonths: true } },
        },
      },
    },
  },
} satisfies Prisma.CredentialSelect;

type TrainingCredential = Prisma.CredentialGetPayload<{ select: typeof trainingSelect }>;

function toTraining(
  credential: TrainingCredential,
  reports: { applicationId: string; status: DisseminationStatus; heldOn: Date }[],
  today: LocalDate,
): DisseminationTraining | null {
  const application = credential.application;
  if (!application || !credential.applicationId) return null;
  const { call } = application;
  const trainingEnd = localDate(call.endDate);
  return {
    applicationId: credential.applicationId,
    callTitle: call.title,
    trainingStart: localDate(call.startDate),
    trainingEnd,
    teacherId: application.teacherId,
    progress: evaluateDisseminationProgress({
      expectation: {
        minActivities: call.programme.disseminationMinActivities,
        withinMonths: call.programme.disseminationWithinMonths,
      },
      trainingEnd,
      today,
      reports: reports
        .filter((report) => report.applicationId === credential.applicationId)
        .map((report) => ({ status: report.status, heldOn: localDate(report.heldOn) })),
    }),
  };
}

/** The viewer's completed trainings (one per application, newest first) with their progress. */
export async function myDisseminationTrainings(ctx: Actor): Promise<DisseminationTraining[]> {
  const viewer = requireViewer(ctx);
  const credentials = await db().credential.findMany({
    where: { teacherId: viewer.id, kind: 'TRAINING', revokedAt: null },
    select: trainingSelect,
    orderBy: [{ validFrom: 'desc' }, { revision: 'desc' }],
  });
  const unique = [...new Map(credentials.map((c) => [c.applicationId, c])).values()];
  const reports = await db().disseminationReport.findMany({
    where: { teacherId: viewer.id },
    select: { applicationId: true, status: true, heldOn: true },
  });
  return unique.flatMap((credential) => {
    const training = toTraining(
      credential,
      reports,
      todayAt(ctx, credential.application?.school?.province ?? null),
    );
    return training ? [training] : [];
  });
}

// Reminders before the deadline, sent through the notices and the email outbox, each once.

/**
 * Reminds teachers short of their programme's expectation 30 and 7 days before the deadline. The
 * reminder's key is recorded in the same transaction as its notice, so a sweep that runs twice (or
 * late) sends it once. Run by the deadline sweep.
 */
export async function sendDisseminationReminders(now: Date): Promise<number> {
  const programmes = await db().programme.findMany({
    where: { disseminationMinActivities: { gt: 0 } },
    select: { id: true, disseminationWithinMonths: true },
  });
  const today = localDateAt(now, 'Asia/Jakarta');
  const window = Math.max(...disseminationReminderDays);
  let sent = 0;
  for (const programme of programmes) {
    // Trainings whose deadline falls between today and the first reminder (a day's slack each side
    // for the time zones); the domain rule decides exactly.
    const endFrom = addDays(addMonths(today, -programme.disseminationWithinMonths), -2);
    const endTo = addDays(addMonths(addDays(today, window), -programme.disseminationWithinMonths), 2);
    const credentials = await db().credential.findMany({
      where: {
        kind: 'TRAINING',
        revokedAt: null,
        application: {
          call: {
            programmeId: programme.id,
            endDate: { gte: storedDate(endFrom), lte: storedDate(endTo) },
          },
        },
      },
      select: trainingSelect,
    });
    const unique = [...new Map(credentials.map((c) => [c.applicationId, c])).values()];
    if (unique.length === 0) continue;
    const reports = await db().disseminationReport.findMany({
      where: { applicationId: { in: unique.flatMap((c) => (c.applicationId ? [c.applicationId] : [])) } },
      select: { applicationId: true, status: true, heldOn: true },
    });
    for (const credential of unique) {
      const province = credential.application?.school?.province ?? null;
      const training = toTraining(credential, reports, localDateAt(now, callTimeZone(province ?? '')));
      const due = training && dueDisseminationReminder(training.progress);
      if (!training || !due) continue;
      const created = await inTransaction(async (tx) => {
        const inserted = await tx.$executeRaw`
          INSERT INTO dissemination_reminders (application_id, key)
          VALUES (${training.applicationId}::uuid, ${due.key}) ON CONFLICT DO NOTHING`;
        if (inserted === 0) return false;
        await notify(tx, [
          {
            userId: training.teacherId,
            kind: 'DISSEMINATION_REMINDER',
            params: {
              call: training.callTitle,
              verified: training.progress.verified,
              required: training.progress.required,
              deadline: { date: training.progress.deadline },
            },
            applicationId: training.applicationId,
          },
        ]);
        return true;
      });
      if (created) sent += 1;
    }
  }
  return sent;
}

// Figures for the programme's dashboards.

/** Which reports a figure counts. The caller scopes it (a principal passes their school). */
export type DisseminationFilters = {
  programmeId?: string;
  /** The programme year. */
  year?: number;
  skillAreaId?: string;
  providerId?: string;
  /** The call's province code. */
  callProvince?: string;
  /** The teacher's school's province code. */
  schoolProvince?: string;
  schoolId?: string;
  /** Activities held on or after / on or before these dates. */
  heldFrom?: LocalDate;
  heldTo?: LocalDate;
};

export type DisseminationFigures = {
  /** Reports ever sent to a principal (submitted, returned or verified). */
  reportsSubmitted: number;
  reportsVerified: number;
  /** Teachers with at least one verified report. */
  teachersReporting: number;
  /** Audience of the verified reports. */
  teachersReached: number;
  studentsReached: number;
  schoolsReached: number;
};

export function disseminationFiltersWhere(
  filters: DisseminationFilters,
): Prisma.DisseminationReportWhereInput {
  const call: Prisma.TrainingCallWhereInput = {
    ...(filters.programmeId ? { programmeId: filters.programmeId } : {}),
    ...(filters.year !== undefined ? { programme: { year: filters.year } } : {}),
    ...(filters.skillAreaId ? { skillAreaId: filters.skillAreaId } : {}),
    ...(filters.providerId ? { providerId: filters.providerId } : {}),
    ...(filters.callProvince ? { province: filters.callProvince } : {}),
  };
  return {
    ...(Object.keys(call).length > 0 ? { application: { call } } : {}),
    ...(filters.schoolId ? { schoolId: filters.schoolId } : {}),
    ...(filters.schoolProvince ? { school: { province: filters.schoolProvince } } : {}),
    ...(filters.heldFrom || filters.heldTo
      ? {
          heldOn: {
            ...(filters.heldFrom ? { gte: storedDate(filters.heldFrom) } : {}),
            ...(filters.heldTo ? { lte: storedDate(filters.heldTo) } : {}),
          },
        }
      : {}),
  };
}

/** Dissemination figures for the funnel: reports submitted and verified, and whom they reached. */
export async function disseminationFigures(
  filters: DisseminationFilters = {},
): Promise<DisseminationFigures> {
  const where = disseminationFiltersWhere(filters);
  const [submitted, verified, teachers] = await Promise.all([
    db().disseminationReport.count({ where: { ...where, submittedAt: { not: null } } }),
    db().disseminationReport.aggregate({
      where: { ...where, status: 'VERIFIED' },
      _count: { _all: true },
      _sum: { teachersReached: true, studentsReached: true, schoolsReached: true },
    }),
    db().disseminationReport.groupBy({ by: ['teacherId'], where: { ...where, status: 'VERIFIED' } }),
  ]);
  return {
    reportsSubmitted: submitted,
    reportsVerified: verified._count._all,
    teachersReporting: teachers.length,
    teachersReached: verified._sum.teachersReached ?? 0,
    studentsReached: verified._sum.studentsReached ?? 0,
    schoolsReached: verified._sum.schoolsReached ?? 0,
  };
}

// The programme's expectation, set by those who manage the programme.

/** Program managers of the programme (and admins) set how much dissemination it expects. */
export async function updateDisseminationExpectation(
  ctx: Actor,
  { programmeId, input }: { programmeId: string; input: unknown },
): Promise<{ id: string }> {
  const viewer = requireViewer(ctx);
  if (!(await canManageProgramme(ctx, { id: programmeId }))) throw new NotAllowedError('FORBIDDEN');
  const data = parseInput(disseminationExpectationSchema, input, ['input']);
  return inTransaction(async (tx) => {
    const before = await tx.programme.findUnique({
      where: { id: programmeId },
      select: { disseminationMinActivities: true, disseminationWithinMonths: true },
    });
    if (!before) throw new NotFoundError();
    await tx.programme.update({
      where: { id: programmeId },
      data: { disseminationMinActivities: data.minActivities, disseminationWithinMonths: data.withinMonths },
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: 'programme.dissemination-expectation',
      details: {
        from: {
          minActivities: before.disseminationMinActivities,
          withinMonths: before.disseminationWithinMonths,
        },
        to: data,
      },
    });
    return { id: programmeId };
  });
}
