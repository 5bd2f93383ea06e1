import { describe, expect, it } from 'vitest';
import {
  completionAfter,
  describeAmendmentChange,
  parseAmendmentChange,
  toAmendmentInput,
  validateAmendment,
} from '#lib/amendments.ts';

const days = [
  { id: 'd1', date: '2025-11-03' },
  { id: 'd2', date: '2025-11-04' },
  { id: 'd3', date: '2025-11-05' },
  { id: 'd4', date: '2025-11-06' },
  { id: 'd5', date: '2025-11-07' },
];
const units = [
  { id: 'u1', code: 'C.282000.011.01' },
  { id: 'u2', code: 'C.282000.012.01' },
];

describe('parseAmendmentChange', () => {
  it('reads the stored JSON', () => {
    expect(parseAmendmentChange('{"attendance":[{"dayId":"d4","present":true}],"decisions":[]}')).toEqual({
      attendance: [{ dayId: 'd4', present: true }],
      decisions: [],
    });
  });

  it.each(['', 'null', '{"attendance":"x"}'])('treats %j as no change', (json) => {
    expect(parseAmendmentChange(json)).toEqual({ attendance: [], decisions: [] });
  });
});

describe('describeAmendmentChange', () => {
  it('lists days in calendar order, then units in the call’s order', () => {
    expect(
      describeAmendmentChange(
        {
          attendance: [
            { dayId: 'd5', present: true },
            { dayId: 'd4', present: false },
          ],
          decisions: [{ unitId: 'u2', decision: 'KOMPETEN' }],
        },
        days,
        units,
      ),
    ).toEqual([
      { kind: 'attendance', date: '2025-11-06', present: false },
      { kind: 'attendance', date: '2025-11-07', present: true },
      { kind: 'decision', code: 'C.282000.012.01', decision: 'KOMPETEN' },
    ]);
  });
});

describe('toAmendmentInput', () => {
  it('sends only what changes', () => {
    expect(
      toAmendmentInput({
        reason: '  Daftar hadir hari keempat tertinggal di lokasi. ',
        attendance: { d1: 'keep', d4: 'present', d5: 'absent' },
        decisions: { u1: 'keep', u2: 'BELUM_KOMPETEN' },
      }),
    ).toEqual({
      reason: 'Daftar hadir hari keempat tertinggal di lokasi.',
      attendance: [
        { dayId: 'd4', present: true },
        { dayId: 'd5', present: false },
      ],
      decisions: [{ unitId: 'u2', decision: 'BELUM_KOMPETEN' }],
    });
  });
});

describe('validateAmendment', () => {
  it.each([
    ['', 'Wajib diisi.'],
    ['Salah', 'Minimal 10 karakter.'],
  ])('refuses the reason %j', (reason, message) => {
    expect(validateAmendment({ reason, attendance: {}, decisions: {} }, 'id')).toEqual({ reason: message });
  });

  it('accepts a reason of ten characters or more', () => {
    expect(validateAmendment({ reason: 'Salah catat', attendance: {}, decisions: {} }, 'id')).toEqual({});
  });
});

describe('completionAfter', () => {
  const rules = {
    dayIds: days.map((day) => day.id),
    unitIds: units.map((unit) => unit.id),
    minAttendancePercent: 80,
    assessmentKind: 'COMPETENCY' as const,
  };
  const record = {
    attendance: days.map((day, index) => ({ dayId: day.id, present: index < 3 })),
    assessments: units.map((unit) => ({ unitId: unit.id, decision: 'KOMPETEN' as const })),
  };

  it('passes once the missing days are corrected', () => {
    expect(completionAfter(record, { attendance: [], decisions: [] }, rules).passed).toBe(false);
    expect(
      completionAfter(record, { attendance: [{ dayId: 'd4', present: true }], decisions: [] }, rules),
    ).toMatchObject({ attendancePercent: 80, passed: true });
  });

  it('fails when a unit turns Belum Kompeten', () => {
    const after = completionAfter(
      record,
      {
        attendance: [{ dayId: 'd4', present: true }],
        decisions: [{ unitId: 'u1', decision: 'BELUM_KOMPETEN' }],
      },
      rules,
    );
    expect(after.passed).toBe(false);
    expect(after.reasons.map((reason) => reason.code)).toEqual(['NOT_YET_COMPETENT']);
  });
});
