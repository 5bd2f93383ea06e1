// The reviewers' workflow of an RPL case: the administrative check (complete, or returned to the
// teacher with the missing items), the two assessors (assigned by hand or round-robin) and their
// judgement per course and CPMK, the committee's decision per course, the validator's approval or
// return, the teacher's appeal and its decision. Each step is one transaction through the case
// machine (`planCaseAction`), appended to the case's history, with notices to whoever acts next.
import type { Prisma, RplStaffRole } from '@kmg/db';
import {
  type Assessment,
  type AssessorRole,
  assessmentSchema,
  assessorRoles,
  type CaseAssignment,
  type CaseStep,
  type CourseDecision,
  caseStepLabels,
  checkCaseAssignments,
  checkCommitteeDecision,
  findMissingAssessmentItems,
  findRoleConflict,
  localDateAt,
  pickAssessors,
  type RplCaseActorRole,
  rplCaseRoleLabels,
  rplTimeZone,
  textSchema,
} from '@kmg/domain';
import { z } from 'zod';
import type { Actor } from '#actor.ts';
import { requireViewer } from '#applications/common.ts';
import { recordAudit } from '#audit.ts';
import { InvalidStateError, NotFoundError, parseInput, ValidationError } from '#errors.ts';
import { notify } from '#notify.ts';
import { saveRuleDraft } from '#rpl/equivalence.ts';
import {
  type CaseRow,
  coversProgramme,
  forbiddenPairsOf,
  heldRoles,
  lockCase,
  moveCase,
  planForViewer,
  proposalOf,
  staffWithRole,
  type Tx,
  viewerStaffRoles,
} from '#rpl/review/case.ts';
import { issueAmendedDecree, loadUniversitySettings } from '#rpl/review/decrees.ts';
import { inTransaction } from '#transaction.ts';

const subjectOf = (row: { id: string }) => ({ type: 'RPL_APPLICATION' as const, id: row.id });

/** Notices to every holder of `role` for the case's programme (never the applicant). */
async function notifyRole(tx: Tx, row: CaseRow, role: RplStaffRole, step: CaseStep) {
  const people = (await staffWithRole(tx, row.programme.universityId, row.programmeId, role)).filter(
    (id) => id !== row.teacherId,
  );
  await notify(
    tx,
    people.map((userId) => ({
      userId,
      kind: 'RPL_CASE_WAITING' as const,
      subject: subjectOf(row),
      params: { programme: row.programme.nameId, step: caseStepLabels[step] },
    })),
  );
}

const missingItemsSchema = z
  .array(textSchema.trim().max(300))
  .max(30)
  .transform((items) => items.filter((item) => item !== ''));

/**
 * The administrative check finds the case incomplete: back to the teacher with the missing items
 * (and an optional note), who answers and submits again.
 */
export async function returnRplCaseToTeacher(
  ctx: Actor,
  {
    applicationId,
    missingItems,
    message,
  }: { applicationId: string; missingItems: unknown; message?: string | null },
) {
  const viewer = requireViewer(ctx);
  const items = parseInput(missingItemsSchema, missingItems, ['missingItems']);
  const note = message?.trim() ? message.trim().slice(0, 2000) : null;
  return inTransaction(async (tx) => {
    const row = await lockCase(tx, applicationId);
    const { actor, plan } = await planForViewer(tx, ctx, row, 'returnToTeacher', { missingItems: items });
    const text =
      items.length === 1 && !note
        ? (items[0] as string)
        : [...items.map((item) => `• ${item}`), ...(note ? [note] : [])].join('\n');
    const updated = await moveCase(tx, {
      row,
      action: 'returnToTeacher',
      to: plan.to,
      actorId: viewer.id,
      actingRole: actor.actingRole,
      at: ctx.now,
      data: {
        evidenceRequest: text,
        missingItems: items,
        evidenceRequestedAt: ctx.now,
        evidenceRequestedById: viewer.id,
      },
      reason: text,
    });
    await notify(tx, [
      {
        userId: row.teacherId,
        kind: 'RPL_EVIDENCE_REQUESTED',
        subject: subjectOf(row),
        params: { programme: row.programme.nameId, message: text },
      },
    ]);
    return updated;
  });
}

