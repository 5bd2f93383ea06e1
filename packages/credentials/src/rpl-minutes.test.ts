import { describe, expect, it } from 'vitest';
import { minutesInput } from '#rpl-fixtures.ts';
import { renderRplMinutes } from '#rpl-minutes.ts';
import { readPdfPages } from '#testing.ts';

describe('renderRplMinutes', () => {
  it.each([
    [
      'id',
      [
        'BERITA ACARA ASESMEN',
        'Nomor: B/318/UN37.1.5/PP/2025',
        'Pada hari ini, Kamis, tanggal 7 Agustus 2025',
        'S1 Pendidikan Teknik Mesin',
        'Gelombang 1 Tahun Akademik 2025/2026',
        '1 Asesor akademik Dr. Rahmat Hidayat, S.T., M.T.',
        '2 Asesor praktisi Ir. Agus Santoso, IWE',
        '3 Ketua Komite RPL Dr. Wahyu Kurniawan, S.Pd., M.T.',
        '1. PTM204 Teknik Pengelasan (3 SKS)',
        // pdftotext -layout puts a row's one-line cells on one line, its wrapped cells above and below.
        '82 Diakui 88 Diakui',
        'CPMK-2 Menyusun program CNC',
        'Demonstrasi 58 Tidak diakui 61',
        'Perlu bukti',
        'Keputusan komite : 0 SKS Alasan keputusan komite : Bukti demonstrasi pemrograman CNC frais belum memadai',
        'Usulan sistem : 0 SKS Keputusan komite : 2 SKS',
        '2 0 2 Diubah komite',
        'Jumlah 8 6 5',
        'mengakui 2 mata kuliah dengan jumlah 5 SKS',
        'Semarang, 7 Agustus 2025',
        'NIP 198207112008121002',
        'Nur Aini Rachmawati, S.Pd., M.Pd.',
        'https://kmg.example.id/verifikasi/rpl/RPL-2025-000123',
      ],
    ],
    [
      'en',
      [
        'MINUTES OF ASSESSMENT',
        'On Thursday, 7 August 2025',
        'Mechanical Engineering Education (S1)',
        '1 Academic assessor Dr. Rahmat Hidayat, S.T., M.T.',
        '1. PTM204 Welding Technology (3 SKS)',
        'CPMK-2 Write CNC milling programs Demonstration 58 Do not recognise 61',
        'Needs more',
        "The committee's reason : The evidence of CNC milling programming was not sufficient",
        '3 PTM305 Occupational Safety and Health 2 0 2',
        'Total 8 6 5',
        'recognise 2 courses totalling 5 SKS',
        'Semarang, 7 August 2025',
        'https://kmg.example.id/verifikasi/rpl/RPL-2025-000123',
      ],
    ],
  ] as const)(
    'prints the case in %s: teacher, team, each CPMK with both verdicts, decisions, totals, signatures',
    async (locale, expected) => {
      const pages = readPdfPages(await renderRplMinutes(minutesInput, { locale }));
      const text = pages.join(' ');
      for (const fragment of expected) expect(text).toContain(fragment);
      expect(text).toContain('Siti Nurhaliza Rahmawati, A.Md.');
      expect(text).toContain('3547765667130083');
      for (const person of [
        'Dr. Rahmat Hidayat, S.T., M.T.',
        'Ir. Agus Santoso, IWE',
        'Dr. Wahyu Kurniawan, S.Pd., M.T.',
      ]) {
        // Once in the team table, once under the signature.
        expect(text.split(person).length - 1).toBe(2);
      }
      const pageLabel = locale === 'id' ? 'Halaman' : 'Page';
      const of = locale === 'id' ? 'dari' : 'of';
      pages.forEach((page, index) => {
        expect(page).toContain(`${pageLabel} ${index + 1} ${of} ${pages.length}`);
      });
    },
  );

  it('continues a long case over pages, repeating the CPMK table header', async () => {
    const [course] = minutesInput.courses;
    if (!course) throw new Error('fixture');
    const outcomes = Array.from({ length: 40 }, (_, index) => ({
      ...course.outcomes[0]!,
      code: `CPMK-${index + 1}`,
    }));
    const pages = readPdfPages(
      await renderRplMinutes({ ...minutesInput, courses: [{ ...course, outcomes }] }, { locale: 'id' }),
    );
    expect(pages.length).toBeGreaterThan(2);
    expect(pages[1]).toContain(
      'PTM204 Teknik Pengelasan, lanjutan Asesor akademik Asesor praktisi CPMK Metode',
    );
    expect(pages[1]).toContain('Nilai Rekomendasi Nilai Rekomendasi');
    expect(pages.join(' ')).toContain('CPMK-40 Menerapkan prosedur');
  });

  it('refuses a committee decision that departs from the proposal without a reason', async () => {
    const [course] = minutesInput.courses;
    if (!course) throw new Error('fixture');
    await expect(
      renderRplMinutes({ ...minutesInput, courses: [{ ...course, decidedSks: 2 }] }, { locale: 'id' }),
    ).rejects.toThrow(/PTM204/);
  });
});
