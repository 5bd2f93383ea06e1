import { loadMoreMessages, type MoreMessages } from '@kmg/ui';
import i18next from 'i18next';
import type { ComponentType } from 'react';

/** The strings of every page but the first screen, one chunk per language (see `messages.ts`). */
const pageMessages: MoreMessages = {
  id: async () => (await import('virtual:kmg-messages/id/pages')).default,
  en: async () => (await import('virtual:kmg-messages/en/pages')).default,
};

/**
 * A page's module for the router's `lazy`, fetched together with the other pages' strings (once):
 * the call list ships with the app, every other page is fetched when a teacher first opens it.
 */
export function lazyPage<Name extends string>(load: () => Promise<Record<Name, ComponentType>>, name: Name) {
  return async () => {
    const [module] = await Promise.all([load(), loadMoreMessages(i18next, pageMessages)]);
    return { Component: module[name] };
  };
}
