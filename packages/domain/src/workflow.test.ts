import { describe, expect, it } from 'vitest';
import {
  type ApplicationStatus,
  applicationMachine,
  applicationStatuses,
  applicationTransitions,
  confirmationDeadline,
  decideEndorsement,
  decideSeatResponse,
  decideWithdraw,
  endorsementDeadline,
  planApplicationTransition,
} from '#applications.ts';
import { translateError } from '#messages.ts';
import { selectionSettingsSchema, toFieldIssues } from '#validation.ts';

const now = new Date('2026-12-01T03:00:00Z');

describe('applicationTransitions', () => {
  it('only ever moves a seat-holding application out through confirm, decline, lapse, withdraw or cancel', () => {
    const fromAccepted = Object.entries(applicationTransitions)
      .filter(([, rule]) => rule.from.includes('ACCEPTED'))
      .map(([action]) => action)
      .sort();
    expect(fromAccepted).toEqual(['cancel', 'confirm', 'decline', 'lapse', 'withdraw']);
  });
});

describe('applicationMachine', () => {
  // The whole table, read from each status: `action>TO` for every move allowed out of it.
  const moves: [ApplicationStatus, string[]][] = [
    [
      'SUBMITTED',
      [
        'endorse>ENDORSED',
        'refuseEndorsement>NOT_ENDORSED',
        'expireEndorsement>ENDORSEMENT_EXPIRED',
        'accept>ACCEPTED',
        'waitlist>WAITLISTED',
        'withdraw>WITHDRAWN',
        'cancel>CANCELLED',
      ],
    ],
    [
      'ENDORSED',
      [
        'undoEndorsement>SUBMITTED',
        'accept>ACCEPTED',
        'waitlist>WAITLISTED',
        'reject>REJECTED',
        'withdraw>WITHDRAWN',
        'cancel>CANCELLED',
      ],
    ],
    [
      'ACCEPTED',
      ['confirm>CONFIRMED', 'decline>DECLINED', 'lapse>LAPSED', 'withdraw>WITHDRAWN', 'cancel>CANCELLED'],
    ],
    ['CONFIRMED', ['withdraw>WITHDRAWN', 'cancel>CANCELLED']],
    ['WAITLISTED', ['accept>ACCEPTED', 'withdraw>WITHDRAWN', 'cancel>CANCELLED']],
    ['WITHDRAWN', ['resubmit>SUBMITTED']],
    ['NOT_ENDORSED', ['undoEndorsement>SUBMITTED']],
    ['ENDORSEMENT_EXPIRED', []],
    ['REJECTED', []],
    ['DECLINED', []],
    ['LAPSED', []],
    ['CANCELLED', []],
  ];

  it('lists every status once', () => {
    expect(moves.map(([status]) => status).sort()).toEqual([...applicationStatuses].sort());
  });

  it.each(moves)('moves out of %s only by %j', (status, expected) => {
    expect(applicationMachine.movesFrom(status).map(({ action, to }) => `${action}>${to}`)).toEqual(expected);
  });

  it('starts every application as submitted', () => {
    expect(applicationMachine.initial).toBe('SUBMITTED');
  });

  it.each([
    ['ACCEPTED', 'confirm', { kind: 'allowed', to: 'CONFIRMED' }],
    ['WAITLISTED', 'accept', { kind: 'allowed', to: 'ACCEPTED' }],
    ['WITHDRAWN', 'resubmit', { kind: 'allowed', to: 'SUBMITTED' }],
  ] as const)('plans %s --%s--> as %j', (status, action, plan) => {
    expect(planApplicationTransition(status, action)).toEqual(plan);
  });

  it('refuses a move the table does not list, in words the reader understands', () => {
    const plan = planApplicationTransition('WITHDRAWN', 'confirm');
    if (plan.kind !== 'refused') throw new Error('expected refusal');
    expect(plan.code).toBe('INVALID_APPLICATION_TRANSITION');
    expect(translateError(plan.code, 'id', plan.params)).toBe(
      'Pendaftaran berstatus "Ditarik" tidak dapat dikonfirmasi.',
    );
    expect(translateError(plan.code, 'en', plan.params)).toBe(
      'An application with status "Withdrawn" cannot be confirmed.',
    );
  });
});

