import { describe, expect, it } from 'vitest';
import { rplDecreePath, verifyPathOf } from '#lib/rpl-links.ts';

describe('rplDecreePath', () => {
  it('is the decree’s public page', () => {
    expect(rplDecreePath('13cef84c-3e6f-4603-886f-f8fd84fe981a')).toBe(
      '/verify/sk/13cef84c-3e6f-4603-886f-f8fd84fe981a',
    );
  });
});

describe('verifyPathOf', () => {
  it.each([
    ['https://kmg.example/verify/sk/13cef84c', '/verify/sk/13cef84c'],
    ['http://localhost:4000/verify/ce581008-e43a', '/verify/ce581008-e43a'],
    ['/verify/ce581008-e43a', '/verify/ce581008-e43a'],
  ])('opens %s in the app at %s', (url, path) => {
    expect(verifyPathOf(url)).toBe(path);
  });

  it.each([
    null,
    '',
    'https://kmg.example/issuers/unnes',
    'https://kmg.example/verify/',
    'not a url at all //',
  ])('has no page in the app for %j', (url) => {
    expect(verifyPathOf(url)).toBeNull();
  });
});
