// A teacher locked out after too many wrong passwords gets back in on her phone: the lock's message
// leads to "Lupa kata sandi", the emailed link to a new password, and that password signs her in.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Platform, screenshot, startPlatform, waitForEmail } from '#platform.ts';
import { createPeople, visible } from '#ui.ts';

let platform: Platform;

beforeAll(async () => {
  platform = await startPlatform();
});
afterAll(() => platform?.stop());

const people = createPeople('password-reset', () => platform);
afterEach(({ task }) => people.closeAll(task.result?.state === 'fail'));

const teacher = { email: 'lina.marlina@kmg.demo', nuptk: '6202025512910014' };
const NEW_PASSWORD = 'sandi-baru-lina-2026';

describe('a forgotten password', () => {
  it('is reset from the locked sign-in through the emailed link, and the new one signs in', async () => {
    const page = await people.anonymous('phone', 'lina');
    await page.goto(`${platform.url}/masuk`);
    const identifier = page.getByLabel('Email atau NUPTK');
    const password = page.getByRole('textbox', { name: 'Kata sandi', exact: true });
    const signIn = page.getByRole('button', { name: 'Masuk', exact: true });
    await identifier.fill(teacher.nuptk);
    for (let attempt = 0; attempt < 6; attempt++) {
      await password.fill(`salah-sandi-${attempt}`);
      await signIn.click();
      await visible(page.getByRole('alert'));
      // Wait for the answer before the next try: the button is busy meanwhile.
      await expect.poll(() => signIn.isEnabled()).toBe(true);
    }
    await visible(page.getByRole('alert').getByText(/Akun dikunci sementara .* Coba lagi dalam \d+ detik/));
    await screenshot(page, 'learner-sign-in-locked');

    await page.getByRole('alert').getByRole('link', { name: 'atur ulang kata sandi' }).click();
    await visible(page.getByRole('heading', { name: 'Lupa kata sandi', level: 1 }));
    const address = page.getByLabel('Email atau NUPTK');
    await address.fill('lina.marlina@');
    await page.getByRole('button', { name: 'Kirim tautan' }).click();
    await visible(page.getByText('Alamat email tidak valid.'));
    await screenshot(page, 'learner-forgot-password-error');
    await address.fill(teacher.email);
    await page.getByRole('button', { name: 'Kirim tautan' }).click();
    await visible(page.getByText('Periksa email Anda'));
    await visible(page.getByText(/Jika ada akun dengan email atau NUPTK lina\.marlina@kmg\.demo/));
    await screenshot(page, 'learner-forgot-password-sent');

    const email = await waitForEmail(platform.mailDir, teacher.email, /Atur ulang kata sandi/);
    const link = email.match(/http\S+\/reset-password\?token=\S+/)?.[0];
    expect(link, email).toBeDefined();
    await page.goto(link!);
    await visible(page.getByRole('heading', { name: 'Buat kata sandi baru', level: 1 }));
    const fresh = page.getByRole('textbox', { name: 'Kata sandi baru', exact: true });
    const again = page.getByRole('textbox', { name: 'Ulangi kata sandi baru' });
    await fresh.fill('pendek');
    await again.fill('pendek-lain');
    await page.getByRole('button', { name: 'Simpan kata sandi' }).click();
    await visible(page.getByText('Kata sandi minimal 10 karakter.'));
    await visible(page.getByText('Kedua kata sandi tidak sama.'));
    await screenshot(page, 'learner-reset-password-errors');
    await fresh.fill(NEW_PASSWORD);
    await again.fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Simpan kata sandi' }).click();

    await visible(page.getByText('Kata sandi baru tersimpan. Silakan masuk dengan kata sandi baru.'));
    expect(new URL(page.url()).pathname).toBe('/masuk');
    await screenshot(page, 'learner-sign-in-after-reset');
    await page.getByLabel('Email atau NUPTK').fill(teacher.nuptk);
    await page.getByRole('textbox', { name: 'Kata sandi', exact: true }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await visible(page.getByRole('button', { name: /^Menu akun / }));

    // The link works once: opened again, it says so and offers a new one.
    const later = await people.anonymous('phone', 'lina-again');
    await later.goto(link!);
    await later.getByRole('textbox', { name: 'Kata sandi baru', exact: true }).fill(NEW_PASSWORD);
    await later.getByRole('textbox', { name: 'Ulangi kata sandi baru' }).fill(NEW_PASSWORD);
    await later.getByRole('button', { name: 'Simpan kata sandi' }).click();
    await visible(later.getByText('Tautan tidak berlaku'));
    await screenshot(later, 'learner-reset-password-invalid');
    await later.getByRole('link', { name: 'Minta tautan baru' }).click();
    await visible(later.getByRole('heading', { name: 'Lupa kata sandi', level: 1 }));
  });
});