describe('decideEndorsement', () => {
  const base = {
    application: { status: 'SUBMITTED' as const, schoolId: 'smkn10' },
    principalSchoolId: 'smkn10',
    deadline: new Date('2026-12-05T00:00:00Z'),
    timeZone: 'Asia/Jakarta',
    now,
  };
  it.each([
    ['their own school, in time', {}, 'allowed'],
    ['another school', { principalSchoolId: 'smkn4' }, 'NOT_YOUR_SCHOOL'],
    ['a principal with no school', { principalSchoolId: null }, 'NOT_YOUR_SCHOOL'],
    [
      'an application already decided',
      { application: { status: 'ENDORSED' as const, schoolId: 'smkn10' } },
      'ENDORSEMENT_DONE',
    ],
    ['after the deadline', { now: new Date('2026-12-05T00:00:00Z') }, 'ENDORSEMENT_CLOSED'],
  ])('%s', (_name, change, expected) => {
    const decision = decideEndorsement({ ...base, ...change });
    expect(decision.kind === 'allowed' ? 'allowed' : decision.code).toBe(expected);
  });

  it('names the deadline in the zone it was set in', () => {
    const decision = decideEndorsement({ ...base, now: new Date('2026-12-06T00:00:00Z') });
    if (decision.kind !== 'refused') throw new Error('expected refusal');
    expect(translateError(decision.code, 'id', decision.params)).toBe(
      'Batas rekomendasi sudah lewat (5 Desember 2026 pukul 07.00 WIB).',
    );
  });
});

describe('decideSeatResponse', () => {
  const application = {
    teacherId: 't1',
    status: 'ACCEPTED' as const,
    confirmBy: new Date('2026-12-04T00:00:00Z'),
  };
  it.each([
    ['confirm', application, 't1', now, 'allowed'],
    ['confirm', application, 't2', now, 'NOT_YOUR_APPLICATION'],
    ['confirm', { ...application, status: 'WAITLISTED' as const }, 't1', now, 'NOT_ACCEPTED'],
    ['confirm', application, 't1', new Date('2026-12-04T00:00:00Z'), 'CONFIRMATION_CLOSED'],
    ['decline', application, 't1', new Date('2026-12-04T00:00:00Z'), 'allowed'],
  ] as const)('%s by %s', (response, app, actorId, at, expected) => {
    const decision = decideSeatResponse({
      application: app,
      actorId,
      response,
      timeZone: 'Asia/Jakarta',
      now: at,
    });
    expect(decision.kind === 'allowed' ? 'allowed' : decision.code).toBe(expected);
  });
});

describe('decideWithdraw', () => {
  it.each([
    ['SUBMITTED', 'allowed'],
    ['CONFIRMED', 'allowed'],
    ['WAITLISTED', 'allowed'],
    ['REJECTED', 'APPLICATION_CLOSED'],
    ['WITHDRAWN', 'ALREADY_WITHDRAWN'],
  ] as const)('from %s: %s', (status, expected) => {
    const decision = decideWithdraw({
      application: { teacherId: 't1', status },
      actorId: 't1',
      trainingStartsAt: new Date('2030-01-01T00:00:00Z'),
      now: new Date('2029-12-01T00:00:00Z'),
    });
    expect(decision.kind === 'allowed' ? 'allowed' : decision.code).toBe(expected);
  });
});

describe('deadlines', () => {
  it('defaults the endorsement deadline to a week after applications close', () => {
    const closes = new Date('2026-12-01T00:00:00Z');
    expect(
      endorsementDeadline({ endorsementDeadline: null, applicationClosesAt: closes }).toISOString(),
    ).toBe('2026-12-08T00:00:00.000Z');
  });

  it('never lets confirmation run past the start of training', () => {
    const trainingStartsAt = new Date('2026-12-02T17:00:00Z');
    expect(confirmationDeadline({ acceptedAt: now, confirmationDays: 3, trainingStartsAt })).toEqual(
      trainingStartsAt,
    );
    expect(
      confirmationDeadline({ acceptedAt: now, confirmationDays: 1, trainingStartsAt }).toISOString(),
    ).toBe('2026-12-02T03:00:00.000Z');
  });
});

describe('selectionSettingsSchema', () => {
  const settings = {
    selectionMode: 'REVIEWED',
    requiresEndorsement: true,
    endorsementDeadline: null,
    confirmationDays: 3,
    eligibilityRules: { minTeachingYears: 2, maxAge: 45, employmentStatuses: [] },
    rubric: [{ key: 'motivation', nameId: 'Motivasi', nameEn: 'Motivation', weight: 2, maxScore: 5 }],
    minScore: 60,
    maxPerSchool: 2,
    seatsPerProvince: [{ province: '91', seats: 4 }],
  };

  it('accepts sensible settings and treats empty lists as no limit', () => {
    const parsed = selectionSettingsSchema.parse(settings);
    expect(parsed.eligibilityRules.employmentStatuses).toBeNull();
  });

  it('points at a repeated criterion key and an unknown province', () => {
    const result = selectionSettingsSchema.safeParse({
      ...settings,
      rubric: [settings.rubric[0], settings.rubric[0]],
      seatsPerProvince: [{ province: '99', seats: 1 }],
    });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(
        toFieldIssues(result.error.issues).map((issue) => `${issue.path.join('.')}:${issue.code}`),
      ).toEqual(['rubric.1.key:DUPLICATE_ITEM', 'seatsPerProvince.0.province:UNKNOWN_PROVINCE']);
    }
  });
});
