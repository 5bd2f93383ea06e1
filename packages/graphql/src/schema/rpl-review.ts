// The reviewers' workflow of RPL cases (issue 11): the case's steps, people, assessments, decisions,
// decree and appeal on `RplApplication`; the queue, the university's people and settings, reports;
// and one mutation per step. Every rule is in @kmg/core; this file only reads and shapes.
import { InvalidStateError } from '@kmg/core/errors';
import { decodeId, requireId } from '@kmg/core/ids';
import {
  caseReference,
  caseSelect,
  heldRoles,
  statusHistory,
  viewerStaffRoles,
} from '@kmg/core/rpl/review/case';
import { issueRplDecree, loadUniversitySettings, publicDecree } from '@kmg/core/rpl/review/decrees';
import { deadlinesOf, rplProgrammeFigure, rplQueue, rplReport } from '@kmg/core/rpl/review/queue';
import {
  canAdministerUniversity,
  isUniversity,
  listRplStaff,
  saveRplUniversitySettings,
  setRplStaffRoles,
} from '@kmg/core/rpl/review/staff';
import {
  acceptRplCase,
  appealRplCase,
  assignRplAssessors,
  completeRplAssessment,
  decideRplAppeal,
  decideRplCase,
  proposeRplPrecedent,
  returnRplCaseToCommittee,
  returnRplCaseToTeacher,
  saveRplAssessment,
  validateRplCase,
} from '@kmg/core/rpl/review/workflow';
import { db, type Prisma } from '@kmg/db';
import {
  type Assessment,
  appealWindow,
  assessmentMethodLabels,
  assessmentMethods,
  assessmentRecommendationLabels,
  assessmentRecommendations,
  caseStepLabels,
  compareAssessments,
  planCaseAction,
  type RplCaseAction,
  type RplCaseActorRole,
  type RplCaseStatus,
  rplCaseActionRoles,
  rplCaseActions,
  rplCaseRoleLabels,
  rplCaseRoles,
  rplCaseStatusLabels,
  type StepDeadline,
} from '@kmg/domain';
import { builder } from '#builder.ts';
import { CredentialRef } from '#schema/credentials.ts';
import { refetchQuery } from '#schema/ids.ts';
import {
  EquivalenceRuleVersionRef,
  RplApplicationRef,
  RplIntakeRef,
  StudyProgrammeRef,
} from '#schema/rpl.ts';

const staff = { $any: { rplReviewer: true, admin: true } };

const RplStaffRoleEnum = builder.enumType('RplStaffRole', { values: rplCaseRoles });
const RplCaseActionEnum = builder.enumType('RplCaseAction', { values: rplCaseActions });
const RplQueueViewEnum = builder.enumType('RplQueueView', {
  values: ['MINE', 'UNASSIGNED', 'OPEN', 'CLOSED'] as const,
});
const AssessmentMethodEnum = builder.enumType('RplAssessmentMethod', { values: assessmentMethods });
const AssessmentRecommendationEnum = builder.enumType('RplAssessmentRecommendation', {
  values: assessmentRecommendations,
});
const DecreeScopeEnum = builder.enumType('RplDecreeScope', { values: ['CASE', 'INTAKE'] as const });
const DecreeAuthorityEnum = builder.enumType('RplDecreeAuthority', { values: ['RECTOR', 'DEAN'] as const });

const roleLabel = (role: string, locale: 'id' | 'en') =>
  rplCaseRoleLabels[role as RplCaseActorRole]?.[locale] ?? role;

// ---- Deadlines and history --------------------------------------------------------------------

const StepDeadlineRef = builder.objectRef<StepDeadline>('RplStepDeadline').implement({
  fields: (t) => ({
    step: t.exposeString('step'),
    stepLabel: t.string({ resolve: (d, _a, ctx) => caseStepLabels[d.step][ctx.locale] }),
    startedOn: t.expose('startedOn', { type: 'LocalDate' }),
    dueOn: t.expose('dueOn', { type: 'LocalDate' }),
    daysLeft: t.exposeInt('daysLeft'),
    isOverdue: t.exposeBoolean('isOverdue'),
  }),
});

type EventRow = {
  id: bigint;
  occurredAt: Date;
  action: string;
  actorName: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  reason: string | null;
  role: string | null;
  /** The person an assignment seated, and the seat. */
  subjectName: string | null;
  seat: string | null;
};

const CaseEventRef = builder.objectRef<EventRow>('RplCaseEvent').implement({
  description: "One entry of the case's append-only history.",
  fields: (t) => ({
    at: t.expose('occurredAt', { type: 'DateTime' }),
    action: t.exposeString('action'),
    actorName: t.exposeString('actorName', { nullable: true }),
    roleLabel: t.string({
      nullable: true,
      resolve: (e, _a, ctx) => (e.role ? roleLabel(e.role, ctx.locale) : null),
    }),
    fromStatusLabel: t.string({
      nullable: true,
      resolve: (e, _a, ctx) =>
        e.fromStatus
          ? (rplCaseStatusLabels[e.fromStatus as RplCaseStatus]?.[ctx.locale] ?? e.fromStatus)
          : null,
    }),
    toStatusLabel: t.string({
      nullable: true,
      resolve: (e, _a, ctx) =>
        e.toStatus ? (rplCaseStatusLabels[e.toStatus as RplCaseStatus]?.[ctx.locale] ?? e.toStatus) : null,
    }),
    reason: t.exposeString('reason', { nullable: true }),
    assignedName: t.exposeString('subjectName', {
      nullable: true,
      description: 'For an assessor assignment: the person seated.',
    }),
    assignedRoleLabel: t.string({
      nullable: true,
      description: 'For an assessor assignment: the seat.',
      resolve: (e, _a, ctx) => (e.subjectName && e.seat ? roleLabel(e.seat, ctx.locale) : null),
    }),
  }),
});

// ---- People -----------------------------------------------------------------------------------

type ParticipantRow = { userId: string; name: string; role: string };
const ParticipantRef = builder.objectRef<ParticipantRow>('RplCaseParticipant').implement({
  fields: (t) => ({
    userId: t.exposeString('userId'),
    name: t.exposeString('name'),
    role: t.field({ type: RplStaffRoleEnum, resolve: (p) => p.role as (typeof rplCaseRoles)[number] }),
    roleLabel: t.string({ resolve: (p, _a, ctx) => roleLabel(p.role, ctx.locale) }),
  }),
});

// ---- Assessments ------------------------------------------------------------------------------

