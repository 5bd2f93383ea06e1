// A principal reads a teacher's earlier KMG trainings and credentials before endorsing, endorses,
// then takes the decision back in "Sekolah saya": the application awaits a decision again and the
// history keeps both.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Platform, screenshotDir, startPlatform } from '#platform.ts';
import { createPeople, shot, visible } from '#ui.ts';

let platform: Platform;

beforeAll(async () => {
  platform = await startPlatform();
});
afterAll(() => platform?.stop());

const people = createPeople('principal', () => platform);
afterEach(({ task }) => people.closeAll(task.result?.state === 'fail'));

const openCall = 'Pemrograman Robot Las Lanjutan untuk Guru SMK';
const pastTraining = 'Pelatihan Pengoperasian Robot Las Industri';

describe('the school figures', () => {
  it('hold their place while they load: the endorsements below do not move when they arrive', async () => {
    const page = await people.signIn('phone', 'learner', 'kepsek@kmg.demo');
    // The figures' answer is held back until the endorsements are on the screen, as on a slow line.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/graphql', async (route) => {
      if (route.request().postData()?.includes('query SchoolFigures')) await held;
      await route.continue();
    });
    await page.getByRole('link', { name: 'Sekolah saya' }).first().click();
    const tabs = page.getByRole('tablist', { name: 'Pendaftaran yang ditampilkan' });
    await visible(page.getByRole('article').first());
    const before = await tabs.boundingBox();
    release();
    await visible(
      page.getByRole('region', { name: 'Angka sekolah' }).getByText('Pendaftaran', { exact: true }).first(),
    );
    const after = await tabs.boundingBox();
    // Within a line or so of text: the labels wrap as they will, and the "as of" sentence the frame
    // keeps room for is missing until the figures are first computed. Without the frame, some 600 px.
    expect(Math.abs((after?.y ?? 0) - (before?.y ?? 0))).toBeLessThan(32);
  });
});

describe('a principal deciding an endorsement', () => {
  it('lets the teacher apply to a call that needs her principal', async () => {
    const page = await people.signIn('phone', 'learner', 'guru@kmg.demo');
    await page.getByRole('searchbox', { name: 'Cari pelatihan' }).fill('Robot Las');
    await page.waitForURL((url) => url.searchParams.get('q') === 'Robot Las');
    await page.getByRole('link', { name: openCall }).click();
    const apply = page.getByRole('region', { name: 'Daftar pelatihan ini' });
    await apply
      .getByRole('textbox', { name: /^Motivasi/ })
      .fill(
        'Saya mengampu praktik pengelasan dan ingin memprogram robot las secara offline di bengkel sekolah, ' +
          'lalu mengimbaskan praktik industri ini kepada rekan guru dan menyusun job sheet baru untuk siswa.',
      );
    await apply.getByRole('button', { name: 'Kirim pendaftaran' }).click();
    await visible(page.getByRole('region', { name: 'Pendaftaran Anda' }));
  });

  it('shows her record, endorses, and undoes the endorsement with the history kept', async () => {
    const page = await people.signIn('phone', 'learner', 'kepsek@kmg.demo');
    await page.getByRole('link', { name: 'Sekolah saya' }).first().click();
    const card = cardOf(page);
    await visible(card);
    await card.getByRole('button', { name: 'Riwayat Sri Wahyuni' }).click();
    await visible(card.getByText(pastTraining));
    await visible(card.getByText('Operator Robot Las Industri'));
    await visible(card.getByText('Berlaku'));
    await visible(card.getByText('Belum ada keputusan.'));
    await shot(page, 'principal-record-360-id');

    await card.getByRole('button', { name: 'Rekomendasikan Sri Wahyuni' }).click();
    const endorse = page.getByRole('dialog', { name: 'Rekomendasikan Sri Wahyuni?' });
    await endorse.getByRole('button', { name: 'Rekomendasikan' }).click();
    await visible(page.getByText(`Sri Wahyuni direkomendasikan untuk “${openCall}”.`));

    await page.getByRole('tab', { name: 'Sudah diputuskan' }).click();
    await visible(card.getByText('Direkomendasikan, dalam seleksi'));
    await visible(card.getByText(/^Dapat dibatalkan sampai /));
    await shot(page, 'principal-decided-360-id');
    await card.getByRole('button', { name: 'Batalkan keputusan untuk Sri Wahyuni' }).click();
    const undo = page.getByRole('dialog', { name: 'Batalkan keputusan untuk Sri Wahyuni?' });
    await visible(undo.getByText(/Keputusan sebelumnya tetap tercatat dalam riwayat/));
    await page.screenshot({ path: join(screenshotDir, 'principal-undo-dialog-360-id.png') });
    await undo.getByRole('button', { name: 'Ya, batalkan keputusan' }).click();
    await visible(
      page.getByText(
        'Keputusan untuk Sri Wahyuni dibatalkan; pendaftarannya kembali menunggu keputusan Anda.',
      ),
    );

    // Back among those awaiting a decision, with both steps in its history.
    await page.getByRole('tab', { name: 'Menunggu rekomendasi' }).click();
    await visible(card.getByRole('button', { name: 'Rekomendasikan Sri Wahyuni' }));
    await card.getByRole('button', { name: 'Riwayat Sri Wahyuni' }).click();
    await visible(card.getByText(/^Direkomendasikan oleh Agus Santoso/));
    await visible(card.getByText(/^Keputusan dibatalkan oleh Agus Santoso/));
    await shot(page, 'principal-history-360-id');

    // The same on a wide screen, in English.
    const desktop = await people.signIn('desktop', 'learner', 'kepsek@kmg.demo');
    await desktop.getByRole('link', { name: 'Sekolah saya' }).first().click();
    const wide = cardOf(desktop);
    await wide.getByRole('button', { name: 'Riwayat Sri Wahyuni' }).click();
    await visible(wide.getByText(/^Keputusan dibatalkan oleh Agus Santoso/));
    await shot(desktop, 'principal-history-1280-id');
    await desktop.getByText('EN', { exact: true }).click();
    await visible(wide.getByText('Industrial Welding Robot Operator'));
    await visible(wide.getByText(/^Decision undone by Agus Santoso/));
    expect(await wide.getByText('Valid').count()).toBeGreaterThan(0);
    await shot(desktop, 'principal-history-1280-en');

    // The phone follows the account's new language; the decided list offers the undo in English.
    await page.reload();
    await page.getByRole('tab', { name: 'Decided' }).click();
    const undoBudi = page.getByRole('button', { name: 'Undo decision for Budi Setiawan' }).first();
    await visible(undoBudi);
    await undoBudi.click();
    const undoEn = page.getByRole('dialog', { name: 'Undo the decision for Budi Setiawan?' });
    await visible(undoEn.getByText(/The earlier decision stays in the history/));
    await page.screenshot({ path: join(screenshotDir, 'principal-undo-dialog-360-en.png') });
    await undoEn.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('tab', { name: 'Awaiting endorsement' }).click();
    await cardOf(page).getByRole('button', { name: "Sri Wahyuni's record" }).click();
    await visible(cardOf(page).getByText(/^Decision undone by Agus Santoso/));
    await shot(page, 'principal-history-360-en');
  });
});

/** Sri Wahyuni's card for the open welding call. */
function cardOf(page: Page) {
  return page
    .getByRole('article', { name: 'Sri Wahyuni' })
    .filter({ has: page.getByRole('link', { name: openCall }) });
}
