// Selection as people do it (issue 3): a teacher on a phone sees whether she may apply, and applies;
// her principal endorses; two reviewers score; the program manager previews the selection with the
// reason for every outcome and commits it; one accepted teacher confirms, another declines, and the
// first teacher on the waitlist gets the seat.
//
// Only a call whose applications have closed can be committed, and a call the test applies to is
// still open. So applying, endorsing and scoring happen on an open reviewed call
// (kmg-open-robot-las-lanjut), and the selection on the demo call prepared for it
// (kmg-seleksi-mekatronika: 3 seats, at most 2 per school, minimum score 50, six endorsed
// applications that both reviewers have scored).
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Platform, startPlatform } from '#platform.ts';
import { createPeople, scoreApplication, shot, visible } from '#ui.ts';

let platform: Platform;

beforeAll(async () => {
  platform = await startPlatform();
});
afterAll(() => platform?.stop());

// Each step closes everyone's browser; a failed step first keeps a picture of what each person saw.
const people = createPeople('selection', () => platform);
afterEach(({ task }) => people.closeAll(task.result?.state === 'fail'));

const openCall = 'Pemrograman Robot Las Lanjutan untuk Guru SMK';
const automationCall = 'Otomasi Industri dengan PLC dan HMI';
const selectionCall = 'Pemrograman Robot Industri dan Mekatronika';
const principalNote = 'Aktif membina bengkel las dan siap mengimbaskan.';