/** The administrative check finds the case complete: on to assessment (assessors assigned round-robin when set). */
export async function acceptRplCase(ctx: Actor, { applicationId }: { applicationId: string }) {
  const viewer = requireViewer(ctx);
  return inTransaction(async (tx) => {
    const row = await lockCase(tx, applicationId);
    const { actor, plan } = await planForViewer(tx, ctx, row, 'acceptAsComplete');
    const updated = await moveCase(tx, {
      row,
      action: 'acceptAsComplete',
      to: plan.to,
      actorId: viewer.id,
      actingRole: actor.actingRole,
      at: ctx.now,
      data: { missingItems: [] },
    });
    const settings = await loadUniversitySettings(tx, row.programme.universityId);
    if (settings.autoAssign) {
      const fresh = await lockCase(tx, applicationId);
      const pick = await roundRobin(tx, fresh);
      if (pick.kind === 'picked') await seatAssessors(tx, ctx, fresh, pick.academic, pick.practitioner, null);
    }
    return updated;
  });
}

/** Open cases each person assesses, for round-robin. */
async function assessorLoads(tx: Tx, universityId: string): Promise<Record<string, number>> {
  const rows = await tx.rplCaseParticipant.groupBy({
    by: ['userId'],
    where: {
      role: { in: [...assessorRoles] },
      application: { status: 'IN_ASSESSMENT', programme: { universityId } },
    },
    _count: { _all: true },
  });
  return Object.fromEntries(rows.map((row) => [row.userId, row._count._all]));
}

async function roundRobin(tx: Tx, row: CaseRow) {
  const staff = await tx.rplStaffMember.findMany({
    where: { universityId: row.programme.universityId, role: { in: [...assessorRoles] } },
    select: { userId: true, role: true, programmeIds: true },
  });
  const pool = new Map<string, { personId: string; roles: AssessorRole[]; programmeIds: string[] }>();
  for (const member of staff) {
    if (!coversProgramme(member, row.programmeId)) continue;
    const entry = pool.get(member.userId) ?? {
      personId: member.userId,
      roles: [],
      programmeIds: [row.programmeId],
    };
    entry.roles.push(member.role as AssessorRole);
    pool.set(member.userId, entry);
  }
  // Nobody assesses their own application, nor a case they hold a role on that the four-eyes pairs
  // forbid beside an assessor seat (the validator's, by default). Other roles do not bar a seat:
  // the officer who accepted the case may assess it, as an assignment by hand allows.
  const pairs = forbiddenPairsOf(row);
  const barsASeat = (role: RplStaffRole) =>
    pairs.some(
      ([a, b]) =>
        (a === role && assessorRoles.includes(b as AssessorRole)) ||
        (b === role && assessorRoles.includes(a as AssessorRole)),
    );
  const conflicts = [
    row.teacherId,
    ...row.participants
      .filter((p) => !assessorRoles.includes(p.role as AssessorRole) && barsASeat(p.role))
      .map((p) => p.userId),
  ];
  return pickAssessors({
    pool: [...pool.values()],
    loads: await assessorLoads(tx, row.programme.universityId),
    conflicts,
    programmeId: row.programmeId,
  });
}

