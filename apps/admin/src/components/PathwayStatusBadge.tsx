import { useLocale } from '@kmg/ui';
import { Badge, type BadgeProps } from '@mantine/core';

const colors: Record<string, string> = { DRAFT: 'yellow', PUBLISHED: 'green', RETIRED: 'gray' };

/** Draf, Terbit, Dipensiunkan. */
export function PathwayStatusBadge({ status, ...props }: { status: string } & BadgeProps) {
  const { t } = useLocale();
  return (
    <Badge color={colors[status] ?? 'gray'} variant="light" tt="none" {...props}>
      {t(`admin.pathways.status.${status}`)}
    </Badge>
  );
}
