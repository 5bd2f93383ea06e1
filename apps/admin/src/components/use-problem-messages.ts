import { useErrorMessage, useLocale } from '@kmg/ui';

/** What `readProblem` says when the API gave no answer of its own: offline, or a bug. */
export function useProblemMessages() {
  const { t } = useLocale();
  const errorMessage = useErrorMessage();
  return { network: t('common.networkError'), unknown: errorMessage('INTERNAL') };
}
