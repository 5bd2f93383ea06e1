import { describe, expect, it } from 'vitest';
import {
  blockingPublishChecks,
  checkCallBeforePublishing,
  checkCallPlausibility,
  type PublishCheckInput,
  translatePlausibility,
  venueMapUrl,
} from '#call-checks.ts';
import { teacherCallPhase } from '#call-phase.ts';
import { defaultRubric } from '#review.ts';
import { callInputSchema, toFieldIssues } from '#validation.ts';

describe('checkCallPlausibility', () => {
  it.each([
    // [start, end, hours, expected codes]
    ['2027-01-04', '2029-01-03', 40, ['LONG_TRAINING', 'FEW_HOURS_PER_DAY']],
    ['2027-01-04', '2027-01-08', 40, []],
    ['2027-01-04', '2027-01-04', 40, ['MANY_HOURS_PER_DAY']],
    ['2027-01-04', '2027-01-04', 10, []],
    ['2027-01-04', '2027-02-02', 30, []],
    ['2027-01-04', '2027-02-02', 29, ['FEW_HOURS_PER_DAY']],
  ] as const)('%s to %s with %i hours warns %j', (startDate, endDate, trainingHours, codes) => {
    const warnings = checkCallPlausibility({ startDate, endDate, trainingHours });
    expect(warnings.map((warning) => warning.code)).toEqual(codes);
  });

  it('says what it found in both languages, naming the hours and the days', () => {
    const [, few] = checkCallPlausibility({
      startDate: '2027-01-04',
      endDate: '2029-01-03',
      trainingHours: 40,
    });
    expect(few?.field).toBe('trainingHours');
    expect(translatePlausibility(few!, 'id')).toContain('40 jam pelatihan dalam 731 hari');
    expect(translatePlausibility(few!, 'en')).toContain('40 training hours over 731 days');
  });

  it('warns of a quota far above a cohort, a window of hours and a start more than a year ahead', () => {
    const warnings = checkCallPlausibility(
      {
        startDate: '2028-03-01',
        endDate: '2028-03-05',
        trainingHours: 40,
        seats: 500,
        applicationOpensAt: new Date('2026-12-01T00:00:00Z'),
        applicationClosesAt: new Date('2026-12-02T00:00:00Z'),
      },
      '2026-12-01',
    );
    expect(warnings.map((warning) => warning.code)).toEqual([
      'MANY_SEATS',
      'SHORT_WINDOW',
      'START_FAR_AHEAD',
    ]);
  });

  it('leaves out what is not filled in yet', () => {
    expect(checkCallPlausibility({ startDate: '2027-01-04', trainingHours: 2 })).toEqual([]);
  });
});

const now = new Date('2026-12-03T03:00:00Z');
const ready: PublishCheckInput = {
  status: 'DRAFT',
  province: '21',
  selectionMode: 'REVIEWED',
  requiresEndorsement: true,
  endorsementDeadline: null,
  rubric: defaultRubric,
  reviewerCount: 2,
  hasAchievement: true,
  startDate: '2027-01-11',
  endDate: '2027-01-15',
  applicationOpensAt: new Date('2026-12-01T00:00:00Z'),
  applicationClosesAt: new Date('2026-12-20T16:59:00Z'),
};

describe('checkCallBeforePublishing', () => {
  it('passes a complete reviewed call', () => {
    const checks = checkCallBeforePublishing(ready, now);
    expect(checks.map((check) => [check.key, check.state])).toEqual([
      ['reviewers', 'ok'],
      ['rubric', 'ok'],
      ['window', 'ok'],
      ['endorsement', 'ok'],
      ['training', 'ok'],
      ['achievement', 'ok'],
    ]);
    expect(blockingPublishChecks(checks)).toEqual([]);
  });

  it.each([
    ['no reviewers on a reviewed call', { reviewerCount: 0 }, 'reviewers', 'PUBLISH_NO_REVIEWERS'],
    ['an empty rubric', { rubric: [] }, 'rubric', 'PUBLISH_RUBRIC_INCOMPLETE'],
    [
      'a rubric criterion without a name',
      { rubric: [{ key: 'a1', nameId: '', nameEn: 'x', weight: 1, maxScore: 5 }] },
      'rubric',
      'PUBLISH_RUBRIC_INCOMPLETE',
    ],
    [
      'a window already over',
      { applicationClosesAt: new Date('2026-12-02T00:00:00Z') },
      'window',
      'WINDOW_CLOSED',
    ],
    [
      'an endorsement deadline before the window closes',
      { endorsementDeadline: new Date('2026-12-10T00:00:00Z') },
      'endorsement',
      'PUBLISH_ENDORSEMENT_DEADLINE',
    ],
    [
      'a default endorsement deadline after the training starts',
      { startDate: '2026-12-24', endDate: '2026-12-26' },
      'endorsement',
      'PUBLISH_ENDORSEMENT_DEADLINE',
    ],
    [
      'training that began today',
      { startDate: '2026-12-03', applicationClosesAt: new Date('2026-12-02T00:00:00Z') },
      'training',
      'PUBLISH_TRAINING_NOT_AHEAD',
    ],
  ] as const)('blocks %s', (_name, change, key, code) => {
    const checks = checkCallBeforePublishing({ ...ready, ...change } as PublishCheckInput, now);
    const blocking = blockingPublishChecks(checks);
    expect(blocking.find((check) => check.key === key)).toMatchObject({ state: 'failed', code });
  });

  it('only warns when the achievement is not set yet', () => {
    const checks = checkCallBeforePublishing({ ...ready, hasAchievement: false }, now);
    expect(checks.at(-1)).toMatchObject({ key: 'achievement', severity: 'warning', state: 'failed' });
    expect(blockingPublishChecks(checks)).toEqual([]);
  });

  it('does not ask a first-come call without endorsement for reviewers, a rubric or a deadline', () => {
    const checks = checkCallBeforePublishing(
      { ...ready, selectionMode: 'FIRST_COME', requiresEndorsement: false, reviewerCount: 0, rubric: [] },
      now,
    );
    expect(checks.filter((check) => check.state === 'notNeeded').map((check) => check.key)).toEqual([
      'reviewers',
      'rubric',
      'endorsement',
    ]);
    expect(blockingPublishChecks(checks)).toEqual([]);
  });
});

