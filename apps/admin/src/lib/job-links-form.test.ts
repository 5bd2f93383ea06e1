import { describe, expect, it } from 'vitest';
import { jobLinkRow, validateJobLinksForm } from '#lib/job-links-form.ts';

const siapKerja = {
  name: 'SiapKerja',
  url: 'https://siapkerja.kemnaker.go.id',
  descriptionId: 'Layanan ketenagakerjaan.',
  descriptionEn: 'Employment services.',
};

describe('validateJobLinksForm', () => {
  it('accepts https links, and no links at all', () => {
    expect(validateJobLinksForm({ links: [jobLinkRow(siapKerja)] }, 'id')).toEqual({});
    expect(validateJobLinksForm({ links: [] }, 'id')).toEqual({});
  });

  it.each([
    ['id', 'Masukkan alamat web lengkap yang diawali https://.'],
    ['en', 'Enter a full web address starting with https://.'],
  ] as const)('puts a bad address on its row’s field, in %s', (locale, message) => {
    const links = [
      jobLinkRow(siapKerja),
      jobLinkRow({ ...siapKerja, name: 'Karirhub', url: 'karirhub.go.id' }),
    ];
    expect(validateJobLinksForm({ links }, locale)).toEqual({ 'links.1.url': message });
  });

  it('names empty fields and a platform named twice', () => {
    const links = [
      jobLinkRow(siapKerja),
      jobLinkRow({ ...siapKerja, name: ' siapkerja', descriptionEn: ' ' }),
    ];
    expect(validateJobLinksForm({ links }, 'en')).toEqual({
      'links.1.name': 'This item appears twice.',
      'links.1.descriptionEn': expect.any(String),
    });
  });
});
