// The provider's delivery tools as people use them (issue 13): attendance imported from a
// spreadsheet register with a preview of every row; the workshop held today, where teachers scan
// the day's QR code on their phones and the provider confirms their check-ins; and Kompeten on
// every unit for the whole class at once, one exception changed afterwards.
//
// Calls: the demo CNC training that ended yesterday (kmg-cnc-berjalan, four participants, nothing
// recorded) and the one-day CNC workshop held today (kmg-lokakarya-offset-cnc: Lina and Fajar).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openContext, type Platform, startPlatform } from '#platform.ts';
import { createPeople, PASSWORD, shot, visible } from '#ui.ts';

let platform: Platform;
let files: string;

beforeAll(async () => {
  platform = await startPlatform();
  files = await mkdtemp(join(tmpdir(), 'kmg-e2e-delivery-'));
});
afterAll(async () => {
  await platform?.stop();
  if (files) await rm(files, { recursive: true, force: true });
});

const people = createPeople('delivery', () => platform);
afterEach(({ task }) => people.closeAll(task.result?.state === 'fail'));

const cnc = 'Pemrograman dan Pengoperasian Mesin Bubut CNC';
const workshop = 'Lokakarya Penyetelan Offset Pahat Mesin Bubut CNC';

async function openPart(page: Page, call: string, link: string, heading: string) {
  await page.getByRole('link', { name: call }).first().click();
  await visible(page.getByRole('heading', { name: call, level: 1 }));
  await page.getByRole('tab', { name: 'Pelaksanaan' }).click();
  await visible(page.getByRole('heading', { name: 'Hasil pelatihan' }));
  await page
    .getByRole('navigation', { name: 'Bagian pelaksanaan' })
    .getByRole('link', { name: link, exact: true })
    .click();
  await visible(page.getByRole('heading', { name: heading, level: 3 }));
}

