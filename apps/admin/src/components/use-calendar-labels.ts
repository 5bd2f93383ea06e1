import { useLocale } from '@kmg/ui';

/**
 * Names for the calendar's arrow and time controls, which Mantine leaves unnamed by default. The
 * month and year buttons between the arrows keep the name they show ("Desember 2026"): a fixed
 * "Pilih bulan" would hide the visible words from speech input (WCAG 2.5.3, label in name).
 */
export function useCalendarLabels() {
  const { t } = useLocale();
  const ariaLabels = {
    previousMonth: t('admin.calendar.previousMonth'),
    nextMonth: t('admin.calendar.nextMonth'),
    previousYear: t('admin.calendar.previousYear'),
    nextYear: t('admin.calendar.nextYear'),
    previousDecade: t('admin.calendar.previousDecade'),
    nextDecade: t('admin.calendar.nextDecade'),
  };
  return {
    date: { ariaLabels },
    dateTime: {
      ariaLabels,
      timePickerProps: {
        hoursInputLabel: t('admin.calendar.hours'),
        minutesInputLabel: t('admin.calendar.minutes'),
      },
      submitButtonProps: { 'aria-label': t('admin.calendar.confirm') },
    },
  };
}
