import { formatInstant, useLocale } from '@kmg/ui';
import {
  Accordion,
  Anchor,
  Card,
  Code,
  Group,
  Paper,
  Skeleton,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconBan,
  IconCircleCheckFilled,
  IconCircleMinus,
  IconCircleXFilled,
  IconClockX,
  IconShieldCheck,
  IconShieldX,
} from '@tabler/icons-react';
import { type ReactNode, useId } from 'react';
import { Link } from 'react-router';
import { CredentialDetails, CredentialDetails_credential } from '#components/CredentialDetails.tsx';
import { CredentialFacts } from '#components/CredentialFacts.tsx';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';
import { readClrBundle } from '#lib/clr.ts';
import {
  type CredentialView,
  credentialUuid,
  credentialViewFromDocument,
  isReadable,
} from '#lib/credential-view.ts';
import { formatDay } from '#lib/format-day.ts';
import { type CheckResult, checkNames, checkResultOf, type Verdict, verdictOf } from '#lib/verdict.ts';
import classes from './VerificationResult.module.css';

export const VerificationResult_verification = graphql(
  `
    fragment VerificationResult_verification on CredentialVerification {
      valid
      credentialId
      issuerId
      revocationReason
      suspensionReason
      checks {
        name
        code
        ok
        message
      }
      credential {
        id
        credentialId
        issuerName
        validUntil
        ...CredentialDetails_credential
      }
    }
  `,
  [CredentialDetails_credential],
);

/**
 * What a verifier reads: the verdict first (valid, revoked with the reason, suspended, expired,
 * invalid with the checks that failed), then what the credential says, then each check. A checked
 * file (`document`) is shown as the file states it, since that is what was checked; a credential
 * checked by its id is shown from KMG's record.
 */
export function VerificationResult({
  verification: data,
  document,
  checkedAt,
  isBundle = false,
  afterContent,
}: {
  verification: FragmentOf<typeof VerificationResult_verification>;
  /** The parsed JSON that was checked, when a file was pasted or uploaded. */
  document?: unknown;
  checkedAt: Date;
  /** A CLR 2.0 bundle: its format is CLR, and its content is told by `BundleResult`. */
  isBundle?: boolean;
  /** Between what the credential says and its checks: a pathway credential's components. */
  afterContent?: ReactNode;
}) {
  const verification = readFragment(VerificationResult_verification, data);
  const { t, locale } = useLocale();
  // A bundle's `valid` also covers every credential inside it: its verdict here is the bundle's
  // own checks, and `BundleResult` tells about the credentials inside.
  const verdict = verdictOf(
    isBundle ? { ...verification, valid: verification.checks.every((check) => check.ok) } : verification,
  );
  const record = verification.credential;
  const fromDocument =
    document === undefined || isBundle ? null : credentialViewFromDocument(document, locale);
  const bundle = isBundle ? readClrBundle(document) : null;
  const issuerName =
    (bundle ? bundle.issuerName : fromDocument ? fromDocument.issuerName : record?.issuerName) || null;
  const validUntil = fromDocument ? fromDocument.validUntil : (record?.validUntil ?? null);
  const recordUuid = document !== undefined && record ? credentialUuid(record.credentialId) : null;
  const checksHeading = useId();
  const hasStatus = verification.checks.some(
    (check) => check.name === 'status' && checkResultOf(check) !== 'notChecked',
  );

  return (
    <Stack gap="lg">
      <VerdictPanel
        verdict={verdict}
        issuerName={issuerName}
        validUntil={validUntil}
        hasStatus={hasStatus}
        checkedAt={checkedAt}
        isBundle={isBundle}
      />

      {fromDocument ? (
        <DocumentContent view={fromDocument} credentialId={credentialUuid(verification.credentialId)}>
          {recordUuid && (
            <Text size="sm">
              {t('learner.verify.ourRecord')}{' '}
              <Anchor component={Link} to={`/verify/${recordUuid}`} inherit fw={600}>
                {t('learner.verify.ourRecordLink')}
              </Anchor>
            </Text>
          )}
        </DocumentContent>
      ) : (
        // A bundle KMG signed is on record too, but `BundleResult` tells what it holds.
        record &&
        !isBundle && (
          <Card
            withBorder
            radius="md"
            padding="lg"
            component="section"
            aria-label={t('learner.verify.content')}
          >
            <CredentialDetails credential={record} headingOrder={2} />
          </Card>
        )
      )}

      {afterContent}

      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={checksHeading}>
        <Title order={2} fz="lg" id={checksHeading} mb="sm">
          {t('learner.verify.checksHeading')}
        </Title>
        <ul className={classes.checks}>
          {[...verification.checks]
            .sort((a, b) => order(a.name) - order(b.name))
            .map((check) => {
              const result = checkResultOf(check);
              return (
                <li key={check.name} className={classes.check}>
                  <span className={classes.checkIcon} data-result={result} aria-hidden>
                    {resultIcons[result]}
                  </span>
                  <div>
                    <Text fw={600} size="sm" lh={1.4}>
                      {isBundle && check.name === 'schema'
                        ? t('learner.verify.bundle.schemaName')
                        : t(`learner.verify.checkNames.${check.name}`, { defaultValue: check.name })}
                      <Text span c={resultColors[result]} fw={600} inherit>
                        {': '}
                        {t(`learner.verify.${result}`)}
                      </Text>
                    </Text>
                    <Text size="sm" c="gray.8" lh={1.45}>
                      {t(
                        isBundle && check.name === 'schema'
                          ? `learner.verify.bundle.schema.${check.code}`
                          : `learner.verify.checks.${check.name}.${check.code}`,
                        { defaultValue: check.message },
                      )}
                    </Text>
                  </div>
                </li>
              );
            })}
        </ul>
        <Accordion variant="default" mt="sm" chevronPosition="right">
          <Accordion.Item value="technical" className={classes.technical}>
            <Accordion.Control px={0}>
              <Text size="sm" fw={600}>
                {t('learner.verify.technical')}
              </Text>
            </Accordion.Control>
            <Accordion.Panel>
              <Stack gap="xs">
                <Text size="xs" c="gray.7">
                  {t('learner.verify.technicalHint')}
                </Text>
                {verification.credentialId && (
                  <Technical label={t('learner.verify.credentialId')}>{verification.credentialId}</Technical>
                )}
                {verification.issuerId && (
                  <Technical label={t('learner.verify.issuerId')}>{verification.issuerId}</Technical>
                )}
                {verification.checks.map((check) => (
                  <Technical key={check.name} label={`${check.name} (${check.code})`}>
                    {check.message}
                  </Technical>
                ))}
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
      </Card>
    </Stack>
  );
}

