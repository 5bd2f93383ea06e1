import { motivationSchema, teacherRegistrationSchema } from '@kmg/domain';
import { describe, expect, it } from 'vitest';
import { schemaErrors } from '#schema-errors.ts';

const teacher = {
  name: 'Sri Wahyuni',
  nuptk: '3349765667210012',
  npsn: '20328921',
  email: 'sri@example.id',
  password: 'panjang-sekali',
  subject: 'Teknik Pengelasan',
  employmentStatus: 'PNS',
  teachingSince: '2012-07-16',
  birthDate: '1987-03-21',
};

describe('schemaErrors', () => {
  it('gives no errors for valid input', () => {
    expect(schemaErrors(teacherRegistrationSchema, teacher, 'id')).toEqual({});
  });

  it('words each field error as the API does, in the requested language', () => {
    const input = { ...teacher, nuptk: '123', email: 'bukan-email', password: 'pendek' };
    expect(schemaErrors(teacherRegistrationSchema, input, 'id')).toEqual({
      nuptk: 'NUPTK terdiri dari 16 angka.',
      email: 'Alamat email tidak valid.',
      password: 'Kata sandi minimal 10 karakter.',
    });
    expect(schemaErrors(teacherRegistrationSchema, input, 'en').nuptk).toBe('A NUPTK has 16 digits.');
  });

  it('names a single-value schema by the path it is given', () => {
    expect(schemaErrors(motivationSchema, 'Terlalu singkat.', 'id', ['motivation'])).toEqual({
      motivation: 'Minimal 100 karakter.',
    });
  });
});
