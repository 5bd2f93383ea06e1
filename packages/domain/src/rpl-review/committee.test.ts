import { describe, expect, it } from 'vitest';
import { translateError } from '#messages.ts';
import type { RecognitionProposal } from '#rpl/types.ts';
import { type CourseDecision, checkCommitteeDecision } from '#rpl-review/committee.ts';
import { courses, proposal } from '#rpl-review/fixtures.ts';

const asProposed: CourseDecision[] = [
  { courseId: 'course-PTM101', sks: 3, reason: null },
  { courseId: 'course-PTM102', sks: 2, reason: null },
];
const check = (decisions: CourseDecision[], capSks?: number | null) =>
  checkCommitteeDecision({ proposal: proposal({ capSks }), courses, decisions }).map((issue) => ({
    path: issue.path.join('.'),
    code: issue.code,
    ...(issue.params ? { params: issue.params } : {}),
  }));

describe('checkCommitteeDecision', () => {
  it('accepts the proposal as it stands, and courses left at 0 without a reason', () => {
    expect(check(asProposed)).toEqual([]);
    expect(check([...asProposed, { courseId: 'course-PTM201', sks: 0, reason: null }])).toEqual([]);
  });

  it.each<[string, CourseDecision, string]>([
    ['fewer SKS than proposed', { courseId: 'course-PTM101', sks: 2, reason: null }, 'decisions.0.reason'],
    [
      'not recognising a proposed course',
      { courseId: 'course-PTM101', sks: 0, reason: '  ' },
      'decisions.0.reason',
    ],
  ])('asks for a reason for %s', (_, changed, path) => {
    expect(check([changed, asProposed[1]!])).toEqual([
      { path, code: 'RPL_DECISION_REASON_REQUIRED', params: { proposedSks: 3 } },
    ]);
    expect(check([{ ...changed, reason: 'Asesmen praktik belum memadai.' }, asProposed[1]!])).toEqual([]);
  });

  it('asks for a reason to recognise a course the proposal left out', () => {
    const extra: CourseDecision = { courseId: 'course-PTM201', sks: 2, reason: null };
    const issues = check([...asProposed, extra]);
    expect(issues).toEqual([
      { path: 'decisions.2.reason', code: 'RPL_DECISION_REASON_REQUIRED', params: { proposedSks: 0 } },
    ]);
    expect(translateError('RPL_DECISION_REASON_REQUIRED', 'id', { proposedSks: 0 })).toBe(
      'Keputusan berbeda dari usulan sistem (0 SKS): tuliskan alasannya.',
    );
  });

  it.each<[number, object]>([
    [-1, { code: 'TOO_SMALL', params: { min: 0 } }],
    [1.5, { code: 'NOT_INTEGER' }],
    [4, { code: 'RULE_SKS_OVER_COURSE', params: { sks: 3 } }],
  ])('keeps SKS between 0 and the course SKS (%s)', (sks, issue) => {
    expect(check([{ courseId: 'course-PTM101', sks, reason: 'x' }, asProposed[1]!])).toEqual([
      { path: 'decisions.0.sks', ...issue },
    ]);
  });

  it('never recognises a course kind the regulation excludes, reason or not', () => {
    expect(check([...asProposed, { courseId: 'course-PTM499', sks: 6, reason: 'Pengalaman riset' }])).toEqual(
      [{ path: 'decisions.2.sks', code: 'RPL_COURSE_KIND_EXCLUDED' }],
    );
  });

  it("holds the total to the proposal's cap, with a reason or without", () => {
    const over = [...asProposed, { courseId: 'course-PTM201', sks: 3, reason: 'Sertifikat kompetensi BNSP' }];
    expect(check(over)).toEqual([
      { path: 'decisions', code: 'RPL_DECISION_OVER_CAP', params: { total: 8, cap: 7 } },
    ]);
    expect(check(over.slice(0, 2).concat({ ...over[2]!, sks: 2 }))).toEqual([]);
    expect(check(over, null)).toEqual([]);
  });

  it('needs a decision for every proposed course, once, on courses of the programme', () => {
    expect(
      check([
        asProposed[0]!,
        { courseId: 'course-PTM101', sks: 3, reason: null },
        { courseId: 'course-XYZ', sks: 1, reason: 'x' },
      ]),
    ).toEqual([
      { path: 'decisions.1.courseId', code: 'RPL_DECISION_DUPLICATE' },
      { path: 'decisions.2.courseId', code: 'RPL_DECISION_UNKNOWN_COURSE' },
      { path: 'decisions', code: 'RPL_DECISION_MISSING', params: { course: 'PTM102' } },
    ]);
  });

  it('recognises nothing when the programme cannot run RPL', () => {
    const ineligible: RecognitionProposal = {
      kind: 'ineligible',
      reasons: [{ code: 'RPL_NOT_OFFERED', source: null }],
    };
    expect(checkCommitteeDecision({ proposal: ineligible, courses, decisions: [] })).toEqual([]);
    expect(checkCommitteeDecision({ proposal: ineligible, courses, decisions: asProposed })).toEqual([
      { path: ['decisions'], code: 'RPL_DECISION_INELIGIBLE' },
    ]);
  });
});
