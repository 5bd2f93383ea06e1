import type { RplApplicationStatus } from '@kmg/domain';
import { Badge, type BadgeProps } from '@mantine/core';

/**
 * With the teacher (a draft; returned: orange, they are to act), with the university (blue),
 * validated and waiting for its decree (teal), decided (green), appealed (cyan), withdrawn (grey).
 */
const colors: Record<RplApplicationStatus, string> = {
  DRAFT: 'gray',
  SUBMITTED: 'blue',
  EVIDENCE_REQUESTED: 'orange',
  IN_ASSESSMENT: 'blue',
  AWAITING_COMMITTEE: 'blue',
  AWAITING_VALIDATION: 'blue',
  APPROVED: 'teal',
  DECIDED: 'green',
  APPEALED: 'cyan',
  WITHDRAWN: 'gray',
};

/** An RPL application's status, in the words the API gives (`statusLabel`). */
export function RplStatusBadge({
  status,
  label,
  ...props
}: { status: RplApplicationStatus; label: string } & Omit<BadgeProps, 'children' | 'color'>) {
  return (
    <Badge
      color={colors[status]}
      variant={status === 'WITHDRAWN' ? 'outline' : 'light'}
      tt="none"
      size="md"
      {...props}
    >
      {label}
    </Badge>
  );
}
