// Deadlines that pass while a page is open (an application window closing): the page shows the
// new state at that moment, without waiting for a reload.
import { useEffect, useReducer } from 'react';

/** The longest delay a browser timer takes (about 24.8 days); later deadlines wait for a reload. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** How long until `instant`, when it is still ahead and within a timer's reach; otherwise null. */
export function msUntil(instant: string, now: Date): number | null {
  const wait = Date.parse(instant) - now.getTime();
  return Number.isFinite(wait) && wait > 0 && wait <= MAX_TIMER_MS ? wait : null;
}

/** Whether `instant` has passed: the closing instant itself counts as passed, as the API reads it. */
export function hasPassed(instant: string, now: Date): boolean {
  return now.getTime() >= Date.parse(instant);
}

/** Renders the component again just after `instant` passes (nothing when it is null or passed). */
export function useRerenderAt(instant: string | null): void {
  const [tick, rerender] = useReducer((count: number) => count + 1, 0);
  useEffect(() => {
    const wait = instant ? msUntil(instant, new Date()) : null;
    if (wait === null) return;
    const timer = window.setTimeout(rerender, wait + 100);
    return () => window.clearTimeout(timer);
  }, [instant, tick]);
}
