let isStarted = false;

/**
 * Starts offline support (the service worker and its precache) once the first page has its data
 * and the phone is idle: on a slow connection it must not compete with the first screen.
 */
export function startOfflineSupport(): void {
  if (isStarted || !import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  isStarted = true;
  const idle = window.requestIdleCallback ?? ((callback: () => void) => window.setTimeout(callback, 1000));
  idle(() => void import('#lib/service-worker.tsx').then((module) => module.registerServiceWorker()));
}