type OutcomeJudgement = Assessment['courses'][number]['outcomes'][number];
const OutcomeJudgementRef = builder.objectRef<OutcomeJudgement>('RplOutcomeJudgement').implement({
  fields: (t) => ({
    outcomeCode: t.exposeString('outcomeCode'),
    valid: t.boolean({ resolve: (o) => o.principles.valid }),
    authentic: t.boolean({ resolve: (o) => o.principles.authentic }),
    current: t.boolean({ resolve: (o) => o.principles.current }),
    sufficient: t.boolean({ resolve: (o) => o.principles.sufficient }),
    method: t.field({ type: AssessmentMethodEnum, resolve: (o) => o.method }),
    methodLabel: t.string({ resolve: (o, _a, ctx) => assessmentMethodLabels[o.method][ctx.locale] }),
    scheduledOn: t.expose('scheduledOn', { type: 'LocalDate', nullable: true }),
    place: t.exposeString('place', { nullable: true }),
    link: t.exposeString('link', { nullable: true }),
    score: t.exposeInt('score'),
  }),
});

type CourseJudgement = Assessment['courses'][number];
const CourseJudgementRef = builder.objectRef<CourseJudgement>('RplCourseJudgement').implement({
  fields: (t) => ({
    courseId: t.exposeString('courseId'),
    outcomes: t.field({ type: [OutcomeJudgementRef], resolve: (c) => c.outcomes }),
    recommendation: t.field({ type: AssessmentRecommendationEnum, resolve: (c) => c.recommendation }),
    recommendationLabel: t.string({
      resolve: (c, _a, ctx) => assessmentRecommendationLabels[c.recommendation][ctx.locale],
    }),
    notes: t.exposeString('notes', { nullable: true }),
  }),
});