/** Puts two people in the assessor seats (replacing whoever sat there and had not submitted). */
async function seatAssessors(
  tx: Tx,
  ctx: Actor,
  row: CaseRow,
  academic: { personId: string } | null,
  practitioner: { personId: string } | null,
  assignedById: string | null,
) {
  const seats: [AssessorRole, { personId: string } | null][] = [
    ['ACADEMIC_ASSESSOR', academic],
    ['PRACTITIONER_ASSESSOR', practitioner],
  ];
  const changes = seats.flatMap(([role, person]) => {
    const current = row.participants.find((p) => p.role === role) ?? null;
    return person && current?.userId !== person.personId ? [{ role, person, current }] : [];
  });
  // Every seat changing hands is vacated before any is filled: one person may move from one seat to
  // the other, and a case never holds one person in both seats, even for a moment.
  for (const { role, current } of changes) {
    if (!current) continue;
    const assessment = await tx.rplAssessment.findUnique({
      where: { applicationId_role: { applicationId: row.id, role } },
      select: { submittedAt: true },
    });
    if (assessment?.submittedAt) throw new InvalidStateError('RPL_ASSESSMENT_ALREADY_SUBMITTED');
    await tx.rplAssessment.deleteMany({ where: { applicationId: row.id, role } });
    await tx.rplCaseParticipant.delete({
      where: { applicationId_role_userId: { applicationId: row.id, role, userId: current.userId } },
    });
  }
  const notices: { userId: string }[] = [];
  for (const { role, person, current } of changes) {
    await tx.rplCaseParticipant.create({
      data: { applicationId: row.id, role, userId: person.personId, assignedById },
    });
    notices.push({ userId: person.personId });
    await recordAudit(tx, {
      actorId: assignedById,
      action: 'RPL_CASE_ASSESSOR_ASSIGNED',
      subject: subjectOf(row),
      occurredAt: ctx.now,
      details: { role, userId: person.personId, replaced: current?.userId ?? null },
    });
  }
  await notify(
    tx,
    notices.map(({ userId }) => ({
      userId,
      kind: 'RPL_CASE_ASSIGNED',
      subject: subjectOf(row),
      params: { programme: row.programme.nameId },
    })),
  );
}

const assignRoles: readonly RplStaffRole[] = ['UNIVERSITY_ADMIN', 'ADMIN_OFFICER'];

/**
 * Assigns assessors to cases in assessment: the given people, or round-robin per programme (the
 * least-loaded, four-eyes respected). All the cases or none: the errors name each case.
 */
export async function assignRplAssessors(
  ctx: Actor,
  {
    applicationIds,
    academicId,
    practitionerId,
    roundRobin: useRoundRobin,
  }: {
    applicationIds: string[];
    academicId?: string | null;
    practitionerId?: string | null;
    roundRobin?: boolean;
  },
) {
  const viewer = requireViewer(ctx);
  if (applicationIds.length === 0 || applicationIds.length > 200)
    throw new ValidationError([{ path: ['applicationIds'], code: 'REQUIRED' }]);
  if (!useRoundRobin && !academicId && !practitionerId)
    throw new ValidationError([{ path: ['academicId'], code: 'REQUIRED' }]);
  return inTransaction(async (tx) => {
    const issues: { path: string[]; code: string; params?: Record<string, unknown> }[] = [];
    for (const [index, applicationId] of [...new Set(applicationIds)].entries()) {
      const row = await lockCase(tx, applicationId);
      const roles = await viewerStaffRoles(tx, ctx, row);
      if (!roles.some((role) => assignRoles.includes(role))) {
        if (roles.length === 0) throw new NotFoundError();
        throw new InvalidStateError('RPL_CASE_WRONG_ROLE', {
          action: { id: 'ditugaskan asesornya', en: 'given its assessors' },
          roles: {
            id: 'admin perguruan tinggi atau petugas administrasi',
            en: 'university admin or administrative officer',
          },
        });
      }
      if (row.status !== 'IN_ASSESSMENT') {
        throw new InvalidStateError('RPL_CASE_NOT_IN_ASSESSMENT');
      }
      let academic: { personId: string } | null = academicId ? { personId: academicId } : null;
      let practitioner: { personId: string } | null = practitionerId ? { personId: practitionerId } : null;
      if (useRoundRobin) {
        const pick = await roundRobin(tx, row);
        if (pick.kind === 'none') {
          for (const reason of pick.reasons)
            issues.push({
              path: ['applicationIds', String(index)],
              code: reason.code,
              params: reason.params,
            });
          continue;
        }
        academic = pick.academic;
        practitioner = pick.practitioner;
      }
      const candidates = await checkCandidates(tx, row, { academic, practitioner }, index);
      issues.push(...candidates);
      if (candidates.length === 0) await seatAssessors(tx, ctx, row, academic, practitioner, viewer.id);
    }
    if (issues.length > 0) throw new ValidationError(issues as never);
    return { count: applicationIds.length };
  });
}

