import { useLocale } from '@kmg/ui';
import { Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconBan, IconClockX, IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { type Verdict, type VerificationOutcome, verdictOf } from '#lib/verdict.ts';

const looks: Record<Verdict['kind'], { color: string; icon: ReactNode; title: string }> = {
  valid: { color: 'green.9', icon: <IconShieldCheck size={18} aria-hidden />, title: 'verdictValid' },
  revoked: { color: 'red.9', icon: <IconBan size={18} aria-hidden />, title: 'verdictRevoked' },
  suspended: {
    color: 'yellow.9',
    icon: <IconAlertTriangle size={18} aria-hidden />,
    title: 'verdictSuspended',
  },
  expired: { color: 'gray.8', icon: <IconClockX size={18} aria-hidden />, title: 'verdictExpired' },
  invalid: { color: 'red.9', icon: <IconShieldX size={18} aria-hidden />, title: 'verdictInvalid' },
};

/** A verification's verdict in one line (icon and words), for lists of credentials checked together. */
export function VerdictLine({ verification }: { verification: VerificationOutcome }) {
  const { t } = useLocale();
  const look = looks[verdictOf(verification).kind];
  return (
    <Group gap={4} wrap="nowrap" c={look.color}>
      {look.icon}
      <Text size="sm" fw={700} c={look.color}>
        {t(`learner.verify.${look.title}`)}
      </Text>
    </Group>
  );
}