type AssessmentView = {
  role: string;
  assessorName: string;
  submittedAt: Date | null;
  updatedAt: Date;
  courses: CourseJudgement[];
};
const AssessmentRef = builder.objectRef<AssessmentView>('RplAssessment').implement({
  fields: (t) => ({
    role: t.field({ type: RplStaffRoleEnum, resolve: (a) => a.role as (typeof rplCaseRoles)[number] }),
    roleLabel: t.string({ resolve: (a, _x, ctx) => roleLabel(a.role, ctx.locale) }),
    assessorName: t.exposeString('assessorName'),
    submittedAt: t.expose('submittedAt', { type: 'DateTime', nullable: true }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    courses: t.field({ type: [CourseJudgementRef], resolve: (a) => a.courses }),
  }),
});

type ComparisonView = ReturnType<typeof compareAssessments>[number];
const ComparisonRef = builder.objectRef<ComparisonView>('RplCourseComparison').implement({
  description: 'The two assessors side by side for one course.',
  fields: (t) => ({
    courseId: t.exposeString('courseId'),
    kind: t.exposeString('kind', { description: 'agree, disagree or pending' }),
    academicScore: t.int({ nullable: true, resolve: (c) => c.academic?.score ?? null }),
    practitionerScore: t.int({ nullable: true, resolve: (c) => c.practitioner?.score ?? null }),
    academicRecommendation: t.field({
      type: AssessmentRecommendationEnum,
      nullable: true,
      resolve: (c) => c.academic?.recommendation ?? null,
    }),
    practitionerRecommendation: t.field({
      type: AssessmentRecommendationEnum,
      nullable: true,
      resolve: (c) => c.practitioner?.recommendation ?? null,
    }),
    recommendationDiffers: t.boolean({ resolve: (c) => c.kind === 'disagree' && c.recommendation }),
    scoreGap: t.int({ nullable: true, resolve: (c) => (c.kind === 'disagree' ? c.scoreGap : null) }),
    principleDifferences: t.stringList({
      description: 'CPMK codes with the principles the two judged differently, e.g. "CPMK-1: current".',
      resolve: (c) =>
        c.kind === 'disagree' ? c.principles.map((p) => `${p.outcomeCode}: ${p.differ.join(', ')}`) : [],
    }),
  }),
});

// ---- Decisions --------------------------------------------------------------------------------

type DecisionRow = Prisma.RplCommitteeDecisionGetPayload<{
  include: {
    decidedBy: { select: { name: true } };
    validatedBy: { select: { name: true } };
    courses: {
      include: { course: { select: { code: true; nameId: true; nameEn: true; sks: true; semester: true } } };
    };
  };
}>;
type CourseDecisionRow = DecisionRow['courses'][number];

const CourseDecisionRef = builder.objectRef<CourseDecisionRow>('RplCourseDecision').implement({
  fields: (t) => ({
    courseId: t.exposeString('courseId'),
    courseCode: t.string({ resolve: (c) => c.course.code }),
    courseName: t.string({
      resolve: (c, _a, ctx) => (ctx.locale === 'en' ? c.course.nameEn : c.course.nameId),
    }),
    courseSks: t.int({ resolve: (c) => c.course.sks }),
    proposedSks: t.exposeInt('proposedSks'),
    sks: t.exposeInt('sks'),
    reason: t.exposeString('reason', { nullable: true }),
  }),
});

const DecisionRef = builder.objectRef<DecisionRow>('RplCommitteeDecision').implement({
  fields: (t) => ({
    id: t.exposeString('id'),
    kind: t.exposeString('kind', { description: 'ORIGINAL or APPEAL' }),
    decidedByName: t.string({ resolve: (d) => d.decidedBy.name }),
    decidedAt: t.expose('decidedAt', { type: 'DateTime' }),
    totalSks: t.exposeInt('totalSks'),
    notes: t.exposeString('notes', { nullable: true }),
    validatedByName: t.string({ nullable: true, resolve: (d) => d.validatedBy?.name ?? null }),
    validatedAt: t.expose('validatedAt', { type: 'DateTime', nullable: true }),
    returnedAt: t.expose('returnedAt', { type: 'DateTime', nullable: true }),
    returnReason: t.exposeString('returnReason', { nullable: true }),
    courses: t.field({
      type: [CourseDecisionRef],
      resolve: (d) =>
        [...d.courses].sort(
          (a, b) => a.course.semester - b.course.semester || a.course.code.localeCompare(b.course.code),
        ),
    }),
  }),
});

// ---- Decrees ----------------------------------------------------------------------------------

export const RplDecreeRef = builder.prismaObject('RplDecree', {
  fields: (t) => ({
    id: t.exposeString('id'),
    number: t.exposeString('number'),
    scope: t.expose('scope', { type: DecreeScopeEnum }),
    decreedOn: t.expose('decreedOn', { type: 'LocalDate' }),
    programme: t.relation('programme', { type: StudyProgrammeRef }),
    intake: t.relation('intake', { type: RplIntakeRef }),
    caseCount: t.relationCount('applications'),
    amendsNumber: t.string({
      nullable: true,
      select: { amends: { select: { number: true } } },
      resolve: (d) => d.amends?.number ?? null,
    }),
    amendsId: t.exposeString('amendsId', { nullable: true }),
    pdfUrl: t.string({ resolve: (d) => `/api/rpl/decrees/${d.id}.pdf` }),
    pdfUrlEn: t.string({ resolve: (d) => `/api/rpl/decrees/${d.id}.pdf?lang=en` }),
    verifyUrl: t.string({ resolve: (d) => `/verify/sk/${d.id}` }),
  }),
});

type AppealView = { reason: string; appealedAt: Date; decidedAt: Date | null };
const AppealRef = builder.objectRef<AppealView>('RplAppeal').implement({
  fields: (t) => ({
    reason: t.exposeString('reason'),
    appealedAt: t.expose('appealedAt', { type: 'DateTime' }),
    decidedAt: t.expose('decidedAt', { type: 'DateTime', nullable: true }),
  }),
});

type AppealWindowView = { open: boolean; lastDay: string; daysLeft: number };
const AppealWindowRef = builder.objectRef<AppealWindowView>('RplAppealWindow').implement({
  fields: (t) => ({
    open: t.exposeBoolean('open'),
    lastDay: t.expose('lastDay', { type: 'LocalDate' }),
    daysLeft: t.exposeInt('daysLeft'),
  }),
});

// ---- Case fields on RplApplication ------------------------------------------------------------

async function caseRow(id: string) {
  return db().rplApplication.findUniqueOrThrow({ where: { id }, select: caseSelect });
}

/** Whether the viewer is the case's university staff (or an admin): they see the whole case. */
async function isCaseStaff(ctx: Parameters<typeof viewerStaffRoles>[1], applicationId: string) {
  const viewer = ctx.viewer;
  if (!viewer) return false;
  if (viewer.roles.includes('ADMIN')) return true;
  const row = await caseRow(applicationId);
  return viewer.roles.includes('RPL_REVIEWER') && viewer.organizationId === row.programme.universityId;
}

const decisionInclude = {
  decidedBy: { select: { name: true } },
  validatedBy: { select: { name: true } },
  courses: {
    include: { course: { select: { code: true, nameId: true, nameEn: true, sks: true, semester: true } } },
  },
} as const;

builder.prismaObjectFields(RplApplicationRef, (t) => ({
  caseReference: t.string({ resolve: (a) => caseReference(a.id) }),
  teacherNuptk: t.string({
    nullable: true,
    description: "The applicant's NUPTK (university staff and the teacher).",
    select: { teacher: { select: { teacherProfile: { select: { nuptk: true } } } } },
    resolve: (a) => a.teacher.teacherProfile?.nuptk ?? null,
  }),
  missingItems: t.exposeStringList('missingItems'),
  decidedAt: t.expose('decidedAt', { type: 'DateTime', nullable: true }),
  recognisedSks: t.exposeInt('recognisedSks', { nullable: true }),
  decree: t.relation('decree', { nullable: true }),
  recognitionCredential: t.relation('recognitionCredential', { type: CredentialRef, nullable: true }),
  minutesUrl: t.string({
    nullable: true,
    description: 'The assessment minutes (PDF), once the committee has decided.',
    resolve: (a) =>
      ['AWAITING_VALIDATION', 'APPROVED', 'DECIDED', 'APPEALED'].includes(a.status)
        ? `/api/rpl/cases/${a.id}/minutes.pdf`
        : null,
  }),
  participants: t.field({
    type: [ParticipantRef],
    select: { participants: { select: { userId: true, role: true, user: { select: { name: true } } } } },
    resolve: (a) => a.participants.map((p) => ({ userId: p.userId, role: p.role, name: p.user.name })),
  }),
  history: t.field({
    type: [CaseEventRef],
    resolve: async (a) => {
      const rows = await db().auditEvent.findMany({
        where: { subjectType: 'RPL_APPLICATION', subjectId: a.id },
        orderBy: { id: 'asc' },
      });
      // Who acted, and who was assigned (an assignment names its assessor in its details).
      const assigned = (r: (typeof rows)[number]) =>
        (r.details as { userId?: string } | null)?.userId ?? null;
      const actors = await db().user.findMany({
        where: {
          id: { in: rows.flatMap((r) => [r.actorId, assigned(r)].filter((id): id is string => !!id)) },
        },
        select: { id: true, name: true },
      });
      return rows.map((r) => ({
        id: r.id,
        occurredAt: r.occurredAt,
        action: r.action,
        actorName: actors.find((u) => u.id === r.actorId)?.name ?? null,
        fromStatus: r.fromStatus,
        toStatus: r.toStatus,
        reason: r.reason,
        // An assignment's `role` is the seat filled, not the role of who assigned it.
        role:
          r.action === 'RPL_CASE_ASSESSOR_ASSIGNED'
            ? null
            : (((r.details as { role?: string } | null)?.role ?? null) as string | null),
        subjectName: actors.find((u) => u.id === assigned(r))?.name ?? null,
        seat:
          r.action === 'RPL_CASE_ASSESSOR_ASSIGNED'
            ? ((r.details as { role?: string } | null)?.role ?? null)
            : null,
      }));
    },
  }),
  deadlines: t.field({
    type: [StepDeadlineRef],
    resolve: async (a, _x, ctx) => {
      const histories = await statusHistory(db(), [a.id]);
      const row = await caseRow(a.id);
      const settings = await db().rplUniversitySettings.findUnique({
        where: { universityId: row.programme.universityId },
      });
      return deadlinesOf(histories.get(a.id) ?? [], ctx.now, settings);
    },
  }),
  myRoles: t.field({
    type: [RplStaffRoleEnum],
    description: "The viewer's RPL roles for this case's programme.",
    resolve: async (a, _x, ctx) => viewerStaffRoles(db() as never, ctx, await caseRow(a.id)),
  }),
  mySeat: t.field({
    type: RplStaffRoleEnum,
    nullable: true,
    description: 'The assessor seat the viewer holds on this case.',
    resolve: async (a, _x, ctx) => {
      const viewer = ctx.viewer;
      if (!viewer) return null;
      const held = heldRoles(await caseRow(a.id), viewer.id);
      return (held.find((r) => r === 'ACADEMIC_ASSESSOR' || r === 'PRACTITIONER_ASSESSOR') ?? null) as
        | 'ACADEMIC_ASSESSOR'
        | 'PRACTITIONER_ASSESSOR'
        | null;
    },
  }),
  availableActions: t.field({
    type: [RplCaseActionEnum],
    description: 'Steps the viewer may take now (what each step needs is checked when taken).',
    resolve: async (a, _x, ctx) => {
      const viewer = ctx.viewer;
      if (!viewer) return [];
      const row = await caseRow(a.id);
      const staffRoles = await viewerStaffRoles(db() as never, ctx, row);
      const held = heldRoles(row, viewer.id) as RplCaseActorRole[];
      const mine: RplCaseActorRole[] = row.teacherId === viewer.id ? ['TEACHER'] : staffRoles;
      // A university that decrees per intake issues from its decrees page, not case by case.
      const settings = await db().rplUniversitySettings.findUnique({
        where: { universityId: row.programme.universityId },
        select: { decreeScope: true, appealDays: true },
      });
      const perIntake = settings?.decreeScope === 'INTAKE';
      const appealDays = settings?.appealDays ?? 14;
      const hasAppealed = (await db().rplAppeal.count({ where: { applicationId: a.id } })) > 0;
      return rplCaseActions.filter((action: RplCaseAction) => {
        const acting = mine.find((role) => rplCaseActionRoles[action].includes(role));
        if (!acting || (action === 'issueDecree' && perIntake)) return false;
        const plan = planCaseAction({
          status: row.status as RplCaseStatus,
          action,
          actorRoles: [...new Set([acting, ...held])],
          missingItems: ['x'],
          reason: 'x',
          assessmentsComplete: true,
          appeal: row.decidedAt
            ? { decidedAt: row.decidedAt, days: appealDays, now: ctx.now, hasAppealed }
            : undefined,
        });
        return plan.kind === 'allowed';
      });
    },
  }),
  assessments: t.field({
    type: [AssessmentRef],
    description:
      "The assessors' judgements: each assessor sees their own, and the other's once both have submitted; the committee, validator and university admin see both.",
    resolve: async (a, _x, ctx) => {
      const viewer = ctx.viewer;
      if (!viewer || !(await isCaseStaff(ctx, a.id))) return [];
      const rows = await db().rplAssessment.findMany({
        where: { applicationId: a.id },
        include: { assessor: { select: { name: true } } },
        orderBy: { role: 'asc' },
      });
      const bothSubmitted = rows.length === 2 && rows.every((r) => r.submittedAt);
      const row = await caseRow(a.id);
      const seat = heldRoles(row, viewer.id).find(
        (r) => r === 'ACADEMIC_ASSESSOR' || r === 'PRACTITIONER_ASSESSOR',
      );
      return rows
        .filter((r) => !seat || r.assessorId === viewer.id || bothSubmitted)
        .map((r) => ({
          role: r.role,
          assessorName: r.assessor.name,
          submittedAt: r.submittedAt,
          updatedAt: r.updatedAt,
          courses: r.courses as CourseJudgement[],
        }));
    },
  }),
  comparison: t.field({
    type: [ComparisonRef],
    description: 'The two submitted assessments side by side, course by course (empty until both are in).',
    resolve: async (a, _x, ctx) => {
      if (!(await isCaseStaff(ctx, a.id))) return [];
      const rows = await db().rplAssessment.findMany({
        where: { applicationId: a.id, submittedAt: { not: null } },
      });
      const academic = rows.find((r) => r.role === 'ACADEMIC_ASSESSOR');
      const practitioner = rows.find((r) => r.role === 'PRACTITIONER_ASSESSOR');
      if (!academic || !practitioner) return [];
      const row = await caseRow(a.id);
      const stored = row.proposal as unknown as {
        input: { programme: { courses: Assessment['courses'] } };
      } | null;
      return compareAssessments({
        academic: { assessorRole: 'ACADEMIC_ASSESSOR', courses: academic.courses as CourseJudgement[] },
        practitioner: {
          assessorRole: 'PRACTITIONER_ASSESSOR',
          courses: practitioner.courses as CourseJudgement[],
        },
        courses: (stored?.input.programme.courses ?? []) as never,
      });
    },
  }),
  decisions: t.field({
    type: [DecisionRef],
    description:
      'Committee decisions, newest first (the teacher sees validated ones and appeal decisions only).',
    resolve: async (a, _x, ctx) => {
      const staffView = await isCaseStaff(ctx, a.id);
      return db().rplCommitteeDecision.findMany({
        where: {
          applicationId: a.id,
          ...(staffView ? {} : { OR: [{ validatedAt: { not: null } }, { kind: 'APPEAL' }] }),
        },
        include: decisionInclude,
        orderBy: { decidedAt: 'desc' },
      });
    },
  }),
  precedentRules: t.relation('precedentRules', {
    type: EquivalenceRuleVersionRef,
    description: 'Rule versions proposed from this case’s decisions (drafts awaiting approval, or approved).',
  }),
  appeal: t.field({
    type: AppealRef,
    nullable: true,
    resolve: (a) => db().rplAppeal.findUnique({ where: { applicationId: a.id } }),
  }),
  appealWindow: t.field({
    type: AppealWindowRef,
    nullable: true,
    description: 'While a decided case may be appealed: the last day.',
    resolve: async (a, _x, ctx) => {
      const row = await caseRow(a.id);
      if (!row.decidedAt) return null;
      const settings = await db().rplUniversitySettings.findUnique({
        where: { universityId: row.programme.universityId },
      });
      const window = appealWindow({
        decidedAt: row.decidedAt,
        days: settings?.appealDays ?? 14,
        now: ctx.now,
      });
      const appealed = (await db().rplAppeal.count({ where: { applicationId: a.id } })) > 0;
      return {
        open: window.kind === 'open' && row.status === 'DECIDED' && !appealed,
        lastDay: window.lastDay,
        daysLeft: window.kind === 'open' ? window.daysLeft : -1,
      };
    },
  }),
}));

// ---- Queue, people, settings, reports ---------------------------------------------------------

type QueueItem = { id: string; deadlines: StepDeadline[] };
const QueueItemRef = builder.objectRef<QueueItem & { case: unknown }>('RplQueueItem').implement({
  fields: (t) => ({
    case: t.field({ type: RplApplicationRef, resolve: (i) => i.case as never }),
    deadlines: t.field({ type: [StepDeadlineRef], resolve: (i) => i.deadlines }),
    isOverdue: t.boolean({ resolve: (i) => i.deadlines.some((d) => d.isOverdue) }),
  }),
});

type StaffView = Awaited<ReturnType<typeof listRplStaff>>[number];
const StaffRoleRef = builder.objectRef<StaffView['roles'][number]>('RplStaffRoleGrant').implement({
  fields: (t) => ({
    role: t.field({ type: RplStaffRoleEnum, resolve: (r) => r.role }),
    roleLabel: t.string({ resolve: (r, _a, ctx) => roleLabel(r.role, ctx.locale) }),
    programmeIds: t.stringList({
      description: 'Study programmes (global ids); empty: every programme of the university.',
      resolve: (r) => r.programmeIds.map((id) => Buffer.from(`StudyProgramme:${id}`).toString('base64')),
    }),
  }),
});
const StaffMemberRef = builder.objectRef<StaffView>('RplStaffMember').implement({
  fields: (t) => ({
    userId: t.exposeString('id'),
    name: t.exposeString('name'),
    email: t.exposeString('email'),
    affiliation: t.exposeString('affiliation', { nullable: true }),
    employeeNumber: t.exposeString('employeeNumber', { nullable: true }),
    roles: t.field({ type: [StaffRoleRef], resolve: (s) => s.roles }),
  }),
});

type SettingsView = Awaited<ReturnType<typeof loadUniversitySettings>>;
const SignatoryRef = builder
  .objectRef<{
    name: string;
    positionId: string;
    positionEn?: string | null;
    employeeNumber?: string | null;
    employeeNumberLabel?: string | null;
  }>('RplSignatory')
  .implement({
    fields: (t) => ({
      name: t.exposeString('name'),
      positionId: t.exposeString('positionId'),
      positionEn: t.string({ nullable: true, resolve: (s) => s.positionEn ?? null }),
      employeeNumber: t.string({ nullable: true, resolve: (s) => s.employeeNumber ?? null }),
      employeeNumberLabel: t.string({ nullable: true, resolve: (s) => s.employeeNumberLabel ?? null }),
    }),
  });
type Letterhead = {
  ministryId?: string | null;
  ministryEn?: string | null;
  unitId?: string | null;
  unitEn?: string | null;
  address?: string[];
  contacts?: string[];
};
const LetterheadRef = builder.objectRef<Letterhead>('RplLetterhead').implement({
  fields: (t) => ({
    ministryId: t.string({ nullable: true, resolve: (l) => l.ministryId ?? null }),
    ministryEn: t.string({ nullable: true, resolve: (l) => l.ministryEn ?? null }),
    unitId: t.string({ nullable: true, resolve: (l) => l.unitId ?? null }),
    unitEn: t.string({ nullable: true, resolve: (l) => l.unitEn ?? null }),
    address: t.stringList({ resolve: (l) => l.address ?? [] }),
    contacts: t.stringList({ resolve: (l) => l.contacts ?? [] }),
  }),
});
const SettingsRef = builder.objectRef<SettingsView>('RplUniversitySettings').implement({
  fields: (t) => ({
    decreeNumberPattern: t.exposeString('decreeNumberPattern'),
    decreeScope: t.expose('decreeScope', { type: DecreeScopeEnum }),
    authority: t.expose('authority', { type: DecreeAuthorityEnum }),
    facultyId: t.exposeString('facultyId', { nullable: true }),
    facultyEn: t.exposeString('facultyEn', { nullable: true }),
    letterhead: t.field({ type: LetterheadRef, resolve: (s) => s.letterhead as Letterhead }),
    hasLogo: t.boolean({ resolve: (s) => !!s.logoStorageKey }),
    logoUrl: t.string({
      nullable: true,
      resolve: (s) => (s.logoStorageKey ? `/api/rpl/universities/${s.universityId}/logo` : null),
    }),
    signatories: t.field({ type: [SignatoryRef], resolve: (s) => s.signatories as never }),
    place: t.exposeString('place'),
    appealDays: t.exposeInt('appealDays'),
    deadlineTargets: t.string({
      description: 'Target days per step as JSON (only those overridden; the rest are defaults).',
      resolve: (s) => JSON.stringify(s.deadlineTargets),
    }),
    workingDays: t.exposeBoolean('workingDays'),
    holidays: t.exposeStringList('holidays'),
    autoAssign: t.exposeBoolean('autoAssign'),
  }),
});

type ReportView = NonNullable<Awaited<ReturnType<typeof rplReport>>>;
const ReportRowRef = builder.objectRef<ReportView['rows'][number]>('RplReportRow').implement({
  fields: (t) => ({
    universityName: t.exposeString('universityName'),
    programmeCode: t.exposeString('programmeCode'),
    programmeName: t.exposeString('programmeName'),
    intakeCode: t.exposeString('intakeCode'),
    intakeName: t.exposeString('intakeName'),
    applications: t.exposeInt('applications'),
    decided: t.exposeInt('decided'),
    totalSks: t.exposeInt('totalSks'),
    meanSks: t.exposeFloat('meanSks', { nullable: true }),
    byStatus: t.string({
      description: 'Cases per status, JSON.',
      resolve: (r) => JSON.stringify(r.byStatus),
    }),
    sksDistribution: t.string({
      description: 'Decided cases per SKS band, JSON.',
      resolve: (r) => JSON.stringify(r.sksDistribution),
    }),
    meanDaysPerStep: t.string({
      description: 'Mean days in each status, JSON.',
      resolve: (r) => JSON.stringify(r.meanDaysPerStep),
    }),
  }),
});
const AssessorLoadRef = builder.objectRef<ReportView['assessors'][number]>('RplAssessorLoad').implement({
  fields: (t) => ({
    name: t.exposeString('name'),
    roleLabel: t.string({ resolve: (r, _a, ctx) => roleLabel(r.role, ctx.locale) }),
    cases: t.exposeInt('cases'),
    open: t.exposeInt('open'),
  }),
});
const ReasonCountRef = builder.objectRef<ReportView['nonRecognition'][number]>('RplReasonCount').implement({
  fields: (t) => ({ reason: t.exposeString('reason'), count: t.exposeInt('count') }),
});
const ReportRef = builder.objectRef<ReportView>('RplReport').implement({
  fields: (t) => ({
    rows: t.field({ type: [ReportRowRef], resolve: (r) => r.rows }),
    assessors: t.field({ type: [AssessorLoadRef], resolve: (r) => r.assessors }),
    nonRecognition: t.field({ type: [ReasonCountRef], resolve: (r) => r.nonRecognition }),
  }),
});

type FigureView = NonNullable<Awaited<ReturnType<typeof rplProgrammeFigure>>>;
const FigureUniversityRef = builder
  .objectRef<FigureView['universities'][number]>('RplFigureUniversity')
  .implement({
    fields: (t) => ({
      university: t.exposeString('university'),
      teachers: t.exposeInt('teachers'),
      sks: t.exposeInt('sks'),
      cases: t.exposeInt('cases'),
    }),
  });
const FigureRef = builder.objectRef<FigureView>('RplProgrammeFigure').implement({
  description: 'SKS KMG credentials have earned teachers through RPL, across universities.',
  fields: (t) => ({
    totalSks: t.exposeInt('totalSks'),
    teachers: t.exposeInt('teachers'),
    universities: t.field({ type: [FigureUniversityRef], resolve: (f) => f.universities }),
  }),
});

type PublicDecreeView = NonNullable<Awaited<ReturnType<typeof publicDecree>>>;
const PublicRecognitionRef = builder
  .objectRef<{
    teacherName: string;
    nuptkMasked: string;
    totalSks: number;
    courses: { code: string; name: string; sks: number }[];
    credentialId: string | null;
  }>('RplPublicRecognition')
  .implement({
    fields: (t) => ({
      teacherName: t.exposeString('teacherName'),
      nuptkMasked: t.exposeString('nuptkMasked'),
      totalSks: t.exposeInt('totalSks'),
      courses: t.stringList({ resolve: (r) => r.courses.map((c) => `${c.code} ${c.name} (${c.sks} SKS)`) }),
      credentialVerifyUrl: t.string({
        nullable: true,
        resolve: (r) => (r.credentialId ? `/verify/${r.credentialId}` : null),
      }),
    }),
  });
const PublicDecreeRef = builder.objectRef<PublicDecreeView>('RplPublicDecree').implement({
  description: "A decree as anyone may check it (its QR code's page).",
  fields: (t) => ({
    id: t.string({ resolve: (d) => d.decree.id }),
    number: t.string({ resolve: (d) => d.decree.number }),
    decreedOn: t.field({ type: 'LocalDate', resolve: (d) => d.content.date }),
    universityName: t.string({ resolve: (d) => d.decree.university.name }),
    place: t.string({ resolve: (d) => d.content.place }),
    signatories: t.stringList({
      resolve: (d, _a, ctx) =>
        d.content.signatories.map(
          (s) => `${s.name}, ${typeof s.position === 'string' ? s.position : s.position[ctx.locale]}`,
        ),
    }),
    legalBasis: t.stringList({
      resolve: (d, _a, ctx) => d.content.legalBasis.map((l) => (typeof l === 'string' ? l : l[ctx.locale])),
    }),
    amendedByNumber: t.string({ nullable: true, resolve: (d) => d.decree.amendedBy[0]?.number ?? null }),
    amendedById: t.string({ nullable: true, resolve: (d) => d.decree.amendedBy[0]?.id ?? null }),
    amendsNumber: t.string({ nullable: true, resolve: (d) => d.decree.amends?.number ?? null }),
    amendsId: t.string({ nullable: true, resolve: (d) => d.decree.amends?.id ?? null }),
    recognitions: t.field({
      type: [PublicRecognitionRef],
      resolve: (d, _a, ctx) =>
        d.content.recognitions.map((r, index) => {
          const applicationId = d.content.applicationIds[index];
          const credential = applicationId ? d.credentialOf(applicationId) : null;
          const nuptk = r.teacher.nuptk;
          return {
            teacherName: r.teacher.name,
            nuptkMasked: nuptk.length > 4 ? `${'•'.repeat(nuptk.length - 4)}${nuptk.slice(-4)}` : nuptk,
            totalSks: r.courses.reduce((sum, c) => sum + c.sks, 0),
            courses: r.courses.map((c) => ({
              code: c.code,
              name: typeof c.name === 'string' ? c.name : c.name[ctx.locale],
              sks: c.sks,
            })),
            credentialId: credential?.id ?? null,
          };
        }),
    }),
  }),
});

function optionalId(value: { id: string } | null | undefined): string | null {
  return value ? decodeId(value.id) : null;
}

builder.queryFields((t) => ({
  rplQueue: t.field({
    type: [QueueItemRef],
    description: "The reviewers' queue of the viewer's university.",
    authScopes: staff,
    args: {
      view: t.arg({ type: RplQueueViewEnum, required: true }),
      programmeId: t.arg.globalID({ for: [StudyProgrammeRef] }),
      intakeId: t.arg.globalID({ for: [RplIntakeRef] }),
      status: t.arg.string(),
      overdue: t.arg.boolean(),
    },
    resolve: async (_root, args, ctx) => {
      const items = await rplQueue(ctx, {
        view: args.view,
        programmeId: optionalId(args.programmeId),
        intakeId: optionalId(args.intakeId),
        status: (args.status as RplCaseStatus | null) ?? null,
        overdue: args.overdue ?? null,
      });
      const rows = await db().rplApplication.findMany({ where: { id: { in: items.map((i) => i.id) } } });
      return items.map((item) => ({ ...item, case: rows.find((r) => r.id === item.id) }));
    },
  }),
  rplMyStaffRoles: t.field({
    type: [RplStaffRoleEnum],
    description: "The viewer's RPL roles at their university (for the console's menus).",
    authScopes: staff,
    resolve: async (_root, _args, ctx) => {
      const viewer = ctx.viewer;
      if (!viewer?.organizationId) return [];
      const rows = await db().rplStaffMember.findMany({
        where: { userId: viewer.id, universityId: viewer.organizationId },
        select: { role: true },
      });
      return rows.map((r) => r.role);
    },
  }),
  rplStaff: t.field({
    type: [StaffMemberRef],
    authScopes: staff,
    args: { universityId: t.arg.string() },
    description:
      "A university's RPL people (the viewer's own university unless an admin names one); empty when none.",
    resolve: async (_root, args, ctx) => {
      const universityId = args.universityId ?? ctx.viewer?.organizationId ?? null;
      return universityId && (await isUniversity(universityId)) ? listRplStaff(ctx, universityId) : [];
    },
  }),
  rplUniversitySettings: t.field({
    type: SettingsRef,
    nullable: true,
    authScopes: staff,
    args: { universityId: t.arg.string() },
    resolve: async (_root, args, ctx) => {
      const universityId = args.universityId ?? ctx.viewer?.organizationId;
      if (!universityId || !(await isUniversity(universityId))) return null;
      const own = ctx.viewer?.organizationId === universityId || ctx.viewer?.roles.includes('ADMIN');
      if (!own) return null;
      return (
        (await db().rplUniversitySettings.findUnique({ where: { universityId } })) ??
        ({ ...(await db().$transaction((tx) => loadUniversitySettings(tx, universityId))) } as SettingsView)
      );
    },
  }),
  rplCanAdministerUniversity: t.boolean({
    authScopes: staff,
    resolve: (_root, _args, ctx) => canAdministerUniversity(ctx, ctx.viewer?.organizationId ?? ''),
  }),
  rplDecrees: t.prismaField({
    type: [RplDecreeRef],
    description: "The viewer's university's decrees, newest first.",
    authScopes: staff,
    args: { intakeId: t.arg.globalID({ for: [RplIntakeRef] }) },
    resolve: (query, _root, args, ctx) => {
      const viewer = ctx.viewer;
      const admin = viewer?.roles.includes('ADMIN');
      const intakeId = optionalId(args.intakeId);
      return db().rplDecree.findMany({
        ...query,
        where: {
          ...(admin
            ? {}
            : { universityId: viewer?.organizationId ?? '00000000-0000-0000-0000-000000000000' }),
          ...(intakeId ? { intakeId } : {}),
        },
        orderBy: [{ createdAt: 'desc' }],
        take: 200,
      });
    },
  }),
  rplReport: t.field({
    type: ReportRef,
    nullable: true,
    authScopes: staff,
    args: {
      programmeId: t.arg.globalID({ for: [StudyProgrammeRef] }),
      intakeId: t.arg.globalID({ for: [RplIntakeRef] }),
      universityId: t.arg.string(),
    },
    resolve: (_root, args, ctx) =>
      rplReport(ctx, {
        universityId: args.universityId ?? null,
        programmeId: optionalId(args.programmeId),
        intakeId: optionalId(args.intakeId),
      }),
  }),
  rplProgrammeFigure: t.field({
    type: FigureRef,
    nullable: true,
    authScopes: { $any: { programManager: true, admin: true } },
    resolve: (_root, _args, ctx) => rplProgrammeFigure(ctx),
  }),
  rplPublicDecree: t.field({
    type: PublicDecreeRef,
    nullable: true,
    description: 'A decree as anyone may check it (public, like a credential).',
    args: { id: t.arg.string({ required: true }) },
    resolve: async (_root, { id }) => {
      const decreeId = decodeId(id);
      return decreeId ? db().$transaction((tx) => publicDecree(tx, decreeId)) : null;
    },
  }),
}));

// ---- Mutations --------------------------------------------------------------------------------

const OutcomeJudgementInput = builder.inputType('RplOutcomeJudgementInput', {
  fields: (t) => ({
    outcomeCode: t.string({ required: true }),
    valid: t.boolean({ required: true }),
    authentic: t.boolean({ required: true }),
    current: t.boolean({ required: true }),
    sufficient: t.boolean({ required: true }),
    method: t.field({ type: AssessmentMethodEnum, required: true }),
    scheduledOn: t.field({ type: 'LocalDate' }),
    place: t.string(),
    link: t.string(),
    score: t.int({ required: true }),
  }),
});
const CourseJudgementInput = builder.inputType('RplCourseJudgementInput', {
  fields: (t) => ({
    courseId: t.id({ required: true }),
    outcomes: t.field({ type: [OutcomeJudgementInput], required: true }),
    recommendation: t.field({ type: AssessmentRecommendationEnum, required: true }),
    notes: t.string(),
  }),
});
const CourseDecisionInput = builder.inputType('RplCourseDecisionInput', {
  fields: (t) => ({
    courseId: t.id({ required: true }),
    sks: t.int({ required: true }),
    reason: t.string(),
  }),
});
const StaffRoleInput = builder.inputType('RplStaffRoleInput', {
  fields: (t) => ({
    role: t.field({ type: RplStaffRoleEnum, required: true }),
    programmeIds: t.idList({ required: true }),
  }),
});
const SignatoryInput = builder.inputType('RplSignatoryInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    positionId: t.string({ required: true }),
    positionEn: t.string(),
    employeeNumber: t.string(),
    employeeNumberLabel: t.string(),
  }),
});
const LetterheadInput = builder.inputType('RplLetterheadInput', {
  fields: (t) => ({
    ministryId: t.string(),
    ministryEn: t.string(),
    unitId: t.string(),
    unitEn: t.string(),
    address: t.stringList({ required: true }),
    contacts: t.stringList({ required: true }),
  }),
});
const SettingsInput = builder.inputType('RplUniversitySettingsInput', {
  fields: (t) => ({
    decreeNumberPattern: t.string({ required: true }),
    decreeScope: t.field({ type: DecreeScopeEnum, required: true }),
    authority: t.field({ type: DecreeAuthorityEnum, required: true }),
    facultyId: t.string(),
    facultyEn: t.string(),
    letterhead: t.field({ type: LetterheadInput, required: true }),
    signatories: t.field({ type: [SignatoryInput], required: true }),
    place: t.string({ required: true }),
    appealDays: t.int({ required: true }),
    deadlineTargets: t.string({ description: 'JSON object of target days per step.' }),
    workingDays: t.boolean({ required: true }),
    holidays: t.stringList({ required: true }),
    autoAssign: t.boolean({ required: true }),
  }),
});

