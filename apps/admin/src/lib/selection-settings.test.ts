import { translateError } from '@kmg/domain';
import { describe, expect, it } from 'vitest';
import {
  type CallSelectionSettings,
  criterionShares,
  describableScores,
  describedCount,
  endorsementDeadlineInput,
  levelValues,
  newRubricRow,
  type SelectionSettingsValues,
  selectionSettingsFromCall,
  settingsFieldErrors,
  toSelectionSettingsInput,
  validateSelectionSettings,
} from '#lib/selection-settings.ts';

// A Batam call (WIB): applications close 21 November 23:59, training starts 14 December.
const call: CallSelectionSettings = {
  timeZone: 'Asia/Jakarta',
  applicationClosesAt: '2026-11-21T16:59:00.000Z',
  startDate: '2026-12-14',
  selectionMode: 'REVIEWED',
  requiresEndorsement: true,
  endorsementDeadline: '2026-11-28T16:59:00.000Z',
  confirmationDays: 3,
  eligibilityRules: {
    subjects: null,
    employmentStatuses: ['PNS'],
    minTeachingYears: 2,
    maxAge: 45,
    ageReferenceDate: null,
    provinces: [{ code: '21' }],
    schoolStatuses: null,
    centreOfExcellenceOnly: false,
  },
  rubric: [
    { key: 'motivation', nameId: 'Motivasi', nameEn: 'Motivation', weight: 3, maxScore: 5 },
    { key: 'relevance', nameId: 'Relevansi', nameEn: 'Relevance', weight: 2, maxScore: 5 },
  ],
  minScore: 50,
  maxPerSchool: 2,
  seatsPerProvince: [{ province: { code: '21' }, seats: 2 }],
};

const values = (): SelectionSettingsValues => selectionSettingsFromCall(call);
const message = (code: Parameters<typeof translateError>[0], params?: Record<string, number>) =>
  translateError(code, 'id', params);

describe('selectionSettingsFromCall', () => {
  it('shows the endorsement deadline on the venue clock', () => {
    expect(values().endorsementDeadline).toBe('2026-11-28 23:59:00');
  });

  it('turns missing limits into empty fields and keeps rubric keys', () => {
    const form = selectionSettingsFromCall({
      ...call,
      eligibilityRules: { ...call.eligibilityRules, maxAge: null, provinces: null },
      minScore: null,
    });
    expect(form.eligibilityRules.maxAge).toBe('');
    expect(form.eligibilityRules.provinces).toEqual([]);
    expect(form.minScore).toBe('');
    expect(form.rubric.map((row) => row.key)).toEqual(['motivation', 'relevance']);
  });
});

describe('endorsementDeadlineInput', () => {
  it.each([
    // zone, wall clock typed, instant sent
    ['Asia/Jakarta', '2026-11-30 12:00:00', '2026-11-30T05:00:00.000Z'],
    ['Asia/Makassar', '2026-11-30 12:00:00', '2026-11-30T04:00:00.000Z'],
    ['Asia/Jayapura', '2026-11-30 12:00:00', '2026-11-30T03:00:00.000Z'],
  ])('reads a deadline in %s at %s as %s', (timeZone, wallClock, instant) => {
    expect(
      endorsementDeadlineInput(
        { requiresEndorsement: true, endorsementDeadline: wallClock },
        { ...call, timeZone },
      ),
    ).toBe(instant);
  });

  it('sends null for the default, seven days after applications close', () => {
    expect(endorsementDeadlineInput(values(), call)).toBeNull();
  });

  it('sends null when no endorsement is asked for', () => {
    expect(
      endorsementDeadlineInput({ requiresEndorsement: false, endorsementDeadline: '2026-11-30 12:00' }, call),
    ).toBeNull();
  });
});

describe('toSelectionSettingsInput', () => {
  it('derives keys for new criteria and sends empty limits as null', () => {
    const form = values();
    form.rubric.push({ ...newRubricRow(), nameId: ' Portofolio mengajar ', nameEn: 'Teaching portfolio' });
    form.eligibilityRules.maxAge = '';
    form.maxPerSchool = '';
    form.seatsPerProvince = [];
    const input = toSelectionSettingsInput(form, call);
    expect(input.rubric.map((row) => row.key)).toEqual(['motivation', 'relevance', 'portofolio-mengajar']);
    expect(input.rubric[2]?.nameId).toBe('Portofolio mengajar');
    expect(input.eligibilityRules.maxAge).toBeNull();
    expect(input.maxPerSchool).toBeNull();
    expect(input.seatsPerProvince).toEqual([]);
    expect(input.eligibilityRules.provinces).toEqual(['21']);
  });
});

