import { beforeEach, describe, expect, it } from 'vitest';
import { deleteWalletCopy, forgetOtherWallets, readWalletCopy, saveWalletCopy } from '#lib/wallet-copy.ts';

const storage = new Map<string, string>();
beforeEach(() => {
  storage.clear();
  globalThis.localStorage = {
    getItem: (key: string) => storage.get(key) ?? null,
    setItem: (key: string, value: string) => void storage.set(key, value),
    removeItem: (key: string) => void storage.delete(key),
  } as Storage;
});

describe('saveWalletCopy', () => {
  it('keeps the data with its owner and the time it was saved', () => {
    saveWalletCopy('u1', { myCredentials: [{ id: 'c1' }] }, new Date('2026-12-02T08:00:00Z'));
    expect(readWalletCopy('u1')).toEqual({
      userId: 'u1',
      savedAt: '2026-12-02T08:00:00.000Z',
      data: { myCredentials: [{ id: 'c1' }] },
    });
  });
});

describe('readWalletCopy', () => {
  it.each([
    ['the owner', 'u1', true],
    ['anyone, when nobody is named (offline, the viewer unknown)', undefined, true],
    ['another person', 'u2', false],
  ])('gives the copy to %s', (_, userId, isGiven) => {
    saveWalletCopy('u1', {});
    expect(readWalletCopy(userId) !== null).toBe(isGiven);
  });

  it('ignores what is not a saved copy', () => {
    storage.set('kmg.wallet', '{not json');
    expect(readWalletCopy()).toBeNull();
  });
});

describe('forgetOtherWallets', () => {
  it.each([
    ['another person signed in', 'u2', false],
    ['nobody signed in', null, false],
    ['the owner signed in', 'u1', true],
  ])('with %s, keeps the copy: %s', (_, viewerId, isKept) => {
    saveWalletCopy('u1', {});
    forgetOtherWallets(viewerId);
    expect(readWalletCopy() !== null).toBe(isKept);
  });

  it('does nothing without a copy', () => {
    deleteWalletCopy();
    forgetOtherWallets('u1');
    expect(readWalletCopy()).toBeNull();
  });
});
