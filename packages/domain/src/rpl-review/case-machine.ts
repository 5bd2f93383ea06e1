import type { ErrorCode, Locale, MessageParams } from '#messages.ts';
import type { RplApplicationAction } from '#rpl-applications.ts';
import { type AppealWindow, appealWindow } from '#rpl-review/appeals.ts';
import { defineStateMachine, type TransitionTable } from '#state-machine.ts';

/**
 * An RPL case: the teacher's application (part 1) as the university works it. The first four
 * statuses are part 1's and keep their meaning; the rest are the reviewers' steps.
 */
export const rplCaseStatuses = [
  'DRAFT',
  'SUBMITTED',
  'EVIDENCE_REQUESTED',
  'IN_ASSESSMENT',
  'AWAITING_COMMITTEE',
  'AWAITING_VALIDATION',
  'APPROVED',
  'DECIDED',
  'APPEALED',
  'WITHDRAWN',
] as const;
export type RplCaseStatus = (typeof rplCaseStatuses)[number];

export const rplCaseStatusLabels: Record<RplCaseStatus, Record<Locale, string>> = {
  DRAFT: { id: 'Draf', en: 'Draft' },
  SUBMITTED: {
    id: 'Diajukan, menunggu pemeriksaan kelengkapan',
    en: 'Submitted, awaiting the completeness check',
  },
  EVIDENCE_REQUESTED: { id: 'Dikembalikan untuk dilengkapi', en: 'Returned to be completed' },
  IN_ASSESSMENT: { id: 'Dalam asesmen', en: 'In assessment' },
  AWAITING_COMMITTEE: { id: 'Menunggu keputusan tim RPL', en: "Awaiting the committee's decision" },
  AWAITING_VALIDATION: { id: 'Menunggu validasi', en: 'Awaiting validation' },
  APPROVED: { id: 'Divalidasi, menunggu surat keputusan', en: 'Validated, awaiting the decree' },
  DECIDED: { id: 'Surat keputusan terbit', en: 'Decree issued' },
  APPEALED: { id: 'Banding diajukan', en: 'Appealed' },
  WITHDRAWN: { id: 'Ditarik', en: 'Withdrawn' },
};

export const rplCaseActions = [
  'submit',
  'returnToTeacher',
  'acceptAsComplete',
  'completeAssessment',
  'decide',
  'validate',
  'returnToCommittee',
  'issueDecree',
  'appeal',
  'decideAppeal',
  'withdraw',
] as const;
export type RplCaseAction = (typeof rplCaseActions)[number];

/** Part 1's actions in the case machine: the same moves, `requestEvidence` under its part 2 name. */
export const rplCaseActionForApplicationAction: Record<RplApplicationAction, RplCaseAction> = {
  submit: 'submit',
  requestEvidence: 'returnToTeacher',
  withdraw: 'withdraw',
};

/** Each action as the refusal names it ("… cannot be validated"). */
export const rplCaseActionLabels: Record<RplCaseAction, Record<Locale, string>> = {
  submit: { id: 'diajukan', en: 'submitted' },
  returnToTeacher: { id: 'dikembalikan kepada guru', en: 'returned to the teacher' },
  acceptAsComplete: { id: 'dinyatakan lengkap', en: 'accepted as complete' },
  completeAssessment: { id: 'dinyatakan selesai diases', en: 'marked as assessed' },
  decide: { id: 'diputuskan', en: 'decided' },
  validate: { id: 'divalidasi', en: 'validated' },
  returnToCommittee: { id: 'dikembalikan kepada tim RPL', en: 'returned to the committee' },
  issueDecree: { id: 'diterbitkan surat keputusannya', en: 'given its decree' },
  appeal: { id: 'diajukan banding', en: 'appealed' },
  decideAppeal: { id: 'diputuskan bandingnya', en: 'given an appeal decision' },
  withdraw: { id: 'ditarik', en: 'withdrawn' },
};

/** Statuses before the committee's decision: the teacher may still withdraw. */
const beforeDecision = [
  'DRAFT',
  'SUBMITTED',
  'EVIDENCE_REQUESTED',
  'IN_ASSESSMENT',
  'AWAITING_COMMITTEE',
] as const satisfies readonly RplCaseStatus[];

