import { describe, expect, it } from 'vitest';
import { errorMessages, pickLocale, translateError } from '#messages.ts';

describe('pickLocale', () => {
  it.each([
    [undefined, 'id'],
    ['', 'id'],
    ['en-US,en;q=0.9', 'en'],
    ['id-ID,id;q=0.9,en;q=0.8', 'id'],
    ['fr-FR', 'id'],
  ])('%s -> %s', (header, locale) => {
    expect(pickLocale(header)).toBe(locale);
  });
});

describe('translateError', () => {
  it('has every message in both languages, with the same placeholders', () => {
    for (const [code, message] of Object.entries(errorMessages)) {
      const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(message.id.length, code).toBeGreaterThan(0);
      expect(placeholders(message.en), code).toEqual(placeholders(message.id));
    }
  });

  it('names the time zone of a deadline', () => {
    const closesAt = { instant: '2026-11-30T16:59:00Z', timeZone: 'Asia/Jayapura' };
    expect(translateError('WINDOW_CLOSED', 'id', { closesAt })).toBe(
      'Pendaftaran sudah ditutup pada 1 Desember 2026 pukul 01.59 WIT.',
    );
    expect(translateError('WINDOW_CLOSED', 'en', { closesAt })).toBe(
      'Applications closed on 1 December 2026 at 01:59 WIT.',
    );
  });
});
