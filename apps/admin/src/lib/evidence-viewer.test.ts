import { describe, expect, it } from 'vitest';
import { rplEvidenceUrl } from '#lib/evidence-viewer.ts';

describe('rplEvidenceUrl', () => {
  it.each([
    ['', false, '/api/rpl/evidence/0198a000-0000-7000-8000-000000000001'],
    ['', true, '/api/rpl/evidence/0198a000-0000-7000-8000-000000000001?inline=1'],
    [
      'https://kmg.example.id',
      true,
      'https://kmg.example.id/api/rpl/evidence/0198a000-0000-7000-8000-000000000001?inline=1',
    ],
    [
      'https://kmg.example.id/',
      false,
      'https://kmg.example.id/api/rpl/evidence/0198a000-0000-7000-8000-000000000001',
    ],
  ])('puts the file under %j (inline %s) at %s', (apiBase, inline, url) => {
    expect(rplEvidenceUrl(apiBase, '0198a000-0000-7000-8000-000000000001', { inline })).toBe(url);
  });

  it('keeps an id that is not a plain uuid inside its path segment', () => {
    expect(rplEvidenceUrl('', '../admin?x=1')).toBe('/api/rpl/evidence/..%2Fadmin%3Fx%3D1');
  });
});