describe('delivery tools', () => {
  it('imports the register from a CSV file after a preview that shows every row and its problems', async () => {
    const page = await people.signIn('desktop', 'admin', 'penyelenggara@kmg.demo');
    await openPart(page, cnc, 'Kehadiran', 'Daftar hadir');
    const section = page.getByRole('region', { name: 'Impor dari berkas CSV' });

    // The sample lists every participant on every day that has happened, as Excel opens it.
    const href = await section.getByRole('link', { name: /^Unduh contoh/ }).getAttribute('href');
    const sample = decodeURIComponent((href ?? '').replace(/^data:text\/csv;charset=utf-8,/, ''));
    const lines = sample
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Nama;NUPTK;Tanggal;Status;Catatan');
    const rows = lines.slice(1);
    expect(rows.length % 4).toBe(0);
    const firstDay = rows[0]?.split(';')[2] ?? '';
    const [y, m, d] = firstDay.split('-');
    // Fajar came late on the first day (written day-first, as Indonesian Excel does); then two bad rows.
    const register = [
      lines[0],
      ...rows.map((row) =>
        row.startsWith('Fajar Ramadhan;') && row.includes(`;${firstDay};`)
          ? `Fajar Ramadhan;2171031104890012;${d}/${m}/${y};Terlambat;Ban bocor`
          : row,
      ),
      `Budi Setiawan;budi.setiawan@kmg.demo;${firstDay};Hadir;`,
      'Wahyu Nugroho;3374052203870011;01/01/2020;Hadir;',
    ].join('\r\n');
    const file = join(files, 'daftar-hadir.csv');
    await writeFile(file, `\uFEFF${register}\r\n`);

    const chooser = page.waitForEvent('filechooser');
    await section.getByRole('button', { name: /^Berkas kehadiran/ }).click();
    await (await chooser).setFiles(file);
    await section.getByRole('button', { name: 'Pratinjau' }).click();
    const valid = rows.length;
    await visible(section.getByText(`${valid} baris siap diimpor, 2 bermasalah dan akan dilewati.`));
    await visible(section.getByText('"budi.setiawan@kmg.demo" bukan peserta pelatihan ini.'));
    await visible(section.getByText('1 Januari 2020 bukan hari pelatihan.'));
    await visible(section.getByRole('row', { name: /Fajar Ramadhan.*Terlambat.*Ban bocor/ }));
    await shot(page, 'delivery-import-preview');

    await section.getByRole('button', { name: `Impor ${valid} baris` }).click();
    await visible(page.getByText(`${valid} catatan kehadiran diimpor.`));
    await visible(page.getByText('Semua kehadiran tersimpan.'));
    await visible(page.getByRole('row', { name: /^Wahyu Nugroho/ }).getByText('100%', { exact: true }));
    await visible(page.getByRole('row', { name: /^Fajar Ramadhan/ }).getByText('100%', { exact: true }));
    await shot(page, 'delivery-import-applied');
  });

  it('marks every unit Kompeten for the whole class, then one exception individually', async () => {
    const page = await people.signIn('desktop', 'admin', 'penyelenggara@kmg.demo');
    await openPart(page, cnc, 'Asesmen kompetensi', 'Asesmen kompetensi');
    const bulk = page.getByRole('region', { name: 'Penilaian massal' });
    await bulk.getByRole('checkbox', { name: 'Pilih semua peserta' }).check();
    await bulk.getByRole('button', { name: 'Tandai semua unit Kompeten (4 peserta)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tandai semua unit Kompeten?' });
    await visible(dialog.getByText(/^2 unit kompetensi untuk 4 peserta dinilai Kompeten/));
    await shot(page, 'delivery-bulk-confirm');
    await dialog.getByRole('button', { name: 'Tandai Kompeten' }).click();
    await visible(page.getByText('Semua unit 4 peserta dinilai Kompeten.'));
    const picker = page.getByRole('navigation', { name: 'Peserta yang dinilai' });
    for (const name of ['Wahyu Nugroho', 'Fajar Ramadhan', 'I Ketut Arsana', 'Lina Marlina'])
      await visible(picker.getByRole('button', { name: `${name} 2 dari 2 unit dinilai` }));

    // Lina's operation unit is the exception.
    await picker.getByRole('button', { name: /^Lina Marlina/ }).click();
    await visible(page.getByRole('heading', { name: 'Lina Marlina', level: 3 }));
    const form = page.getByRole('form', { name: 'C.282000.022.01 Mengoperasikan Mesin Bubut CNC' });
    await form.getByRole('radio', { name: 'Belum Kompeten', exact: true }).click();
    await form
      .getByRole('textbox', { name: 'Catatan asesor' })
      .fill('Belum menerapkan prosedur K3 saat mengganti pahat.');
    await form.getByRole('button', { name: 'Simpan penilaian unit' }).click();
    await visible(page.getByText('Penilaian C.282000.022.01 untuk Lina Marlina tersimpan.'));
    await visible(page.getByText('Tidak lulus').first());
    await shot(page, 'delivery-bulk-exception');
  });

  it('checks a teacher in with the QR code of today and lets the provider confirm it', async () => {
    const provider = await people.signIn('desktop', 'admin', 'penyelenggara@kmg.demo');
    await openPart(provider, workshop, 'Kehadiran', 'Daftar hadir');
    const panel = provider.getByRole('region', { name: 'Presensi dengan kode QR' });
    await panel.getByRole('button', { name: 'Tampilkan kode QR' }).click();
    const qr = provider.getByRole('img', { name: /^Kode QR presensi / });
    await visible(qr);
    const url = (await provider.getByTestId('check-in-link').textContent()) ?? '';
    expect(url).toMatch(/\/hadir\/[A-Za-z0-9_-]{43}$/);
    await shot(provider, 'delivery-qr-display');

    // Lina scans it on her phone, not signed in: she signs in and lands checked in.
    const lina = await people.anonymous('phone', 'lina');
    await lina.goto(url);
    await lina.getByLabel('Email atau NUPTK').fill('lina.marlina@kmg.demo');
    await lina.getByRole('textbox', { name: 'Kata sandi', exact: true }).fill(PASSWORD);
    await lina.getByRole('button', { name: 'Masuk', exact: true }).click();
    await visible(lina.getByRole('heading', { name: 'Presensi terkirim' }));
    await visible(lina.getByText(workshop));
    await shot(lina, 'delivery-teacher-checked-in');
    // Scanning again shows the same check-in.
    await lina.reload();
    await visible(lina.getByRole('heading', { name: 'Presensi terkirim' }));

    // Fajar, already signed in, scans too; a teacher without a seat is refused.
    const fajar = await people.signIn('phone', 'learner', 'fajar.ramadhan@kmg.demo');
    await fajar.goto(url);
    await visible(fajar.getByRole('heading', { name: 'Presensi terkirim' }));
    const outsider = await people.signIn('phone', 'learner', 'budi.setiawan@kmg.demo');
    await outsider.goto(url);
    await visible(
      outsider.getByText('Anda tidak terdaftar sebagai peserta pelatihan ini, jadi tidak dapat presensi.'),
    );
    await shot(outsider, 'delivery-teacher-not-seated');

    // The provider closes the code and confirms both at once.
    await provider.getByRole('button', { name: 'Tutup' }).click();
    await panel.getByRole('button', { name: 'Muat ulang' }).click();
    await visible(panel.getByText('2 presensi menunggu konfirmasi'));
    await shot(provider, 'delivery-check-ins-pending');
    await panel.getByRole('checkbox', { name: 'Pilih semua presensi' }).check();
    await panel.getByRole('button', { name: 'Konfirmasi 2 terpilih' }).click();
    await visible(provider.getByText('2 presensi dikonfirmasi dan tercatat hadir.'));
    await visible(panel.getByText('Belum ada presensi yang menunggu konfirmasi.'));
    await visible(provider.getByRole('row', { name: /^Lina Marlina/ }).getByText('100%', { exact: true }));
    await lina.reload();
    await visible(lina.getByRole('heading', { name: 'Kehadiran dikonfirmasi' }));
  });

  it('reads the same in English and on a phone', async () => {
    for (const kind of ['phone', 'desktop'] as const) {
      for (const language of ['id', 'en'] as const) {
        const context = await openContext(platform.browser, kind);
        const page = await context.newPage();
        try {
          await page.goto(`${platform.url}/admin`);
          await page.getByLabel('Email atau NUPTK').fill('penyelenggara@kmg.demo');
          await page.getByRole('textbox', { name: 'Kata sandi', exact: true }).fill(PASSWORD);
          await page.getByRole('button', { name: 'Masuk', exact: true }).click();
          await visible(page.getByRole('link', { name: workshop }).first());
          // The console remembers the choice on the account: switched here, back to ID after.
          await page.getByText(language === 'en' ? 'EN' : 'ID', { exact: true }).click();
          await page.getByRole('link', { name: workshop }).first().click();
          await visible(page.getByRole('heading', { name: workshop, level: 1 }));
          const delivery = language === 'en' ? 'Delivery' : 'Pelaksanaan';
          await page.getByRole('tab', { name: delivery }).click();
          const attendance = language === 'en' ? 'Attendance' : 'Kehadiran';
          await page
            .getByRole('navigation', {
              name: language === 'en' ? 'Parts of the delivery' : 'Bagian pelaksanaan',
            })
            .getByRole('link', { name: attendance, exact: true })
            .click();
          await visible(
            page.getByRole('region', {
              name: language === 'en' ? 'Check-in with a QR code' : 'Presensi dengan kode QR',
            }),
          );
          await shot(page, `delivery-attendance-${kind}-${language}`);
          await page
            .getByRole('button', { name: language === 'en' ? 'Show QR code' : 'Tampilkan kode QR' })
            .click();
          await visible(page.getByTestId('check-in-link'));
          await shot(page, `delivery-qr-${kind}-${language}`);
        } finally {
          if (language === 'en')
            await page
              .getByText('ID', { exact: true })
              .first()
              .click()
              .catch(() => {});
          await context.close();
        }
      }
    }
  });
});
