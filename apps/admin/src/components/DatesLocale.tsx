import 'dayjs/locale/id';
import 'dayjs/locale/en-gb';
import { useLocale } from '@kmg/ui';
import { DatesProvider } from '@mantine/dates';
import type { ReactNode } from 'react';

/** Calendars in the reader's language, weeks starting on Monday as Indonesian calendars do. */
export function DatesLocale({ children }: { children: ReactNode }) {
  const { locale } = useLocale();
  return (
    <DatesProvider
      settings={{ locale: locale === 'en' ? 'en-gb' : 'id', firstDayOfWeek: 1, consistentWeeks: true }}
    >
      {children}
    </DatesProvider>
  );
}