describe('validateSelectionSettings', () => {
  it('accepts the settings the API returned', () => {
    expect(validateSelectionSettings(values(), call, 'id')).toEqual({});
  });

  it.each([
    ['2026-11-21 23:59:00', 'the moment applications close'],
    ['2026-11-20 10:00:00', 'before applications close'],
    ['2026-12-14 00:00:00', 'the first training day'],
  ])('refuses a deadline at %s (%s)', (deadline) => {
    const form = { ...values(), endorsementDeadline: deadline };
    expect(validateSelectionSettings(form, call, 'id')).toEqual({
      endorsementDeadline: message('DEADLINE_ORDER'),
    });
  });

  it('accepts a deadline the evening before training', () => {
    const form = { ...values(), endorsementDeadline: '2026-12-13 23:59:00' };
    expect(validateSelectionSettings(form, call, 'id')).toEqual({});
  });

  it('asks for a deadline only when endorsement is required', () => {
    expect(
      validateSelectionSettings({ ...values(), endorsementDeadline: null }, call, 'id').endorsementDeadline,
    ).toBe(message('REQUIRED'));
    expect(
      validateSelectionSettings(
        { ...values(), requiresEndorsement: false, endorsementDeadline: null },
        call,
        'id',
      ),
    ).toEqual({});
  });

  it('reports rubric problems on the fields the manager sees', () => {
    const form = values();
    form.rubric = [
      {
        key: null,
        nameId: 'Motivasi',
        nameEn: 'Motivation',
        weight: 11,
        maxScore: '',
        levels: levelValues(),
      },
      { key: 'motivasi', nameId: 'Mo', nameEn: 'Motive', weight: 1, maxScore: 5, levels: levelValues() },
    ];
    expect(validateSelectionSettings(form, call, 'id')).toEqual({
      'rubric.0.weight': message('TOO_LARGE', { max: 10 }),
      'rubric.0.maxScore': message('REQUIRED'),
      'rubric.1.nameId': message('TOO_SHORT', { min: 3 }),
    });
  });

  it('needs at least one criterion for reviewed selection, none for first-come', () => {
    const form = { ...values(), rubric: [] };
    expect(validateSelectionSettings(form, call, 'id')).toEqual({
      rubric: message('TOO_FEW_ITEMS', { min: 1 }),
    });
    expect(validateSelectionSettings({ ...form, selectionMode: 'FIRST_COME' }, call, 'id')).toEqual({});
  });

  it.each([
    ['minScore', 101, message('TOO_LARGE', { max: 100 })],
    ['maxPerSchool', 0, message('TOO_SMALL', { min: 1 })],
    ['confirmationDays', '', message('REQUIRED')],
    ['confirmationDays', 31, message('TOO_LARGE', { max: 30 })],
  ] as const)('checks %s = %j', (field, value, expected) => {
    expect(validateSelectionSettings({ ...values(), [field]: value }, call, 'id')).toEqual({
      [field]: expected,
    });
  });

  it('checks eligibility limits', () => {
    const form = values();
    form.eligibilityRules.maxAge = 17;
    form.eligibilityRules.minTeachingYears = 41;
    expect(validateSelectionSettings(form, call, 'id')).toEqual({
      'eligibilityRules.maxAge': message('TOO_SMALL', { min: 18 }),
      'eligibilityRules.minTeachingYears': message('TOO_LARGE', { max: 40 }),
    });
  });

  it('reports a bad subject on the subjects field', () => {
    const form = values();
    form.eligibilityRules.subjects = ['Teknik Mekatronika', 'X'];
    expect(validateSelectionSettings(form, call, 'id')).toEqual({
      'eligibilityRules.subjects': message('TOO_SHORT', { min: 2 }),
    });
  });

  it('refuses a province without a cap, an empty row and a province listed twice', () => {
    const form = values();
    form.seatsPerProvince = [
      { province: '21', seats: 2 },
      { province: null, seats: 1 },
      { province: '21', seats: '' },
    ];
    expect(validateSelectionSettings(form, call, 'id')).toEqual({
      'seatsPerProvince.1.province': message('REQUIRED'),
      'seatsPerProvince.2.province': message('DUPLICATE_ITEM'),
      'seatsPerProvince.2.seats': message('REQUIRED'),
    });
  });
});

