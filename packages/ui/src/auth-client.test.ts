import { describe, expect, it } from 'vitest';
import { resetPasswordFailure, signInFailure } from '#auth-client.ts';

describe('signInFailure', () => {
  it.each([
    [
      'a locked account, with the wait from Retry-After',
      { status: 429, code: 'ACCOUNT_LOCKED' },
      '42',
      {
        ok: false,
        code: 'ACCOUNT_LOCKED',
        retryAfter: 42,
      },
    ],
    [
      'a locked account without Retry-After, as a wait of a second',
      { status: 429, code: 'ACCOUNT_LOCKED' },
      null,
      {
        ok: false,
        code: 'ACCOUNT_LOCKED',
        retryAfter: 1,
      },
    ],
    [
      'a locked account with a garbled Retry-After',
      { status: 429, code: 'ACCOUNT_LOCKED' },
      'soon',
      {
        ok: false,
        code: 'ACCOUNT_LOCKED',
        retryAfter: 1,
      },
    ],
    [
      'the per-address limit, which has no code of ours',
      { status: 429 },
      null,
      { ok: false, code: 'RATE_LIMITED' },
    ],
    [
      'another 429 code',
      { status: 429, code: 'TOO_MANY_REQUESTS' },
      '30',
      { ok: false, code: 'RATE_LIMITED' },
    ],
    [
      'a wrong password',
      { status: 401, code: 'INVALID_EMAIL_OR_PASSWORD' },
      null,
      {
        ok: false,
        code: 'INVALID_CREDENTIALS',
      },
    ],
    [
      'a malformed email',
      { status: 400, code: 'INVALID_EMAIL' },
      null,
      { ok: false, code: 'INVALID_CREDENTIALS' },
    ],
    ['a server failure', { status: 500 }, null, { ok: false, code: 'INTERNAL' }],
  ] as const)('reads %s', (_, error, retryAfter, expected) => {
    expect(signInFailure(error, retryAfter)).toEqual(expected);
  });
});

describe('resetPasswordFailure', () => {
  it.each([
    [{ status: 400, code: 'INVALID_TOKEN' }, 'INVALID_TOKEN'],
    [{ status: 400, code: 'USER_NOT_FOUND' }, 'INVALID_TOKEN'],
    [{ status: 400, code: 'PASSWORD_TOO_SHORT' }, 'PASSWORD_TOO_SHORT'],
    [{ status: 400, code: 'PASSWORD_TOO_LONG' }, 'TOO_LONG'],
    [{ status: 429 }, 'RATE_LIMITED'],
    [{ status: 500 }, 'INTERNAL'],
  ] as const)('reads %o as %s', (error, code) => {
    expect(resetPasswordFailure(error)).toEqual({ ok: false, code });
  });
});
