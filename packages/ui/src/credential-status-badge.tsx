import type { Locale } from '@kmg/domain';
import { Badge, type BadgeProps } from '@mantine/core';
import { useLocale } from '#i18n.ts';

export const credentialStatuses = ['ACTIVE', 'EXPIRED', 'SUSPENDED', 'REVOKED'] as const;
export type CredentialStatus = (typeof credentialStatuses)[number];

/** Green while it holds, grey once its period is over, yellow while suspended, red once revoked. */
export const credentialStatusColors: Record<CredentialStatus, string> = {
  ACTIVE: 'green',
  EXPIRED: 'gray',
  SUSPENDED: 'yellow',
  REVOKED: 'red',
};

/**
 * A credential's status as its holder and a verifier read it. Kept beside the badge (not in the
 * apps' message files) so that both apps show the same words without sharing resources.
 */
export const credentialStatusLabels: Record<CredentialStatus, Record<Locale, string>> = {
  ACTIVE: { id: 'Berlaku', en: 'Valid' },
  EXPIRED: { id: 'Kedaluwarsa', en: 'Expired' },
  SUSPENDED: { id: 'Ditangguhkan', en: 'Suspended' },
  REVOKED: { id: 'Dicabut', en: 'Revoked' },
};

const isCredentialStatus = (status: string): status is CredentialStatus =>
  (credentialStatuses as readonly string[]).includes(status);

/** Berlaku, Kedaluwarsa, Ditangguhkan, Dicabut; `label` replaces the words where the context says more. */
export function CredentialStatusBadge({
  status,
  label,
  ...props
}: { status: string; label?: string } & BadgeProps) {
  const { locale } = useLocale();
  const known = isCredentialStatus(status) ? status : null;
  return (
    <Badge color={known ? credentialStatusColors[known] : 'gray'} variant="light" tt="none" {...props}>
      {label ?? (known ? credentialStatusLabels[known][locale] : status)}
    </Badge>
  );
}
