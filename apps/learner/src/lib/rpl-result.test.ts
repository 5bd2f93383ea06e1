import { describe, expect, it } from 'vitest';
import {
  appealChanges,
  appealReasonIssue,
  canAppeal,
  courseOutcome,
  decisionInForce,
  decisionTotals,
  originalDecision,
  returnNote,
} from '#lib/rpl-result.ts';

const course = (courseCode: string, proposedSks: number, sks: number, reason: string | null = null) => ({
  courseCode,
  courseName: `Mata kuliah ${courseCode}`,
  proposedSks,
  sks,
  reason,
});

describe('courseOutcome', () => {
  it.each([
    [3, 3, 'asProposed'],
    [3, 2, 'reduced'],
    [3, 0, 'notRecognised'],
    [2, 3, 'raised'],
    [0, 0, 'asProposed'],
  ] as const)('proposed %i, recognised %i: %s', (proposedSks, sks, outcome) => {
    expect(courseOutcome({ proposedSks, sks })).toBe(outcome);
  });
});

describe('decisionTotals', () => {
  it('adds up the recognised and the proposed SKS', () => {
    expect(decisionTotals([course('A', 3, 2), course('B', 2, 2), course('C', 3, 0)])).toEqual({
      recognised: 4,
      proposed: 8,
    });
  });
});

describe('decisionInForce and originalDecision', () => {
  const original = { id: 'o', kind: 'ORIGINAL', decidedAt: '2026-06-09T02:00:00Z' };
  const appeal = { id: 'a', kind: 'APPEAL', decidedAt: '2026-06-16T02:00:00Z' };

  it('takes the appeal’s decision once there is one, whatever the order given', () => {
    expect(decisionInForce([original, appeal])?.id).toBe('a');
    expect(decisionInForce([appeal, original])?.id).toBe('a');
  });

  it('keeps the first decision as the one appealed against', () => {
    expect(originalDecision([appeal, original])?.id).toBe('o');
  });

  it('has nothing before the committee decides', () => {
    expect(decisionInForce([])).toBeNull();
    expect(originalDecision([appeal])).toBeNull();
  });
});

describe('appealChanges', () => {
  it('lists the courses whose SKS the appeal changed, with the committee’s reason', () => {
    const original = { courses: [course('A', 3, 2, 'Belum ada bukti 3G'), course('B', 2, 2)] };
    const appeal = { courses: [course('A', 3, 3, 'Sertifikat 3G masih berlaku'), course('B', 2, 2)] };
    expect(appealChanges(original, appeal)).toEqual([
      {
        courseCode: 'A',
        courseName: 'Mata kuliah A',
        before: 2,
        after: 3,
        reason: 'Sertifikat 3G masih berlaku',
      },
    ]);
  });

  it('is empty when the appeal kept the result', () => {
    const same = { courses: [course('A', 3, 2)] };
    expect(appealChanges(same, same)).toEqual([]);
  });
});

describe('returnNote', () => {
  const items = ['Silabus pelatihan', 'Surat keterangan mengajar'];

  it('keeps what the officer wrote besides the items', () => {
    expect(
      returnNote('• Silabus pelatihan\n• Surat keterangan mengajar\nMohon lengkapi sebelum 10 Juni.', items),
    ).toBe('Mohon lengkapi sebelum 10 Juni.');
  });

  it.each([
    ['the items alone', '• Silabus pelatihan\n• Surat keterangan mengajar'],
    ['a single item stored as it is', 'Silabus pelatihan'],
    ['nothing stored', null],
  ])('is null for %s', (_case, stored) => {
    expect(returnNote(stored, items)).toBeNull();
  });

  it('gives the whole text of an older request that has no items', () => {
    expect(returnNote('Unggah sertifikat BNSP Anda.', [])).toBe('Unggah sertifikat BNSP Anda.');
  });
});

describe('appealReasonIssue', () => {
  it.each([
    ['', 'tooShort'],
    ['  terlalu  ', 'tooShort'],
    ['sepuluh ok', null],
    ['x'.repeat(4000), null],
    ['x'.repeat(4001), 'tooLong'],
  ])('%j: %s', (reason, issue) => {
    expect(appealReasonIssue(reason)).toBe(issue);
  });
});

describe('canAppeal', () => {
  const open = { open: true };
  it.each([
    ['a decided case within the appeal days', 'DECIDED', open, null, true],
    ['after the appeal days', 'DECIDED', { open: false }, null, false],
    ['a case already appealed and decided again', 'DECIDED', open, { reason: 'x' }, false],
    ['an appeal being decided', 'APPEALED', open, { reason: 'x' }, false],
    ['a case not decided yet', 'APPROVED', null, null, false],
  ] as const)('is %s → %s', (_case, status, appealWindow, appeal, expected) => {
    expect(canAppeal({ status, appealWindow, appeal })).toBe(expected);
  });
});
