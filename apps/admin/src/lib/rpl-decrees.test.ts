import { describe, expect, it } from 'vitest';
import { type WaitingCase, waitingByIntake } from '#lib/rpl-decrees.ts';

const ptm = { id: 'p1', code: 'S1-PTM', name: 'S1 Pendidikan Teknik Mesin' };
const pte = { id: 'p2', code: 'S1-PTE', name: 'S1 Pendidikan Teknik Elektro' };
const gasal = { id: 'i1', code: 'RPL-2027-GANJIL', name: 'Gasal 2027', programme: ptm };
const genap = { id: 'i2', code: 'RPL-2027-GENAP', name: 'Genap 2027', programme: ptm };
const elektro = { id: 'i3', code: 'RPL-2027-GANJIL', name: 'Gasal 2027', programme: pte };

const item = (id: string, intake: WaitingCase['intake']): WaitingCase => ({
  id,
  caseReference: `RPL-${id}`,
  teacherName: `Guru ${id}`,
  intake,
});

describe('waitingByIntake', () => {
  it('groups validated cases by intake, by programme then intake code', () => {
    const groups = waitingByIntake([
      item('a', genap),
      item('b', gasal),
      item('c', elektro),
      item('d', genap),
    ]);
    expect(groups.map((group) => [group.intake.id, group.cases.map((c) => c.id)])).toEqual([
      ['i3', ['c']],
      ['i1', ['b']],
      ['i2', ['a', 'd']],
    ]);
  });

  it('gives nothing when nothing waits', () => {
    expect(waitingByIntake([])).toEqual([]);
  });
});
