import { Badge, type BadgeProps } from '@mantine/core';

type Status = 'DRAFT' | 'SUBMITTED' | 'VERIFIED' | 'RETURNED';

/** With the teacher (draft grey; returned orange: they are to act), with the principal (blue), verified (green). */
const colors: Record<Status, string> = {
  DRAFT: 'gray',
  SUBMITTED: 'blue',
  VERIFIED: 'green',
  RETURNED: 'orange',
};

/** A dissemination report's status, in the words the API gives (`statusLabel`). */
export function DisseminationStatusBadge({
  status,
  label,
  ...props
}: { status: Status; label: string } & Omit<BadgeProps, 'children' | 'color'>) {
  return (
    <Badge color={colors[status]} variant="light" tt="none" size="md" style={{ flexShrink: 0 }} {...props}>
      {label}
    </Badge>
  );
}