const resultIcons: Record<CheckResult, ReactNode> = {
  passed: <IconCircleCheckFilled size={24} />,
  failed: <IconCircleXFilled size={24} />,
  notChecked: <IconCircleMinus size={24} />,
};

const resultColors: Record<CheckResult, string> = {
  passed: 'green.9',
  failed: 'red.9',
  notChecked: 'gray.7',
};

function order(name: string): number {
  const index = (checkNames as readonly string[]).indexOf(name);
  return index === -1 ? checkNames.length : index;
}

function Technical({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" fw={600} c="gray.8">
        {label}
      </Text>
      <Code block className={classes.code}>
        {children}
      </Code>
    </div>
  );
}

function DocumentContent({
  view,
  credentialId,
  children,
}: {
  view: CredentialView;
  credentialId: string | null;
  children?: ReactNode;
}) {
  const { t } = useLocale();
  const headingId = useId();
  const hasContent = isReadable(view);
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={headingId}>
      <Title order={2} fz="lg" id={headingId}>
        {t('learner.verify.content')}
      </Title>
      <Text size="sm" c="gray.7" mb={hasContent || children ? 'md' : undefined}>
        {t(hasContent ? 'learner.verify.contentClaims' : 'learner.verify.contentUnreadable')}
      </Text>
      {children && <div className={classes.record}>{children}</div>}
      {hasContent && <CredentialFacts view={view} credentialId={credentialId} headingOrder={3} />}
    </Card>
  );
}

type VerdictLook = { color: string; icon: ReactNode; title: string; lines: string[] };

