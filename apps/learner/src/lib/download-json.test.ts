import { describe, expect, it } from 'vitest';
import { downloadProblem } from '#lib/download-json.ts';

describe('downloadProblem', () => {
  it.each([
    [200, 'application/json', null],
    [200, 'application/ld+json; charset=utf-8', null],
    // The app's own page answers paths the API does not serve (yet).
    [200, 'text/html; charset=utf-8', { kind: 'unavailable' }],
    [404, 'text/html', { kind: 'unavailable' }],
    [401, 'application/json', { kind: 'signedOut' }],
    [403, null, { kind: 'signedOut' }],
    [500, 'application/json', { kind: 'failed', isNetworkError: false }],
  ])('answers %d %s with %j', (status, contentType, expected) => {
    expect(downloadProblem(status, contentType)).toEqual(expected);
  });
});
