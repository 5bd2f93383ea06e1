import { courseScore } from '@kmg/domain';
import { describe, expect, it } from 'vitest';
import {
  type AssessedCourse,
  assessmentInput,
  type CourseDraft,
  checkDecisionRows,
  checkMissingItems,
  currentDeadline,
  deadlineTone,
  decisionInput,
  findAssessmentGaps,
  initialAssessmentDraft,
  initialDecisionRows,
  placeAssessmentErrors,
  placeAssignmentErrors,
  placeDecisionErrors,
  rawIdOf,
  weightedScore,
} from '#lib/rpl-case.ts';

const welding = {
  courseId: 'c-weld',
  code: 'PTM204',
  outcomeCodes: ['CPMK1', 'CPMK2'],
} satisfies AssessedCourse;
const robots = { courseId: 'c-robot', code: 'PTM310', outcomeCodes: ['CPMK1'] } satisfies AssessedCourse;
const gapMessages = { recommendation: 'pick one', score: 'score it' };

/** A draft with every CPMK scored and a recommendation, then changed by `edit`. */
function completeDraft(edit: (draft: CourseDraft[]) => void = () => {}): CourseDraft[] {
  const draft = initialAssessmentDraft([welding, robots], []);
  for (const course of draft) {
    course.recommendation = 'RECOGNISE';
    for (const outcome of Object.values(course.outcomes)) outcome.score = 80;
  }
  edit(draft);
  return draft;
}

describe('rawIdOf', () => {
  it.each([
    [btoa('Course:01a2378b-2f92-76b5-91c1-2f5cb3bebc65'), '01a2378b-2f92-76b5-91c1-2f5cb3bebc65'],
    [btoa('StudyProgramme:abc'), 'abc'],
    ['01a2378b-2f92-76b5-91c1-2f5cb3bebc65', '01a2378b-2f92-76b5-91c1-2f5cb3bebc65'],
    ['not base64!', 'not base64!'],
  ])('reads %s as %s', (value, raw) => {
    expect(rawIdOf(value)).toBe(raw);
  });
});

describe('deadlineTone', () => {
  it.each([
    [{ daysLeft: 5, isOverdue: false }, 'onTime'],
    [{ daysLeft: 2, isOverdue: false }, 'onTime'],
    [{ daysLeft: 1, isOverdue: false }, 'soon'],
    [{ daysLeft: 0, isOverdue: false }, 'soon'],
    [{ daysLeft: -1, isOverdue: true }, 'overdue'],
  ] as const)('reads %o as %s', (deadline, tone) => {
    expect(deadlineTone(deadline)).toBe(tone);
  });
});

describe('currentDeadline', () => {
  it("is the step's deadline, not the whole case's", () => {
    const whole = { step: 'wholeCase', dueOn: '2026-12-16', daysLeft: 14, isOverdue: false };
    const step = { step: 'assessment', dueOn: '2026-12-09', daysLeft: 7, isOverdue: false };
    expect(currentDeadline([step, whole])).toBe(step);
    expect(currentDeadline([whole])).toBeNull();
  });
});

describe('checkMissingItems', () => {
  it('keeps the items written, trimmed', () => {
    expect(checkMissingItems([' Silabus ', '', '  '], 'id')).toEqual({ items: ['Silabus'], error: null });
  });

  it("refuses an empty list in the API's words", () => {
    expect(checkMissingItems(['', ' '], 'en')).toEqual({
      items: [],
      error: 'List at least one item the teacher must add.',
    });
  });
});

