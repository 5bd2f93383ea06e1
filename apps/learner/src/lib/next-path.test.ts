import { describe, expect, it } from 'vitest';
import { safeNextPath, withNext } from '#lib/next-path.ts';

describe('safeNextPath', () => {
  it.each([
    ['/pelatihan/abc', '/pelatihan/abc'],
    ['/?q=las&semua=1', '/?q=las&semua=1'],
    ['/pendaftaran#daftar', '/pendaftaran#daftar'],
  ])('keeps the app path %s', (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });

  it.each([
    ['nothing', null],
    ['an empty value', ''],
    ['another site', 'https://evil.example/'],
    ['a protocol-relative address', '//evil.example/x'],
    ['a backslash trick', '/\\evil.example'],
    ['a relative path', 'pelatihan/abc'],
    ['a javascript: address', 'javascript:alert(1)'],
    ['the sign-in page itself', '/masuk?next=/masuk'],
    ['the register page', '/daftar'],
  ])('falls back to the call list for %s', (_case, next) => {
    expect(safeNextPath(next)).toBe('/');
  });
});

describe('withNext', () => {
  it('adds the way back to the sign-in link', () => {
    expect(withNext('/masuk', '/pelatihan/abc')).toBe('/masuk?next=%2Fpelatihan%2Fabc');
  });

  it('leaves the link plain when the way back is the home page or unsafe', () => {
    expect(withNext('/daftar', '/')).toBe('/daftar');
    expect(withNext('/daftar', '//evil.example')).toBe('/daftar');
  });
});
