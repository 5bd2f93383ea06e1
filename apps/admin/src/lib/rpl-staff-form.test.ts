import { describe, expect, it } from 'vitest';
import {
  fourEyesPairs,
  heldRoles,
  type StaffFormValues,
  staffFormErrors,
  staffFormFrom,
  toStaffRolesInput,
  validateStaffForm,
} from '#lib/rpl-staff-form.ts';

const ptm = btoa('StudyProgramme:01a2378b-479e-746b-8a55-1671955ad235');
const pte = btoa('StudyProgramme:01a2378b-479e-746b-8a55-1671955ad236');

const lestari = staffFormFrom({
  affiliation: 'Dosen Pendidikan Teknik Mesin',
  employeeNumber: '198503172010122003',
  roles: [
    { role: 'ACADEMIC_ASSESSOR', programmeIds: [ptm] },
    { role: 'ADMIN_OFFICER', programmeIds: [] },
  ],
});

function withGrant(values: StaffFormValues, role: keyof StaffFormValues['grants'], grant: object) {
  return { ...values, grants: { ...values.grants, [role]: { ...values.grants[role], ...grant } } };
}

describe('staffFormFrom', () => {
  it('reads each role as held for every programme or for the chosen ones', () => {
    expect(lestari.grants.ACADEMIC_ASSESSOR).toEqual({ held: true, scope: 'SOME', programmeIds: [ptm] });
    expect(lestari.grants.ADMIN_OFFICER).toEqual({ held: true, scope: 'ALL', programmeIds: [] });
    expect(lestari.grants.VALIDATOR).toEqual({ held: false, scope: 'ALL', programmeIds: [] });
    expect(lestari.affiliation).toBe('Dosen Pendidikan Teknik Mesin');
  });

  it('leaves the texts empty when the API has none', () => {
    const values = staffFormFrom({ affiliation: null, employeeNumber: null, roles: [] });
    expect(values.affiliation).toBe('');
    expect(values.employeeNumber).toBe('');
    expect(heldRoles(values)).toEqual([]);
  });
});

describe('toStaffRolesInput', () => {
  it('sends the held roles in the order of the role list, every programme as none', () => {
    expect(toStaffRolesInput(lestari)).toEqual({
      roles: [
        { role: 'ADMIN_OFFICER', programmeIds: [] },
        { role: 'ACADEMIC_ASSESSOR', programmeIds: [ptm] },
      ],
      affiliation: 'Dosen Pendidikan Teknik Mesin',
      employeeNumber: '198503172010122003',
    });
  });

  it('forgets chosen programmes once the role covers every programme, and blanks become null', () => {
    const values = {
      ...withGrant(lestari, 'ACADEMIC_ASSESSOR', { scope: 'ALL' }),
      affiliation: '  ',
      employeeNumber: '',
    };
    expect(toStaffRolesInput(values)).toMatchObject({
      roles: [
        { role: 'ADMIN_OFFICER', programmeIds: [] },
        { role: 'ACADEMIC_ASSESSOR', programmeIds: [] },
      ],
      affiliation: null,
      employeeNumber: null,
    });
  });
});

describe('validateStaffForm', () => {
  it('asks for a programme when the role is for chosen programmes but none is chosen', () => {
    const values = withGrant(lestari, 'ACADEMIC_ASSESSOR', { programmeIds: [] });
    expect(validateStaffForm(values, 'id')).toEqual({
      'grants.ACADEMIC_ASSESSOR.programmeIds': 'Isi minimal 1 butir.',
    });
  });

  it('ignores the programmes of a role no longer held', () => {
    const values = withGrant(lestari, 'ACADEMIC_ASSESSOR', { held: false, programmeIds: [] });
    expect(validateStaffForm(values, 'en')).toEqual({});
  });

  it('keeps the lengths the API keeps', () => {
    const values = { ...lestari, affiliation: 'x'.repeat(201), employeeNumber: '1'.repeat(41) };
    expect(validateStaffForm(values, 'en')).toEqual({
      affiliation: 'At most 200 characters.',
      employeeNumber: 'At most 40 characters.',
    });
  });
});

describe('staffFormErrors', () => {
  const sent = heldRoles(lestari);

  it.each([
    [['input', 'roles', '1', 'programmeIds', '0'], 'grants.ACADEMIC_ASSESSOR.programmeIds'],
    [['input', 'roles', '0', 'role'], 'grants.ADMIN_OFFICER.held'],
    [['input', 'roles'], 'grants'],
    [['input', 'affiliation'], 'affiliation'],
    [['input', 'employeeNumber'], 'employeeNumber'],
    [['input', 'userId'], 'userId'],
  ])('puts %j on %s', (path, key) => {
    expect(staffFormErrors([{ path, message: 'Salah.' }], sent)).toEqual({ [key]: 'Salah.' });
  });

  it('keeps the first message of a field', () => {
    expect(
      staffFormErrors(
        [
          { path: ['input', 'roles'], message: 'first' },
          { path: ['input', 'roles'], message: 'second' },
        ],
        sent,
      ),
    ).toEqual({ grants: 'first' });
  });
});

describe('fourEyesPairs', () => {
  it('names the pairs one person may hold but never on the same case', () => {
    const values = withGrant(withGrant(lestari, 'VALIDATOR', { held: true }), 'COMMITTEE', { held: true });
    expect(fourEyesPairs(values)).toEqual([
      ['ACADEMIC_ASSESSOR', 'VALIDATOR'],
      ['COMMITTEE', 'VALIDATOR'],
    ]);
  });

  it('finds none for an assessor who is also the officer', () => {
    expect(fourEyesPairs(lestari)).toEqual([]);
  });

  it('ignores programmes: the rule is per case', () => {
    const values = withGrant(lestari, 'PRACTITIONER_ASSESSOR', {
      held: true,
      scope: 'SOME',
      programmeIds: [pte],
    });
    expect(fourEyesPairs(values)).toEqual([['ACADEMIC_ASSESSOR', 'PRACTITIONER_ASSESSOR']]);
  });
});