describe('initialAssessmentDraft', () => {
  it('starts every CPMK blank on a portfolio and keeps what was saved', () => {
    const draft = initialAssessmentDraft(
      [welding, robots],
      [
        {
          courseId: 'c-weld',
          recommendation: 'NEEDS_MORE_EVIDENCE',
          notes: 'Minta video',
          outcomes: [
            {
              outcomeCode: 'CPMK2',
              valid: true,
              authentic: true,
              current: false,
              sufficient: false,
              method: 'INTERVIEW',
              scheduledOn: '2026-12-05',
              place: null,
              link: 'https://meet.example/rpl',
              score: 60,
            },
          ],
        },
      ],
    );
    expect(draft[0]).toMatchObject({
      courseId: 'c-weld',
      recommendation: 'NEEDS_MORE_EVIDENCE',
      notes: 'Minta video',
    });
    expect(draft[0]?.outcomes.CPMK1).toMatchObject({ method: 'PORTFOLIO', score: null, valid: false });
    expect(draft[0]?.outcomes.CPMK2).toMatchObject({
      method: 'INTERVIEW',
      score: 60,
      place: '',
      link: 'https://meet.example/rpl',
    });
    expect(draft[1]).toMatchObject({ courseId: 'c-robot', recommendation: null, notes: '' });
  });
});

describe('assessmentInput', () => {
  it('sends the courses with a recommendation and a score, and where each row sits', () => {
    const draft = initialAssessmentDraft([welding, robots], []);
    const [weld, robot] = draft as [CourseDraft, CourseDraft];
    weld.recommendation = 'RECOGNISE';
    (weld.outcomes.CPMK2 as { score: number | null }).score = 75;
    robot.outcomes.CPMK1 = { ...(robot.outcomes.CPMK1 as CourseDraft['outcomes'][string]), score: 90 };
    const input = assessmentInput(draft);
    expect(input.courses).toEqual([
      {
        courseId: 'c-weld',
        recommendation: 'RECOGNISE',
        notes: null,
        outcomes: [
          {
            outcomeCode: 'CPMK2',
            valid: false,
            authentic: false,
            current: false,
            sufficient: false,
            method: 'PORTFOLIO',
            scheduledOn: null,
            place: null,
            link: null,
            score: 75,
          },
        ],
      },
    ]);
    expect(input.positions).toEqual([{ courseId: 'c-weld', outcomeCodes: ['CPMK2'] }]);
    // Scored but without a recommendation: kept on screen, reported as not saved yet.
    expect(input.unsent).toEqual(['c-robot']);
  });

  it('does not report an untouched course as unsaved', () => {
    expect(assessmentInput(initialAssessmentDraft([welding, robots], [])).unsent).toEqual([]);
  });

  it('drops a date and place left over from another method when the method is the portfolio', () => {
    const input = assessmentInput(
      completeDraft((draft) => {
        Object.assign(draft[0]?.outcomes.CPMK1 ?? {}, { scheduledOn: '2026-12-05', place: 'Bengkel las' });
      }),
    );
    expect(input.courses[0]?.outcomes[0]).toMatchObject({
      method: 'PORTFOLIO',
      scheduledOn: null,
      place: null,
    });
  });
});

describe('findAssessmentGaps', () => {
  it('finds nothing in a complete judgement', () => {
    expect(findAssessmentGaps(completeDraft(), 'id', gapMessages)).toEqual([]);
  });

  it('lists each missing score and recommendation, course by course', () => {
    const draft = completeDraft((courses) => {
      Object.assign(courses[0]?.outcomes.CPMK2 ?? {}, { score: null });
      Object.assign(courses[1] ?? {}, { recommendation: null });
    });
    expect(findAssessmentGaps(draft, 'id', gapMessages).map((gap) => [gap.key, gap.message])).toEqual([
      ['c-weld.CPMK2.score', 'score it'],
      ['c-robot.recommendation', 'pick one'],
    ]);
  });

  it("asks a method that needs the teacher present for a date and a place or link, in the API's words", () => {
    const draft = completeDraft((courses) => {
      Object.assign(courses[1]?.outcomes.CPMK1 ?? {}, { method: 'DEMONSTRATION' });
    });
    expect(findAssessmentGaps(draft, 'en', gapMessages)).toEqual([
      {
        courseId: 'c-robot',
        outcomeCode: 'CPMK1',
        key: 'c-robot.CPMK1.scheduledOn',
        message: 'The demonstration method needs a scheduled date.',
      },
      {
        courseId: 'c-robot',
        outcomeCode: 'CPMK1',
        key: 'c-robot.CPMK1.place',
        message: 'The demonstration method needs a place or a meeting link.',
      },
    ]);
    const scheduled = completeDraft((courses) => {
      Object.assign(courses[1]?.outcomes.CPMK1 ?? {}, {
        method: 'DEMONSTRATION',
        scheduledOn: '2026-12-07',
        link: 'https://meet.example/rpl',
      });
    });
    expect(findAssessmentGaps(scheduled, 'en', gapMessages)).toEqual([]);
  });
});

