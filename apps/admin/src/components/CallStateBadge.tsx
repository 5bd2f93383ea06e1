import { addDays, startOfLocalDate } from '@kmg/domain';
import { CallStatusBadge, useLocale } from '@kmg/ui';
import { Badge, type BadgeProps, Tooltip } from '@mantine/core';
import { callStateOf } from '#lib/call-state.ts';
import { useRerenderAt } from '#lib/deadline.ts';
import { formatCompactInstant } from '#lib/format.ts';

type Call = {
  status: 'DRAFT' | 'OPEN' | 'CLOSED' | 'IN_TRAINING' | 'COMPLETED' | 'CANCELLED';
  applicationClosesAt: string;
  /** The last training day, `YYYY-MM-DD`. */
  endDate: string;
  timeZone: string;
};

/** The next moment the badge changes by itself: the window closing, or the last training day ending. */
function nextChangeOf(call: Call): string | null {
  if (call.status === 'OPEN') return call.applicationClosesAt;
  if (call.status === 'IN_TRAINING')
    return startOfLocalDate(addDays(call.endDate, 1), call.timeZone).toISOString();
  return null;
}

/**
 * A call's status as staff read it: an open call whose application window has passed says
 * "Pendaftaran ditutup", a call in training past its last day says "Menunggu hasil" (both from the
 * moment they happen, without a reload); every other status is the shared badge.
 */
export function CallStateBadge({ call, ...props }: { call: Call } & BadgeProps) {
  const { t, locale } = useLocale();
  useRerenderAt(nextChangeOf(call));
  const state = callStateOf(call, new Date());
  if (state === 'AWAITING_RESULTS') {
    return (
      <Tooltip label={t('admin.callState.awaitingResultsTip')} withArrow multiline maw={260}>
        <Badge color="orange" variant="light" {...props}>
          {t('admin.callState.AWAITING_RESULTS')}
        </Badge>
      </Tooltip>
    );
  }
  if (state !== 'APPLICATIONS_CLOSED') return <CallStatusBadge status={call.status} {...props} />;
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
