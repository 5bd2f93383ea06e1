import { CredentialStatusBadge, formatDateRange, formatNumber, useLocale } from '@kmg/ui';
import {
  Alert,
  Anchor,
  Card,
  Group,
  Skeleton,
  Stack,
  Text,
  type TextProps,
  ThemeIcon,
  Title,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconBan,
  IconCertificate,
  IconChevronRight,
  IconClockX,
} from '@tabler/icons-react';
import { type ReactNode, useId } from 'react';
import { Link } from 'react-router';
import { CardSkeleton } from '#components/CardSkeleton.tsx';
import { CredentialActions, CredentialActions_credential } from '#components/CredentialActions.tsx';
import {
  CredentialComponents,
  CredentialComponents_credential,
  walletLink,
} from '#components/CredentialComponents.tsx';
import { callPath, Fact, FactList } from '#components/CredentialFacts.tsx';
import { CredentialUnits } from '#components/CredentialUnits.tsx';
import {
  CredentialVisibilitySwitch,
  CredentialVisibilitySwitch_credential,
} from '#components/CredentialVisibilitySwitch.tsx';
import { DownloadJsonButton } from '#components/DownloadJsonButton.tsx';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';
import { readCredentialSource } from '#lib/credential-view.ts';
import { formatDay } from '#lib/format-day.ts';
import { pathwayPath } from '#lib/pathway-links.ts';

export const CredentialCard_credential = graphql(
  `
    fragment CredentialCard_credential on Credential {
      id
      credentialId
      name
      achievementType
      issuerName
      parentOrganizationName
      awardedAt
      validFrom
      validUntil
      status
      revocationReason
      suspensionReason
      workloadHours
      sks
      source
      trainingStartDate
      trainingEndDate
      call {
        id
        title
      }
      kind
      clrUrl
      pathwayVersion {
        id
        code
        title
      }
      ...CredentialActions_credential
      ...CredentialComponents_credential
      ...CredentialVisibilitySwitch_credential
    }
  `,
  [CredentialActions_credential, CredentialComponents_credential, CredentialVisibilitySwitch_credential],
);

/**
 * One credential in the wallet: what it is, from whom, its units and results, and what to do with
 * it. A pathway credential shows the credentials it was built from instead of units (its page has
 * them all) and offers its CLR bundle; a training credential names the pathways it is part of.
 */
export function CredentialCard({
  credential: data,
}: {
  credential: FragmentOf<typeof CredentialCard_credential>;
}) {
  const credential = readFragment(CredentialCard_credential, data);
  const { t, locale } = useLocale();
  const headingId = useId();
  const details = readCredentialSource(credential.source, locale);
  const link = `/kredensial/${encodeURIComponent(credential.credentialId)}`;
  const isRevoked = credential.status === 'REVOKED';
  const isPathway = credential.kind === 'PATHWAY';

  const worth = [
    credential.workloadHours > 0 && t('learner.credentials.hours', { count: credential.workloadHours }),
    credential.sks > 0 && t('learner.credentials.sks', { value: formatNumber(credential.sks, locale) }),
  ].filter(Boolean);

  return (
    <Card component="article" withBorder radius="md" padding="md" aria-labelledby={headingId}>
      <Stack gap="md">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          {details.imageUrl ? (
            // The achievement's seal; greyed out once the credential is revoked.
            <img
              src={details.imageUrl}
              alt=""
              width={88}
              height={88}
              style={{ flexShrink: 0, filter: isRevoked ? 'grayscale(1) opacity(0.6)' : undefined }}
            />
          ) : (
            <ThemeIcon
              size={44}
              radius="md"
              variant="light"
              color={isRevoked ? 'gray' : 'kmg'}
              aria-hidden
              style={{ flexShrink: 0 }}
            >
              <IconCertificate size={26} stroke={1.6} />
            </ThemeIcon>
          )}
          <div style={{ minWidth: 0, flex: 1 }}>
            <Group gap={6} mb={4}>
              <CredentialStatusBadge status={credential.status} size="sm" />
              <Text size="xs" c="gray.7" fw={600}>
                {t(`learner.credentials.type.${credential.achievementType}`, {
                  defaultValue: credential.achievementType,
                })}
                {details.kkniLevel !== null &&
                  ` · ${t('learner.credentials.kkni', { level: details.kkniLevel })}`}
              </Text>
            </Group>
            <Title order={2} fz="lg" lh={1.3} id={headingId}>
              <Anchor component={Link} to={link} c="dark.8" inherit>
                {credential.name}
              </Anchor>
            </Title>
            <Text size="sm" c="gray.7" mt={2}>
              {credential.issuerName}
              {/* The directorate issues pathway credentials itself: no need to name it twice. */}
              {credential.parentOrganizationName &&
                credential.parentOrganizationName !== credential.issuerName &&
                ` · ${credential.parentOrganizationName}`}
            </Text>
            {credential.call && (
              <CredentialOrigin
                label={t('learner.credentials.fromCall')}
                to={callPath(credential.call.id)}
                title={credential.call.title}
                mt={4}
              />
            )}
            {credential.pathwayVersion && (
              <CredentialOrigin
                label={t('learner.credentials.fromPathway')}
                to={pathwayPath(credential.pathwayVersion.code)}
                title={credential.pathwayVersion.title}
                mt={4}
              />
            )}
          </div>
        </Group>

        <FactList isCompact>
          <Fact label={t('learner.facts.issued')}>{formatDay(credential.awardedAt, locale)}</Fact>
          <Fact
            label={t(
              credential.status === 'EXPIRED'
                ? 'learner.credentials.expiredLabel'
                : 'learner.facts.validUntil',
            )}
          >
            {credential.validUntil ? formatDay(credential.validUntil, locale) : t('learner.facts.noExpiry')}
          </Fact>
          {credential.trainingStartDate && credential.trainingEndDate && (
            <Fact label={t('learner.facts.training')}>
              {formatDateRange(credential.trainingStartDate, credential.trainingEndDate, locale)}
            </Fact>
          )}
          {worth.length > 0 && <Fact label={t('learner.facts.workload')}>{worth.join(' · ')}</Fact>}
        </FactList>

        <CredentialStatusNotice
          status={credential.status}
          revocationReason={credential.revocationReason}
          suspensionReason={credential.suspensionReason}
        />

        <CredentialComponents credential={credential} linkOf={walletLink} />

        {details.units.length > 0 && !isRevoked && !isPathway && (
          // Named with the credential's title: a wallet shows one units list per credential.
          <section aria-labelledby={`${headingId}-units ${headingId}`}>
            <Title order={3} fz="sm" fw={600} c="gray.8" mb={6} id={`${headingId}-units`}>
              {t('learner.credentials.units')}
            </Title>
            <CredentialUnits units={details.units} labelledBy={`${headingId}-units`} />
          </section>
        )}

        <CredentialActions credential={credential} compact />

        {!isRevoked && <CredentialVisibilitySwitch credential={credential} />}

        {credential.clrUrl && !isRevoked && (
          <ClrDownloadButton url={credential.clrUrl} credentialId={credential.credentialId}>
            {t('learner.credentials.downloadClr')}
          </ClrDownloadButton>
        )}

        <Anchor component={Link} to={link} size="sm" fw={600} style={{ alignSelf: 'flex-start' }}>
          <Group gap={2} component="span">
            {t('learner.credentials.details')}
            <IconChevronRight size={16} aria-hidden />
          </Group>
        </Anchor>
      </Stack>
    </Card>
  );
}

