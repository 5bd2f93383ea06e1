import { CallStatusBadge, useLocale } from '@kmg/ui';
import { Badge, type BadgeProps, Tooltip } from '@mantine/core';
import { callStateOf } from '#lib/call-state.ts';
import { useRerenderAt } from '#lib/deadline.ts';
import { formatCompactInstant } from '#lib/format.ts';

/**
 * A call's status as staff read it: an open call whose application window has passed says
 * "Pendaftaran ditutup" (from the moment it passes, without a reload); every other status is the
 * shared badge.
 */
export function CallStateBadge({
  call,
  ...props
}: {
  call: {
    status: 'DRAFT' | 'OPEN' | 'CLOSED' | 'IN_TRAINING' | 'COMPLETED' | 'CANCELLED';
    applicationClosesAt: string;
    timeZone: string;
  };
} & BadgeProps) {
  const { t, locale } = useLocale();
  useRerenderAt(call.status === 'OPEN' ? call.applicationClosesAt : null);
  if (callStateOf(call, new Date()) !== 'APPLICATIONS_CLOSED')
    return <CallStatusBadge status={call.status} {...props} />;
  return (
    <Tooltip
      label={t('admin.callState.closedTip', {
        date: formatCompactInstant(call.applicationClosesAt, locale, call.timeZone),
      })}
      withArrow
      multiline
      maw={260}
    >
      <Badge color="yellow" variant="light" {...props}>
        {t('admin.callState.APPLICATIONS_CLOSED')}
      </Badge>
    </Tooltip>
  );
}
