// Delivery and credentials as people do it (issue 4): the provider's staff record attendance and
// the competency assessment of a training that ended yesterday and submit the results; the program
// manager approves them and watches the credentials being issued; a participant finds the badge in
// the wallet, downloads it as Open Badges JSON and as a PDF certificate, and opens the verification
// page; the manager revokes it with a reason, which the public page then shows; a file whose name
// was changed by one character is rejected; and every link inside the credential (issuer, SKKNI
// unit, KKNI level, picture) leads to something a reviewer can read.
//
// The call is the demo training prepared for this (kmg-cnc-berjalan: ended yesterday, four seated
// teachers, two SKKNI units, the credential template "Operator Mesin Bubut CNC", nothing recorded).
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Platform, screenshotDir, startPlatform } from '#platform.ts';
import { createPeople, shot, visible } from '#ui.ts';

let platform: Platform;
let files: string;

beforeAll(async () => {
  platform = await startPlatform();
  files = await mkdtemp(join(tmpdir(), 'kmg-e2e-files-'));
});
afterAll(async () => {
  await platform?.stop();
  if (files) await rm(files, { recursive: true, force: true });
});

const people = createPeople('credentials', () => platform);
afterEach(({ task }) => people.closeAll(task.result?.state === 'fail'));

const call = 'Pemrograman dan Pengoperasian Mesin Bubut CNC';
const badge = 'Operator Mesin Bubut CNC';
const pathway = 'Pemesinan CNC dan Pengelasan Robotik';
const teacher = 'Wahyu Nugroho';
const participants = [teacher, 'Fajar Ramadhan', 'I Ketut Arsana', 'Lina Marlina'] as const;
const units = [
  { code: 'C.282000.021.01', title: 'Memprogram Mesin Bubut CNC' },
  { code: 'C.282000.022.01', title: 'Mengoperasikan Mesin Bubut CNC' },
] as const;
const evidenceLink = { name: 'Video uji praktik G-code', url: 'https://drive.google.com/file/d/kmg-cnc-uji' };
const evidenceFile = 'benda-kerja-wahyu.png';
const revocationReason = 'Sertifikat diterbitkan atas nama yang salah; diganti setelah verifikasi ulang.';

// What later steps need from earlier ones, as a person would carry it: the link and the file.
let verifyPath = '';
let downloadedJson = '';

