import { type ErrorCode, translateError } from '@kmg/domain';
import { useLocale } from '#i18n.ts';

/**
 * A message for an error code, in the current language (the API's own table). Its own module:
 * the table holds every error in both languages, so only the pages that word errors load it.
 */
export function useErrorMessage() {
  const { locale } = useLocale();
  return (code: ErrorCode, params?: Record<string, string | number>) => translateError(code, locale, params);
}