/** Each person must assess for the programme in that seat, and hold no conflicting role on the case. */
async function checkCandidates(
  tx: Tx,
  row: CaseRow,
  seats: { academic: { personId: string } | null; practitioner: { personId: string } | null },
  index: number,
) {
  const issues: { path: string[]; code: string; params?: Record<string, unknown> }[] = [];
  const people = [seats.academic?.personId, seats.practitioner?.personId].filter((id): id is string => !!id);
  const users = await tx.user.findMany({ where: { id: { in: people } }, select: { id: true, name: true } });
  const nameOf = (id: string) => users.find((u) => u.id === id)?.name ?? id;
  const staff = await tx.rplStaffMember.findMany({
    where: { universityId: row.programme.universityId, userId: { in: people } },
    select: { userId: true, role: true, programmeIds: true },
  });
  const assignments: CaseAssignment[] = row.participants
    .filter((p) => !assessorRoles.includes(p.role as AssessorRole))
    .map((p) => ({ personId: p.userId, personName: nameOf(p.userId), role: p.role }));
  for (const [field, role, seat] of [
    ['academicId', 'ACADEMIC_ASSESSOR', seats.academic],
    ['practitionerId', 'PRACTITIONER_ASSESSOR', seats.practitioner],
  ] as const) {
    const personId = seat?.personId ?? row.participants.find((p) => p.role === role)?.userId;
    if (!personId) continue;
    if (seat) {
      const eligible = staff.some(
        (m) => m.userId === personId && m.role === role && coversProgramme(m, row.programmeId),
      );
      if (!eligible) {
        issues.push({
          path: [field],
          code: 'RPL_NOT_AN_ASSESSOR',
          params: { person: nameOf(personId), role: rplCaseRoleLabels[role] },
        });
        continue;
      }
      if (personId === row.teacherId) {
        issues.push({
          path: [field],
          code: 'RPL_ROLE_CONFLICT',
          params: {
            person: nameOf(personId),
            first: rplCaseRoleLabels.TEACHER,
            second: rplCaseRoleLabels[role],
          },
        });
        continue;
      }
    }
    assignments.push({ personId, personName: nameOf(personId), role });
  }
  for (const issue of checkCaseAssignments(assignments, forbiddenPairsOf(row))) {
    issues.push({
      path: ['applicationIds', String(index)],
      code: issue.code,
      params: issue.params as Record<string, unknown>,
    });
  }
  return issues;
}

/** The assessor seat the viewer holds on this case, if any. */
function seatOf(row: CaseRow, userId: string): AssessorRole | null {
  return (row.participants.find((p) => p.userId === userId && assessorRoles.includes(p.role as AssessorRole))
    ?.role ?? null) as AssessorRole | null;
}

/**
 * An assessor records their judgement (saved as they work); `submit` declares it complete, after
 * which it no longer changes. When both assessors have submitted, the case goes to the committee.
 */
