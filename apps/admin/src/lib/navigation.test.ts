import { describe, expect, it } from 'vitest';
import { safeNextPath } from '#lib/navigation.ts';

describe('safeNextPath', () => {
  it.each([
    [null, '/'],
    ['', '/'],
    ['/', '/'],
    ['/lowongan/abc', '/lowongan/abc'],
    ['/?status=OPEN&q=las', '/?status=OPEN&q=las'],
    ['//evil.example/phish', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example', '/'],
    ['lowongan', '/'],
    ['/masuk', '/'],
    ['/masuk?next=/akun', '/'],
  ])('sends %j to %j', (next, path) => {
    expect(safeNextPath(next)).toBe(path);
  });
});