export const rplCaseTransitions: TransitionTable<RplCaseStatus, RplCaseAction> = {
  submit: { from: ['DRAFT', 'EVIDENCE_REQUESTED'], to: 'SUBMITTED' },
  returnToTeacher: { from: ['SUBMITTED'], to: 'EVIDENCE_REQUESTED' },
  acceptAsComplete: { from: ['SUBMITTED'], to: 'IN_ASSESSMENT' },
  completeAssessment: { from: ['IN_ASSESSMENT'], to: 'AWAITING_COMMITTEE' },
  decide: { from: ['AWAITING_COMMITTEE'], to: 'AWAITING_VALIDATION' },
  validate: { from: ['AWAITING_VALIDATION'], to: 'APPROVED' },
  returnToCommittee: { from: ['AWAITING_VALIDATION'], to: 'AWAITING_COMMITTEE' },
  issueDecree: { from: ['APPROVED'], to: 'DECIDED' },
  appeal: { from: ['DECIDED'], to: 'APPEALED' },
  // The appeal's decision is recorded with the appeal; the case is decided again.
  decideAppeal: { from: ['APPEALED'], to: 'DECIDED' },
  withdraw: { from: beforeDecision, to: 'WITHDRAWN' },
};

export const rplCaseMachine = defineStateMachine<RplCaseStatus, RplCaseAction>({
  initial: 'DRAFT',
  transitions: rplCaseTransitions,
  refusal: {
    code: 'INVALID_RPL_CASE_TRANSITION',
    statusLabels: rplCaseStatusLabels,
    actionLabels: rplCaseActionLabels,
  },
});

/** The roles a person holds on one case, given by the university admin. */
export const rplCaseRoles = [
  'ADMIN_OFFICER',
  'ACADEMIC_ASSESSOR',
  'PRACTITIONER_ASSESSOR',
  'COMMITTEE',
  'VALIDATOR',
  'UNIVERSITY_ADMIN',
] as const;
export type RplCaseRole = (typeof rplCaseRoles)[number];

/** Who acts on a case: a case role, the applicant, or the platform itself (a background job). */
export type RplCaseActorRole = RplCaseRole | 'TEACHER' | 'SYSTEM';
export const rplCaseActorRoles: readonly RplCaseActorRole[] = ['TEACHER', ...rplCaseRoles, 'SYSTEM'];

export const rplCaseRoleLabels: Record<RplCaseActorRole, Record<Locale, string>> = {
  TEACHER: { id: 'guru pemohon', en: 'applicant teacher' },
  ADMIN_OFFICER: { id: 'petugas administrasi', en: 'administrative officer' },
  ACADEMIC_ASSESSOR: { id: 'asesor akademisi', en: 'academic assessor' },
  PRACTITIONER_ASSESSOR: { id: 'asesor praktisi', en: 'practitioner assessor' },
  COMMITTEE: { id: 'tim RPL program studi', en: 'programme RPL committee' },
  VALIDATOR: { id: 'validator', en: 'validator' },
  UNIVERSITY_ADMIN: { id: 'admin perguruan tinggi', en: 'university admin' },
  SYSTEM: { id: 'sistem', en: 'system' },
};

/** Who may take each action (any one of the roles suffices). */
export const rplCaseActionRoles: Record<RplCaseAction, readonly RplCaseActorRole[]> = {
  submit: ['TEACHER'],
  returnToTeacher: ['ADMIN_OFFICER'],
  acceptAsComplete: ['ADMIN_OFFICER'],
  // The platform moves the case once both assessors are done; the committee may do it by hand.
  completeAssessment: ['SYSTEM', 'COMMITTEE'],
  decide: ['COMMITTEE'],
  validate: ['VALIDATOR'],
  returnToCommittee: ['VALIDATOR'],
  issueDecree: ['UNIVERSITY_ADMIN'],
  appeal: ['TEACHER'],
  decideAppeal: ['COMMITTEE'],
  withdraw: ['TEACHER'],
};

/** Two roles one person may not hold on the same case. */
export type RolePair = readonly [RplCaseRole, RplCaseRole];

/**
 * The regulation profile's default four-eyes pairs: nobody checks their own assessment, and the
 * two assessors are two people. A profile may replace the list.
 */
export const defaultForbiddenRolePairs: readonly RolePair[] = [
  ['ACADEMIC_ASSESSOR', 'PRACTITIONER_ASSESSOR'],
  ['ACADEMIC_ASSESSOR', 'VALIDATOR'],
  ['PRACTITIONER_ASSESSOR', 'VALIDATOR'],
  ['COMMITTEE', 'VALIDATOR'],
];

/**
 * The conflicting pair among `roles`, or null. The applicant holding any case role is always a
 * conflict, whatever the profile says: nobody reviews their own application.
 */
export function findRoleConflict(
  roles: readonly RplCaseActorRole[],
  forbiddenPairs: readonly RolePair[],
): readonly [RplCaseActorRole, RplCaseActorRole] | null {
  if (roles.includes('TEACHER')) {
    const other = roles.find((role) => role !== 'TEACHER' && role !== 'SYSTEM');
    if (other) return ['TEACHER', other];
  }
  return forbiddenPairs.find(([a, b]) => roles.includes(a) && roles.includes(b)) ?? null;
}

