import { describe, expect, it } from 'vitest';
import { certificateBrandingSchema, isProfileSlug, slugFromName } from '#profile.ts';

describe('slugFromName', () => {
  it.each([
    ['Sri Wahyuni', 'sri-wahyuni'],
    ["Siti Nur'aini, S.Pd.", 'siti-nuraini-s-pd'],
    ['Ni Luh Putu Ayu Sekar Wangi Kusumadewi Pradnyaswari', 'ni-luh-putu-ayu-sekar-wangi'],
    ['Đặng Thị Hà', 'dang-thi-ha'],
    ['李', 'guru'],
    ['Al', 'guru-al'],
  ])('%s → %s', (name, slug) => {
    expect(slugFromName(name)).toBe(slug);
    expect(isProfileSlug(slugFromName(name))).toBe(true);
  });
});

describe('isProfileSlug', () => {
  it.each([
    ['sri-wahyuni', true],
    ['ab', false],
    ['a'.repeat(41), false],
    ['Sri-Wahyuni', false],
    ['sri--wahyuni', false],
    ['-sri', false],
    ['sri_wahyuni', false],
  ])('%s: %s', (slug, expected) => {
    expect(isProfileSlug(slug)).toBe(expected);
  });
});

describe('certificateBrandingSchema', () => {
  it('takes a name with a position, or neither', () => {
    expect(
      certificateBrandingSchema.parse({ signatoryName: ' Ir. Hadi ', signatoryPosition: 'Direktur' }),
    ).toEqual({
      signatoryName: 'Ir. Hadi',
      signatoryPosition: 'Direktur',
    });
    expect(certificateBrandingSchema.parse({ signatoryName: '', signatoryPosition: '' })).toEqual({
      signatoryName: null,
      signatoryPosition: null,
    });
    expect(
      certificateBrandingSchema.safeParse({ signatoryName: 'Ir. Hadi', signatoryPosition: '' }).success,
    ).toBe(false);
  });
});
