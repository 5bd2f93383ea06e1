// Issue 13, "fields show errors before any input", on the forms besides the call form: a person who
// passes through an empty field sees no message; a field they changed says what is wrong when they
// leave it; trying to save shows every message at once.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Platform, startPlatform } from '#platform.ts';
import { createPeople, shot, visible } from '#ui.ts';

let platform: Platform;

beforeAll(async () => {
  platform = await startPlatform();
});
afterAll(() => platform?.stop());

const people = createPeople('form-errors', () => platform);
afterEach(({ task }) => people.closeAll(task.result?.state === 'fail'));

const invalidFields = (page: Page) => page.locator('form [aria-invalid="true"]');

describe('form messages wait for input', () => {
  it('the staff account form (admin) says nothing until a field is changed or saving is tried', async () => {
    const page = await people.signIn('desktop', 'admin', 'admin@kmg.demo');
    await page.goto(`${platform.url}/admin/akun`);
    const name = page.getByRole('textbox', { name: /^Nama lengkap/ });
    const email = page.getByRole('textbox', { name: /^Email/ });
    await visible(name);

    // Tabbing through the empty form.
    await name.focus();
    await email.focus();
    await page.getByRole('textbox', { name: /^Kata sandi awal/ }).focus();
    await page.getByRole('heading', { level: 1 }).click();
    expect(await invalidFields(page).count()).toBe(0);

    // A field the person changed speaks when they leave it.
    await email.fill('bukan-email');
    await email.blur();
    await visible(page.locator('form [aria-invalid="true"]').first());
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    expect(await name.getAttribute('aria-invalid')).not.toBe('true');

    // Trying to create the account shows every message.
    await page.getByRole('button', { name: 'Buat akun' }).click();
    await page.waitForFunction(() => document.querySelectorAll('form [aria-invalid="true"]').length >= 3);
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    await shot(page, 'form-errors-staff-after-save-desktop');
  });

  it('the registration form (learner, phone) says nothing until a field is changed or saving is tried', async () => {
    const page = await people.anonymous('phone', 'new-teacher');
    await page.goto(`${platform.url}/daftar`);
    const name = page.getByRole('textbox', { name: /^Nama lengkap/ });
    const email = page.getByRole('textbox', { name: /^Email/ });
    await visible(name);

    await name.focus();
    await page.getByRole('textbox', { name: /^NUPTK/ }).focus();
    await email.focus();
    await page.getByRole('textbox', { name: /^NPSN sekolah/ }).focus();
    await page.getByRole('heading', { name: 'Daftar akun guru', level: 1 }).click();
    expect(await invalidFields(page).count()).toBe(0);
    await shot(page, 'form-errors-register-untouched-phone');

    await email.fill('guru@');
    await email.blur();
    await visible(page.locator('form [aria-invalid="true"]').first());
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    expect(await name.getAttribute('aria-invalid')).not.toBe('true');

    await page.getByRole('button', { name: 'Buat akun' }).click();
    await page.waitForFunction(() => document.querySelectorAll('form [aria-invalid="true"]').length >= 3);
    expect(await name.getAttribute('aria-invalid')).toBe('true');
  });
});