describe('teacherCallPhase', () => {
  const call = {
    status: 'OPEN' as const,
    applicationOpensAt: '2026-12-01T00:00:00Z',
    applicationClosesAt: '2026-12-20T00:00:00Z',
  };
  it.each([
    ['before the window', call, new Date('2026-11-30T00:00:00Z'), null, 'OPENS_SOON'],
    ['in the window', call, now, null, 'ACCEPTING'],
    ['a published call past its window', call, new Date('2026-12-21T00:00:00Z'), null, 'APPLICATIONS_CLOSED'],
    ['a closed call', { ...call, status: 'CLOSED' as const }, now, 'REJECTED', 'APPLICATIONS_CLOSED'],
    [
      'a closed call with an accepted application',
      { ...call, status: 'CLOSED' as const },
      now,
      'ACCEPTED',
      'SEAT_HELD',
    ],
    ['a confirmed seat while the window is open', call, now, 'CONFIRMED', 'SEAT_HELD'],
    ['training under way', { ...call, status: 'IN_TRAINING' as const }, now, 'CONFIRMED', 'IN_TRAINING'],
    ['a cancelled call', { ...call, status: 'CANCELLED' as const }, now, 'CANCELLED', 'CANCELLED'],
  ] as const)('%s is %s', (_name, value, at, applicationStatus, phase) => {
    expect(teacherCallPhase(value, at, applicationStatus)).toBe(phase);
  });
});

describe('venueMapUrl', () => {
  it('searches OpenStreetMap for the written address', () => {
    expect(
      venueMapUrl({
        venueName: 'Politeknik Negeri Batam',
        address: 'Jl. Ahmad Yani, Batam Kota',
        city: 'Batam',
        provinceName: 'Kepulauan Riau',
      }),
    ).toBe(
      'https://www.openstreetmap.org/search?query=Jl.%20Ahmad%20Yani%2C%20Batam%20Kota%2C%20Batam%2C%20Kepulauan%20Riau%2C%20Indonesia',
    );
  });
});

describe('callContentSchema seats', () => {
  const base = {
    title: 'Pelatihan Robotik',
    description: 'Pelatihan robotik industri untuk guru SMK.',
    learningOutcomes: ['Memrogram robot industri'],
    mode: 'OFFLINE',
    venueName: 'Lab',
    city: 'Batam',
    province: '21',
    startDate: '2027-01-11',
    endDate: '2027-01-15',
    trainingHours: 40,
    applicationOpensAt: new Date('2026-12-01T00:00:00Z'),
    applicationClosesAt: new Date('2026-12-20T00:00:00Z'),
  };
  it.each([0, -3])('refuses %i seats on the seats field', (seats) => {
    const parsed = callInputSchema.safeParse({ ...base, seats });
    expect(parsed.success).toBe(false);
    expect(toFieldIssues(parsed.error?.issues ?? [])).toEqual([{ path: ['seats'], code: 'SEATS_TOO_FEW' }]);
  });

  it('asks for the amount when travel is reimbursed up to one', () => {
    const parsed = callInputSchema.safeParse({ ...base, seats: 20, travelSupport: 'REIMBURSED_UP_TO' });
    expect(toFieldIssues(parsed.error?.issues ?? [])).toEqual([
      { path: ['travelSupportMaxRupiah'], code: 'TRAVEL_SUPPORT_AMOUNT_REQUIRED' },
    ]);
  });
});
