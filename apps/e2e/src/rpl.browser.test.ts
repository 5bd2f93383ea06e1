// RPL as people do it (university credit for what a teacher already learned): Yohanes, who holds
// the welding-robot and welding-inspector credentials and the pathway they complete, finds UNNES's
// S1 Pendidikan Teknik Mesin on his phone and reads the estimate (10 SKS in 4 courses, why another
// course is not proposed, and which open training would add more); he applies with his credentials,
// a PDF certificate and a self-evaluation per CPMK, and submits; UNNES's assessor reads the
// application (the stored proposal, the credentials checked at submission, the file, the
// self-evaluation) and returns it to him with what to add; Yohanes is told, adds a file and submits
// again. Then the case as issue 11 runs it, in the console: the officer accepts it as complete
// (UNNES seats both assessors round-robin); the academic and the practitioner judge every CPMK, the
// practitioner not recognising Robotika Industri; the committee reads the disagreement and decides
// that course at 0 SKS with a reason; the validator approves; the university admin issues the
// decree, whose PDF carries its number, the courses and the SKS. Yohanes reads the result per course
// and finds the recognition in his wallet, and its verification page says it is valid.
//
// The numbers are the seeded rules' (worked out course by course in apps/api/src/rpl.db.test.ts):
// PTM204 and PTM310 rest on the welding-robot credential, PTM313 on the inspector's, and PTM210 on
// the pathway award, so the pathway must be put forward too for the 10 SKS.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Platform, startPlatform } from '#platform.ts';
import { choose, createPeople, shot, visible } from '#ui.ts';

let platform: Platform;
let files: string;

beforeAll(async () => {
  platform = await startPlatform();
  files = await mkdtemp(join(tmpdir(), 'kmg-e2e-rpl-'));
});
afterAll(async () => {
  await platform?.stop();
  if (files) await rm(files, { recursive: true, force: true });
});

const people = createPeople('rpl', () => platform);
afterEach(({ task }) => people.closeAll(task.result?.state === 'fail'));

const teacher = { email: 'yohanes.tanaem@kmg.demo', name: 'Yohanes Tanaem' };
const programme = 'S1 Pendidikan Teknik Mesin';
const university = 'Universitas Negeri Semarang';
const intake = 'RPL Semester Gasal 2027/2028';
const credentials = {
  robot: 'Operator Robot Las Industri',
  inspector: 'Inspektur Las Bengkel SMK',
  pathway: 'Teknologi Pengelasan Industri',
} as const;
type CredentialKey = keyof typeof credentials;

/** The proposed courses: SKS, the rule, the credential it rests on, and the start of each CPMK. */
const proposed = [
  {
    code: 'PTM204',
    name: 'Teknik Pengelasan',
    sks: 3,
    rule: 'PTM-PENGELASAN-UNIT-ROBOT',
    credential: 'robot',
    outcomes: ['Menjelaskan prinsip las busur manual', 'Mengelas sambungan tumpul', 'Membaca simbol las'],
  },
  {
    code: 'PTM210',
    name: 'Pengelasan Lanjut',
    sks: 3,
    rule: 'PTM-PENGELASAN-LANJUT-JALUR',
    credential: 'pathway',
    outcomes: ['Mengelas pelat posisi 2G', 'Mengelas baja tahan karat', 'Mengelas dengan GMAW'],
  },
  {
    code: 'PTM310',
    name: 'Robotika Industri',
    sks: 2,
    rule: 'PTM-ROBOTIKA-ROBOT-LAS',
    credential: 'robot',
    outcomes: ['Menjelaskan kinematika', 'Memprogram robot lengan'],
  },
  {
    code: 'PTM313',
    name: 'Inspeksi dan Pengujian Las',
    sks: 2,
    rule: 'PTM-INSPEKSI-LAS',
    credential: 'inspector',
    outcomes: ['Melakukan inspeksi visual', 'Melakukan uji penetran'],
  },
] as const satisfies readonly {
  code: string;
  name: string;
  sks: number;
  rule: string;
  credential: CredentialKey;
  outcomes: readonly string[];
}[];
const outcomeCount = proposed.reduce((sum, course) => sum + course.outcomes.length, 0);

const certificate = {
  title: 'Sertifikat Juru Las Madya BNSP',
  file: 'sertifikat-juru-las-madya.pdf',
  bytes: makePdf('Sertifikat Kompetensi BNSP: Juru Las Madya (SMAW 3G). Yohanes Tanaem.'),
};
const workLetter = {
  title: 'Surat keterangan kerja bengkel las',
  file: 'surat-keterangan-kerja.pdf',
  bytes: makePdf('Surat keterangan: Yohanes Tanaem bekerja sebagai juru las 2015-2018.'),
};
const request =
  'Mohon unggah surat keterangan pengalaman kerja di bengkel las untuk CPMK Pengelasan Lanjut (PTM210).';

