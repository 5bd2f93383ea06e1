import { useEffect, useLayoutEffect, useRef } from 'react';
import { useLocation, useNavigationType } from 'react-router';

const storageKey = 'kmg-scroll';
/** What ends a wait to restore a position: the reader has started moving the page themselves. */
const readerInput = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;

function savedPositions(): Record<string, number> {
  try {
    const saved: unknown = JSON.parse(sessionStorage.getItem(storageKey) ?? '{}');
    return saved && typeof saved === 'object' ? (saved as Record<string, number>) : {};
  } catch {
    return {};
  }
}

/** An address's `#id`, URI-decoded where it decodes (a mistyped `%` must not stop the app). */
export function decodedId(id: string): string {
  try {
    return decodeURIComponent(id);
  } catch {
    return id;
  }
}

/** Where the window goes after a navigation (see `useScrollRestoration`). */
export type ScrollTarget =
  | { kind: 'keep' }
  | { kind: 'top' }
  | { kind: 'hash'; id: string }
  | { kind: 'to'; y: number };

export function scrollTarget(navigation: {
  type: 'POP' | 'PUSH' | 'REPLACE';
  /** The position saved for the entry arrived at, if any. */
  saved: number | undefined;
  hash: string;
  /**
   * Whether only the query changed: a filter or a tab of the same page. (The same address again, a
   * tap on the tab already open, is a new visit: it goes to the top.)
   */
  isSamePage: boolean;
}): ScrollTarget {
  if (navigation.type === 'POP' && navigation.saved !== undefined) return { kind: 'to', y: navigation.saved };
  if (navigation.hash) return { kind: 'hash', id: decodedId(navigation.hash.slice(1)) };
  if (navigation.isSamePage && navigation.type !== 'POP') return { kind: 'keep' };
  return { kind: 'top' };
}

/**
 * Where a page opens: a new page at its top (or at the element its `#hash` names), and a page
 * reached by Back, Forward or a reload where it was left. A page whose filters or tab changed (its
 * query alone) stays where the reader is. Positions are kept per history entry for
 * the tab's life (sessionStorage). A page whose code or data is still arriving is too short to
 * scroll to its old place: the position is taken as soon as the page grows tall enough, unless the
 * reader has moved the page first.
 */
export function useScrollRestoration(): void {
  const { key, hash, pathname, search } = useLocation();
  const navigationType = useNavigationType();
  const positions = useRef<Record<string, number> | null>(null);
  positions.current ??= savedPositions();
  const current = useRef(key);
  const previous = useRef<{ pathname: string; search: string } | null>(null);

  useEffect(() => {
    window.history.scrollRestoration = 'manual';
    const record = () => {
      if (positions.current) positions.current[current.current] = window.scrollY;
    };
    const save = () => {
      try {
        sessionStorage.setItem(storageKey, JSON.stringify(positions.current));
      } catch {
        // Storage full or refused: positions are a comfort, not a record.
      }
    };
    window.addEventListener('scroll', record, { passive: true });
    window.addEventListener('pagehide', save);
    return () => {
      window.removeEventListener('scroll', record);
      window.removeEventListener('pagehide', save);
    };
  }, []);

  useLayoutEffect(() => {
    current.current = key;
    const where = scrollTarget({
      type: navigationType,
      saved: positions.current?.[key],
      hash,
      isSamePage: previous.current?.pathname === pathname && previous.current.search !== search,
    });
    previous.current = { pathname, search };
    if (where.kind === 'keep') {
      if (positions.current) positions.current[key] = window.scrollY;
      return;
    }
    if (where.kind !== 'to') {
      const element = where.kind === 'hash' ? document.getElementById(where.id) : null;
      if (element) element.scrollIntoView();
      else window.scrollTo(0, 0);
      return;
    }
    const target = where.y;
    const reached = () => {
      window.scrollTo(0, target);
      return Math.abs(window.scrollY - target) < 2;
    };
    if (reached()) return;
    const growing = new ResizeObserver(() => {
      if (reached()) stop();
    });
    const stop = () => {
      growing.disconnect();
      for (const type of readerInput) window.removeEventListener(type, stop);
    };
    growing.observe(document.body);
    for (const type of readerInput) window.addEventListener(type, stop, { passive: true });
    return stop;
  }, [key, hash, pathname, search, navigationType]);
}
