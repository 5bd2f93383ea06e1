import { describe, expect, it } from 'vitest';
import {
  type AchievementFormValues,
  achievementFormFromCall,
  type CallForAchievement,
  toAchievementInput,
  validateAchievementForm,
} from '#lib/achievement-form.ts';

const call: CallForAchievement = {
  title: 'Pemrograman dan Pengoperasian Mesin Bubut CNC',
  description: 'Pelatihan lima hari di bengkel industri: membaca gambar kerja dan menyusun program G-code.',
  assessmentKind: 'COMPETENCY',
  minAttendancePercent: 80,
  competencyUnits: [{}, {}],
  achievement: null,
};

const valid: AchievementFormValues = {
  ...achievementFormFromCall(call),
  nameEn: 'CNC Lathe Operator',
  descriptionEn: 'Micro-credential for SMK teachers able to program and operate a CNC lathe safely.',
  kkniLevel: '3',
  assessmentMethod: 'Uji kompetensi per unit SKKNI',
  qualityAssurance: 'Kurikulum ditelaah Direktorat SMK',
};

describe('achievementFormFromCall', () => {
  it('drafts a new template from the call and its completion rule', () => {
    expect(achievementFormFromCall(call)).toMatchObject({
      achievementType: 'MicroCredential',
      nameId: call.title,
      descriptionId: call.description,
      criteriaId: 'Hadir minimal 80% hari pelatihan dan dinyatakan Kompeten pada setiap unit SKKNI.',
      kkniLevel: null,
      sks: '',
      assessmentKind: 'COMPETENCY',
      minAttendancePercent: 80,
    });
  });

  it('suggests a certificate of completion for a training call', () => {
    const training = achievementFormFromCall({
      ...call,
      assessmentKind: 'TRAINING',
      minAttendancePercent: 90,
    });
    expect(training.achievementType).toBe('CertificateOfCompletion');
    expect(training.criteriaEn).toBe('Attend at least 90% of training days.');
  });

  it('reads a saved template, with empty optional numbers', () => {
    const saved = achievementFormFromCall({
      ...call,
      achievement: {
        achievementType: 'Certification',
        nameId: 'Operator',
        nameEn: 'Operator',
        descriptionId: 'd',
        descriptionEn: 'd',
        criteriaId: 'c',
        criteriaEn: 'c',
        kkniLevel: 4,
        sks: null,
        validityMonths: 36,
        assessmentMethod: 'm',
        qualityAssurance: 'q',
      },
    });
    expect(saved).toMatchObject({
      achievementType: 'Certification',
      kkniLevel: '4',
      sks: '',
      validityMonths: 36,
    });
  });
});

describe('validateAchievementForm', () => {
  it('accepts a complete template', () => {
    expect(validateAchievementForm(valid, 'id')).toEqual({});
  });

  it('requires the KKNI level and both languages', () => {
    expect(validateAchievementForm({ ...valid, kkniLevel: null, nameEn: '' }, 'id')).toEqual({
      kkniLevel: 'Wajib diisi.',
      nameEn: 'Wajib diisi.',
    });
  });

  it.each([
    ['nameId', 'Las', 'Minimal 5 karakter.'],
    ['descriptionEn', 'Too short.', 'Minimal 20 karakter.'],
    ['criteriaId', 'Hadir', 'Minimal 10 karakter.'],
    ['assessmentMethod', 'x'.repeat(1001), 'Maksimal 1000 karakter.'],
  ] as const)('words a bad %s as the API does', (field, value, message) => {
    expect(validateAchievementForm({ ...valid, [field]: value }, 'id')[field]).toBe(message);
  });

  it.each([
    ['sks', 25, 'Maksimal 24.'],
    ['sks', -1, 'Minimal 0.'],
    ['validityMonths', 0, 'Minimal 1.'],
    ['validityMonths', 12.5, 'Harus bilangan bulat.'],
    ['minAttendancePercent', 101, 'Maksimal 100.'],
    ['minAttendancePercent', '', 'Wajib diisi.'],
  ] as const)('checks %s = %s', (field, value, message) => {
    expect(validateAchievementForm({ ...valid, [field]: value }, 'id')[field]).toBe(message);
  });

  it('leaves SKS and validity optional', () => {
    expect(validateAchievementForm({ ...valid, sks: '', validityMonths: '' }, 'en')).toEqual({});
  });
});

describe('toAchievementInput', () => {
  it('trims texts and turns empty optional numbers into null', () => {
    expect(toAchievementInput({ ...valid, nameEn: '  CNC Lathe Operator ', sks: 1.5 })).toMatchObject({
      nameEn: 'CNC Lathe Operator',
      kkniLevel: 3,
      sks: 1.5,
      validityMonths: null,
      minAttendancePercent: 80,
    });
  });
});