export async function saveRplAssessment(
  ctx: Actor,
  { applicationId, courses, submit }: { applicationId: string; courses: unknown; submit: boolean },
) {
  const viewer = requireViewer(ctx);
  return inTransaction(async (tx) => {
    const row = await lockCase(tx, applicationId);
    const seat = seatOf(row, viewer.id);
    if (!seat) {
      if ((await viewerStaffRoles(tx, ctx, row)).length === 0) throw new NotFoundError();
      throw new InvalidStateError('RPL_NOT_YOUR_ASSESSMENT');
    }
    if (row.status !== 'IN_ASSESSMENT') throw new InvalidStateError('RPL_CASE_NOT_IN_ASSESSMENT');
    const existing = await tx.rplAssessment.findUnique({
      where: { applicationId_role: { applicationId, role: seat } },
    });
    if (existing?.submittedAt) throw new InvalidStateError('RPL_ASSESSMENT_ALREADY_SUBMITTED');
    const parsed = parseInput(assessmentSchema, { assessorRole: seat, courses }, []);
    const snapshot = proposalOf(row);
    const programme = snapshot.input.programme;
    const issues: { path: string[]; code: string; params?: Record<string, unknown> }[] = [];
    parsed.courses.forEach((course, index) => {
      const known = programme.courses.find((c) => c.id === course.courseId);
      if (!known) {
        issues.push({ path: ['courses', String(index), 'courseId'], code: 'RPL_DECISION_UNKNOWN_COURSE' });
        return;
      }
      course.outcomes.forEach((outcome, o) => {
        if (!known.outcomes.some((k) => k.code === outcome.outcomeCode))
          issues.push({
            path: ['courses', String(index), 'outcomes', String(o), 'outcomeCode'],
            code: 'NOT_FOUND',
          });
      });
    });
    if (issues.length > 0) throw new ValidationError(issues as never);
    if (submit) {
      const missing = findMissingAssessmentItems({
        proposal: snapshot.proposal,
        courses: programme.courses,
        assessment: parsed,
      });
      // The message counts CPMK: a course not recorded at all misses every one of its CPMK.
      const missingOutcomes = missing.reduce(
        (count, item) =>
          count +
          (item.outcomeCode
            ? 1
            : Math.max(1, programme.courses.find((c) => c.id === item.courseId)?.outcomes.length ?? 1)),
        0,
      );
      if (missing.length > 0)
        throw new ValidationError([
          {
            path: ['courses'],
            code: 'RPL_ASSESSMENT_INCOMPLETE_ITEMS',
            params: { missing: missingOutcomes },
          },
        ]);
    }
    const data = {
      courses: parsed.courses as unknown as Prisma.InputJsonValue,
      submittedAt: submit ? ctx.now : null,
      assessorId: viewer.id,
    };
    const saved = await tx.rplAssessment.upsert({
      where: { applicationId_role: { applicationId, role: seat } },
      create: { applicationId, role: seat, ...data },
      update: data,
    });
    if (submit) {
      await recordAudit(tx, {
        actorId: viewer.id,
        action: 'RPL_CASE_ASSESSMENT_SUBMITTED',
        subject: subjectOf(row),
        occurredAt: ctx.now,
        details: { role: seat },
      });
      const submitted = await tx.rplAssessment.count({
        where: { applicationId, submittedAt: { not: null } },
      });
      if (submitted === assessorRoles.length) {
        await moveCase(tx, {
          row,
          action: 'completeAssessment',
          to: 'AWAITING_COMMITTEE',
          actorId: null,
          actingRole: 'SYSTEM',
          at: ctx.now,
        });
        await notifyRole(tx, row, 'COMMITTEE', 'committee');
      }
    }
    return saved;
  });
}

/** Both assessments as stored (submitted or not). */
export async function assessmentsOf(tx: Pick<Tx, 'rplAssessment'>, applicationId: string) {
  const rows = await tx.rplAssessment.findMany({ where: { applicationId } });
  const as = (role: AssessorRole): Assessment => ({
    assessorRole: role,
    courses: (rows.find((r) => r.role === role)?.courses ?? []) as Assessment['courses'],
  });
  return { rows, academic: as('ACADEMIC_ASSESSOR'), practitioner: as('PRACTITIONER_ASSESSOR') };
}

/** The committee moves a case on by hand once both assessors have submitted. */
export async function completeRplAssessment(ctx: Actor, { applicationId }: { applicationId: string }) {
  const viewer = requireViewer(ctx);
  return inTransaction(async (tx) => {
    const row = await lockCase(tx, applicationId);
    const submitted = await tx.rplAssessment.count({ where: { applicationId, submittedAt: { not: null } } });
    const { actor, plan } = await planForViewer(tx, ctx, row, 'completeAssessment', {
      assessmentsComplete: submitted === assessorRoles.length,
    });
    return moveCase(tx, {
      row,
      action: 'completeAssessment',
      to: plan.to,
      actorId: viewer.id,
      actingRole: actor.actingRole,
      at: ctx.now,
    });
  });
}

const decisionInputSchema = z.object({
  decisions: z
    .array(
      z.object({
        courseId: z.string().trim().min(1).max(100),
        sks: z.number().int(),
        reason: textSchema
          .trim()
          .max(2000)
          .nullish()
          .transform((value) => value || null),
      }),
    )
    .max(200),
  notes: textSchema
    .trim()
    .max(4000)
    .nullish()
    .transform((value) => value || null),
});

