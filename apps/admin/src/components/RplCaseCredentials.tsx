import { CredentialStatusBadge, formatInstant, formatLocalDate, formatNumber, useLocale } from '@kmg/ui';
import { Anchor, Badge, Group, List, Paper, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconCheck, IconExternalLink, IconX } from '@tabler/icons-react';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';
import { readCredentialDocument } from '#lib/credential-document.ts';
import { formatCompactDate } from '#lib/format.ts';
import { readVerification } from '#lib/rpl-application.ts';

export const RplCaseCredentials_case = graphql(`
  fragment RplCaseCredentials_case on RplApplication {
    credentials {
      entryId
      externalCredentialId
      externalName
      isVerified
      verification
      verifiedAt
      credential {
        id
        credentialId
        name
        issuerName
        achievementType
        workloadHours
        sks
        status
        validFrom
        validUntil
        trainingStartDate
        trainingEndDate
        verifyUrl
        document
      }
    }
  }
`);

/** Credential dates are read in Jakarta, as the API reads validity on the cut-off date. */
const credentialTimeZone = 'Asia/Jakarta';

/** The id the proposal and the self-evaluation name a credential by (the wallet's uuid, or the import's id). */
export function credentialKey(entry: {
  entryId: string;
  externalCredentialId: string | null;
  credential: { credentialId: string } | null;
}): string {
  return entry.credential?.credentialId ?? entry.externalCredentialId ?? entry.entryId;
}

/** Where a credential's card is, for links from a CPMK's self-evaluation. */
export const credentialAnchor = (key: string) => `rpl-credential-${key}`;

/**
 * The credentials the teacher put forward, each with the checks made at submission (signature,
 * status, validity on the cut-off date, recipient) and what it certifies: hours, SKS, SKKNI units
 * with K/BK, learning outcomes. `highlight` marks the credentials behind what the reader looks at.
 */