/** The verdict, where a screen reader and the eye land first: a heading inside a status region. */
function VerdictPanel({
  verdict,
  issuerName,
  validUntil,
  hasStatus,
  checkedAt,
  isBundle,
}: {
  verdict: Verdict;
  issuerName: string | null;
  validUntil: string | null;
  /** False when the credential carries no status: "not revoked" was not checked. */
  hasStatus: boolean;
  checkedAt: Date;
  isBundle: boolean;
}) {
  const { t, locale } = useLocale();
  // Inside a sentence: "tanda tangan digital", but "Open Badges 3.0" keeps its capitals.
  const checkList = (names: string[]) =>
    new Intl.ListFormat(locale === 'en' ? 'en-GB' : 'id-ID', { type: 'conjunction' }).format(
      names.map((name) =>
        isBundle && name === 'schema'
          ? t('learner.verify.bundle.schemaNameInline')
          : t(`learner.verify.checkNamesInline.${name}`, { defaultValue: name }),
      ),
    );
  const reasonLine = (reason: string | null) =>
    reason ? t('learner.verify.reason', { reason }) : t('learner.verify.noReason');

  const look = ((): VerdictLook => {
    switch (verdict.kind) {
      case 'valid':
        return {
          color: 'green',
          icon: <IconShieldCheck size={34} aria-hidden />,
          title: t('learner.verify.verdictValid'),
          lines: [
            t(hasStatus ? 'learner.verify.verdictValidText' : 'learner.verify.verdictValidNoStatusText', {
              issuer: issuerName ?? t('learner.verify.theIssuer'),
            }),
          ],
        };
      case 'revoked':
        return {
          color: 'red',
          icon: <IconBan size={34} aria-hidden />,
          title: t('learner.verify.verdictRevoked'),
          lines: [t('learner.verify.verdictRevokedText'), reasonLine(verdict.reason)],
        };
      case 'suspended':
        return {
          color: 'yellow',
          icon: <IconAlertTriangle size={34} aria-hidden />,
          title: t('learner.verify.verdictSuspended'),
          lines: [t('learner.verify.verdictSuspendedText'), reasonLine(verdict.reason)],
        };
      case 'expired':
        return {
          color: 'gray',
          icon: <IconClockX size={34} aria-hidden />,
          title: t('learner.verify.verdictExpired'),
          lines: [
            validUntil
              ? t('learner.verify.verdictExpiredOn', { date: formatDay(validUntil, locale) })
              : t('learner.verify.verdictExpiredText'),
          ],
        };
      case 'invalid':
        return {
          color: 'red',
          icon: <IconShieldX size={34} aria-hidden />,
          title: t('learner.verify.verdictInvalid'),
          lines: [
            verdict.failed.length
              ? t('learner.verify.verdictInvalidText', { checks: checkList(verdict.failed) })
              : t('learner.verify.verdictInvalidUnknown'),
          ],
        };
    }
  })();

  return (
    <Paper
      role="status"
      radius="md"
      p="lg"
      className={classes.verdict}
      data-verdict={verdict.kind}
      style={{
        background: `var(--mantine-color-${look.color}-0)`,
        borderColor: `var(--mantine-color-${look.color}-4)`,
      }}
    >
      <Group gap="md" wrap="nowrap" align="flex-start">
        <ThemeIcon
          size={56}
          radius="xl"
          color={look.color}
          variant="filled"
          aria-hidden
          style={{ flexShrink: 0 }}
        >
          {look.icon}
        </ThemeIcon>
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Title
            order={2}
            fz={{ base: 22, sm: 26 }}
            lh={1.25}
            // The theme's AA text colour for each tint (gray has none: plain dark text).
            c={look.color === 'gray' ? 'dark.8' : `var(--mantine-color-${look.color}-light-color)`}
          >
            {look.title}
          </Title>
          {look.lines.map((line, index) => (
            <Text key={line} size="md" fw={index > 0 ? 600 : undefined} c="dark.8">
              {line}
            </Text>
          ))}
          <Text size="xs" c="gray.7" mt={4}>
            {t('learner.verify.checkedAt', { when: formatInstant(checkedAt, locale) })}
          </Text>
        </Stack>
      </Group>
    </Paper>
  );
}

export function VerificationResultSkeleton() {
  return (
    <Stack gap="lg" aria-hidden>
      <Skeleton height={120} radius="md" />
      <Card withBorder radius="md" padding="lg">
        <Stack gap="sm">
          <Skeleton height={52} width={52} radius="md" />
          <Skeleton height={26} width="80%" />
          <Skeleton height={20} width="50%" />
          <Skeleton height={200} radius="md" />
        </Stack>
      </Card>
    </Stack>
  );
}