/** UNNES's RPL people (seeded), and the score each assessor gives every CPMK. */
const staff = {
  officer: { email: 'tendik@kmg.demo', name: 'Rina Marlina' },
  academic: { email: 'asesor@kmg.demo', name: 'Lestari Handayani', score: 85 },
  practitioner: { email: 'praktisi@kmg.demo', name: 'Rudi Setiawan', score: 80 },
  committee: { email: 'kaprodi@kmg.demo', name: 'Wahyu Hidayat' },
  validator: { email: 'validator@kmg.demo', name: 'Sri Wahyuningsih' },
} as const;
type Assessor = typeof staff.academic | typeof staff.practitioner;

/**
 * The course the practitioner does not recognise (a lower score, one principle unmet), and the
 * committee with him: 0 SKS instead of the proposed 2, with its reason.
 */
const disputed = {
  ...proposed[2],
  practitionerScore: 50,
  practitionerNotes: 'Pemrograman robot lengan belum ditunjukkan; sertifikat hanya mencakup pengoperasian.',
  reason:
    'Bukti pemrograman robot lengan belum memadai menurut asesor praktisi; diakui setelah uji demonstrasi.',
};
const proposedSks = proposed.reduce((sum, course) => sum + course.sks, 0);
const decidedSks = proposedSks - disputed.sks;
/** The decree's number as the console shows it once issued (read by the teacher's step). */
let decreeNumber = '';

