import { useLocale } from '@kmg/ui';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useRenewSession } from '#lib/session.tsx';
import { beginSignOut } from '#lib/urql.ts';
import { deleteWalletCopy } from '#lib/wallet-copy.ts';

/**
 * Ends the session, drops everything cached for this person (the wallet saved for offline use too),
 * and returns to the call list.
 */
export function useSignOut(): { signOut: () => Promise<void>; isSigningOut: boolean } {
  const { t } = useLocale();
  const navigate = useNavigate();
  const renewSession = useRenewSession();
  const [isSigningOut, setSigningOut] = useState(false);

  async function leave() {
    setSigningOut(true);
    beginSignOut();
    // Toasts and the auth client come with the first sign-out, not with every first page.
    const { notifications } = await import('@mantine/notifications');
    try {
      const { signOut } = await import('@kmg/ui/auth');
      await signOut();
    } catch {
      notifications.show({ color: 'red', message: t('common.networkError') });
      setSigningOut(false);
      // Still signed in: a fresh client sends the person to sign in again if the session ends.
      renewSession();
      return;
    }
    deleteWalletCopy();
    // Leave the signed-in page first (at once, not in a transition): still on screen when the
    // empty client arrives, it would ask for its data again, signed out, and be sent to sign in.
    await navigate('/', { flushSync: true });
    renewSession();
    notifications.show({ message: t('learner.account.signedOut') });
  }

  return { signOut: leave, isSigningOut };
}