describe('settingsFieldErrors', () => {
  it('drops the input prefix and moves rubric key errors onto the name', () => {
    expect(
      settingsFieldErrors(
        [
          { path: ['input', 'endorsementDeadline'], message: 'A' },
          { path: ['input', 'rubric', '2', 'key'], message: 'B' },
          { path: ['input', 'eligibilityRules', 'maxAge'], message: 'C' },
          { path: ['input', 'eligibilityRules', 'provinces', '1'], message: 'D' },
        ],
        values(),
      ),
    ).toEqual({
      endorsementDeadline: 'A',
      'rubric.2.nameId': 'B',
      'eligibilityRules.maxAge': 'C',
      'eligibilityRules.provinces': 'D',
    });
  });
});

describe('score descriptors', () => {
  const described = (): CallSelectionSettings => ({
    ...call,
    rubric: [
      {
        ...call.rubric[0]!,
        levels: [
          { score: 1, descriptionId: 'Tanpa rencana', descriptionEn: 'No plan' },
          { score: 5, descriptionId: 'Rencana rinci', descriptionEn: 'Detailed plan' },
        ],
      },
      call.rubric[1]!,
    ],
  });

  it('round-trips the descriptors and sends only the scores described, on the scale', () => {
    const form = selectionSettingsFromCall(described());
    expect(form.rubric[0]?.levels[5]).toEqual({
      descriptionId: 'Rencana rinci',
      descriptionEn: 'Detailed plan',
    });
    expect(form.rubric[1]?.levels.every((level) => !level.descriptionId && !level.descriptionEn)).toBe(true);
    // Lowering the maximum to 4 keeps what was typed for 5 in the form, but does not send it.
    form.rubric[0]!.maxScore = 4;
    form.rubric[0]!.levels[3] = { descriptionId: '  Rencana jelas ', descriptionEn: 'Clear plan' };
    const input = toSelectionSettingsInput(form, call);
    expect(input.rubric[0]?.levels).toEqual([
      { score: 1, descriptionId: 'Tanpa rencana', descriptionEn: 'No plan' },
      { score: 3, descriptionId: 'Rencana jelas', descriptionEn: 'Clear plan' },
    ]);
    expect(input.rubric[1]?.levels).toEqual([]);
    expect(describableScores({ maxScore: 4 })).toEqual([0, 1, 2, 3, 4]);
    expect(describableScores({ maxScore: 20 })).toEqual([]);
    expect(describedCount(form.rubric[0]!)).toBe(2);
  });

  it('puts a missing translation on that score’s field, as the API would', () => {
    const form = selectionSettingsFromCall(described());
    form.rubric[0]!.levels[2] = { descriptionId: 'Cukup', descriptionEn: '' };
    expect(validateSelectionSettings(form, call, 'id')).toEqual({
      'rubric.0.levels.2.descriptionEn': message('REQUIRED'),
    });
  });

  it('moves the API’s errors from the n-th descriptor sent onto its score', () => {
    const form = selectionSettingsFromCall(described());
    // Sent: score 1 (index 0) and score 5 (index 1).
    expect(
      settingsFieldErrors(
        [
          { path: ['input', 'rubric', '0', 'levels', '1', 'descriptionEn'], message: 'A' },
          { path: ['input', 'rubric', '0', 'levels', '0', 'score'], message: 'B' },
        ],
        form,
      ),
    ).toEqual({ 'rubric.0.levels.5.descriptionEn': 'A', 'rubric.0.levels.1.descriptionId': 'B' });
  });
});

describe('criterionShares', () => {
  it('gives each criterion its share of the weights', () => {
    expect(criterionShares([{ weight: 3 }, { weight: 2 }, { weight: 1 }])).toEqual([50, 33, 17]);
  });

  it('leaves a missing weight without a share', () => {
    expect(criterionShares([{ weight: 1 }, { weight: '' }])).toEqual([100, null]);
  });
});