describe('RPL from the estimate to the decree and the recognition in the wallet', () => {
  it('shows the teacher what his credentials would earn at S1 Pendidikan Teknik Mesin', async () => {
    const page = await people.signIn('phone', 'learner', teacher.email);
    await waitForPathwayAward(page);

    await page.getByRole('link', { name: 'Kuliah RPL' }).click();
    await visible(page.getByRole('heading', { name: 'Kuliah lewat RPL', level: 1 }));
    const search = page.getByRole('searchbox', { name: 'Cari program studi atau perguruan tinggi' });
    await search.fill('Teknik Mesin');
    await search.press('Enter');
    await visible(page.getByRole('button', { name: 'Hapus filter: “Teknik Mesin”' }));
    await page.getByRole('button', { name: 'Buka filter' }).click();
    const drawer = page.getByRole('dialog', { name: 'Filter' });
    await drawer.getByRole('combobox', { name: 'Jenjang' }).selectOption({ label: 'S1 (Sarjana)' });
    await drawer.getByRole('button', { name: /^Lihat \d+ program studi$/ }).click();
    await drawer.waitFor({ state: 'hidden' });
    await visible(page.getByRole('button', { name: 'Hapus filter: S1 (Sarjana)' }));
    const card = page.getByRole('article').filter({ has: page.getByRole('link', { name: programme }) });
    await visible(card.getByText(university));
    await visible(card.getByText('Pendaftaran dibuka'));
    await fitsThePhone(page);
    await shot(page, 'rpl-teacher-programmes');

    await card.getByRole('link', { name: programme }).click();
    await visible(page.getByRole('heading', { name: programme, level: 1 }));
    const estimate = page.getByRole('region', { name: 'Perkiraan dari kredensial Anda' });
    await visible(estimate.getByText('Kredensial Anda dapat diakui hingga 10 SKS: 4 mata kuliah'));
    for (const course of proposed) {
      const item = courseItem(estimate, course);
      await visible(item.getByText(`${course.sks} SKS`, { exact: true }));
      await visible(item.getByText(credentials[course.credential]));
    }
    await fitsThePhone(page);
    await shot(page, 'rpl-teacher-estimate');

    // Why Otomasi Industri is not proposed, and the open training that would change that.
    await estimate.getByRole('button', { name: 'Lihat alasannya' }).click();
    await visible(
      courseItem(estimate, { code: 'PTM303', name: 'Otomasi Industri' }).getByText(
        'Anda belum memiliki kredensial yang dipersyaratkan untuk mata kuliah ini.',
        { exact: true },
      ),
    );
    await visible(
      courseItem(estimate, { code: 'PTM314', name: 'Fabrikasi Logam' }).getByText(
        'Mata kuliah ini belum memiliki aturan penyetaraan RPL.',
        { exact: true },
      ),
    );
    const gains = estimate.getByRole('region', { name: 'Yang dapat menambah SKS' });
    const plc = gains.getByRole('listitem').filter({ hasText: 'Otomasi Industri dengan PLC dan HMI' });
    await visible(plc.getByText('+3 SKS'));
    await visible(plc.getByText('Menambah: PTM303 Otomasi Industri'));
    await visible(plc.getByRole('link', { name: 'Lihat pelatihan' }));
    await gains.scrollIntoViewIfNeeded();
    await shot(page, 'rpl-teacher-estimate-reasons-and-gains');
  });

  it('lets him apply with his credentials, a PDF and a self-evaluation, and submit', async () => {
    const page = await people.signIn('phone', 'learner', teacher.email);
    await openProgramme(page);
    await page.getByRole('button', { name: 'Ajukan RPL' }).click();
    await visible(page.getByText('Draf pengajuan dibuat. Lengkapi lalu ajukan.'));
    await visible(page.getByRole('heading', { name: programme, level: 1 }));
    await visible(page.getByText('Draf', { exact: true }));

    // 1. From the wallet: the two training credentials and the pathway award they complete.
    const wallet = page.getByRole('region', { name: '1. Kredensial dari dompet' });
    for (const name of Object.values(credentials)) {
      const choice = wallet.getByRole('checkbox', { name: new RegExp(`^${name}`) });
      await choice.click();
      await expect.poll(() => choice.getAttribute('aria-checked')).toBe('true');
    }
    await visible(wallet.getByText('Dipakai dalam perkiraan').first());
    await shot(page, 'rpl-teacher-credentials');

    // 2. Other evidence: a BNSP certificate as a PDF.
    await uploadEvidence(page, certificate);

    // Submitting before the self-evaluation is filled in says what is missing.
    const evaluation = page.getByRole('region', { name: '3. Evaluasi diri per CPMK' });
    await page.getByRole('button', { name: 'Ajukan RPL' }).click();
    await visible(
      evaluation.getByText(
        `Isi evaluasi diri untuk setiap capaian mata kuliah yang diusulkan (${outcomeCount} belum diisi).`,
      ),
    );
    await visible(evaluation.getByText('Pilih tingkat kemampuan.').first());
    await shot(page, 'rpl-teacher-self-evaluation-incomplete');

    // 3. Every CPMK of the proposed courses: a level and what shows it.
    await visible(evaluation.getByText(`0 dari ${outcomeCount} CPMK terisi`));
    await fitsThePhone(page);
    expect(await evaluation.getByRole('group', { name: /^CPMK\d+ / }).count()).toBe(outcomeCount);
    for (const course of proposed) {
      for (const outcome of course.outcomes) {
        const cpmk = evaluation.getByRole('group', { name: new RegExp(`^CPMK\\d+ ${outcome}`) });
        await cpmk.getByRole('radio', { name: 'Sangat baik' }).check();
        await cpmk.getByRole('checkbox', { name: credentials[course.credential] }).check();
        if (course.code === 'PTM204') await cpmk.getByRole('checkbox', { name: certificate.title }).check();
      }
    }
    await visible(evaluation.getByText(`${outcomeCount} dari ${outcomeCount} CPMK terisi`));
    await shot(page, 'rpl-teacher-self-evaluation-filled');

    await page.getByRole('button', { name: 'Ajukan RPL' }).click();
    await visible(page.getByText(`Pengajuan RPL dikirim ke ${programme}.`));
    await visible(page.getByText('Diajukan, menunggu pemeriksaan kelengkapan').first());
    const journey = page.getByRole('region', { name: 'Perjalanan pengajuan' });
    await visible(journey.getByText('Pemeriksaan kelengkapan', { exact: true }).first());
    await visible(journey.getByText(/^Petugas program studi memeriksa kelengkapan berkas Anda\./));
    const stored = page.getByRole('region', { name: 'Usulan yang diajukan' });
    await visible(stored.getByText('Kredensial Anda dapat diakui hingga 10 SKS: 4 mata kuliah'));
    for (const course of proposed) {
      await visible(courseItem(stored, course).getByText(`${course.sks} SKS`, { exact: true }));
    }
    const checks = page.getByRole('region', { name: 'Hasil pemeriksaan kredensial' });
    for (const name of Object.values(credentials)) {
      await visible(checks.getByRole('listitem').filter({ hasText: name }).getByText('Terverifikasi'));
    }
    await visible(page.getByRole('link', { name: `Unduh ${certificate.title}` }));
    await fitsThePhone(page);
    await shot(page, 'rpl-teacher-submitted');
  });

  it('shows UNNES staff the application, its checks, file and self-evaluation, and lets them return it with what to add', async () => {
    const page = await people.signIn('desktop', 'admin', 'asesor@kmg.demo');
    await page.getByRole('link', { name: 'RPL', exact: true }).click();
    await page.getByRole('link', { name: programme }).first().click();
    await visible(page.getByRole('heading', { name: programme, level: 1 }));
    await page.getByRole('tab', { name: 'Pendaftar' }).click();
    await choose(page, /^Gelombang/, new RegExp(`^${intake} \\(\\d+\\)$`));
    const row = page.getByRole('row', { name: new RegExp(`^${teacher.name}`) });
    await visible(row.getByText('Diajukan, menunggu pemeriksaan kelengkapan').first());
    await visible(row.getByRole('cell', { name: /^10( \/ \d+)?$/ }));
    await visible(row.getByRole('cell', { name: '4', exact: true }));
    await shot(page, 'rpl-staff-applicants');

    await row.getByRole('link', { name: teacher.name }).click();
    await visible(page.getByRole('heading', { name: teacher.name, level: 1 }));
    await visible(page.getByText('10 SKS (batas 100)'));
    const courses = page.getByRole('table', { name: '4 mata kuliah diusulkan' });
    for (const course of proposed) {
      const courseRow = courses.getByRole('row').filter({ hasText: course.code });
      await visible(courseRow.getByText(`${course.sks}/${course.sks}`));
      await visible(courseRow.getByText(new RegExp(`^${course.rule} v\\d+$`)));
      await visible(courseRow.getByText(credentials[course.credential]));
    }
    await visible(page.getByText('Jumlah: 10 SKS dari 4 mata kuliah.'));

    const verification = page.getByRole('region', { name: 'Kredensial dan pemeriksaannya saat dikirim' });
    // Three credentials, each verified on every check (none failed).
    for (const name of Object.values(credentials))
      await visible(verification.getByText(name, { exact: true }));
    await expect.poll(() => verification.getByText('Terverifikasi', { exact: true }).count()).toBe(3);
    for (const check of ['Tanda tangan', 'Status', 'Berlaku pada tanggal acuan', 'Penerima'])
      expect(await verification.getByText(`${check}: lolos`, { exact: true }).count()).toBe(3);
    expect(await verification.getByText(/: tidak lolos$/).count()).toBe(0);
    await shot(page, 'rpl-staff-application');

    // The file is the one the teacher uploaded, byte for byte (shown in the page, and downloaded).
    const evidence = page.getByRole('region', { name: 'Berkas bukti' });
    await visible(evidence.getByRole('heading', { name: certificate.title }));
    const started = page.waitForEvent('download');
    await evidence.getByRole('link', { name: 'Unduh', exact: true }).click();
    const download = await started;
    expect(download.suggestedFilename()).toBe(certificate.file);
    const saved = join(files, `unduhan-${certificate.file}`);
    await download.saveAs(saved);
    expect((await readFile(saved)).equals(certificate.bytes)).toBe(true);

    const evaluation = page.getByRole('table', { name: 'Evaluasi diri per CPMK' });
    for (const course of proposed) {
      for (const outcome of course.outcomes) {
        const entry = evaluation.getByRole('row').filter({ hasText: outcome });
        await visible(entry.getByText('Sangat baik'));
        const support = [
          credentials[course.credential],
          ...(course.code === 'PTM204' ? [certificate.title] : []),
        ].join(', ');
        await visible(entry.getByText(support, { exact: true }));
      }
    }
    await evaluation.scrollIntoViewIfNeeded();
    await shot(page, 'rpl-staff-self-evaluation');

    await page.getByRole('button', { name: 'Kembalikan ke guru' }).click();
    const dialog = page.getByRole('dialog', { name: 'Kembalikan kepada guru' });
    await visible(dialog.getByText(`yang harus dilengkapi ${teacher.name}.`, { exact: false }));
    await dialog.getByRole('textbox', { name: 'Kekurangan 1' }).fill(request);
    await shot(page, 'rpl-staff-request-dialog');
    await dialog.getByRole('button', { name: 'Kembalikan ke guru' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await visible(page.getByText('Dikembalikan untuk dilengkapi', { exact: true }).first());
    await visible(page.getByText(/^Dikembalikan kepada guru .* untuk dilengkapi$/));
    await visible(page.getByText(request));
    await shot(page, 'rpl-staff-evidence-requested');
  });

  it('tells the teacher, who adds the file and submits again', async () => {
    const page = await people.signIn('phone', 'learner', teacher.email);
    await page.getByRole('link', { name: /^Notifikasi, \d+ belum dibaca$/ }).click();
    const notice = page.getByRole('link').filter({ hasText: 'RPL: perguruan tinggi meminta bukti tambahan' });
    await visible(notice.getByText(request, { exact: false }));
    await shot(page, 'rpl-teacher-notice');

    await notice.click();
    await visible(page.getByRole('heading', { name: programme, level: 1 }));
    await visible(page.getByText('Dikembalikan untuk dilengkapi', { exact: true }).first());
    const asked = page
      .getByRole('alert')
      .filter({ hasText: 'Pengajuan dikembalikan: lengkapi lalu ajukan kembali' });
    await visible(asked.getByText('Petugas program studi meminta 1 hal berikut:'));
    await visible(asked.getByRole('listitem').filter({ hasText: request }));
    await shot(page, 'rpl-teacher-evidence-requested');

    await page
      .getByRole('region', { name: '2. Bukti lain' })
      .getByRole('combobox', { name: 'Jenis bukti' })
      .selectOption({ label: 'Pengalaman kerja' });
    await uploadEvidence(page, workLetter);
    // The letter backs the Pengelasan Lanjut outcomes the university asked about.
    const evaluation = page.getByRole('region', { name: '3. Evaluasi diri per CPMK' });
    for (const outcome of proposed[1].outcomes) {
      await evaluation
        .getByRole('group', { name: new RegExp(`^CPMK\\d+ ${outcome}`) })
        .getByRole('checkbox', { name: workLetter.title })
        .check();
    }
    await page.getByRole('button', { name: 'Ajukan kembali' }).click();
    await visible(page.getByText(`Pengajuan RPL dikirim ke ${programme}.`));
    await visible(page.getByText('Diajukan, menunggu pemeriksaan kelengkapan').first());
    const stored = page.getByRole('region', { name: 'Usulan yang diajukan' });
    await visible(stored.getByText('Kredensial Anda dapat diakui hingga 10 SKS: 4 mata kuliah'));
    await visible(page.getByRole('link', { name: `Unduh ${workLetter.title}` }));
    await shot(page, 'rpl-teacher-resubmitted');
  });

  it('lets the officer accept the completed application and seat the two assessors', async () => {
    const page = await people.signIn('desktop', 'admin', staff.officer.email);
    await openCase(page);
    await visible(page.getByText('Diajukan, menunggu pemeriksaan kelengkapan').first());
    // The letter he added is in the file the officer checks.
    await visible(page.getByRole('region', { name: 'Berkas bukti' }).getByText(workLetter.title).first());
    await shot(page, 'rpl-officer-case');

    await page.getByRole('button', { name: 'Lengkap', exact: true }).click();
    const accept = page.getByRole('dialog', { name: 'Nyatakan berkas lengkap?' });
    await visible(accept.getByText(`Berkas ${teacher.name} dinyatakan lengkap`, { exact: false }));
    await accept.getByRole('button', { name: 'Lengkap', exact: true }).click();
    await accept.waitFor({ state: 'hidden' });
    await visible(page.getByText('Dalam asesmen', { exact: true }).first());

    // UNNES seats assessors round-robin on acceptance (the least-loaded, no role conflicts): the
    // officer finds both seats taken in the assign dialog, and keeps them.
    await visible(
      page.getByText(
        'Kedua asesor sudah ditugaskan. Anda masih dapat mengganti asesor yang belum menyerahkan penilaian.',
      ),
    );
    await page.getByRole('button', { name: 'Tugaskan asesor' }).click();
    const assign = page.getByRole('dialog', { name: /^Tugaskan asesor/ });
    for (const [seat, person] of [
      ['Asesor akademisi', staff.academic],
      ['Asesor praktisi', staff.practitioner],
    ] as const) {
      const select = assign.getByRole('combobox', { name: seat });
      await expect
        .poll(() => select.inputValue(), { timeout: 60_000 })
        .toMatch(new RegExp(`^${person.name} · `));
    }
    await shot(page, 'rpl-officer-assessors');
    await assign.getByRole('button', { name: 'Batal' }).click();
    await assign.waitFor({ state: 'hidden' });
    for (const person of [staff.academic, staff.practitioner])
      await visible(page.getByText(person.name, { exact: true }).first());
    await shot(page, 'rpl-officer-assigned');
  });

  it('lets the academic assessor judge every CPMK and recommend every course', async () => {
    const page = await people.signIn('desktop', 'admin', staff.academic.email);
    await openCase(page);
    await assess(page, staff.academic);
    await visible(page.getByText(/^Penilaian Anda diserahkan .* dan tidak dapat diubah lagi\.$/));
    await shot(page, 'rpl-academic-submitted');
  });

  it('lets the practitioner judge too, not recognising Robotika Industri', async () => {
    const page = await people.signIn('desktop', 'admin', staff.practitioner.email);
    await openCase(page);
    await assess(page, staff.practitioner);
    // Both have submitted: the case goes to the committee, and the comparison shows the difference.
    await visible(page.getByText('Menunggu keputusan tim RPL', { exact: true }).first());
    await visible(page.getByText('Kedua asesor berbeda pendapat pada 1 mata kuliah.'));
    await shot(page, 'rpl-practitioner-submitted');
  });

  it('shows the committee where the assessors disagree, and lets it decide one course against the proposal with a reason', async () => {
    const page = await people.signIn('desktop', 'admin', staff.committee.email);
    await openCase(page);
    await page.getByRole('tab', { name: 'Asesmen' }).click();
    await visible(page.getByText('Kedua asesor berbeda pendapat pada 1 mata kuliah.'));
    for (const course of proposed) {
      const compared = page.getByRole('region', { name: `${course.code} ${course.name}` });
      const isDisputed = course.code === disputed.code;
      await visible(compared.getByText(isDisputed ? 'Berbeda pendapat' : 'Sepakat', { exact: true }));
      const scores = compared.getByRole('row').filter({ hasText: 'Nilai mata kuliah' });
      await visible(scores.getByRole('cell', { name: String(staff.academic.score), exact: true }));
      await visible(
        scores.getByRole('cell', {
          name: String(isDisputed ? disputed.practitionerScore : staff.practitioner.score),
          exact: true,
        }),
      );
    }
    const dispute = page.getByRole('region', { name: `${disputed.code} ${disputed.name}` });
    await visible(dispute.getByText(`selisih ${staff.academic.score - disputed.practitionerScore}`));
    const recommendations = dispute.getByRole('row').filter({ hasText: 'Rekomendasi' });
    await visible(recommendations.getByRole('cell', { name: 'Diakui', exact: true }));
    await visible(recommendations.getByRole('cell', { name: 'Tidak diakui', exact: true }));
    await dispute.scrollIntoViewIfNeeded();
    await shot(page, 'rpl-committee-comparison');

    await page.getByRole('tab', { name: 'Keputusan' }).click();
    const form = page.getByRole('region', { name: 'Keputusan tim RPL' });
    await visible(form.getByText(`Praktisi: Tidak diakui (${disputed.practitionerScore})`));
    await visible(form.getByText(`Total ${proposedSks} SKS`));
    await form.getByRole('textbox', { name: `SKS akhir ${disputed.code}` }).fill('0');
    await visible(form.getByText(`Berbeda dari usulan (${disputed.sks} SKS)`));
    await form.getByRole('textbox', { name: `Alasan untuk ${disputed.code}` }).fill(disputed.reason);
    await visible(form.getByText(`Total ${decidedSks} SKS`));
    await shot(page, 'rpl-committee-decision');
    await form.getByRole('button', { name: 'Simpan keputusan' }).click();
    const confirm = page.getByRole('dialog', { name: 'Simpan keputusan?' });
    await visible(
      confirm.getByText(`${decidedSks} SKS diakui untuk ${proposed.length - 1} mata kuliah.`, {
        exact: false,
      }),
    );
    await confirm.getByRole('button', { name: 'Simpan keputusan' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await visible(page.getByText(`Keputusan tim RPL: ${decidedSks} SKS`));
    await visible(page.getByText('Menunggu validasi', { exact: true }).first());
    const decided = page.getByRole('table', { name: 'SKS per mata kuliah' });
    await visible(decided.getByRole('row').filter({ hasText: disputed.code }).getByText(disputed.reason));
    await shot(page, 'rpl-committee-decided');
  });

  it('lets the validator approve the decision', async () => {
    const page = await people.signIn('desktop', 'admin', staff.validator.email);
    await openCase(page);
    await visible(page.getByText(`Keputusan tim RPL: ${decidedSks} SKS`));
    await page.getByRole('button', { name: 'Setujui keputusan' }).click();
    const confirm = page.getByRole('dialog', { name: 'Setujui keputusan tim RPL?' });
    await confirm.getByRole('button', { name: 'Setujui keputusan' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await visible(page.getByText('Divalidasi, menunggu surat keputusan', { exact: true }).first());
    await visible(
      page.getByText(new RegExp(`^Oleh ${staff.committee.name}, .* · divalidasi ${staff.validator.name}, `)),
    );
    await shot(page, 'rpl-validator-approved');
  });

  it('lets the university admin issue the decree, whose PDF names the number, the courses and the SKS', async () => {
    const page = await people.signIn('desktop', 'admin', staff.committee.email);
    await openCase(page);
    await page.getByRole('button', { name: 'Terbitkan SK' }).click();
    const confirm = page.getByRole('dialog', { name: 'Terbitkan surat keputusan?' });
    await confirm.getByRole('button', { name: 'Terbitkan SK' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await visible(page.getByText('Surat keputusan terbit', { exact: true }).first());
    const documents = page.getByRole('region', { name: 'Dokumen' });
    const heading = documents.getByText(/^Surat keputusan \S/);
    await visible(heading);
    decreeNumber = ((await heading.textContent()) ?? '').replace(/^Surat keputusan /, '').trim();
    expect(decreeNumber).not.toBe('');
    await visible(documents.getByText(`Pengakuan: ${decidedSks} SKS`));
    await visible(documents.getByRole('link', { name: 'Periksa kredensial pengakuan' }));
    await shot(page, 'rpl-admin-decree');

    // The decree's own PDF (not the minutes'), fetched as the signed-in admin.
    const link = documents
      .getByRole('link', { name: 'Bahasa Indonesia (PDF)' })
      .and(page.locator('[href*="/api/rpl/decrees/"]'));
    const href = await link.getAttribute('href');
    expect(href).toBeTruthy();
    const response = await page.request.get(new URL(href ?? '', page.url()).toString());
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/pdf');
    const pdf = await response.body();
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await pdfText(pdf, 'sk-yohanes.pdf');
    expect(text).toContain(decreeNumber);
    expect(text).toContain(teacher.name);
    for (const course of proposed.filter((entry) => entry.code !== disputed.code))
      expect(text).toContain(course.code);
    expect(text).toContain(`perolehan ${decidedSks} satuan kredit semester (SKS)`);
  });

  it('shows the teacher the result per course, and the recognition in his wallet that verifies', async () => {
    const page = await people.signIn('phone', 'learner', teacher.email);
    await page.getByRole('link', { name: /^Notifikasi, \d+ belum dibaca$/ }).click();
    const notice = page.getByRole('link').filter({ hasText: 'RPL: surat keputusan terbit' });
    await visible(notice.getByText(decreeNumber, { exact: false }));
    await notice.click();
    await visible(page.getByRole('heading', { name: programme, level: 1 }));
    const result = page.getByRole('region', { name: 'Hasil keputusan' });
    await visible(result.getByText('SKS diakui dari 10 SKS yang diajukan'));
    const courses = result.getByRole('list', { name: 'Hasil per mata kuliah' });
    for (const course of proposed) {
      const item = courses.getByRole('listitem').filter({ hasText: course.code });
      if (course.code === disputed.code) {
        await visible(item.getByText('Tidak diakui', { exact: true }).first());
        await visible(item.getByText(disputed.reason, { exact: false }));
      } else {
        await visible(item.getByText(`Diakui ${course.sks} SKS`));
      }
    }
    await visible(result.getByText(`${decidedSks} dari 10 SKS`));
    await visible(result.getByText(`Nomor ${decreeNumber}`));
    await fitsThePhone(page);
    await shot(page, 'rpl-teacher-result');

    await page.getByRole('link', { name: 'Kredensial', exact: true }).click();
    const recognition = page.getByRole('article', {
      name: new RegExp(`^Pengakuan RPL — .*: ${decidedSks} SKS$`),
    });
    await visible(recognition.getByText(`${proposed.length - 1} mata kuliah diakui`));
    await visible(recognition.getByText(decreeNumber));
    await fitsThePhone(page);
    await shot(page, 'rpl-teacher-wallet-recognition');

    await recognition.getByRole('link', { name: 'Verifikasi', exact: true }).click();
    await page.waitForURL(/\/verify\/[^/]+$/);
    await visible(page.getByRole('heading', { name: 'Kredensial valid' }));
    await visible(page.getByText(teacher.name).first());
    await fitsThePhone(page);
    await shot(page, 'rpl-teacher-recognition-verified');
  });
});

/** Opens Yohanes's case from the person's own queue ("Tugas saya"), among the other teachers' cases. */
async function openCase(page: Page) {
  await page.getByRole('link', { name: 'Antrean RPL' }).click();
  await visible(page.getByRole('heading', { name: 'Antrean RPL', level: 1 }));
  const row = page.getByRole('row').filter({ hasText: teacher.name });
  await row.getByRole('link').first().click();
  await visible(page.getByRole('heading', { name: teacher.name, level: 1 }));
}

/**
 * Fills the assessor's form on the case's Asesmen tab: every CPMK judged on the four principles by
 * portfolio with a score, every course recommended; the practitioner parts ways on one course.
 * Then submits it.
 */
async function assess(page: Page, assessor: Assessor) {
  const form = page.getByRole('form', { name: /^Penilaian Anda sebagai/ });
  await visible(form);
  for (const course of proposed) {
    const isDisputed = assessor === staff.practitioner && course.code === disputed.code;
    const section = form.getByRole('region', { name: `${course.code} ${course.name}` });
    const judgements = section.getByRole('group', { name: new RegExp(`^Penilaian ${course.code} `) });
    await visible(judgements.first());
    expect(await judgements.count()).toBe(course.outcomes.length);
    for (let index = 0; index < course.outcomes.length; index++) {
      const judgement = judgements.nth(index);
      for (const principle of ['Valid', 'Asli', 'Terkini', 'Memadai']) {
        if (isDisputed && principle === 'Memadai') continue;
        await judgement.getByRole('checkbox', { name: principle, exact: true }).check();
      }
      await judgement.getByRole('combobox', { name: /^Metode/ }).selectOption({ label: 'Portofolio' });
      await judgement
        .getByRole('textbox', { name: /^Nilai/ })
        .fill(String(isDisputed ? disputed.practitionerScore : assessor.score));
    }
    await section.getByRole('radio', { name: isDisputed ? 'Tidak diakui' : 'Diakui', exact: true }).check();
    if (isDisputed)
      await section.getByRole('textbox', { name: 'Catatan asesor' }).fill(disputed.practitionerNotes);
    await visible(
      section.getByText(`Nilai ${isDisputed ? disputed.practitionerScore : assessor.score}`, { exact: true }),
    );
  }
  await shot(page, `rpl-${assessor === staff.academic ? 'academic' : 'practitioner'}-assessment`);
  await form.getByRole('button', { name: 'Serahkan penilaian' }).click();
  const confirm = page.getByRole('dialog', { name: 'Serahkan penilaian?' });
  await confirm.getByRole('button', { name: 'Serahkan penilaian' }).click();
  await confirm.waitFor({ state: 'hidden' });
}

/** The text of a PDF as pdftotext reads it, its whitespace collapsed (lines wrap anywhere). */
async function pdfText(pdf: Buffer, name: string): Promise<string> {
  const path = join(files, name);
  await writeFile(path, pdf);
  const { stdout } = await promisify(execFile)('/usr/bin/pdftotext', ['-enc', 'UTF-8', path, '-']);
  return stdout.replace(/\s+/g, ' ');
}

/**
 * The seeded credentials are issued by the queue after the platform starts, and the pathway award
 * they complete follows within seconds: look at the wallet again (a fresh load) until it is there.
 */
async function waitForPathwayAward(page: Page) {
  await page.getByRole('link', { name: 'Kredensial', exact: true }).click();
  const award = page.getByRole('article', { name: credentials.pathway });
  // The wallet has loaded when it shows his first credential, or says he has none yet (the queue
  // has not issued them yet): then look again.
  const loaded = page
    .getByRole('article', { name: credentials.robot })
    .or(page.getByRole('heading', { name: 'Belum ada kredensial' }));
  const deadline = Date.now() + 300_000;
  for (;;) {
    await visible(loaded.first());
    if (await award.isVisible()) break;
    if (Date.now() > deadline) throw new Error('the welding pathway was not awarded to Yohanes');
    await page.reload();
  }
  await visible(award.getByText('Berlaku', { exact: true }));
  await visible(page.getByRole('article', { name: credentials.inspector }));
}

async function openProgramme(page: Page) {
  await page.getByRole('link', { name: 'Kuliah RPL' }).click();
  await page.getByRole('link', { name: programme }).click();
  await visible(page.getByRole('heading', { name: programme, level: 1 }));
  await visible(page.getByText('Kredensial Anda dapat diakui hingga 10 SKS: 4 mata kuliah'));
}

/**
 * Nothing makes the page wider than the phone: a page that scrolls sideways also pushes the fixed
 * tab bar below the bottom edge.
 */
async function fitsThePhone(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, 'the page scrolls sideways').toBe(0);
}

/** One course in a list of courses (proposed or not), by its code and name as the teacher reads them. */
function courseItem(scope: Locator, course: { code: string; name: string }) {
  return scope
    .getByRole('listitem')
    .filter({ hasText: new RegExp(`${course.code} · Semester`) })
    .filter({ hasText: course.name });
}

/** Uploads a file in "2. Bukti lain" and waits until it is listed. */
async function uploadEvidence(page: Page, evidence: { title: string; file: string; bytes: Buffer }) {
  const section = page.getByRole('region', { name: '2. Bukti lain' });
  await writeFile(join(files, evidence.file), evidence.bytes);
  await section.getByRole('textbox', { name: /^Judul bukti/ }).fill(evidence.title);
  const chooser = page.waitForEvent('filechooser');
  await section.getByRole('button', { name: /^Berkas/ }).click();
  await (await chooser).setFiles(join(files, evidence.file));
  await visible(section.getByText(evidence.file));
  await section.getByRole('button', { name: 'Unggah bukti' }).click();
  await visible(page.getByText(`Bukti "${evidence.title}" diunggah.`));
  await visible(section.getByRole('link', { name: `Unduh ${evidence.title}` }));
  await shot(page, `rpl-teacher-evidence-${evidence.file.replace('.pdf', '')}`);
}

/** A one-page PDF with a line of text, its cross-reference table worked out (the API reads the bytes). */
function makePdf(text: string): Buffer {
  const content = `BT /F1 12 Tf 56 780 Td (${text.replace(/[()\\]/g, '\\$&')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, index) => {
    const offset = pdf.length;
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}