export function RplCaseCredentials({
  application: data,
  highlight = [],
}: {
  application: FragmentOf<typeof RplCaseCredentials_case>;
  highlight?: readonly string[];
}) {
  const { t, locale } = useLocale();
  const { credentials } = readFragment(RplCaseCredentials_case, data);
  if (credentials.length === 0) return <Text c="dimmed">{t('admin.rplCase.credentials.none')}</Text>;
  return (
    <Stack gap="sm">
      {credentials.map((entry) => {
        const key = credentialKey(entry);
        const verification = readVerification(entry.verification);
        const credential = entry.credential;
        const content = readCredentialDocument(credential?.document, locale);
        const isHighlighted = highlight.includes(key);
        const facts = credential
          ? [
              t('admin.rplCase.credentials.hours', { count: credential.workloadHours }),
              `${formatNumber(credential.sks, locale)} SKS`,
              content.kkniLevel && t('admin.rplCase.credentials.kkni', { level: content.kkniLevel }),
              credential.trainingStartDate && credential.trainingEndDate
                ? t('admin.rplCase.credentials.training', {
                    start: formatLocalDate(credential.trainingStartDate, locale, 'medium'),
                    end: formatLocalDate(credential.trainingEndDate, locale, 'medium'),
                  })
                : null,
              t('admin.rplCase.credentials.valid', {
                from: formatCompactDate(credential.validFrom, locale, credentialTimeZone),
                until: credential.validUntil
                  ? formatCompactDate(credential.validUntil, locale, credentialTimeZone)
                  : t('admin.rplCase.credentials.noExpiry'),
              }),
            ].filter(Boolean)
          : [];
        return (
          <Paper
            key={entry.entryId}
            id={credentialAnchor(key)}
            tabIndex={-1}
            withBorder
            radius="md"
            p="md"
            className="rpl-credential"
            data-highlighted={isHighlighted || undefined}
          >
            <Group justify="space-between" align="flex-start" gap="sm" wrap="nowrap">
              <div style={{ minWidth: 0 }}>
                <Text fw={600} size="sm">
                  {credential?.name ?? entry.externalName}
                </Text>
                <Text size="xs" c="dimmed">
                  {credential ? credential.issuerName : t('admin.rpl.application.external')}
                </Text>
              </div>
              <Badge
                color={entry.isVerified ? 'teal' : entry.isVerified === false ? 'red' : 'gray'}
                variant="light"
                tt="none"
                style={{ flexShrink: 0 }}
              >
                {entry.isVerified
                  ? t('admin.rpl.application.verified')
                  : entry.isVerified === false
                    ? t('admin.rpl.application.notVerified')
                    : t('admin.rpl.application.unchecked')}
              </Badge>
            </Group>
            {verification.checks.length > 0 && (
              <Group gap="md" mt="xs" aria-label={t('admin.rplCase.credentials.checks')}>
                {verification.checks.map((check) => (
                  <Group key={check.key} gap={4} wrap="nowrap">
                    {check.ok ? (
                      <IconCheck size={16} color="var(--mantine-color-teal-7)" aria-hidden />
                    ) : (
                      <IconX size={16} color="var(--mantine-color-red-7)" aria-hidden />
                    )}
                    <Text size="xs">
                      {t(`admin.rpl.application.check.${check.key}`)}
                      <VisuallyHidden component="span">
                        {': '}
                        {check.ok
                          ? t('admin.rpl.application.checkOk')
                          : t('admin.rpl.application.checkFailed')}
                      </VisuallyHidden>
                    </Text>
                  </Group>
                ))}
              </Group>
            )}
            {(verification.detail || entry.verifiedAt) && (
              <Text size="xs" c="dimmed" mt={4}>
                {verification.detail}
                {verification.detail && entry.verifiedAt ? ' · ' : ''}
                {entry.verifiedAt &&
                  t('admin.rplCase.credentials.checkedAt', {
                    date: formatInstant(entry.verifiedAt, locale),
                    cutoff: verification.cutoffDate ? formatLocalDate(verification.cutoffDate, locale) : '—',
                  })}
              </Text>
            )}
            {credential && credential.status !== 'ACTIVE' && (
              <Group gap={6} mt={6}>
                <Text size="xs" fw={600} c="red.8">
                  {t('admin.rplCase.credentials.statusNow')}
                </Text>
                <CredentialStatusBadge status={credential.status} size="sm" />
              </Group>
            )}
            {facts.length > 0 && (
              <Text size="xs" mt={6}>
                {facts.join(' · ')}
              </Text>
            )}
            {content.units.length > 0 && (
              <div>
                <Text size="xs" fw={600} mt="xs">
                  {t('admin.rplCase.credentials.units', { count: content.units.length })}
                </Text>
                <List size="xs" spacing={2} mt={2} listStyleType="none" ml={0} pl={0}>
                  {content.units.map((unit) => (
                    <List.Item key={unit.code}>
                      <Group gap={6} wrap="nowrap" align="flex-start">
                        {unit.result && (
                          <Badge
                            size="xs"
                            variant="light"
                            color={unit.result === 'K' ? 'teal' : 'red'}
                            title={t(`admin.rplCase.credentials.result.${unit.result}`)}
                            style={{ flexShrink: 0 }}
                          >
                            {unit.result}
                            <VisuallyHidden component="span">
                              {' '}
                              ({t(`admin.rplCase.credentials.result.${unit.result}`)})
                            </VisuallyHidden>
                          </Badge>
                        )}
                        <Text size="xs">
                          <b>{unit.code}</b> {unit.title}
                        </Text>
                      </Group>
                    </List.Item>
                  ))}
                </List>
              </div>
            )}
            {content.learningOutcomes.length > 0 && (
              <details className="rpl-details">
                <summary>
                  <Text size="xs" fw={600} span>
                    {t('admin.rplCase.credentials.outcomes', { count: content.learningOutcomes.length })}
                  </Text>
                </summary>
                <List size="xs" spacing={2} mt={4}>
                  {content.learningOutcomes.map((outcome) => (
                    <List.Item key={outcome}>{outcome}</List.Item>
                  ))}
                </List>
              </details>
            )}
            {credential && (
              <Anchor
                href={credential.verifyUrl}
                target="_blank"
                rel="noopener"
                size="xs"
                mt={6}
                display="inline-block"
              >
                <Group gap={4} component="span" wrap="nowrap">
                  <IconExternalLink size={14} aria-hidden />
                  {t('admin.rplCase.credentials.verify')}
                </Group>
              </Anchor>
            )}
          </Paper>
        );
      })}
    </Stack>
  );
}
