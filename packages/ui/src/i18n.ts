import { type Locale, SIGNED_OUT_LOCALE_COOKIE } from '@kmg/domain';
import i18next, { type i18n as I18n, type Resource } from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';

const storageKey = 'kmg.locale';

/**
 * The language to start in: the last one chosen on this device, else the one the page was served
 * in (the learner's `/` is rendered by the server in the browser's language), else Bahasa Indonesia.
 */
export function initialLocale(): Locale {
  try {
    const stored = globalThis.localStorage?.getItem(storageKey);
    if (stored === 'en' || stored === 'id') return stored;
  } catch {}
  return globalThis.document?.documentElement.lang === 'en' ? 'en' : 'id';
}

export function rememberLocale(locale: Locale): void {
  try {
    globalThis.localStorage?.setItem(storageKey, locale);
  } catch {}
  if (typeof document !== 'undefined') {
    document.documentElement.lang = locale;
    // The server renders the first screen in this language too (it cannot read localStorage).
    // biome-ignore lint/suspicious/noDocumentCookie: one preference cookie, no Cookie Store API in Safari < 18.4
    document.cookie = `${storageKey}=${locale}; path=/; max-age=31536000; samesite=lax`;
  }
}

/**
 * A language chosen while signed out: besides this device, the account signed in next takes it (the
 * API reads the cookie at sign-in). Without it, signing in would bring back the account's own.
 */
export function rememberSignedOutChoice(locale: Locale): void {
  if (typeof document === 'undefined') return;
  // biome-ignore lint/suspicious/noDocumentCookie: read by the API at sign-in; a session cookie on purpose
  document.cookie = `${SIGNED_OUT_LOCALE_COOKIE}=${locale}; path=/; samesite=lax`;
}

type Messages = Record<string, unknown>;

/**
 * An app's strings per language (the shared `common` ones included, see `withCommonMessages`):
 * bundled with the app, or a loader that fetches them the first time the language is used (the
 * learner ships Indonesian and fetches English on demand).
 */
export type AppMessages = Record<Locale, Messages | (() => Promise<Messages>)>;

const loaders = new Map<Locale, () => Promise<Messages>>();

/**
 * One i18next instance per app. A language given as a loader is fetched by `useLocale().setLocale`
 * or `loadLocale` before the app switches to it.
 */
export function createI18n(appMessages: AppMessages) {
  const resources: Resource = {};
  for (const locale of ['id', 'en'] as const) {
    const messages = appMessages[locale];
    if (typeof messages === 'function') loaders.set(locale, messages);
    else resources[locale] = { translation: messages };
  }
  const locale = initialLocale();
  i18next.use(initReactI18next).init({
    resources,
    partialBundledLanguages: true,
    lng: locale,
    fallbackLng: 'id',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  rememberLocale(locale);
  return i18next;
}

/** More of an app's strings, fetched per language when first needed (see `loadMoreMessages`). */
export type MoreMessages = Record<Locale, () => Promise<Messages>>;

/** Each part asked for so far, with its fetch per language: a language switched to gets them all. */
const moreMessages = new Map<MoreMessages, Map<Locale, Promise<void>>>();

function addMoreMessages(i18n: I18n, part: MoreMessages, locale: Locale): Promise<void> {
  const byLocale = moreMessages.get(part) ?? new Map<Locale, Promise<void>>();
  moreMessages.set(part, byLocale);
  let added = byLocale.get(locale);
  if (!added) {
    // Merged into the language's strings (deep, so `learner.*` keeps the keys it has).
    added = part[locale]().then((messages) => {
      i18n.addResourceBundle(locale, 'translation', messages, true, false);
    });
    // A failed fetch (the connection dropped) is tried again next time.
    added.catch(() => byLocale.delete(locale));
    byLocale.set(locale, added);
  }
  return added;
}

/**
 * Strings the first screen does not need (the learner's other pages): fetched in the current
 * language when a page needing them is opened, and with any language switched to afterwards.
 */
export function loadMoreMessages(i18n: I18n, part: MoreMessages): Promise<void> {
  return addMoreMessages(i18n, part, i18n.language === 'en' ? 'en' : 'id');
}

/** Switches to a language, fetching its strings first when the app loads them on demand. */
export async function loadLocale(i18n: I18n, locale: Locale): Promise<void> {
  const load = loaders.get(locale);
  if (load && !i18n.hasResourceBundle(locale, 'translation')) {
    i18n.addResourceBundle(locale, 'translation', await load(), true, false);
  }
  await Promise.all([...moreMessages.keys()].map((part) => addMoreMessages(i18n, part, locale)));
  await i18n.changeLanguage(locale);
}

/** The current language and translate function, typed to our two locales. */
export function useLocale() {
  const { t, i18n } = useTranslation();
  const locale: Locale = i18n.language === 'en' ? 'en' : 'id';
  const setLocale = (next: Locale) => {
    rememberLocale(next);
    void loadLocale(i18n, next);
  };
  return { t, locale, setLocale };
}
