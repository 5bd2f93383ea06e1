import { useLocale } from '@kmg/ui';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useRenewSession } from '#lib/session.tsx';

/** Ends the session, drops everything cached for this person, and returns to the call list. */
export function useSignOut(): { signOut: () => Promise<void>; isSigningOut: boolean } {
  const { t } = useLocale();
  const navigate = useNavigate();
  const renewSession = useRenewSession();
  const [isSigningOut, setSigningOut] = useState(false);

  async function leave() {
    setSigningOut(true);
    try {
      // The auth client comes with the first sign-out, not with every first page.
      const { signOut } = await import('@kmg/ui/auth');
      await signOut();
    } catch {
      notifications.show({ color: 'red', message: t('common.networkError') });
      setSigningOut(false);
      return;
    }
    renewSession();
    navigate('/');
    notifications.show({ message: t('learner.account.signedOut') });
  }

  return { signOut: leave, isSigningOut };
}
