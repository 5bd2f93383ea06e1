import type { RplApplicationStatus } from '@kmg/domain';
import { Badge, type BadgeProps } from '@mantine/core';

const colors: Record<RplApplicationStatus, string> = {
  DRAFT: 'gray',
  SUBMITTED: 'blue',
  EVIDENCE_REQUESTED: 'orange',
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
