import { useLocale } from '@kmg/ui';

/** Names for the calendar's arrow and time controls, which Mantine leaves unnamed by default. */
export function useCalendarLabels() {
  const { t } = useLocale();
  const ariaLabels = {
    previousMonth: t('admin.calendar.previousMonth'),
    nextMonth: t('admin.calendar.nextMonth'),
    previousYear: t('admin.calendar.previousYear'),
    nextYear: t('admin.calendar.nextYear'),
    previousDecade: t('admin.calendar.previousDecade'),
    nextDecade: t('admin.calendar.nextDecade'),
    monthLevelControl: t('admin.calendar.monthLevel'),
    yearLevelControl: t('admin.calendar.yearLevel'),
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
