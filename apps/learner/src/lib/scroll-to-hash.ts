import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { decodedId } from '#lib/scroll-restoration.ts';

/**
 * Brings the element named in the address (`#daftar`) into view once the page's data has arrived:
 * the router scrolls on navigation, before a page that loads its content has drawn that element.
 * The element gets the focus too when it can take it (`tabIndex={-1}`), so reading starts there.
 */
export function useScrollToHash(isReady: boolean): void {
  const { hash, key } = useLocation();
  const done = useRef<string | null>(null);
  useEffect(() => {
    if (!isReady || !hash || done.current === key) return;
    const target = document.getElementById(decodedId(hash.slice(1)));
    if (!target) return;
    // After the layout has moved the focus to the new page's start.
    const frame = requestAnimationFrame(() => {
      done.current = key;
      target.scrollIntoView({ block: 'start' });
      if (target.hasAttribute('tabindex')) target.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, [isReady, hash, key]);
}
