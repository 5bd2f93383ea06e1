import { describe, expect, it } from 'vitest';
import { homePathFor } from '#lib/home-path.ts';

describe('homePathFor', () => {
  it.each([
    ['a teacher', '/', { isTeacher: true, isPrincipal: false }],
    ['a principal who does not teach', '/sekolah', { isTeacher: false, isPrincipal: true }],
    ['a principal who also teaches', '/', { isTeacher: true, isPrincipal: true }],
    ['staff with neither role', '/', { isTeacher: false, isPrincipal: false }],
  ])('sends %s to %s', (_case, expected, viewer) => {
    expect(homePathFor(viewer)).toBe(expected);
  });
});
