import { describe, expect, it } from 'vitest';
import { scrollTarget } from '#lib/scroll-restoration.ts';

describe('scrollTarget', () => {
  const to = (overrides: Partial<Parameters<typeof scrollTarget>[0]>) =>
    scrollTarget({ type: 'PUSH', saved: undefined, hash: '', isSamePage: false, ...overrides });

  it('opens a new page at its top, or at the element its hash names', () => {
    expect(to({})).toEqual({ kind: 'top' });
    expect(to({ type: 'REPLACE' })).toEqual({ kind: 'top' });
    expect(to({ hash: '#daftar' })).toEqual({ kind: 'hash', id: 'daftar' });
    expect(to({ hash: '#kredensial%20saya' })).toEqual({ kind: 'hash', id: 'kredensial saya' });
    // A mistyped escape is taken as written rather than stopping the app.
    expect(to({ hash: '#daftar%E0' })).toEqual({ kind: 'hash', id: 'daftar%E0' });
  });

  it('returns Back, Forward and a reload to where the page was left', () => {
    expect(to({ type: 'POP', saved: 840 })).toEqual({ kind: 'to', y: 840 });
    expect(to({ type: 'POP', saved: 840, isSamePage: true })).toEqual({ kind: 'to', y: 840 });
    // Nothing saved (never scrolled, or another tab's entry): the top.
    expect(to({ type: 'POP' })).toEqual({ kind: 'top' });
  });

  it('keeps the reader where they are when only the query changes (a filter, a tab)', () => {
    expect(to({ isSamePage: true })).toEqual({ kind: 'keep' });
    expect(to({ type: 'REPLACE', isSamePage: true })).toEqual({ kind: 'keep' });
    // A saved position is for Back and Forward only.
    expect(to({ type: 'REPLACE', isSamePage: true, saved: 300 })).toEqual({ kind: 'keep' });
  });
});
