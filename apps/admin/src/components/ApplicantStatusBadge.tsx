import { useLocale } from '@kmg/ui';
import { Badge, type BadgeProps, Tooltip } from '@mantine/core';
import { truncatingBadgeStyles, wrappingBadgeStyles } from '#lib/badge-styles.ts';

// Staff read the whole selection pipeline; the teacher-facing wording ("menunggu konfirmasi Anda")
// lives in the learner app.
const colors: Record<string, string> = {
  SUBMITTED: 'blue',
  ENDORSED: 'cyan',
  NOT_ENDORSED: 'gray',
  ENDORSEMENT_EXPIRED: 'gray',
  ACCEPTED: 'teal',
  CONFIRMED: 'green',
  WAITLISTED: 'yellow',
  REJECTED: 'red',
  DECLINED: 'gray',
  LAPSED: 'gray',
  WITHDRAWN: 'gray',
  CANCELLED: 'gray',
};

/**
 * An applicant's status. Where there is room it wraps; in a table (`oneLine`) it keeps one line,
 * ending in "…" when the column is too narrow, with the full words in a tooltip.
 */
export function ApplicantStatusBadge({
  status,
  oneLine,
  ...props
}: { status: string; oneLine?: boolean } & BadgeProps) {
  const { t } = useLocale();
  const label = t(`admin.applicationStatus.${status}`, { defaultValue: status });
  const badge = (
    <Badge
      color={colors[status] ?? 'gray'}
      variant="light"
      tt="none"
      styles={oneLine ? truncatingBadgeStyles : wrappingBadgeStyles}
      {...props}
    >
      {label}
    </Badge>
  );
  return oneLine ? (
    <Tooltip label={label} withArrow openDelay={300}>
      {badge}
    </Tooltip>
  ) : (
    badge
  );
}