/** Stores a committee decision after `checkCommitteeDecision`; returns it with its total. */
async function storeDecision(tx: Tx, ctx: Actor, row: CaseRow, input: unknown, kind: 'ORIGINAL' | 'APPEAL') {
  const viewer = requireViewer(ctx);
  const { decisions, notes } = parseInput(decisionInputSchema, input, []);
  const snapshot = proposalOf(row);
  const issues = checkCommitteeDecision({
    proposal: snapshot.proposal,
    courses: snapshot.input.programme.courses,
    decisions: decisions as CourseDecision[],
  });
  if (issues.length > 0) throw new ValidationError(issues);
  const proposedSks = (courseId: string) =>
    snapshot.proposal.kind === 'proposal'
      ? (snapshot.proposal.proposed.find((c) => c.courseId === courseId)?.sks ?? 0)
      : 0;
  const totalSks = decisions.reduce((sum, d) => sum + d.sks, 0);
  const decision = await tx.rplCommitteeDecision.create({
    data: {
      applicationId: row.id,
      kind,
      decidedById: viewer.id,
      decidedAt: ctx.now,
      totalSks,
      notes,
      courses: {
        create: decisions.map((d) => ({
          courseId: d.courseId,
          proposedSks: proposedSks(d.courseId),
          sks: d.sks,
          reason: d.reason,
        })),
      },
    },
  });
  return decision;
}

/** The committee decides each course's SKS (the proposal is the start; departures need a reason). */
export async function decideRplCase(
  ctx: Actor,
  { applicationId, input }: { applicationId: string; input: unknown },
) {
  const viewer = requireViewer(ctx);
  return inTransaction(async (tx) => {
    const row = await lockCase(tx, applicationId);
    const { actor, plan } = await planForViewer(tx, ctx, row, 'decide');
    const decision = await storeDecision(tx, ctx, row, input, 'ORIGINAL');
    const updated = await moveCase(tx, {
      row,
      action: 'decide',
      to: plan.to,
      actorId: viewer.id,
      actingRole: actor.actingRole,
      at: ctx.now,
      details: { decisionId: decision.id, totalSks: decision.totalSks },
    });
    await notifyRole(tx, row, 'VALIDATOR', 'validation');
    return updated;
  });
}

/** The decision awaiting the validator. */
async function openDecision(tx: Tx, applicationId: string) {
  const decision = await tx.rplCommitteeDecision.findFirst({
    where: { applicationId, kind: 'ORIGINAL', validatedAt: null, returnedAt: null },
    orderBy: { decidedAt: 'desc' },
  });
  if (!decision) throw new InvalidStateError('STATUS_CHANGED');
  return decision;
}

/** The validator approves the committee's decision; the university admin then issues the decree. */
export async function validateRplCase(ctx: Actor, { applicationId }: { applicationId: string }) {
  const viewer = requireViewer(ctx);
  return inTransaction(async (tx) => {
    const row = await lockCase(tx, applicationId);
    const { actor, plan } = await planForViewer(tx, ctx, row, 'validate');
    const decision = await openDecision(tx, applicationId);
    if (decision.decidedById === viewer.id) {
      throw new InvalidStateError('RPL_CASE_ROLE_CONFLICT', {
        first: rplCaseRoleLabels.COMMITTEE,
        second: rplCaseRoleLabels.VALIDATOR,
      });
    }
    await tx.rplCommitteeDecision.update({
      where: { id: decision.id },
      data: { validatedById: viewer.id, validatedAt: ctx.now },
    });
    const updated = await moveCase(tx, {
      row,
      action: 'validate',
      to: plan.to,
      actorId: viewer.id,
      actingRole: actor.actingRole,
      at: ctx.now,
      details: { decisionId: decision.id },
    });
    await notifyRole(tx, row, 'UNIVERSITY_ADMIN', 'decree');
    return updated;
  });
}

