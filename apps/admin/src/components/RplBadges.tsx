import type { RplCaseStatus } from '@kmg/domain';
import { useLocale } from '@kmg/ui';
import { Badge, type BadgeProps } from '@mantine/core';

/** Demo data: an example rule or programme, not a university's decision. */
export function RplIllustrativeBadge(props: BadgeProps) {
  const { t } = useLocale();
  return (
    <Badge
      variant="light"
      color="grape"
      size="xs"
      tt="none"
      title={t('admin.rpl.illustrativeHint')}
      {...props}
    >
      {t('admin.rpl.illustrative')}
    </Badge>
  );
}

const ruleColors = { DRAFT: 'yellow', APPROVED: 'teal', RETIRED: 'gray' } as const;

export function RuleStatusBadge({ status, ...props }: BadgeProps & { status: keyof typeof ruleColors }) {
  const { t } = useLocale();
  return (
    <Badge variant="light" color={ruleColors[status]} size="sm" tt="none" {...props}>
      {t(`admin.rpl.rules.status.${status}`)}
    </Badge>
  );
}

/** Every status of an application as a case (part 2 added the reviewers' steps); AA-contrast hues only. */
const applicationColors = {
  DRAFT: 'gray',
  SUBMITTED: 'blue',
  EVIDENCE_REQUESTED: 'orange',
  IN_ASSESSMENT: 'indigo',
  AWAITING_COMMITTEE: 'cyan',
  AWAITING_VALIDATION: 'yellow',
  APPROVED: 'teal',
  DECIDED: 'green',
  APPEALED: 'red',
  WITHDRAWN: 'gray',
} as const satisfies Record<RplCaseStatus, string>;

/** An application's status, in the API's own words (`statusLabel`). */
export function RplApplicationStatusBadge({
  status,
  label,
  ...props
}: BadgeProps & { status: RplCaseStatus; label: string }) {
  return (
    <Badge variant="light" color={applicationColors[status]} size="sm" tt="none" {...props}>
      {label}
    </Badge>
  );
}
