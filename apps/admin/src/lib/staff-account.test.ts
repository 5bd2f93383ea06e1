import { describe, expect, it } from 'vitest';
import {
  emptyStaffAccount,
  generatePassword,
  organizationKindOrder,
  type StaffAccountValues,
  validateStaffAccount,
} from '#lib/staff-account.ts';

const valid: StaffAccountValues = {
  name: 'Wulan Sari',
  email: 'wulan@unggul.example',
  password: 'panjang-sekali-1',
  roles: ['PROVIDER_STAFF'],
  organizationId: 'O1',
};

describe('validateStaffAccount', () => {
  it('accepts a complete account', () => {
    expect(validateStaffAccount(valid, 'id')).toEqual({});
  });

  it('reports every empty field in the API’s words', () => {
    expect(validateStaffAccount(emptyStaffAccount, 'id')).toEqual({
      name: 'Wajib diisi.',
      email: 'Alamat email tidak valid.',
      password: 'Kata sandi minimal 10 karakter.',
      roles: 'Isi minimal 1 butir.',
    });
  });

  it('asks for an organization for every role but admin', () => {
    expect(validateStaffAccount({ ...valid, organizationId: null }, 'en')).toEqual({
      organizationId: 'Required.',
    });
    expect(validateStaffAccount({ ...valid, roles: ['ADMIN'], organizationId: null }, 'en')).toEqual({});
    expect(
      validateStaffAccount({ ...valid, roles: ['ADMIN', 'RPL_REVIEWER'], organizationId: null }, 'en'),
    ).toEqual({
      organizationId: 'Required.',
    });
  });
});

describe('organizationKindOrder', () => {
  it.each([
    [[], ['MINISTRY', 'FUNDER', 'PROVIDER', 'SCHOOL', 'UNIVERSITY']],
    [['PROVIDER_STAFF'], ['PROVIDER', 'MINISTRY', 'FUNDER', 'SCHOOL', 'UNIVERSITY']],
    [
      ['RPL_REVIEWER', 'PRINCIPAL'],
      ['SCHOOL', 'UNIVERSITY', 'MINISTRY', 'FUNDER', 'PROVIDER'],
    ],
  ] as const)('orders kinds for %j', (roles, kinds) => {
    expect(organizationKindOrder(roles)).toEqual(kinds);
  });
});

describe('generatePassword', () => {
  it('makes 16 characters without look-alikes, long enough for the rule', () => {
    const password = generatePassword();
    expect(password).toHaveLength(16);
    expect(password).toMatch(/^[A-HJ-NP-Za-km-z2-9]+$/);
    expect(validateStaffAccount({ ...valid, password }, 'id')).toEqual({});
  });

  it('skips bytes that would favour some characters', () => {
    // 255 is above the last whole multiple of the alphabet and must be thrown away.
    const bytes = [255, 0, 255, 1];
    let call = 0;
    const password = generatePassword(2, (buffer) => {
      buffer.fill(0);
      buffer.set(call++ === 0 ? bytes : [2, 3]);
      return buffer;
    });
    expect(password).toBe('AB');
  });
});