/** The validator returns the decision to the committee, saying why. */
export async function returnRplCaseToCommittee(
  ctx: Actor,
  { applicationId, reason }: { applicationId: string; reason: string },
) {
  const viewer = requireViewer(ctx);
  const text = reason?.trim().slice(0, 2000) ?? '';
  return inTransaction(async (tx) => {
    const row = await lockCase(tx, applicationId);
    const { actor, plan } = await planForViewer(tx, ctx, row, 'returnToCommittee', { reason: text });
    const decision = await openDecision(tx, applicationId);
    await tx.rplCommitteeDecision.update({
      where: { id: decision.id },
      data: { returnedAt: ctx.now, returnReason: text },
    });
    const updated = await moveCase(tx, {
      row,
      action: 'returnToCommittee',
      to: plan.to,
      actorId: viewer.id,
      actingRole: actor.actingRole,
      at: ctx.now,
      reason: text,
      details: { decisionId: decision.id },
    });
    await notifyRole(tx, row, 'COMMITTEE', 'committee');
    return updated;
  });
}

const appealSchema = textSchema.trim().min(10).max(4000);

/** The teacher appeals the decision, within the university's appeal days, once. */
export async function appealRplCase(
  ctx: Actor,
  { applicationId, reason }: { applicationId: string; reason: string },
) {
  const viewer = requireViewer(ctx);
  const text = parseInput(appealSchema, reason, ['reason']);
  return inTransaction(async (tx) => {
    const row = await lockCase(tx, applicationId);
    if (row.teacherId !== viewer.id) throw new NotFoundError();
    const settings = await loadUniversitySettings(tx, row.programme.universityId);
    const appealed = await tx.rplAppeal.findUnique({
      where: { applicationId },
      select: { applicationId: true },
    });
    const { actor, plan } = await planForViewer(tx, ctx, row, 'appeal', {
      appeal: row.decidedAt
        ? { decidedAt: row.decidedAt, days: settings.appealDays, now: ctx.now, hasAppealed: !!appealed }
        : undefined,
    });
    await tx.rplAppeal.create({ data: { applicationId, reason: text, appealedAt: ctx.now } });
    const updated = await moveCase(tx, {
      row,
      action: 'appeal',
      to: plan.to,
      actorId: viewer.id,
      actingRole: actor.actingRole,
      at: ctx.now,
      reason: text,
    });
    await notifyRole(tx, row, 'COMMITTEE', 'appealDecision');
    return updated;
  });
}

/**
 * The committee decides the appeal, course by course like the first decision. When the result
 * changes, the university issues an amended decree and a new recognition (the old one revoked);
 * either way the case is decided again and the teacher told.
 */
export async function decideRplAppeal(
  ctx: Actor,
  { applicationId, input }: { applicationId: string; input: unknown },
) {
  const viewer = requireViewer(ctx);
  return inTransaction(async (tx) => {
    const row = await lockCase(tx, applicationId);
    const { actor, plan } = await planForViewer(tx, ctx, row, 'decideAppeal');
    const decision = await storeDecision(tx, ctx, row, input, 'APPEAL');
    await tx.rplAppeal.update({
      where: { applicationId },
      data: { decisionId: decision.id, decidedAt: ctx.now },
    });
    const previous = await tx.rplCommitteeDecision.findFirst({
      where: { applicationId, validatedAt: { not: null } },
      orderBy: { decidedAt: 'desc' },
      include: { courses: true },
    });
    const fresh = await tx.rplCourseDecision.findMany({ where: { decisionId: decision.id } });
    const key = (courses: { courseId: string; sks: number }[]) =>
      courses
        .filter((c) => c.sks > 0)
        .map((c) => `${c.courseId}:${c.sks}`)
        .sort()
        .join(',');
    const changed = !previous || key(previous.courses) !== key(fresh);
    const updated = await moveCase(tx, {
      row,
      action: 'decideAppeal',
      to: plan.to,
      actorId: viewer.id,
      actingRole: actor.actingRole,
      at: ctx.now,
      details: { decisionId: decision.id, changed, totalSks: decision.totalSks },
    });
    if (changed) await issueAmendedDecree(tx, ctx, row, decision.id);
    await notify(tx, [
      {
        userId: row.teacherId,
        kind: 'RPL_APPEAL_DECIDED',
        subject: subjectOf(row),
        params: { programme: row.programme.nameId, sks: decision.totalSks },
      },
    ]);
    return updated;
  });
}