describe('placeAssessmentErrors', () => {
  const positions = [
    { courseId: 'c-weld', outcomeCodes: ['CPMK2'] },
    { courseId: 'c-robot', outcomeCodes: ['CPMK1'] },
  ];

  it("puts the API's errors on the rows that were sent", () => {
    expect(
      placeAssessmentErrors(
        [
          { path: ['courses', '1', 'outcomes', '0', 'place'], message: 'needs a place' },
          { path: ['courses', '0', 'outcomes', '0', 'score'], message: 'too big' },
          { path: ['courses', '0', 'recommendation'], message: 'pick one' },
          { path: ['courses'], message: '3 CPMK are not yet judged' },
          { path: ['courses', '5', 'notes'], message: 'lost' },
        ],
        positions,
      ),
    ).toEqual({
      onFields: {
        'c-robot.CPMK1.place': 'needs a place',
        'c-weld.CPMK2.score': 'too big',
        'c-weld.recommendation': 'pick one',
      },
      rest: ['3 CPMK are not yet judged', 'lost'],
    });
  });
});

describe('weightedScore', () => {
  it('weighs the scores as the API does, leaving out those not entered', () => {
    const outcomes = [
      { code: 'CPMK1', text: '', weight: 30, score: 80 },
      { code: 'CPMK2', text: '', weight: 45, score: 70 },
      { code: 'CPMK3', text: '', weight: 25, score: 90 },
    ];
    expect(weightedScore(outcomes)).toBe(
      courseScore({ outcomes: outcomes.map(({ code, text, weight }) => ({ code, text, weight })) } as never, {
        courseId: 'c',
        recommendation: 'RECOGNISE',
        notes: null,
        outcomes: outcomes.map((o) => ({
          outcomeCode: o.code,
          principles: { valid: true, authentic: true, current: true, sufficient: true },
          method: 'PORTFOLIO' as const,
          scheduledOn: null,
          place: null,
          link: null,
          score: o.score,
        })),
      }),
    );
    expect(
      weightedScore([
        { score: 80, weight: 30 },
        { score: null, weight: 70 },
      ]),
    ).toBe(80);
    expect(weightedScore([{ score: null, weight: 30 }])).toBeNull();
  });
});

const proposed = [
  { courseId: 'c-weld', code: 'PTM204', name: 'Teknik Pengelasan', courseSks: 3, sks: 3 },
  { courseId: 'c-robot', code: 'PTM310', name: 'Robotika Industri', courseSks: 2, sks: 2 },
];
const decisionMessages = { sksRequired: 'enter SKS', sksOverCourse: (sks: number) => `at most ${sks}` };

