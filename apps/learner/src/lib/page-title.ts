import { useEffect } from 'react';

/** The tab title, announced by screen readers on navigation: "Pendaftaran saya · KMG". */
export function usePageTitle(title: string | null | undefined): void {
  useEffect(() => {
    if (title) document.title = `${title} · KMG`;
  }, [title]);
}