/** A course or outcome id as the API gives it (global id) or a raw uuid. */
function rawId(value: string): string {
  const direct = decodeId(value);
  if (direct) return direct;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const at = decoded.indexOf(':');
  return (at > 0 && decodeId(decoded.slice(at + 1))) || value;
}

async function loadCase(query: object, id: string) {
  return db().rplApplication.findUniqueOrThrow({ ...refetchQuery(query), where: { id } });
}

builder.mutationFields((t) => {
  const step = (
    description: string,
    run: (ctx: Parameters<typeof acceptRplCase>[0], id: string) => Promise<unknown>,
    scopes: object = staff,
  ) =>
    t.prismaField({
      type: RplApplicationRef,
      description,
      authScopes: scopes as never,
      errors: { types: [InvalidStateError] },
      args: { applicationId: t.arg.globalID({ for: [RplApplicationRef], required: true }) },
      resolve: async (query, _root, { applicationId }, ctx) => {
        const id = requireId(applicationId.id, ['applicationId']);
        await run(ctx, id);
        return loadCase(query, id);
      },
    });
  return {
    acceptRplCase: step('The administrative check finds the case complete.', (ctx, id) =>
      acceptRplCase(ctx, { applicationId: id }),
    ),
    completeRplAssessment: step(
      'The committee moves the case on once both assessors have submitted.',
      (ctx, id) => completeRplAssessment(ctx, { applicationId: id }),
    ),
    validateRplCase: step("The validator approves the committee's decision.", (ctx, id) =>
      validateRplCase(ctx, { applicationId: id }),
    ),
    returnRplCaseToTeacher: t.prismaField({
      type: RplApplicationRef,
      description: 'The administrative check returns the case to the teacher with the missing items.',
      authScopes: staff,
      errors: { types: [InvalidStateError] },
      args: {
        applicationId: t.arg.globalID({ for: [RplApplicationRef], required: true }),
        missingItems: t.arg.stringList({ required: true }),
        message: t.arg.string(),
      },
      resolve: async (query, _root, args, ctx) => {
        const id = requireId(args.applicationId.id, ['applicationId']);
        await returnRplCaseToTeacher(ctx, {
          applicationId: id,
          missingItems: args.missingItems,
          message: args.message,
        });
        return loadCase(query, id);
      },
    }),
    assignRplAssessors: t.int({
      description:
        'Assigns the two assessors to cases in assessment (given people, or round-robin); all or none.',
      authScopes: staff,
      errors: { types: [InvalidStateError] },
      args: {
        applicationIds: t.arg.globalIDList({ for: [RplApplicationRef], required: true }),
        academicId: t.arg.string(),
        practitionerId: t.arg.string(),
        roundRobin: t.arg.boolean(),
      },
      resolve: async (_root, args, ctx) => {
        const result = await assignRplAssessors(ctx, {
          applicationIds: args.applicationIds.map((g, i) => requireId(g.id, ['applicationIds', String(i)])),
          academicId: args.academicId ? rawId(args.academicId) : null,
          practitionerId: args.practitionerId ? rawId(args.practitionerId) : null,
          roundRobin: args.roundRobin ?? false,
        });
        return result.count;
      },
    }),
    saveRplAssessment: t.prismaField({
      type: RplApplicationRef,
      description: 'An assessor saves their judgement; `submit` declares it complete (then it is final).',
      authScopes: staff,
      errors: { types: [InvalidStateError] },
      args: {
        applicationId: t.arg.globalID({ for: [RplApplicationRef], required: true }),
        courses: t.arg({ type: [CourseJudgementInput], required: true }),
        submit: t.arg.boolean({ required: true }),
      },
      resolve: async (query, _root, args, ctx) => {
        const id = requireId(args.applicationId.id, ['applicationId']);
        await saveRplAssessment(ctx, {
          applicationId: id,
          submit: args.submit,
          courses: args.courses.map((course) => ({
            courseId: rawId(String(course.courseId)),
            recommendation: course.recommendation,
            notes: course.notes ?? null,
            outcomes: course.outcomes.map((o) => ({
              outcomeCode: o.outcomeCode,
              principles: {
                valid: o.valid,
                authentic: o.authentic,
                current: o.current,
                sufficient: o.sufficient,
              },
              method: o.method,
              scheduledOn: o.scheduledOn ?? null,
              place: o.place ?? null,
              link: o.link ?? null,
              score: o.score,
            })),
          })),
        });
        return loadCase(query, id);
      },
    }),
    decideRplCase: t.prismaField({
      type: RplApplicationRef,
      description: "The committee decides each course's SKS (departures from the proposal need a reason).",
      authScopes: staff,
      errors: { types: [InvalidStateError] },
      args: {
        applicationId: t.arg.globalID({ for: [RplApplicationRef], required: true }),
        decisions: t.arg({ type: [CourseDecisionInput], required: true }),
        notes: t.arg.string(),
        appeal: t.arg.boolean({ description: 'Decides the open appeal instead of the case.' }),
      },
      resolve: async (query, _root, args, ctx) => {
        const id = requireId(args.applicationId.id, ['applicationId']);
        const input = {
          decisions: args.decisions.map((d) => ({
            courseId: rawId(String(d.courseId)),
            sks: d.sks,
            reason: d.reason ?? null,
          })),
          notes: args.notes ?? null,
        };
        if (args.appeal) await decideRplAppeal(ctx, { applicationId: id, input });
        else await decideRplCase(ctx, { applicationId: id, input });
        return loadCase(query, id);
      },
    }),
    returnRplCaseToCommittee: t.prismaField({
      type: RplApplicationRef,
      description: 'The validator returns the decision to the committee, saying why.',
      authScopes: staff,
      errors: { types: [InvalidStateError] },
      args: {
        applicationId: t.arg.globalID({ for: [RplApplicationRef], required: true }),
        reason: t.arg.string({ required: true }),
      },
      resolve: async (query, _root, args, ctx) => {
        const id = requireId(args.applicationId.id, ['applicationId']);
        await returnRplCaseToCommittee(ctx, { applicationId: id, reason: args.reason });
        return loadCase(query, id);
      },
    }),
    issueRplDecree: t.prismaField({
      type: RplDecreeRef,
      description:
        'The university admin issues the decree for one validated case, or every validated case of an intake.',
      authScopes: staff,
      errors: { types: [InvalidStateError] },
      args: {
        applicationId: t.arg.globalID({ for: [RplApplicationRef] }),
        intakeId: t.arg.globalID({ for: [RplIntakeRef] }),
      },
      resolve: async (query, _root, args, ctx) => {
        const decree = await issueRplDecree(ctx, {
          applicationId: args.applicationId ? requireId(args.applicationId.id, ['applicationId']) : null,
          intakeId: args.intakeId ? requireId(args.intakeId.id, ['intakeId']) : null,
        });
        return db().rplDecree.findUniqueOrThrow({ ...refetchQuery(query), where: { id: decree.id } });
      },
    }),
    appealRplCase: t.prismaField({
      type: RplApplicationRef,
      description: 'The teacher appeals the decision, with the reason, within the appeal days.',
      authScopes: { teacher: true },
      errors: { types: [InvalidStateError] },
      args: {
        applicationId: t.arg.globalID({ for: [RplApplicationRef], required: true }),
        reason: t.arg.string({ required: true }),
      },
      resolve: async (query, _root, args, ctx) => {
        const id = requireId(args.applicationId.id, ['applicationId']);
        await appealRplCase(ctx, { applicationId: id, reason: args.reason });
        return loadCase(query, id);
      },
    }),
    proposeRplPrecedent: t.prismaField({
      type: EquivalenceRuleVersionRef,
      description:
        "A committee member turns a decided course into a draft equivalence rule (it needs a second person's approval).",
      authScopes: staff,
      errors: { types: [InvalidStateError] },
      args: {
        applicationId: t.arg.globalID({ for: [RplApplicationRef], required: true }),
        courseId: t.arg.id({ required: true }),
      },
      resolve: async (query, _root, args, ctx) => {
        const id = requireId(args.applicationId.id, ['applicationId']);
        const draft = await proposeRplPrecedent(ctx, {
          applicationId: id,
          courseId: rawId(String(args.courseId)),
        });
        return db().equivalenceRuleVersion.findUniqueOrThrow({
          ...refetchQuery(query),
          where: { id: draft.id },
        });
      },
    }),
    setRplStaffRoles: t.boolean({
      description: "Sets one person's RPL roles at the university (university admin).",
      authScopes: staff,
      errors: { types: [InvalidStateError] },
      args: {
        universityId: t.arg.string(),
        userId: t.arg.string({ required: true }),
        roles: t.arg({ type: [StaffRoleInput], required: true }),
        affiliation: t.arg.string(),
        employeeNumber: t.arg.string(),
      },
      resolve: async (_root, args, ctx) => {
        await setRplStaffRoles(ctx, {
          universityId: args.universityId ?? ctx.viewer?.organizationId ?? '',
          input: {
            userId: args.userId,
            roles: args.roles.map((r) => ({
              role: r.role,
              programmeIds: r.programmeIds.map((p) => rawId(String(p))),
            })),
            affiliation: args.affiliation ?? null,
            employeeNumber: args.employeeNumber ?? null,
          },
        });
        return true;
      },
    }),
    saveRplUniversitySettings: t.field({
      type: SettingsRef,
      description:
        "Saves the university's decree numbering, letterhead, signatories, appeal days and deadlines.",
      authScopes: staff,
      errors: { types: [InvalidStateError] },
      args: { universityId: t.arg.string(), input: t.arg({ type: SettingsInput, required: true }) },
      resolve: async (_root, args, ctx) => {
        let targets: unknown = {};
        try {
          targets = args.input.deadlineTargets ? JSON.parse(args.input.deadlineTargets) : {};
        } catch {
          targets = null;
        }
        return saveRplUniversitySettings(ctx, {
          universityId: args.universityId ?? ctx.viewer?.organizationId ?? '',
          input: { ...args.input, deadlineTargets: targets },
        });
      },
    }),
  };
});
