import type { Locale } from '@kmg/domain';
import i18next, { type Resource } from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { commonMessages } from '#messages.ts';

const storageKey = 'kmg.locale';

/** The language to start in: the last one chosen on this device, else Bahasa Indonesia. */
export function initialLocale(): Locale {
  try {
    const stored = globalThis.localStorage?.getItem(storageKey);
    if (stored === 'en' || stored === 'id') return stored;
  } catch {}
  return 'id';
}

export function rememberLocale(locale: Locale): void {
  try {
    globalThis.localStorage?.setItem(storageKey, locale);
  } catch {}
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

/**
 * One i18next instance per app: the shared `common` strings plus the app's own resources
 * (`{ id: {...}, en: {...} }`, the same keys in both).
 */
export function createI18n(appMessages: Record<Locale, Record<string, unknown>>) {
  const resources: Resource = {
    id: { translation: { ...commonMessages.id, ...appMessages.id } },
    en: { translation: { ...commonMessages.en, ...appMessages.en } },
  };
  const locale = initialLocale();
  i18next.use(initReactI18next).init({
    resources,
    lng: locale,
    fallbackLng: 'id',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  rememberLocale(locale);
  return i18next;
}

/** The current language and translate function, typed to our two locales. */
export function useLocale() {
  const { t, i18n } = useTranslation();
  const locale: Locale = i18n.language === 'en' ? 'en' : 'id';
  const setLocale = (next: Locale) => {
    rememberLocale(next);
    void i18n.changeLanguage(next);
  };
  return { t, locale, setLocale };
}