describe('initialDecisionRows', () => {
  it("starts from the engine's proposal", () => {
    expect(
      initialDecisionRows(proposed).map((row) => [row.code, row.proposedSks, row.sks, row.reason]),
    ).toEqual([
      ['PTM204', 3, 3, ''],
      ['PTM310', 2, 2, ''],
    ]);
  });

  it('deciding again, starts from the last decision with its reasons and added courses', () => {
    const rows = initialDecisionRows(proposed, [
      {
        courseId: 'c-robot',
        courseCode: 'PTM310',
        courseName: 'Robotika Industri',
        courseSks: 2,
        proposedSks: 2,
        sks: 0,
        reason: 'Belum ada bukti',
      },
      {
        courseId: 'c-cnc',
        courseCode: 'PTM301',
        courseName: 'Pemrograman CNC',
        courseSks: 3,
        proposedSks: 0,
        sks: 2,
        reason: 'Sertifikat BNSP',
      },
    ]);
    expect(rows.map((row) => [row.code, row.proposedSks, row.sks, row.reason])).toEqual([
      ['PTM204', 3, 3, ''],
      ['PTM310', 2, 0, 'Belum ada bukti'],
      ['PTM301', 0, 2, 'Sertifikat BNSP'],
    ]);
  });
});

describe('checkDecisionRows', () => {
  it('accepts the proposal as it is', () => {
    expect(checkDecisionRows(initialDecisionRows(proposed), 100, 'id', decisionMessages)).toEqual({
      onFields: {},
      total: 5,
      overCap: null,
    });
  });

  it.each([
    [null, '', { 'c-robot.sks': 'enter SKS' }],
    [3, 'why', { 'c-robot.sks': 'at most 2' }],
    [1, '  ', { 'c-robot.reason': 'The decision departs from the proposal (2 SKS): give the reason.' }],
    [1, 'Hanya CPMK1', {}],
    [0, 'Belum ada bukti', {}],
  ])('with %o SKS and the reason %j on a 2-SKS course proposed at 2, finds %o', (sks, reason, onFields) => {
    const rows = initialDecisionRows(proposed).map((row) =>
      row.courseId === 'c-robot' ? { ...row, sks, reason } : row,
    );
    expect(checkDecisionRows(rows, null, 'en', decisionMessages).onFields).toEqual(onFields);
  });

  it("holds the total to the regulation's cap", () => {
    expect(checkDecisionRows(initialDecisionRows(proposed), 4, 'en', decisionMessages).overCap).toBe(
      'The recognised SKS (5) exceed the regulation cap (4 SKS).',
    );
  });
});

describe('decisionInput and placeDecisionErrors', () => {
  it("sends one decision per row and puts the API's decisions.N on row N", () => {
    const rows = initialDecisionRows(proposed).map((row) =>
      row.courseId === 'c-robot' ? { ...row, sks: 1, reason: '  ' } : row,
    );
    expect(decisionInput(rows)).toEqual([
      { courseId: 'c-weld', sks: 3, reason: null },
      { courseId: 'c-robot', sks: 1, reason: null },
    ]);
    expect(
      placeDecisionErrors(
        [
          { path: ['decisions', '1', 'reason'], message: 'give the reason' },
          { path: ['decisions', '0', 'sks'], message: 'excluded' },
          { path: ['decisions'], message: 'over the cap' },
        ],
        rows,
      ),
    ).toEqual({
      onFields: { 'c-robot.reason': 'give the reason', 'c-weld.sks': 'excluded' },
      rest: ['over the cap'],
    });
  });
});

describe('placeAssignmentErrors', () => {
  it('names each case sent, and the two pickers', () => {
    expect(
      placeAssignmentErrors(
        [
          { path: ['applicationIds', '1'], message: 'no practitioner for this programme' },
          { path: ['applicationIds', '1'], message: 'role conflict' },
          { path: ['academicId'], message: 'not an academic assessor' },
          { path: ['practitionerId'], message: 'not a practitioner' },
          { path: ['roundRobin'], message: 'elsewhere' },
        ],
        ['case-a', 'case-b'],
      ),
    ).toEqual({
      byCase: { 'case-b': ['no practitioner for this programme', 'role conflict'] },
      academic: 'not an academic assessor',
      practitioner: 'not a practitioner',
      rest: ['elsewhere'],
    });
  });
});
