// The wallet as last seen online, kept on this device so a teacher can show their credentials
// without a connection. One copy, for the person signed in last: signing out deletes it, and
// another person loading the app replaces it (`forgetOtherWallets`).
const storageKey = 'kmg.wallet';

export type WalletCopy<T> = { userId: string; savedAt: string; data: T };

export function saveWalletCopy<T>(userId: string, data: T, now = new Date()): void {
  const copy: WalletCopy<T> = { userId, savedAt: now.toISOString(), data };
  try {
    localStorage.setItem(storageKey, JSON.stringify(copy));
  } catch {}
}

/** The saved copy, if any (of `userId`'s wallet when given). */
export function readWalletCopy<T>(userId?: string): WalletCopy<T> | null {
  try {
    const copy = JSON.parse(localStorage.getItem(storageKey) ?? 'null') as WalletCopy<T> | null;
    if (!copy?.userId || !copy.savedAt || (userId && copy.userId !== userId)) return null;
    return copy;
  } catch {
    return null;
  }
}

export function deleteWalletCopy(): void {
  try {
    localStorage.removeItem(storageKey);
  } catch {}
}

/** Someone else (or nobody) is signed in now: the copy on this device is not theirs to see. */
export function forgetOtherWallets(viewerId: string | null): void {
  const copy = readWalletCopy();
  if (copy && copy.userId !== viewerId) deleteWalletCopy();
}