/** Roles the viewer holds on the case and for it, for the case page (what they may do). */
export async function viewerCaseRoles(tx: Tx, ctx: Actor, row: CaseRow) {
  const viewer = requireViewer(ctx);
  const staff = await viewerStaffRoles(tx, ctx, row);
  const held = heldRoles(row, viewer.id);
  const conflict = findRoleConflict([...new Set<RplCaseActorRole>([...held])], forbiddenPairsOf(row));
  return { staff, held, conflict };
}

/**
 * A committee member proposes a decided course as a precedent: a draft equivalence rule whose
 * requirements are the achievements of the credentials behind it, and whose SKS are those decided.
 * The draft needs the usual second approval; decisions already made never change.
 */
export async function proposeRplPrecedent(
  ctx: Actor,
  { applicationId, courseId }: { applicationId: string; courseId: string },
) {
  const viewer = requireViewer(ctx);
  const { row, course, decided, codes } = await inTransaction(async (tx) => {
    const row = await lockCase(tx, applicationId);
    const roles = await viewerStaffRoles(tx, ctx, row);
    if (roles.length === 0) throw new NotFoundError();
    if (!roles.includes('COMMITTEE'))
      throw new InvalidStateError('RPL_CASE_WRONG_ROLE', {
        action: { id: 'dijadikan preseden', en: 'proposed as a precedent' },
        roles: rplCaseRoleLabels.COMMITTEE,
      });
    const decided = await tx.rplCourseDecision.findFirst({
      where: {
        courseId,
        sks: { gt: 0 },
        decision: { applicationId, OR: [{ validatedAt: { not: null } }, { kind: 'APPEAL' }] },
      },
      orderBy: { decision: { decidedAt: 'desc' } },
    });
    if (!decided) throw new InvalidStateError('RPL_NOT_DECIDED_YET');
    const course = await tx.course.findUniqueOrThrow({
      where: { id: courseId },
      include: { outcomes: { orderBy: { position: 'asc' } } },
    });
    const snapshot = proposalOf(row);
    const proposed =
      snapshot.proposal.kind === 'proposal'
        ? snapshot.proposal.proposed.find((c) => c.courseId === courseId)
        : undefined;
    const credentials = await tx.rplApplicationCredential.findMany({
      where: {
        applicationId,
        isVerified: true,
        credentialId: { not: null },
        ...(proposed ? { credentialId: { in: proposed.credentialIds } } : {}),
      },
      select: { credential: { select: { achievement: { select: { code: true } } } } },
    });
    const codes = [
      ...new Set(
        credentials.flatMap((c) => (c.credential?.achievement ? [c.credential.achievement.code] : [])),
      ),
    ];
    if (codes.length === 0) throw new InvalidStateError('RPL_NO_CREDENTIALS');
    return { row, course, decided, codes };
  });
  const today = localDateAt(ctx.now, rplTimeZone);
  const draft = await saveRuleDraft(ctx, {
    programmeId: row.programmeId,
    code: `PRESEDEN-${course.code}`.slice(0, 40),
    input: {
      courseId,
      requirements: codes.map((code) => ({ kind: 'ACHIEVEMENT', achievementCode: code })),
      coveredOutcomes: course.outcomes.map((o) => o.code),
      coverage: { kind: 'ALL' },
      sks: decided.sks,
      rationaleId: `Preseden dari keputusan tim RPL atas kasus RPL-${row.id.slice(0, 8).toUpperCase()}: ${decided.reason ?? 'diakui sesuai bukti'}`,
      rationaleEn: null,
      effectiveFrom: today,
      effectiveTo: null,
    },
    precedentApplicationId: row.id,
  });
  await recordAuditOutside(viewer.id, row.id, draft.id, ctx.now);
  return draft;
}

async function recordAuditOutside(actorId: string, applicationId: string, versionId: string, at: Date) {
  await inTransaction((tx) =>
    recordAudit(tx, {
      actorId,
      action: 'RPL_CASE_PRECEDENT_PROPOSED',
      subject: { type: 'RPL_APPLICATION', id: applicationId },
      occurredAt: at,
      details: { ruleVersionId: versionId },
    }),
  );
}