describe('delivery and credentials from attendance to a rejected forgery', () => {
  it('lets provider staff record attendance and competency assessment, and submit the results', async () => {
    const page = await people.signIn('desktop', 'admin', 'penyelenggara@kmg.demo');
    await openDelivery(page);
    await visible(page.getByText('Hasil 4 peserta belum lengkap.'));

    // Attendance: the whole class was there every day, one tick per day. Then Fajar's first day is
    // unticked. The register reads the rule from the template (80%): with five training days he
    // still passes (4 of 5) and stays absent; when a Sunday falls in the week there are four days,
    // 3 of 4 is below the rule, the register says so before anything is saved, and he is ticked back.
    await deliveryPart(page, 'Kehadiran', 'Daftar hadir');
    const rule = await page.getByText(/^Syarat lulus: hadir minimal 80% hari pelatihan/).textContent();
    const [needed, days] = (/\((\d+) dari (\d+) hari\)/.exec(rule ?? '') ?? []).slice(1).map(Number);
    if (!needed || !days) throw new Error(`The completion rule is not shown: ${rule}`);
    const dayTicks = page.getByRole('checkbox', { name: /^Semua peserta hadir pada / });
    expect(await dayTicks.count()).toBe(days);
    for (const tick of await dayTicks.all()) await tick.check();
    const firstDay = (await dayTicks.first().getAttribute('aria-label'))?.replace(
      'Semua peserta hadir pada ',
      '',
    );
    const fajarFirstDay = page.getByRole('checkbox', { name: `Fajar Ramadhan hadir pada ${firstDay}` });
    const fajar = page.getByRole('row', { name: /^Fajar Ramadhan/ });
    await fajarFirstDay.uncheck();
    await visible(page.getByText('3 dari 4 hadir'));
    const fajarPercent = `${Math.round(((days - 1) / days) * 100)}%`;
    const absent = days - 1 >= needed;
    if (absent) {
      await visible(fajar.getByText(fajarPercent, { exact: true }));
    } else {
      await visible(fajar.getByText(fajarPercent));
      await visible(fajar.getByText('di bawah 80%', { exact: true }));
      await fajarFirstDay.check();
    }
    const records = 4 * days;
    await visible(page.getByText(`${records} catatan kehadiran belum disimpan.`));
    await page.getByRole('button', { name: 'Simpan kehadiran' }).click();
    await visible(page.getByText(`Kehadiran tersimpan (${records} catatan).`));
    await visible(page.getByText('Semua kehadiran tersimpan.'));
    await visible(fajar.getByText(absent ? fajarPercent : '100%', { exact: true }));
    await visible(page.getByRole('row', { name: /^Wahyu Nugroho/ }).getByText('100%', { exact: true }));
    await shot(page, 'credentials-provider-attendance');

    // Assessment: Kompeten on both units for everyone; Wahyu's with a link and a photo as evidence.
    await writeFile(join(files, evidenceFile), onePixelPng);
    await deliveryPart(page, 'Asesmen kompetensi', 'Asesmen kompetensi');
    const picker = page.getByRole('navigation', { name: 'Peserta yang dinilai' });
    for (const name of participants) {
      await picker.getByRole('button', { name: new RegExp(`^${name}`) }).click();
      await visible(page.getByRole('heading', { name, level: 3 }));
      for (const [index, unit] of units.entries()) {
        const form = page.getByRole('form', { name: `${unit.code} ${unit.title}` });
        await form.getByRole('radio', { name: 'Kompeten', exact: true }).click();
        let saved = `Penilaian ${unit.code} untuk ${name} tersimpan.`;
        if (name === teacher) {
          await form
            .getByRole('textbox', { name: 'Catatan asesor' })
            .fill('Program G-code dan benda kerja sesuai gambar kerja; toleransi terpenuhi.');
          if (index === 0) {
            await form.getByRole('button', { name: 'Tambah tautan' }).click();
            await form.getByRole('textbox', { name: /^Nama bukti 1/ }).fill(evidenceLink.name);
            await form.getByRole('textbox', { name: /^Tautan bukti 1/ }).fill(evidenceLink.url);
          } else {
            const chooser = page.waitForEvent('filechooser');
            await form.getByRole('button', { name: 'Pilih berkas bukti' }).click();
            await (await chooser).setFiles(join(files, evidenceFile));
            await visible(form.getByText(/PNG · .* · diunggah saat disimpan/));
            saved += ' 1 berkas bukti diunggah.';
          }
        }
        await form.getByRole('button', { name: 'Simpan penilaian unit' }).click();
        await visible(page.getByText(saved));
        if (name === teacher) {
          await visible(
            index === 0
              ? form.getByRole('link', { name: evidenceLink.name })
              : form.getByRole('link', { name: evidenceFile }),
          );
          if (index === 1) await shot(page, 'credentials-provider-assessment-evidence');
        }
      }
      await visible(picker.getByRole('button', { name: `${name} 2 dari 2 unit dinilai` }));
    }

    // The credential the participants will receive is there, with every EU element filled.
    await deliveryPart(page, 'Templat kredensial', 'Templat kredensial');
    expect(await page.getByRole('textbox', { name: /^Nama kredensial \(Indonesia\)/ }).inputValue()).toBe(
      badge,
    );
    const elements = page.getByRole('complementary', { name: 'Unsur kredensial mikro' });
    await visible(elements.getByText('KKNI level 3'));
    expect(await elements.getByText('Belum diisi').count()).toBe(0);
    await shot(page, 'credentials-provider-template');

    await deliveryPart(page, 'Peserta dan hasil', 'Hasil pelatihan');
    await visible(page.getByText('Hasil semua peserta sudah lengkap dan siap diajukan.'));
    await page.getByRole('button', { name: 'Ajukan hasil' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ajukan hasil pelatihan?' });
    await visible(dialog.getByText('4 peserta lulus'));
    await visible(dialog.getByText('0 peserta tidak lulus'));
    await shot(page, 'credentials-provider-submit');
    await dialog.getByRole('button', { name: 'Ajukan hasil' }).click();
    await visible(page.getByText('Hasil diajukan. Pengelola program akan meninjau dan menyetujuinya.'));
    await visible(page.getByText(/^Hasil diajukan .* dan menunggu persetujuan pengelola program\.$/));
  });

  it('lets the program manager approve the results and watch every credential being issued', async () => {
    const page = await people.signIn('desktop', 'admin', 'manajer@kmg.demo');
    await openDelivery(page);
    await visible(page.getByText(/^Hasil diajukan penyelenggara .* dan menunggu persetujuan Anda\.$/));
    await page.getByRole('button', { name: 'Setujui hasil' }).click();
    const dialog = page.getByRole('dialog', { name: 'Setujui hasil pelatihan?' });
    await visible(dialog.getByText(`4 kredensial "${badge}" akan diterbitkan`));
    await dialog.getByRole('button', { name: 'Setujui hasil' }).click();
    await visible(page.getByText('Hasil disetujui. Kredensial sedang diterbitkan.'));

    const issuance = page.getByRole('region', { name: 'Penerbitan kredensial' });
    // Signed in the background; the panel reads the progress again every few seconds.
    await visible(issuance.getByText('4 dari 4 kredensial diterbitkan'), 60_000);
    await visible(issuance.getByText('Semua kredensial sudah diterbitkan.'));
    const table = page.getByRole('table', { name: 'Peserta', exact: true });
    for (const name of participants) {
      await visible(
        table.getByRole('row', { name: new RegExp(`^${name}`) }).getByText('Aktif', { exact: true }),
      );
    }
    await shot(page, 'credentials-manager-issued');
  });

  it('completes a pathway for a participant who held its other component, without anyone awarding it', async () => {
    // Ketut earned the welding-robot credential in 2025; the CNC credential just issued completes
    // the (illustrative) pathway that stacks the two. The queue awards it within seconds.
    const page = await people.signIn('phone', 'learner', 'ketut.arsana@kmg.demo');
    await page.getByRole('link', { name: 'Kredensial', exact: true }).click();
    const card = page.getByRole('article', { name: pathway });
    // The wallet has loaded once the CNC credential shows; the award follows it within seconds,
    // so look again (a fresh load) until it is there.
    const loaded = page.getByRole('article', { name: badge });
    const deadline = Date.now() + 180_000;
    for (;;) {
      await visible(loaded);
      if (await card.isVisible()) break;
      if (Date.now() > deadline) throw new Error('the pathway credential did not appear in the wallet');
      await page.reload();
    }
    await visible(card.getByText('Berlaku', { exact: true }));
    for (const component of [badge, 'Operator Robot Las Industri'])
      await visible(card.getByText(component).first());
    await shot(page, 'credentials-pathway-wallet');

    const clr = await download(page, card.getByRole('button', { name: 'Unduh CLR (jalur dan penyusunnya)' }));
    const bundle = JSON.parse(clr.bytes.toString('utf8'));
    expect(bundle.type).toContain('ClrCredential');
    const embedded = bundle.credentialSubject.verifiableCredential as { id: string; name: string }[];
    expect(embedded).toHaveLength(3);
    const awardId = (embedded[0]?.id ?? '').replace('urn:uuid:', '');

    // Anyone with the link sees it valid, with each component checked on its own.
    const verifier = await people.anonymous('desktop', 'verifier');
    await verifier.goto(`${platform.url}/verify/${awardId}`);
    await visible(verifier.getByRole('heading', { name: 'Kredensial valid' }));
    const components = verifier.getByRole('region', { name: 'Kredensial penyusun' });
    for (const component of [badge, 'Operator Robot Las Industri']) {
      const row = components.getByRole('listitem').filter({ hasText: component });
      await visible(row.getByText('Kredensial valid'));
    }
    await shot(verifier, 'credentials-pathway-verify');

    // The downloaded bundle, uploaded: valid as a whole and per embedded credential.
    await writeFile(join(files, clr.name), clr.bytes);
    await verifier.goto(`${platform.url}/verify`);
    const chooser = verifier.waitForEvent('filechooser');
    await verifier.getByRole('button', { name: 'Pilih berkas', exact: true }).click();
    await (await chooser).setFiles(join(files, clr.name));
    await visible(verifier.getByText(/Semua 3 kredensial di dalamnya lolos/));
    await shot(verifier, 'credentials-pathway-clr-verified');
  });

  it('shows the teacher the badge in the wallet, with its JSON, its PDF and a valid verification', async () => {
    const page = await people.signIn('phone', 'learner', 'wahyu.nugroho@kmg.demo');
    await page.getByRole('link', { name: 'Kredensial', exact: true }).click();
    const card = page.getByRole('article', { name: badge });
    await visible(card);
    await visible(card.getByText('Berlaku', { exact: true }));
    await visible(card.getByRole('link', { name: call }));
    for (const unit of units) await visible(card.getByText(unit.code));
    await shot(page, 'credentials-teacher-wallet');

    const actions = card.getByRole('group', { name: `Tindakan untuk ${badge}` });
    const json = await download(page, actions.getByRole('link', { name: 'Unduh JSON' }));
    expect(json.name).toMatch(/^kmg-.*\.json$/);
    downloadedJson = json.bytes.toString('utf8');
    const credential = JSON.parse(downloadedJson);
    expect(credential.type).toContain('OpenBadgeCredential');
    // A Data Integrity proof (VC 2.0 allows one or a set).
    expect([credential.proof].flat()).toContainEqual(
      expect.objectContaining({
        type: 'DataIntegrityProof',
        cryptosuite: 'eddsa-rdfc-2022',
        proofValue: expect.stringMatching(/^z/),
      }),
    );
    expect(credential.credentialSubject.name).toBe(teacher);
    expect(credential.credentialSubject.achievement.name).toBe(badge);

    const pdf = await download(page, actions.getByRole('link', { name: 'Unduh PDF' }));
    expect(pdf.name).toMatch(/^sertifikat-kmg-.*\.pdf$/);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await readCertificate(pdf.bytes);
    expect(text).toContain(teacher);
    expect(text).toContain(badge);

    await actions.getByRole('link', { name: 'Verifikasi' }).click();
    await page.waitForURL(/\/verify\/[0-9a-f-]{36}$/);
    verifyPath = new URL(page.url()).pathname;
    await visible(page.getByRole('heading', { name: 'Kredensial valid' }));
    await visible(page.getByText(/^Kredensial ini asli: ditandatangani oleh PT Unggul Semesta/));
    const checks = page.getByRole('region', { name: 'Hasil pemeriksaan' });
    for (const check of [
      'Format Open Badges 3.0',
      'Tanda tangan digital',
      'Kunci penerbit',
      'Status pencabutan',
      'Masa berlaku',
    ]) {
      await visible(checks.getByText(`${check}: lolos`));
    }
    await visible(page.getByText(teacher).first());
    await shot(page, 'credentials-teacher-verify-valid');
  });

  it('lets the manager revoke the credential with a reason, which the public page then shows', async () => {
    const page = await people.signIn('desktop', 'admin', 'manajer@kmg.demo');
    await openDelivery(page);
    await page.getByRole('button', { name: teacher, exact: true }).click();
    const drawer = page.getByRole('dialog', { name: teacher });
    // The credential the teacher showed: its verification link is the one the teacher opened.
    const verifyLink = drawer.getByRole('link', { name: 'Lihat dan verifikasi' });
    await visible(verifyLink);
    expect(await verifyLink.getAttribute('href')).toBe(`${platform.url}${verifyPath}`);
    await drawer
      .getByRole('group', { name: `Tindakan untuk kredensial ${badge}` })
      .getByRole('button', { name: 'Cabut' })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Cabut kredensial ini secara permanen?' });
    await dialog.getByRole('textbox', { name: /^Alasan pencabutan/ }).fill(revocationReason);
    await shot(page, 'credentials-manager-revoke-dialog');
    await dialog.getByRole('button', { name: 'Cabut permanen' }).click();
    await visible(page.getByText('Kredensial dicabut.', { exact: true }));
    await dialog.waitFor({ state: 'hidden' });
    await visible(drawer.getByText(`Alasan: ${revocationReason}`));
    await visible(drawer.getByText('Dicabut', { exact: true }));
    await shot(page, 'credentials-manager-revoked');

    // Anyone with the link, signed in or not.
    const verifier = await people.anonymous('phone', 'verifier');
    await verifier.goto(`${platform.url}${verifyPath}`);
    await visible(verifier.getByRole('heading', { name: 'Kredensial dicabut' }));
    await visible(verifier.getByText('Penerbit telah mencabut kredensial ini, sehingga tidak berlaku lagi.'));
    await visible(verifier.getByText(`Alasan: ${revocationReason}`));
    const checks = verifier.getByRole('region', { name: 'Hasil pemeriksaan' });
    await visible(checks.getByText('Status pencabutan: gagal'));
    await visible(checks.getByText('Tanda tangan digital: lolos'));
    await shot(verifier, 'credentials-public-verify-revoked');
  });

  it('rejects a downloaded credential whose name was changed by one character', async () => {
    const tampered = downloadedJson.replace(`"${teacher}"`, '"Wahyu Nugraho"');
    expect(tampered).not.toBe(downloadedJson);
    expect(tampered.length).toBe(downloadedJson.length);
    await writeFile(join(files, 'kredensial-wahyu.json'), tampered);

    const page = await people.anonymous('desktop', 'verifier');
    await page.goto(`${platform.url}/verify`);
    await visible(page.getByRole('heading', { name: 'Verifikasi berkas kredensial', level: 1 }));
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Pilih berkas', exact: true }).click();
    await (await chooser).setFiles(join(files, 'kredensial-wahyu.json'));
    await visible(page.getByText('Berkas kredensial-wahyu.json dimuat.'));
    await visible(page.getByRole('heading', { name: 'Kredensial tidak valid' }));
    await visible(
      page.getByText(/^Kredensial ini tidak dapat dipercaya\. Pemeriksaan yang gagal: .*tanda tangan/),
    );
    const checks = page.getByRole('region', { name: 'Hasil pemeriksaan' });
    await visible(checks.getByText('Tanda tangan digital: gagal'));
    await visible(
      checks.getByText('Isinya diubah setelah ditandatangani, atau ditandatangani dengan kunci lain.'),
    );
    await shot(page, 'credentials-public-verify-tampered');

    // The untouched file, pasted: genuine, and revoked.
    await page.getByRole('textbox', { name: /^JSON kredensial/ }).fill(downloadedJson);
    await page.getByRole('button', { name: 'Verifikasi', exact: true }).click();
    await visible(page.getByRole('heading', { name: 'Kredensial dicabut' }));
    await visible(page.getByText(`Alasan: ${revocationReason}`));
    await shot(page, 'credentials-public-verify-original');
  });

  it('leads every link inside the credential to a page a reviewer can read', async () => {
    const credential = JSON.parse(downloadedJson);
    const { achievement } = credential.credentialSubject;
    const alignment = (framework: string) =>
      achievement.alignment.find((entry: { targetFramework: string }) => entry.targetFramework === framework);
    const path = (url: string) => new URL(url).pathname;
    const page = await people.anonymous('phone', 'reviewer');

    await page.goto(`${platform.url}${path(credential.issuer.url)}`);
    await visible(page.getByRole('heading', { name: 'PT Unggul Semesta', level: 1 }));
    await visible(page.getByText(credential.issuer.id));
    await shot(page, 'credentials-link-issuer');

    const unit = alignment('SKKNI');
    await page.goto(`${platform.url}${path(unit.targetUrl)}`);
    await visible(page.getByRole('heading', { name: unit.targetName, level: 1 }));
    await visible(page.getByRole('link', { name: call }));
    await shot(page, 'credentials-link-skkni');

    await page.goto(`${platform.url}${path(alignment('KKNI').targetUrl)}`);
    await visible(page.getByRole('heading', { name: 'KKNI jenjang 3', level: 1 }));

    const picture = await page.request.get(achievement.image.id);
    expect(picture.headers()['content-type']).toMatch(/^image\/svg\+xml/);
    expect(await picture.text()).toContain(`<title>${badge}</title>`);
  });
});

/** Opens the call from the calls list and its "Pelaksanaan" tab, on the participants and results. */
async function openDelivery(page: Page) {
  await page.getByRole('link', { name: call }).first().click();
  await visible(page.getByRole('heading', { name: call, level: 1 }));
  await page.getByRole('tab', { name: 'Pelaksanaan' }).click();
  await visible(page.getByRole('tab', { name: 'Pelaksanaan', selected: true }));
  await visible(page.getByRole('heading', { name: 'Hasil pelatihan' }));
}

/** One part of the delivery, by its link in "Bagian pelaksanaan", once its heading shows. */
async function deliveryPart(page: Page, link: string, heading: string) {
  await page
    .getByRole('navigation', { name: 'Bagian pelaksanaan' })
    .getByRole('link', { name: link, exact: true })
    .click();
  await visible(page.getByRole('heading', { name: heading, level: 3 }));
}

/** Clicks a download link and returns the file as the browser saved it. */
async function download(page: Page, link: import('playwright-core').Locator) {
  const started = page.waitForEvent('download');
  await link.click();
  const file = await started;
  const path = join(files, file.suggestedFilename());
  await file.saveAs(path);
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

/**
 * The certificate's text as a reader gets it (poppler's pdftotext), and its first page as a picture
 * beside the screenshots (pdftoppm), so a person can look at what the teacher prints.
 */
async function readCertificate(bytes: Buffer): Promise<string> {
  const path = join(files, 'sertifikat.pdf');
  await writeFile(path, bytes);
  const run = promisify(execFile);
  try {
    await run('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-singlefile',
      path,
      join(screenshotDir, 'credentials-certificate'),
    ]);
    const { stdout } = await run('pdftotext', ['-layout', path, '-']);
    return stdout.replace(/\s+/g, ' ');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error(
        'pdftotext and pdftoppm are needed to read the certificate (apt-get install -y poppler-utils)',
      );
    throw error;
  }
}

/** The smallest PNG there is: one transparent pixel (the API checks what a file really is). */
const onePixelPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
