import { describe, expect, expectTypeOf, it } from 'vitest';
import { translateError } from '#messages.ts';
import {
  type RplApplicationAction,
  type RplApplicationStatus,
  rplApplicationMachine,
  rplApplicationStatuses,
} from '#rpl-applications.ts';
import {
  planCaseAction,
  type RplCaseActorRole,
  type RplCaseStatus,
  rplCaseActionForApplicationAction,
  rplCaseActions,
  rplCaseActorRoles,
  rplCaseMachine,
  rplCaseStatuses,
} from '#rpl-review/case-machine.ts';

const now = new Date('2026-03-10T03:00:00Z');
/** Every precondition met, so only status and role decide. */
const satisfied = {
  missingItems: ['Silabus pelatihan'],
  reason: 'SKS mata kuliah PTM101 perlu ditinjau.',
  assessmentsComplete: true,
  appeal: { decidedAt: new Date('2026-03-01T02:00:00Z'), days: 14, now, hasAppealed: false },
};

/** Written out by hand from issue 11: status, action, the single role that may take it. */
const allowed = `
  DRAFT submit TEACHER
  EVIDENCE_REQUESTED submit TEACHER
  SUBMITTED returnToTeacher ADMIN_OFFICER
  SUBMITTED acceptAsComplete ADMIN_OFFICER
  IN_ASSESSMENT completeAssessment SYSTEM
  IN_ASSESSMENT completeAssessment COMMITTEE
  AWAITING_COMMITTEE decide COMMITTEE
  AWAITING_VALIDATION validate VALIDATOR
  AWAITING_VALIDATION returnToCommittee VALIDATOR
  APPROVED issueDecree UNIVERSITY_ADMIN
  DECIDED appeal TEACHER
  APPEALED decideAppeal COMMITTEE
  DRAFT withdraw TEACHER
  SUBMITTED withdraw TEACHER
  EVIDENCE_REQUESTED withdraw TEACHER
  IN_ASSESSMENT withdraw TEACHER
  AWAITING_COMMITTEE withdraw TEACHER
`
  .trim()
  .split('\n')
  .map((line) => line.trim());

const nextStatus: Record<string, RplCaseStatus> = {
  submit: 'SUBMITTED',
  returnToTeacher: 'EVIDENCE_REQUESTED',
  acceptAsComplete: 'IN_ASSESSMENT',
  completeAssessment: 'AWAITING_COMMITTEE',
  decide: 'AWAITING_VALIDATION',
  validate: 'APPROVED',
  returnToCommittee: 'AWAITING_COMMITTEE',
  issueDecree: 'DECIDED',
  appeal: 'APPEALED',
  decideAppeal: 'DECIDED',
  withdraw: 'WITHDRAWN',
};

