import { useLocale } from '@kmg/ui';
import { useEffect, useRef } from 'react';
import type { OperationContext } from 'urql';

/**
 * Asks a page's query again when the reader changes language: names, labels and table headers
 * arrive worded in the request's language. The figures on screen stay (and any form being filled
 * in with them) until the new words arrive.
 */
export function useLanguageRefetch(reexecute: (options?: Partial<OperationContext>) => void): void {
  const { locale } = useLocale();
  const shown = useRef(locale);
  useEffect(() => {
    if (shown.current === locale) return;
    shown.current = locale;
    reexecute({ requestPolicy: 'network-only' });
  }, [locale, reexecute]);
}
