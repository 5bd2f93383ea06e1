import { describe, expect, it } from 'vitest';
import { renderRplDecree } from '#rpl-decree.ts';
import {
  caseDecreeInput,
  decreeVerificationUrl,
  emblemPng,
  intakeDecreeInput,
  ptmCourses,
  ptmCoursesTotalSks,
  sitiRecognition,
  sixtyCourses,
} from '#rpl-fixtures.ts';
import { readPdfPages } from '#testing.ts';

describe('renderRplDecree', () => {
  it.each([
    [
      'id',
      {
        title:
          'KEPUTUSAN REKTOR UNIVERSITAS NEGERI SEMARANG NOMOR 012/UN37/RPL/VIII/2025 TENTANG PENGAKUAN PEMBELAJARAN LAMPAU',
        sections: ['Menimbang', 'Mengingat', 'MEMUTUSKAN:', 'Menetapkan', 'KESATU', 'KEDUA', 'KETIGA'],
        total: `Jumlah SKS yang diakui ${ptmCoursesTotalSks}`,
        dated: 'Ditetapkan di Semarang pada tanggal 14 Agustus 2025',
        course: 'PTM204 Teknik Pengelasan 3',
        page: (page: number) => `Halaman ${page} dari 3`,
      },
    ],
    [
      'en',
      {
        title:
          'DECREE OF THE RECTOR OF UNIVERSITAS NEGERI SEMARANG NUMBER 012/UN37/RPL/VIII/2025 ON THE RECOGNITION OF PRIOR LEARNING',
        sections: ['Considering', 'Having regard to', 'HAS DECIDED:', 'To enact', 'FIRST', 'SECOND', 'THIRD'],
        total: `Total SKS recognised ${ptmCoursesTotalSks}`,
        dated: 'Enacted in Semarang on 14 August 2025',
        course: 'PTM204 Welding Technology 3',
        page: (page: number) => `Page ${page} of 3`,
      },
    ],
  ] as const)(
    'prints a case decree in %s with its number, teacher, courses, total, legal basis, signatory and URL',
    async (locale, expected) => {
      const pages = readPdfPages(await renderRplDecree(caseDecreeInput, { locale }));
      const text = pages.join(' ');
      expect(pages).toHaveLength(3);
      expect(text).toContain(expected.title);
      for (const section of expected.sections) expect(text).toContain(section);
      for (const citation of caseDecreeInput.legalBasis) expect(text).toContain(citation);
      expect(text).toContain('Siti Nurhaliza Rahmawati, A.Md.');
      expect(text).toContain('3547765667130083');
      expect(text).toContain(expected.course);
      for (const course of ptmCourses) expect(text).toContain(course.code);
      expect(text).toContain(expected.total);
      expect(text).toContain(expected.dated);
      expect(text).toContain('Prof. Dr. Bambang Sutopo, M.Pd.');
      expect(text).toContain('NIP 196805121993031002');
      expect(text).toContain(decreeVerificationUrl);
      pages.forEach((page, index) => {
        expect(page).toContain(expected.page(index + 1));
      });
    },
  );

  it('names the programme in the first dictum and the total SKS of one teacher', async () => {
    const text = readPdfPages(await renderRplDecree(caseDecreeInput, { locale: 'id' })).join(' ');
    expect(text).toContain(
      `Siti Nurhaliza Rahmawati, A.Md. (NUPTK 3547765667130083) sebagai perolehan ${ptmCoursesTotalSks} satuan kredit semester (SKS) pada Program Studi S1 Pendidikan Teknik Mesin`,
    );
  });

  it("lists an intake's teachers with each one's total, under the dean's title, signed by both", async () => {
    const pages = readPdfPages(await renderRplDecree(intakeDecreeInput, { locale: 'id' }));
    const text = pages.join(' ');
    expect(text).toContain(
      'KEPUTUSAN DEKAN FAKULTAS TEKNIK UNIVERSITAS NEGERI SEMARANG NOMOR 045/UN37.1.5/RPL/IX/2025',
    );
    expect(text).toContain(
      'BAGI GURU SEKOLAH MENENGAH KEJURUAN PADA PROGRAM STUDI S1 PENDIDIKAN TEKNIK MESIN',
    );
    expect(text).toContain('Mengakui hasil pembelajaran lampau 3 orang guru');
    // The summary: name, NUPTK, programme, total SKS per teacher.
    expect(text).toContain('2 Bagus Prasetyo Wibowo 9240771672130152 S1 Pendidikan Teknik Mesin 14');
    expect(text).toContain('3 Yohanes Kristianto Manurung 6631758660130203 S1 Pendidikan Teknik Mesin 11');
    expect(text).toContain('Jumlah SKS yang diakui 14');
    expect(text).toContain('Dr. Hendra Kurniawan, S.T., M.T.');
    expect(text).toContain('Prof. Dr. Retno Wulandari, M.Pd.');
    expect(pages.at(-1)).toContain(`Halaman ${pages.length} dari ${pages.length}`);
  });

  it('continues sixty courses over pages with the header repeated and the total at the end', async () => {
    const pages = readPdfPages(
      await renderRplDecree(
        { ...caseDecreeInput, recognitions: [{ ...sitiRecognition, courses: sixtyCourses }] },
        { locale: 'id' },
      ),
    );
    const total = sixtyCourses.reduce((sum, course) => sum + course.sks, 0);
    expect(pages.length).toBeGreaterThanOrEqual(4);
    const attachment = pages.slice(2);
    for (const page of attachment) expect(page).toContain('No. Kode Mata Kuliah SKS');
    for (const page of attachment.slice(1)) expect(page).toContain('mata kuliah, lanjutan');
    const text = attachment.join(' ');
    sixtyCourses.forEach((course, index) => {
      expect(text).toContain(`${index + 1} ${course.code} ${course.name}`);
    });
    expect(pages.at(-1)).toContain(`Jumlah SKS yang diakui ${total}`);
    pages.forEach((page, index) => {
      expect(page).toContain(`Halaman ${index + 1} dari ${pages.length}`);
    });
  });

  it('prints the letterhead with a PNG logo', async () => {
    const pdf = await renderRplDecree(
      { ...caseDecreeInput, university: { ...caseDecreeInput.university, logo: emblemPng() } },
      { locale: 'id' },
    );
    expect(pdf.toString('latin1')).toMatch(/\/Subtype \/Image/);
    expect(readPdfPages(pdf)[0]).toMatch(
      /^KEMENTERIAN PENDIDIKAN TINGGI, SAINS, DAN TEKNOLOGI UNIVERSITAS NEGERI SEMARANG Kampus Sekaran/,
    );
  });

  it('refuses a logo that is neither PNG nor JPEG', async () => {
    const logo = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>');
    await expect(
      renderRplDecree(
        { ...caseDecreeInput, university: { ...caseDecreeInput.university, logo } },
        { locale: 'id' },
      ),
    ).rejects.toThrow(/PNG or JPEG/);
  });
});