describe('planCaseAction', () => {
  const startable = new Set(allowed.map((line) => line.split(' ').slice(0, 2).join(' ')));
  const table = rplCaseStatuses.flatMap((status) =>
    rplCaseActions.flatMap((action) =>
      rplCaseActorRoles.map((role) => ({ status, action, role, key: `${status} ${action} ${role}` })),
    ),
  );

  it('covers every status, action and role (10 x 11 x 8)', () => {
    expect(table).toHaveLength(880);
  });

  it.each(table)('$key', ({ status, action, role, key }) => {
    const plan = planCaseAction({ status, action, actorRoles: [role], ...satisfied });
    if (allowed.includes(key)) expect(plan).toEqual({ kind: 'allowed', to: nextStatus[action] });
    else if (startable.has(`${status} ${action}`))
      expect(plan).toMatchObject({ code: 'RPL_CASE_WRONG_ROLE' });
    else expect(plan).toMatchObject({ code: 'INVALID_RPL_CASE_TRANSITION' });
  });

  it('names the status and the action when the status is wrong', () => {
    const plan = planCaseAction({ status: 'DECIDED', action: 'withdraw', actorRoles: ['TEACHER'] });
    expect(plan.kind === 'refused' && translateError(plan.code, 'id', plan.params)).toBe(
      'Kasus RPL berstatus "Surat keputusan terbit" tidak dapat ditarik.',
    );
  });

  it('names the roles that may, when the role is wrong', () => {
    const plan = planCaseAction({
      status: 'IN_ASSESSMENT',
      action: 'completeAssessment',
      actorRoles: ['VALIDATOR'],
      assessmentsComplete: true,
    });
    expect(plan.kind === 'refused' && translateError(plan.code, 'en', plan.params)).toBe(
      'This case can only be marked as assessed by the system or programme RPL committee.',
    );
  });

  it.each([[{ missingItems: [] }], [{ missingItems: ['  '] }], [{}]])(
    'refuses to return a case to the teacher without missing items (%j)',
    (extra) => {
      expect(
        planCaseAction({
          status: 'SUBMITTED',
          action: 'returnToTeacher',
          actorRoles: ['ADMIN_OFFICER'],
          ...extra,
        }),
      ).toEqual({ kind: 'refused', code: 'RPL_MISSING_ITEMS_REQUIRED' });
    },
  );

  it.each([[null], [''], ['   ']])(
    'refuses to return a case to the committee without a reason (%j)',
    (reason) => {
      expect(
        planCaseAction({
          status: 'AWAITING_VALIDATION',
          action: 'returnToCommittee',
          actorRoles: ['VALIDATOR'],
          reason,
        }),
      ).toEqual({ kind: 'refused', code: 'RPL_RETURN_REASON_REQUIRED' });
    },
  );

  it('refuses to close the assessment before both assessors recorded every course', () => {
    for (const role of ['SYSTEM', 'COMMITTEE'] as const) {
      expect(
        planCaseAction({
          status: 'IN_ASSESSMENT',
          action: 'completeAssessment',
          actorRoles: [role],
          assessmentsComplete: false,
        }),
      ).toEqual({ kind: 'refused', code: 'RPL_ASSESSMENTS_INCOMPLETE' });
    }
  });

  it('lets the teacher appeal through the last day of the window, not after, and only once', () => {
    const decidedAt = new Date('2026-03-01T02:00:00Z');
    const appealOn = (iso: string, hasAppealed = false) =>
      planCaseAction({
        status: 'DECIDED',
        action: 'appeal',
        actorRoles: ['TEACHER'],
        appeal: { decidedAt, days: 14, now: new Date(iso), hasAppealed },
      });
    // 15 March 23:59 WIB is still the 15th in Jakarta; 00:00 WIB on the 16th is not.
    expect(appealOn('2026-03-15T16:59:00Z')).toEqual({ kind: 'allowed', to: 'APPEALED' });
    expect(appealOn('2026-03-15T17:00:00Z')).toEqual({
      kind: 'refused',
      code: 'RPL_APPEAL_WINDOW_CLOSED',
      params: { lastDay: { date: '2026-03-15' } },
    });
    expect(appealOn('2026-03-05T00:00:00Z', true)).toEqual({
      kind: 'refused',
      code: 'RPL_APPEAL_ALREADY_MADE',
    });
  });

  it.each<[RplCaseActorRole[], string]>([
    [['VALIDATOR', 'ACADEMIC_ASSESSOR'], 'ACADEMIC_ASSESSOR+VALIDATOR'],
    [['VALIDATOR', 'PRACTITIONER_ASSESSOR'], 'PRACTITIONER_ASSESSOR+VALIDATOR'],
    [['VALIDATOR', 'COMMITTEE'], 'COMMITTEE+VALIDATOR'],
  ])('refuses a validator who also holds a forbidden role on the case (%j)', (actorRoles) => {
    expect(planCaseAction({ status: 'AWAITING_VALIDATION', action: 'validate', actorRoles })).toMatchObject({
      kind: 'refused',
      code: 'RPL_CASE_ROLE_CONFLICT',
    });
  });

  it('refuses the applicant acting in a case role on their own case, whatever the profile says', () => {
    const plan = planCaseAction({
      status: 'AWAITING_COMMITTEE',
      action: 'decide',
      actorRoles: ['TEACHER', 'COMMITTEE'],
      forbiddenPairs: [],
    });
    expect(plan).toEqual({
      kind: 'refused',
      code: 'RPL_CASE_ROLE_CONFLICT',
      params: {
        first: { id: 'guru pemohon', en: 'applicant teacher' },
        second: { id: 'tim RPL program studi', en: 'programme RPL committee' },
      },
    });
  });

  it("follows the profile's own pairs", () => {
    const input = {
      status: 'AWAITING_VALIDATION',
      action: 'validate',
      actorRoles: ['VALIDATOR', 'COMMITTEE'],
    } as const;
    expect(planCaseAction({ ...input, forbiddenPairs: [] })).toEqual({ kind: 'allowed', to: 'APPROVED' });
    expect(planCaseAction({ ...input, forbiddenPairs: [['COMMITTEE', 'VALIDATOR']] }).kind).toBe('refused');
  });
});

describe('rplCaseMachine', () => {
  it("keeps part 1's statuses", () => {
    expectTypeOf<RplApplicationStatus>().toExtend<RplCaseStatus>();
    for (const status of rplApplicationStatuses) expect(rplCaseStatuses).toContain(status);
    expect(rplCaseMachine.initial).toBe(rplApplicationMachine.initial);
  });

  it("makes every move part 1 makes, and refuses every move part 1 refuses among part 1's statuses", () => {
    for (const status of rplApplicationStatuses) {
      for (const action of Object.keys(rplCaseActionForApplicationAction) as RplApplicationAction[]) {
        const partOne = rplApplicationMachine.plan(status, action);
        const partTwo = rplCaseMachine.plan(status, rplCaseActionForApplicationAction[action]);
        expect(partTwo.kind, `${status} ${action}`).toBe(partOne.kind);
        if (partOne.kind === 'allowed') expect(partTwo).toEqual(partOne);
      }
    }
  });

  it('leaves a withdrawn case nowhere to go, and a decided one only to appeal', () => {
    expect(rplCaseMachine.movesFrom('WITHDRAWN')).toEqual([]);
    expect(rplCaseMachine.movesFrom('DECIDED')).toEqual([{ action: 'appeal', to: 'APPEALED' }]);
  });
});
