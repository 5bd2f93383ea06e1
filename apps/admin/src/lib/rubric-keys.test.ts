import { rubricCriterionSchema } from '@kmg/domain';
import { describe, expect, it } from 'vitest';
import { assignRubricKeys, deriveCriterionKey, slugifyCriterionName } from '#lib/rubric-keys.ts';

describe('slugifyCriterionName', () => {
  it.each([
    ['Motivasi dan rencana pengimbasan', 'motivasi-dan-rencana-pengimbasan'],
    ['  Relevansi   dengan bidang ajar ', 'relevansi-dengan-bidang-ajar'],
    ['Pengalaman & kesiapan (K3)', 'pengalaman-kesiapan-k3'],
    ['Kreativitas—inovasi', 'kreativitas-inovasi'],
    ['Café élève', 'cafe-eleve'],
    ['!!!', ''],
  ])('turns %j into %j', (name, slug) => {
    expect(slugifyCriterionName(name)).toBe(slug);
  });

  it('cuts a long name at a word boundary within 40 characters', () => {
    const slug = slugifyCriterionName('Kemampuan mengimbaskan hasil pelatihan kepada guru dan siswa');
    expect(slug).toBe('kemampuan-mengimbaskan-hasil-pelatihan');
    expect(slug.length).toBeLessThanOrEqual(40);
  });
});

describe('deriveCriterionKey', () => {
  it.each([
    ['Motivasi dan rencana pengimbasan', 'motivasi-dan-rencana-pengimbasan'],
    ['5S dan K3', 'k-5s-dan-k3'],
    ['A', 'a-k'],
    ['', 'kriteria'],
    ['???', 'kriteria'],
  ])('gives %j the key %j', (name, key) => {
    expect(deriveCriterionKey(name)).toBe(key);
  });

  it.each([
    'Motivasi dan rencana pengimbasan',
    '5S dan K3',
    'A',
    '',
    'Kemampuan mengimbaskan hasil pelatihan kepada guru dan siswa di sekolah',
    '123456789012345678901234567890123456789012345',
  ])('always matches the API pattern for %j', (name) => {
    const key = deriveCriterionKey(name);
    expect(rubricCriterionSchema.shape.key.safeParse(key).success, key).toBe(true);
  });
});

describe('assignRubricKeys', () => {
  it('keeps the keys of criteria the API already has, even after a rename', () => {
    expect(
      assignRubricKeys([
        { key: 'motivation', nameId: 'Motivasi (diubah)' },
        { key: 'relevance', nameId: 'Relevansi' },
      ]),
    ).toEqual(['motivation', 'relevance']);
  });

  it('derives new criteria keys from their Indonesian names', () => {
    expect(
      assignRubricKeys([
        { key: 'motivation', nameId: 'Motivasi' },
        { key: null, nameId: 'Portofolio mengajar' },
      ]),
    ).toEqual(['motivation', 'portofolio-mengajar']);
  });

  it('numbers a new key that another criterion already uses', () => {
    expect(
      assignRubricKeys([
        { key: null, nameId: 'Motivasi' },
        { key: 'motivasi', nameId: 'Motivasi lama' },
        { key: null, nameId: 'Motivasi' },
      ]),
    ).toEqual(['motivasi-2', 'motivasi', 'motivasi-3']);
  });

  it('stays within 40 characters when numbering a long key', () => {
    const name = 'Kemampuan mengimbaskan hasil pelatihan kepada guru';
    const keys = assignRubricKeys([
      { key: null, nameId: name },
      { key: null, nameId: name },
    ]);
    expect(new Set(keys).size).toBe(2);
    for (const key of keys) expect(key.length).toBeLessThanOrEqual(40);
  });
});
