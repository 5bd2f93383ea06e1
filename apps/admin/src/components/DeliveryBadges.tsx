import { useLocale } from '@kmg/ui';
import { Badge, type BadgeProps } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconClock, IconX } from '@tabler/icons-react';
import { wrappingBadgeStyles } from '#lib/badge-styles.ts';
import type { Verdict } from '#lib/delivery.ts';

// The words and colours of delivery: a participant's verdict, a unit decision, where their
// credential is in the queue and whether it still holds.

const verdictColors: Record<Verdict, string> = { passed: 'green', failed: 'red', incomplete: 'gray' };

export function VerdictBadge({ verdict, ...props }: { verdict: Verdict } & BadgeProps) {
  const { t } = useLocale();
  const Icon = verdict === 'passed' ? IconCircleCheck : verdict === 'failed' ? IconX : IconClock;
  return (
    <Badge
      color={verdictColors[verdict]}
      variant="light"
      tt="none"
      styles={wrappingBadgeStyles}
      leftSection={<Icon size={13} aria-hidden />}
      {...props}
    >
      {t(`admin.delivery.verdict.${verdict}`)}
    </Badge>
  );
}

export function DecisionBadge({ decision, ...props }: { decision: string | null } & BadgeProps) {
  const { t } = useLocale();
  const color = decision === 'KOMPETEN' ? 'green' : decision === 'BELUM_KOMPETEN' ? 'orange' : 'gray';
  return (
    <Badge color={color} variant="light" tt="none" styles={wrappingBadgeStyles} {...props}>
      {t(`admin.delivery.decision.${decision ?? 'none'}`)}
    </Badge>
  );
}

const issuanceColors: Record<string, string> = { QUEUED: 'blue', ISSUED: 'green', FAILED: 'red' };

export function IssuanceBadge({ status, ...props }: { status: string } & BadgeProps) {
  const { t } = useLocale();
  return (
    <Badge
      color={issuanceColors[status] ?? 'gray'}
      variant="light"
      tt="none"
      styles={wrappingBadgeStyles}
      leftSection={status === 'FAILED' ? <IconAlertTriangle size={13} aria-hidden /> : undefined}
      {...props}
    >
      {t(`admin.delivery.issuance.status.${status}`, { defaultValue: status })}
    </Badge>
  );
}

const credentialColors: Record<string, string> = {
  ACTIVE: 'green',
  SUSPENDED: 'yellow',
  REVOKED: 'red',
  EXPIRED: 'gray',
};

export function CredentialStatusBadge({ status, ...props }: { status: string } & BadgeProps) {
  const { t } = useLocale();
  return (
    <Badge
      color={credentialColors[status] ?? 'gray'}
      variant="light"
      tt="none"
      styles={wrappingBadgeStyles}
      {...props}
    >
      {t(`admin.delivery.credential.status.${status}`, { defaultValue: status })}
    </Badge>
  );
}
