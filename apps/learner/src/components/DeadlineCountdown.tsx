import { useLocale } from '@kmg/ui';
import { Badge } from '@mantine/core';
import { deadlineCountdown } from '#lib/deadline.ts';

/** "Tinggal 3 hari": a nudge when a deadline is a week away or less. */
export function DeadlineCountdown({ closesAt, now }: { closesAt: string; now: Date }) {
  const { t } = useLocale();
  const countdown = deadlineCountdown(closesAt, now);
  if (!countdown) return null;
  return (
    <Badge color="orange" variant="light" tt="none" size="md">
      {countdown.unit === 'hours'
        ? t('learner.call.hoursLeft', { count: countdown.count })
        : t('learner.call.daysLeft', { count: countdown.count })}
    </Badge>
  );
}