export type CaseActionPlan =
  | { kind: 'allowed'; to: RplCaseStatus }
  | {
      kind: 'refused';
      code: Extract<
        ErrorCode,
        | 'INVALID_RPL_CASE_TRANSITION'
        | 'RPL_CASE_WRONG_ROLE'
        | 'RPL_CASE_ROLE_CONFLICT'
        | 'RPL_MISSING_ITEMS_REQUIRED'
        | 'RPL_RETURN_REASON_REQUIRED'
        | 'RPL_ASSESSMENTS_INCOMPLETE'
        | 'RPL_APPEAL_WINDOW_CLOSED'
        | 'RPL_APPEAL_ALREADY_MADE'
      >;
      params?: MessageParams;
    };

export type PlanCaseActionInput = {
  status: RplCaseStatus;
  action: RplCaseAction;
  /** The roles the actor holds on this case (TEACHER when they are the applicant). */
  actorRoles: readonly RplCaseActorRole[];
  /** The regulation profile's pairs; the defaults when absent. */
  forbiddenPairs?: readonly RolePair[];
  /** returnToTeacher: what the teacher must add (at least one non-blank item). */
  missingItems?: readonly string[];
  /** returnToCommittee: why (non-blank). */
  reason?: string | null;
  /** completeAssessment: both assessors recorded every proposed course (see `isAssessmentComplete`). */
  assessmentsComplete?: boolean;
  /** appeal: when the decree was issued, the appeal days, `now`, and whether an appeal was made already. */
  appeal?: { decidedAt: Date; days: number; now: Date; hasAppealed: boolean };
};

const isBlank = (text: string | null | undefined) => !text || text.trim() === '';

/**
 * Whether an actor may take an action on a case, and where it leads. Checks in order: the status
 * (the table), the role, a four-eyes conflict in the actor's own roles, then what the action needs.
 * The content of a committee decision is checked by `checkCommitteeDecision`.
 */
export function planCaseAction(input: PlanCaseActionInput): CaseActionPlan {
  const { status, action, actorRoles } = input;
  const plan = rplCaseMachine.plan(status, action);
  if (plan.kind === 'refused') {
    return { kind: 'refused', code: 'INVALID_RPL_CASE_TRANSITION', params: plan.params };
  }
  const allowedRoles = rplCaseActionRoles[action];
  if (!actorRoles.some((role) => allowedRoles.includes(role))) {
    return {
      kind: 'refused',
      code: 'RPL_CASE_WRONG_ROLE',
      params: { action: rplCaseActionLabels[action], roles: joinRoleLabels(allowedRoles) },
    };
  }
  const conflict = findRoleConflict(actorRoles, input.forbiddenPairs ?? defaultForbiddenRolePairs);
  if (conflict) {
    return {
      kind: 'refused',
      code: 'RPL_CASE_ROLE_CONFLICT',
      params: { first: rplCaseRoleLabels[conflict[0]], second: rplCaseRoleLabels[conflict[1]] },
    };
  }
  switch (action) {
    case 'returnToTeacher':
      if (!input.missingItems?.some((item) => !isBlank(item))) {
        return { kind: 'refused', code: 'RPL_MISSING_ITEMS_REQUIRED' };
      }
      break;
    case 'returnToCommittee':
      if (isBlank(input.reason)) return { kind: 'refused', code: 'RPL_RETURN_REASON_REQUIRED' };
      break;
    case 'completeAssessment':
      if (!input.assessmentsComplete) return { kind: 'refused', code: 'RPL_ASSESSMENTS_INCOMPLETE' };
      break;
    case 'appeal': {
      if (!input.appeal) return { kind: 'refused', code: 'RPL_APPEAL_WINDOW_CLOSED' };
      if (input.appeal.hasAppealed) return { kind: 'refused', code: 'RPL_APPEAL_ALREADY_MADE' };
      const window: AppealWindow = appealWindow(input.appeal);
      if (window.kind === 'closed') {
        return {
          kind: 'refused',
          code: 'RPL_APPEAL_WINDOW_CLOSED',
          params: { lastDay: { date: window.lastDay } },
        };
      }
      break;
    }
    default:
      break;
  }
  return plan;
}

function joinRoleLabels(roles: readonly RplCaseActorRole[]): Record<Locale, string> {
  const join = (locale: Locale, word: string) =>
    roles.map((role) => rplCaseRoleLabels[role][locale]).join(` ${word} `);
  return { id: join('id', 'atau'), en: join('en', 'or') };
}
