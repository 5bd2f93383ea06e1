import { describe, expect, it } from 'vitest';
import { fileDisplayOf } from '#evidence-files.ts';

describe('fileDisplayOf', () => {
  it.each([
    ['application/pdf', 'pdf'],
    ['image/png', 'image'],
    ['image/jpeg', 'image'],
    ['image/webp', 'image'],
    // Pictures a browser may not draw, or whose type alone does not make them safe to show.
    ['image/heic', 'download'],
    ['image/svg+xml', 'download'],
    ['application/json', 'download'],
    ['video/mp4', 'download'],
    ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'download'],
    ['text/html', 'download'],
    ['APPLICATION/PDF', 'download'],
    ['', 'download'],
  ])('shows %j as %s', (mimeType, display) => {
    expect(fileDisplayOf(mimeType)).toBe(display);
  });
});
