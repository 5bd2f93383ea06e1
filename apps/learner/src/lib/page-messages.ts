import { loadMoreMessages, type MoreMessages } from '@kmg/ui';
import i18next from 'i18next';
import { type ComponentType, createElement, type LazyExoticComponent, lazy } from 'react';

/** The strings of every page but the first screen, one chunk per language (see `messages.ts`). */
const pageMessages: MoreMessages = {
  id: async () => (await import('virtual:kmg-messages/id/pages')).default,
  en: async () => (await import('virtual:kmg-messages/en/pages')).default,
};

/** Pages whose code or strings failed to arrive: each fetches them again when next opened. */
const failedPages = new Set<() => void>();

/** Lets every page that failed to arrive try again (the layout calls it when the reader moves on). */
export function retryFailedPages(): void {
  for (const retry of failedPages) retry();
  failedPages.clear();
}

/**
 * A page fetched when a teacher first opens it, together with the other pages' strings (once): the
 * call list ships with the app. Until both have arrived the layout's `Suspense` shows its progress
 * bar. A failed fetch (offline) reaches the layout's `PageErrorBoundary`; once the reader goes
 * elsewhere (`retryFailedPages`), the next visit fetches the page again rather than failing at once.
 */
export function lazyPage<Name extends string>(
  load: () => Promise<Record<Name, ComponentType>>,
  name: Name,
): ComponentType {
  const fetchPage = (): LazyExoticComponent<ComponentType> =>
    lazy(async () => {
      try {
        const [module] = await Promise.all([load(), loadMoreMessages(i18next, pageMessages)]);
        return { default: module[name] };
      } catch (error) {
        failedPages.add(() => {
          page = fetchPage();
        });
        throw error;
      }
    });
  let page = fetchPage();
  return function LazyPage() {
    return createElement(page);
  };
}
