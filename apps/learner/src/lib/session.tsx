import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Provider } from 'urql';
import { createClient } from '#lib/urql.ts';

const RenewSession = createContext<() => void>(() => {});

/**
 * Holds the urql client; a sign-in or sign-out swaps it for one with an empty cache. So does a
 * change of language: notices, outcome explanations and eligibility reasons arrive already worded
 * in the request's language, and must not stay behind in the old one.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const [client, setClient] = useState(createClient);
  const renew = useCallback(() => setClient(createClient()), []);

  useEffect(() => {
    i18n.on('languageChanged', renew);
    return () => i18n.off('languageChanged', renew);
  }, [i18n, renew]);

  return (
    <RenewSession value={renew}>
      <Provider value={client}>{children}</Provider>
    </RenewSession>
  );
}

/** Call after the session cookie changed (signed in, signed out): every query runs again. */
export function useRenewSession(): () => void {
  return useContext(RenewSession);
}
