import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Provider } from 'urql';
import { createClient } from '#lib/urql.ts';

const RenewSession = createContext<() => void>(() => {});
const SessionCount = createContext(0);

/**
 * Holds the urql client; a sign-in or sign-out swaps it for one with an empty cache. So does a
 * change of language: notices, outcome explanations and eligibility reasons arrive already worded
 * in the request's language, and must not stay behind in the old one.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const [state, setState] = useState(() => ({ client: createClient(), sessions: 0 }));
  const renewLanguage = useCallback(
    () => setState(({ sessions }) => ({ client: createClient(), sessions })),
    [],
  );
  const renew = useCallback(
    () => setState(({ sessions }) => ({ client: createClient(), sessions: sessions + 1 })),
    [],
  );

  useEffect(() => {
    i18n.on('languageChanged', renewLanguage);
    return () => i18n.off('languageChanged', renewLanguage);
  }, [i18n, renewLanguage]);

  return (
    <RenewSession value={renew}>
      <SessionCount value={state.sessions}>
        <Provider value={state.client}>{children}</Provider>
      </SessionCount>
    </RenewSession>
  );
}

/** Call after the session cookie changed (signed in, signed out): every query runs again. */
export function useRenewSession(): () => void {
  return useContext(RenewSession);
}

/** How many times the session changed: what was known of the viewer before belongs to another. */
export function useSessionCount(): number {
  return useContext(SessionCount);
}