describe('selection from application to a confirmed seat', () => {
  it('shows a teacher on a phone why she may not apply to one call, and lets her apply to another', async () => {
    const page = await people.signIn('phone', 'learner', 'guru@kmg.demo');
    // Sri Wahyuni teaches welding; this call is for automation teachers, and the page says so.
    await searchAndOpen(page, 'PLC', automationCall);
    const apply = page.getByRole('region', { name: 'Daftar pelatihan ini' });
    await visible(apply.getByText('Anda belum memenuhi syarat pelatihan ini:'));
    await visible(
      apply.getByText(
        'Pelatihan ini untuk guru mata pelajaran/kompetensi: Teknik Otomasi Industri, Mekatronika, Teknik Elektronika Industri.',
      ),
    );
    expect(await apply.getByRole('button', { name: 'Kirim pendaftaran' }).count()).toBe(0);
    await shot(page, 'selection-learner-not-eligible');

    await page.getByRole('link', { name: 'Semua pelatihan' }).click();
    await searchAndOpen(page, 'Robot Las', openCall);
    await visible(apply.getByText(/memerlukan rekomendasi kepala sekolah Anda/));
    await apply
      .getByRole('textbox', { name: /^Motivasi/ })
      .fill(
        'Saya mengampu praktik pengelasan dan ingin memprogram robot las secara offline di bengkel sekolah, ' +
          'lalu mengimbaskan praktik industri ini kepada rekan guru dan menyusun job sheet baru untuk siswa.',
      );
    await apply.getByRole('button', { name: 'Kirim pendaftaran' }).click();
    const applied = page.getByRole('region', { name: 'Pendaftaran Anda' });
    await visible(applied.getByText(/^Menunggu rekomendasi kepala sekolah Anda, paling lambat/));
    await shot(page, 'selection-learner-applied');
  });

  it("lets the teacher's principal endorse the application in Sekolah saya", async () => {
    const page = await people.signIn('phone', 'learner', 'kepsek@kmg.demo');
    await page.getByRole('link', { name: 'Sekolah saya' }).first().click();
    const card = page
      .getByRole('article', { name: 'Sri Wahyuni' })
      .filter({ has: page.getByRole('link', { name: openCall }) });
    await visible(card);
    await shot(page, 'selection-principal-pending');
    await card.getByRole('button', { name: 'Rekomendasikan' }).click();
    const dialog = page.getByRole('dialog', { name: 'Rekomendasikan Sri Wahyuni?' });
    await dialog.getByRole('textbox', { name: 'Catatan untuk guru' }).fill(principalNote);
    await dialog.getByRole('button', { name: 'Rekomendasikan' }).click();
    await visible(page.getByText(`Sri Wahyuni direkomendasikan untuk “${openCall}”.`));

    await page.getByRole('tab', { name: 'Sudah diputuskan' }).click();
    await visible(card.getByText('Direkomendasikan, dalam seleksi'));
    await visible(card.getByText(`Catatan Anda: ${principalNote}`));
    await shot(page, 'selection-principal-endorsed');
  });

  it('lets two reviewers score the endorsed application in Penilaian', async () => {
    for (const [reviewer, [motivation, relevance, experience], total] of [
      ['penilai@kmg.demo', [5, 4, 4], '90'],
      ['penilai2@kmg.demo', [4, 4, 3], '76,67'],
    ] as const) {
      const page = await people.signIn('desktop', 'admin', reviewer);
      await page.getByRole('link', { name: 'Penilaian', exact: true }).click();
      await page.getByRole('link', { name: openCall }).click();
      await visible(page.getByRole('heading', { name: 'Sri Wahyuni' }));
      await visible(page.getByText(principalNote));
      await scoreApplication(page, {
        'Motivasi dan rencana pengimbasan': motivation,
        'Relevansi dengan bidang ajar': relevance,
        'Pengalaman dan kesiapan': experience,
      });
      await visible(page.getByText(`Nilai tertimbang ${total}.`, { exact: false }));
      await visible(page.getByRole('navigation', { name: 'Pendaftar' }).getByText(total, { exact: true }));
      await shot(page, `selection-review-${reviewer.split('@')[0]}`);
    }
  });

  it('shows the manager both scores in, and refuses to commit while applications are open', async () => {
    const page = await people.signIn('desktop', 'admin', 'manajer@kmg.demo');
    await openSelectionTab(page, openCall);
    await visible(page.getByRole('progressbar', { name: '100% pendaftar dinilai lengkap' }));
    const preview = page.getByRole('table', { name: 'Pratinjau hasil' });
    // The mean of 90 and 76,67.
    await visible(preview.getByRole('row', { name: /Sri Wahyuni .* 83,34 .*Peringkat 1: mendapat kursi/ }));
    // The button stays off while applications are open, and says why (its accessible description).
    const commit = page.getByRole('button', { name: 'Tetapkan hasil seleksi' });
    expect(await commit.isDisabled()).toBe(true);
    const why = await commit.getAttribute('aria-describedby');
    expect(why).toBeTruthy();
    expect(await page.locator(`[id="${why}"]`).textContent()).toMatch(
      /^Seleksi dapat ditetapkan setelah pendaftaran ditutup\. Batas pendaftaran: /,
    );
    await shot(page, 'selection-manager-too-early');
  });

  it('lets the manager preview the selection with a reason for each outcome, and commit it', async () => {
    const page = await people.signIn('desktop', 'admin', 'manajer@kmg.demo');
    await openSelectionTab(page, selectionCall);
    await visible(page.getByRole('progressbar', { name: '100% pendaftar dinilai lengkap' }));
    const preview = page.getByRole('table', { name: 'Pratinjau hasil' });
    // Budi and Eko share a school (the cap of 2 is not reached); Andi is below the minimum of 50.
    for (const [teacher, score, reason] of [
      ['Budi Setiawan', '91,67', 'Peringkat 1: mendapat kursi'],
      ['Dewi Lestari', '86,67', 'Peringkat 2: mendapat kursi'],
      ['Eko Prasetyo', '71,67', 'Peringkat 3: mendapat kursi'],
      ['Rudi Hermawan', '60', 'Peringkat 4, daftar tunggu 1: Semua kursi sudah terisi'],
      ['Yohanes Tanaem', '53,34', 'Peringkat 5, daftar tunggu 2: Semua kursi sudah terisi'],
      ['Andi Rahman', '38,33', 'Skor seleksi di bawah batas minimal'],
    ] as const) {
      await visible(preview.getByRole('row', { name: new RegExp(`${teacher} .* ${score} .*${reason}$`) }));
    }
    const counts = page.getByRole('group', { name: 'Jumlah per hasil' });
    for (const count of ['3 mendapat kursi', '2 daftar tunggu', '1 tidak terpilih']) {
      await visible(counts.getByText(count));
    }
    await shot(page, 'selection-manager-preview');

    await page.getByRole('button', { name: 'Tetapkan hasil seleksi' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tetapkan hasil seleksi?' });
    await visible(dialog.getByText('3 guru mendapat kursi dan diminta mengonfirmasi'));
    await visible(dialog.getByText('2 guru masuk daftar tunggu'));
    await visible(dialog.getByText('1 guru tidak terpilih'));
    await dialog.getByRole('button', { name: 'Tetapkan hasil seleksi' }).click();
    await visible(page.getByText('Hasil seleksi ditetapkan. Pendaftar sedang diberi tahu.'));
    await visible(page.getByText('Kursi terisi: 3 dari 3'));
    await visible(page.getByText('Daftar tunggu: 2 guru'));
    await shot(page, 'selection-manager-committed');
  });

  it('lets an accepted teacher confirm the seat', async () => {
    const page = await people.signIn('phone', 'learner', 'budi.setiawan@kmg.demo');
    const card = await myApplication(page, selectionCall);
    await visible(card.getByText('Selamat, Anda terpilih!'));
    await card.getByRole('button', { name: 'Konfirmasi kursi' }).click();
    await visible(page.getByText(`Kursi Anda untuk “${selectionCall}” sudah dikonfirmasi.`));
    await visible(card.getByText('Kursi Anda sudah dikonfirmasi. Sampai jumpa di pelatihan!'));
    await shot(page, 'selection-learner-confirmed');
  });

  it('lets another accepted teacher decline, and moves the waitlist up', async () => {
    const dewi = await people.signIn('phone', 'learner', 'dewi.lestari@kmg.demo');
    const card = await myApplication(dewi, selectionCall);
    await visible(card.getByText('Selamat, Anda terpilih!'));
    await card.getByRole('button', { name: 'Tolak kursi' }).click();
    const dialog = dewi.getByRole('dialog', { name: 'Tolak kursi ini?' });
    await dialog.getByRole('button', { name: 'Tolak kursi' }).click();
    await visible(dewi.getByText(`Anda menolak kursi untuk “${selectionCall}”.`));
    await visible(card.getByText('Anda menolak kursi pelatihan ini.'));
    await shot(dewi, 'selection-learner-declined');

    // First on the waitlist: told of the seat, and takes it.
    const rudi = await people.signIn('phone', 'learner', 'rudi.hermawan@kmg.demo');
    await rudi.getByRole('link', { name: /^Notifikasi, \d+ belum dibaca$/ }).click();
    await visible(rudi.getByText('Kursi tersedia untuk Anda'));
    await visible(
      rudi.getByText(`Sebuah kursi di "${selectionCall}" kini menjadi milik Anda.`, { exact: false }),
    );
    await shot(rudi, 'selection-learner-promoted-notice');
    const rudiCard = await myApplication(rudi, selectionCall);
    await visible(rudiCard.getByText('Selamat, Anda terpilih!'));
    await rudiCard.getByRole('button', { name: 'Konfirmasi kursi' }).click();
    await visible(rudiCard.getByText('Kursi Anda sudah dikonfirmasi. Sampai jumpa di pelatihan!'));
    await shot(rudi, 'selection-learner-promoted-confirmed');

    // Second on the waitlist: now first.
    const yohanes = await people.signIn('phone', 'learner', 'yohanes.tanaem@kmg.demo');
    const yohanesCard = await myApplication(yohanes, selectionCall);
    await visible(yohanesCard.getByText('Anda berada di daftar tunggu, urutan ke-1.', { exact: false }));
    await shot(yohanes, 'selection-learner-waitlisted');
  });

  it("shows the manager the seats after the moves, and the promoted teacher's history", async () => {
    const page = await people.signIn('desktop', 'admin', 'manajer@kmg.demo');
    await openSelectionTab(page, selectionCall);
    await visible(page.getByText('Kursi terisi: 3 dari 3'));
    await visible(page.getByText('Daftar tunggu: 1 guru'));
    await shot(page, 'selection-manager-after-moves');

    await page.getByRole('tab', { name: 'Rincian dan pendaftar' }).click();
    await page.getByRole('button', { name: 'Rudi Hermawan' }).click();
    const history = page
      .getByRole('dialog', { name: 'Rudi Hermawan' })
      .getByRole('region', { name: 'Riwayat' });
    for (const step of ['Masuk daftar tunggu', 'Naik dari daftar tunggu', 'Kursi dikonfirmasi']) {
      await visible(history.getByText(step, { exact: true }));
    }
    await history.scrollIntoViewIfNeeded();
    await shot(page, 'selection-manager-history');
  });
});

async function searchAndOpen(page: Page, query: string, title: string) {
  await page.getByRole('searchbox', { name: 'Cari pelatihan' }).fill(query);
  // The list searches after a pause; open the call from the results of this search.
  await page.waitForURL((url) => url.searchParams.get('q') === query);
  await page.getByRole('link', { name: title }).click();
  await visible(page.getByRole('heading', { name: title, level: 1 }));
}

async function openSelectionTab(page: Page, title: string) {
  await page.getByRole('link', { name: title }).first().click();
  await visible(page.getByRole('heading', { name: title, level: 1 }));
  await page.getByRole('tab', { name: 'Seleksi' }).click();
  await visible(page.getByRole('tab', { name: 'Seleksi', selected: true }));
}

/** The teacher's card for one call on "Pendaftaran saya". */
async function myApplication(page: Page, title: string) {
  await page.getByRole('link', { name: 'Pendaftaran saya' }).first().click();
  const card = page.getByRole('article').filter({ has: page.getByRole('link', { name: title }) });
  await visible(card);
  return card;
}
