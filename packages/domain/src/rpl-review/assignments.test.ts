import { describe, expect, it } from 'vitest';
import { translateError } from '#messages.ts';
import { type AssessorCandidate, checkCaseAssignments, pickAssessors } from '#rpl-review/assignments.ts';

describe('checkCaseAssignments', () => {
  it('accepts a case where every role is held by a different person', () => {
    expect(
      checkCaseAssignments([
        { personId: 'p1', personName: 'Sri', role: 'ACADEMIC_ASSESSOR' },
        { personId: 'p2', personName: 'Budi', role: 'PRACTITIONER_ASSESSOR' },
        { personId: 'p3', personName: 'Ani', role: 'COMMITTEE' },
        { personId: 'p4', personName: 'Dewi', role: 'VALIDATOR' },
        // The default profile lets the officer also sit on the committee.
        { personId: 'p3', personName: 'Ani', role: 'ADMIN_OFFICER' },
      ]),
    ).toEqual([]);
  });

  it('names the person and both roles for every forbidden pair they hold', () => {
    const issues = checkCaseAssignments([
      { personId: 'p1', personName: 'Sri', role: 'ACADEMIC_ASSESSOR' },
      { personId: 'p1', personName: 'Sri', role: 'PRACTITIONER_ASSESSOR' },
      { personId: 'p1', personName: 'Sri', role: 'VALIDATOR' },
      { personId: 'p2', personName: 'Budi', role: 'COMMITTEE' },
      { personId: 'p2', personName: 'Budi', role: 'VALIDATOR' },
    ]);
    expect(
      issues.map((issue) => [issue.path.join('.'), translateError(issue.code, 'en', issue.params)]),
    ).toEqual([
      ['assignments.1', 'Sri may not be both academic assessor and practitioner assessor on the same case.'],
      ['assignments.2', 'Sri may not be both academic assessor and validator on the same case.'],
      ['assignments.2', 'Sri may not be both practitioner assessor and validator on the same case.'],
      ['assignments.4', 'Budi may not be both programme RPL committee and validator on the same case.'],
    ]);
  });

  it("follows the regulation profile's own list", () => {
    const assignments = [
      { personId: 'p1', personName: 'Sri', role: 'COMMITTEE' },
      { personId: 'p1', personName: 'Sri', role: 'VALIDATOR' },
    ] as const;
    expect(checkCaseAssignments(assignments, [])).toEqual([]);
    expect(checkCaseAssignments(assignments, [['COMMITTEE', 'VALIDATOR']])).toHaveLength(1);
  });
});

describe('pickAssessors', () => {
  const pool: AssessorCandidate[] = [
    { personId: 'a2', roles: ['ACADEMIC_ASSESSOR'], programmeIds: ['ptm'] },
    { personId: 'a1', roles: ['ACADEMIC_ASSESSOR'], programmeIds: ['ptm', 'tkj'] },
    { personId: 'p1', roles: ['PRACTITIONER_ASSESSOR'], programmeIds: ['ptm'] },
    { personId: 'p2', roles: ['PRACTITIONER_ASSESSOR'], programmeIds: ['ptm'] },
    { personId: 'x', roles: ['ACADEMIC_ASSESSOR', 'PRACTITIONER_ASSESSOR'], programmeIds: ['tkj'] },
  ];

  it('takes the least-loaded of each kind', () => {
    expect(
      pickAssessors({ pool, loads: { a1: 3, a2: 1, p1: 2, p2: 0 }, conflicts: [], programmeId: 'ptm' }),
    ).toEqual({
      kind: 'picked',
      academic: { personId: 'a2', load: 1 },
      practitioner: { personId: 'p2', load: 0 },
    });
  });

  it('breaks ties by person id, and the wheel turns as loads grow', () => {
    const loads: Record<string, number> = {};
    const picked: string[] = [];
    for (let i = 0; i < 4; i++) {
      const pick = pickAssessors({ pool, loads, conflicts: [], programmeId: 'ptm' });
      if (pick.kind !== 'picked') throw new Error('expected a pick');
      picked.push(`${pick.academic.personId}+${pick.practitioner.personId}`);
      for (const { personId } of [pick.academic, pick.practitioner])
        loads[personId] = (loads[personId] ?? 0) + 1;
    }
    expect(picked).toEqual(['a1+p1', 'a2+p2', 'a1+p1', 'a2+p2']);
  });

  it('skips people in conflict with the case and people of other programmes', () => {
    const pick = pickAssessors({ pool, loads: {}, conflicts: ['a1', 'p1'], programmeId: 'ptm' });
    expect(pick).toMatchObject({ academic: { personId: 'a2' }, practitioner: { personId: 'p2' } });
  });

  it('never gives both seats to one person, taking the next academic instead', () => {
    const tkj: AssessorCandidate[] = [
      { personId: 'a0', roles: ['ACADEMIC_ASSESSOR', 'PRACTITIONER_ASSESSOR'], programmeIds: ['tkj'] },
      { personId: 'a9', roles: ['ACADEMIC_ASSESSOR'], programmeIds: ['tkj'] },
    ];
    expect(pickAssessors({ pool: tkj, loads: {}, conflicts: [], programmeId: 'tkj' })).toMatchObject({
      academic: { personId: 'a9' },
      practitioner: { personId: 'a0' },
    });
    expect(pickAssessors({ pool: tkj.slice(0, 1), loads: {}, conflicts: [], programmeId: 'tkj' })).toEqual({
      kind: 'none',
      reasons: [
        {
          role: 'PRACTITIONER_ASSESSOR',
          code: 'RPL_ASSESSORS_ALL_CONFLICT',
          params: { role: { id: 'asesor praktisi', en: 'practitioner assessor' } },
        },
      ],
    });
  });

  it('explains, per role, why nobody is eligible', () => {
    const pick = pickAssessors({ pool, loads: {}, conflicts: ['a1', 'a2'], programmeId: 'ptm' });
    expect(pick.kind === 'none' && pick.reasons.map((r) => [r.role, r.code])).toEqual([
      ['ACADEMIC_ASSESSOR', 'RPL_ASSESSORS_ALL_CONFLICT'],
    ]);
    const empty = pickAssessors({ pool, loads: {}, conflicts: [], programmeId: 'otomotif' });
    expect(empty.kind === 'none' && empty.reasons.map((r) => translateError(r.code, 'id', r.params))).toEqual(
      [
        'Belum ada asesor akademisi untuk program studi ini.',
        'Belum ada asesor praktisi untuk program studi ini.',
      ],
    );
  });
});