/** Labels wrap rather than being cut off, as in `CredentialActions`. */
const wrappingButton = {
  root: { height: 'auto', minHeight: 44, paddingBlock: 6 },
  label: { whiteSpace: 'normal', lineHeight: 1.25, textAlign: 'left' },
  section: { marginInlineEnd: 8 },
} as const;

/** Saves the credential as a CLR bundle: the pathway credential with the ones it is made of. */
export function ClrDownloadButton({
  url,
  credentialId,
  children,
}: {
  url: string;
  credentialId: string;
  children: ReactNode;
}) {
  return (
    <DownloadJsonButton
      url={url}
      filename={`kmg-clr-${credentialId}.json`}
      variant="default"
      size="sm"
      fullWidth
      justify="flex-start"
      px={12}
      styles={wrappingButton}
    >
      {children}
    </DownloadJsonButton>
  );
}

/** Where a credential came from (a call, a pathway), linked. */
export function CredentialOrigin({
  label,
  to,
  title,
  mt,
}: {
  label: string;
  to: string;
  title: string;
  mt?: TextProps['mt'];
}) {
  return (
    <Text size="sm" c="gray.8" mt={mt}>
      {label}{' '}
      <Anchor component={Link} to={to} inherit fw={600}>
        {title}
      </Anchor>
    </Text>
  );
}

/** Why a credential does not hold (revoked, suspended: with the issuer's reason; expired). */
export function CredentialStatusNotice({
  status,
  revocationReason,
  suspensionReason,
}: {
  status: string;
  revocationReason: string | null;
  suspensionReason: string | null;
}) {
  const { t } = useLocale();
  const notice =
    status === 'REVOKED'
      ? {
          color: 'red',
          icon: <IconBan size={20} aria-hidden />,
          text: t('learner.credentials.revoked'),
          reason: revocationReason,
        }
      : status === 'SUSPENDED'
        ? {
            color: 'yellow',
            icon: <IconAlertTriangle size={20} aria-hidden />,
            text: t('learner.credentials.suspended'),
            reason: suspensionReason,
          }
        : status === 'EXPIRED'
          ? {
              color: 'gray',
              icon: <IconClockX size={20} aria-hidden />,
              text: t('learner.credentials.expired'),
              reason: null,
            }
          : null;
  if (!notice) return null;
  return (
    <Alert color={notice.color} variant="light" icon={notice.icon} p="sm">
      <Text size="sm">{notice.text}</Text>
      {notice.reason && (
        <Text size="sm" fw={600} mt={4}>
          {t('learner.credentials.reason', { reason: notice.reason })}
        </Text>
      )}
    </Alert>
  );
}

export function CredentialCardSkeleton() {
  return (
    <CardSkeleton>
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <Skeleton height={44} width={44} radius="md" />
        <Stack gap={6} style={{ flex: 1 }}>
          <Skeleton height={18} width={120} radius="xl" />
          <Skeleton height={22} width="80%" />
          <Skeleton height={14} width="60%" />
        </Stack>
      </Group>
      <Skeleton height={14} width="70%" />
      <Skeleton height={14} width="40%" />
      <Skeleton height={96} radius="md" />
      <Skeleton height={44} radius="md" />
    </CardSkeleton>
  );
}
