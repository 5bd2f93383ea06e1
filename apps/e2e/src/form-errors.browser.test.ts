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

/**
 * Walks a form as a hurried person does: through every field without typing (no message), then a
 * wrong value in `typed` (its message alone, on leaving it), then "save" (every message).
 */
async function walkForm(
  page: Page,
  form: {
    passThrough: RegExp[];
    heading: RegExp;
    typed: RegExp;
    wrong: string;
    untouched: RegExp;
    save: string;
  },
) {
  const field = (name: RegExp) => page.getByRole('textbox', { name });
  await visible(field(form.typed));
  for (const name of form.passThrough) await field(name).focus();
  await page.getByRole('heading', { name: form.heading, level: 1 }).click();
  expect(await invalidFields(page).count()).toBe(0);

  await field(form.typed).fill(form.wrong);
  await field(form.typed).blur();
  await visible(invalidFields(page).first());
  expect(await field(form.typed).getAttribute('aria-invalid')).toBe('true');
  expect(await field(form.untouched).getAttribute('aria-invalid')).not.toBe('true');

  await page.getByRole('button', { name: form.save }).click();
  await page.waitForFunction(() => document.querySelectorAll('form [aria-invalid="true"]').length >= 3);
  expect(await field(form.untouched).getAttribute('aria-invalid')).toBe('true');
}

describe('form messages wait for input', () => {
  it('the staff account form (admin) says nothing until a field is changed or saving is tried', async () => {
    const page = await people.signIn('desktop', 'admin', 'admin@kmg.demo');
    await page.goto(`${platform.url}/admin/akun`);
    await walkForm(page, {
      passThrough: [/^Nama lengkap/, /^Email/, /^Kata sandi awal/],
      heading: /^Akun pengguna/,
      typed: /^Email/,
      wrong: 'bukan-email',
      untouched: /^Nama lengkap/,
      save: 'Buat akun',
    });
    await shot(page, 'form-errors-staff-after-save-desktop');
  });

  it('the registration form (learner, phone) says nothing until a field is changed or saving is tried', async () => {
    const page = await people.anonymous('phone', 'new-teacher');
    await page.goto(`${platform.url}/daftar`);
    await walkForm(page, {
      passThrough: [/^Nama lengkap/, /^NUPTK/, /^Email/, /^NPSN sekolah/],
      heading: /^Daftar akun guru/,
      typed: /^Email/,
      wrong: 'guru@',
      untouched: /^Nama lengkap/,
      save: 'Buat akun',
    });
    await shot(page, 'form-errors-register-after-save-phone');
  });
});
