import { formatDateRange, formatNumber, useLocale } from '@kmg/ui';
import { Anchor, Group, List, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCertificate } from '@tabler/icons-react';
import { type ReactNode, useId } from 'react';
import { Link } from 'react-router';
import { CredentialUnits } from '#components/CredentialUnits.tsx';
import type { CredentialView } from '#lib/credential-view.ts';
import { formatDay } from '#lib/format-day.ts';
import classes from './CredentialFacts.module.css';

/**
 * A credential as a person reads it: what was achieved, by whom, from whom, when, and what it is
 * worth (units and results, hours, SKS, KKNI level). The same on the owner's page and on the public
 * verification page; what the credential does not say is left out.
 */
export function CredentialFacts({
  view,
  credentialId,
  headingOrder = 2,
  badge,
  children,
}: {
  view: CredentialView;
  /** The uuid, for people who quote it (an employer, an RPL reviewer). */
  credentialId?: string | null;
  headingOrder?: 1 | 2 | 3;
  /** Beside the kind of credential, above its name: the owner's status badge. */
  badge?: ReactNode;
  /** Shown under the heading: a status notice, the owner's actions. */
  children?: ReactNode;
}) {
  const { t, locale } = useLocale();
  const id = useId();
  const subheading = (headingOrder + 1) as 2 | 3 | 4;

  return (
    <Stack gap="lg">
      <div className={classes.heading}>
        {view.imageUrl ? (
          <img src={view.imageUrl} alt="" width={200} height={200} className={classes.picture} />
        ) : (
          <ThemeIcon size={52} radius="md" variant="light" color="kmg" aria-hidden>
            <IconCertificate size={30} stroke={1.6} />
          </ThemeIcon>
        )}
        <div style={{ minWidth: 0 }}>
          <Group gap="xs" mb={2}>
            {badge}
            {view.achievementType && (
              <Text size="sm" c="kmg.8" fw={600}>
                {t(`learner.credentials.type.${view.achievementType}`, {
                  defaultValue: view.achievementType,
                })}
              </Text>
            )}
          </Group>
          <Title order={headingOrder} fz={{ base: 22, sm: headingOrder === 1 ? 30 : 26 }} lh={1.25}>
            {view.name}
          </Title>
        </div>
      </div>

      {view.learnerName && (
        <div>
          <Text size="sm" c="gray.7">
            {t('learner.facts.awardedTo')}
          </Text>
          <Text fz={{ base: 20, sm: 22 }} fw={700} lh={1.3} c="dark.8">
            {view.learnerName}
          </Text>
        </div>
      )}

      {children}

      <FactList>
        {/* The training it was earned in, first: the rest of the grid then flows unbroken. */}
        {view.call && (
          <Fact label={t('learner.facts.call')} isWide>
            <Anchor component={Link} to={callPath(view.call.id)} inherit>
              {view.call.title}
            </Anchor>
          </Fact>
        )}
        {view.issuerName && (
          <Fact label={t('learner.facts.issuer')} isWideOnPhones>
            {view.issuerName}
          </Fact>
        )}
        {view.parentOrganizationName && (
          <Fact label={t('learner.facts.parentOrg')} isWideOnPhones>
            {view.parentOrganizationName}
          </Fact>
        )}
        {view.awardedAt && <Fact label={t('learner.facts.issued')}>{formatDay(view.awardedAt, locale)}</Fact>}
        {view.validFrom && (
          <Fact label={t('learner.facts.validUntil')}>
            {view.validUntil ? formatDay(view.validUntil, locale) : t('learner.facts.noExpiry')}
          </Fact>
        )}
        {view.training && (
          <Fact label={t('learner.facts.training')}>
            {formatDateRange(view.training.start, view.training.end, locale)}
          </Fact>
        )}
        {view.workloadHours !== null && (
          <Fact label={t('learner.facts.workload')}>
            {t('learner.credentials.hours', { count: view.workloadHours })}
          </Fact>
        )}
        {view.sks !== null && <Fact label={t('learner.facts.sks')}>{formatNumber(view.sks, locale)}</Fact>}
        {view.kkniLevel !== null && <Fact label={t('learner.facts.kkni')}>{view.kkniLevel}</Fact>}
        {view.participation && (
          <Fact label={t('learner.facts.participation')}>
            {t(`learner.facts.participations.${view.participation}`)}
          </Fact>
        )}
        {view.fieldOfStudy && <Fact label={t('learner.facts.fieldOfStudy')}>{view.fieldOfStudy}</Fact>}
        {view.humanCode && (
          <Fact label={t('learner.facts.code')}>
            <Text ff="monospace" inherit>
              {view.humanCode}
            </Text>
          </Fact>
        )}
        {credentialId && (
          <Fact label={t('learner.facts.credentialId')} isWide>
            <Text ff="monospace" inherit style={{ overflowWrap: 'anywhere' }}>
              {credentialId}
            </Text>
          </Fact>
        )}
      </FactList>

      {view.units.length > 0 && (
        <section aria-labelledby={`${id}-units`}>
          <Title order={subheading} fz="md" id={`${id}-units`}>
            {t('learner.facts.units')}
          </Title>
          <Text size="sm" c="gray.7" mb="xs">
            {t('learner.facts.unitsHint')}
          </Text>
          <CredentialUnits units={view.units} labelledBy={`${id}-units`} />
        </section>
      )}

      {view.learningOutcomes.length > 0 && (
        <section aria-labelledby={`${id}-outcomes`}>
          <Title order={subheading} fz="md" id={`${id}-outcomes`} mb="xs">
            {t('learner.facts.outcomes')}
          </Title>
          <List spacing={6} size="sm">
            {view.learningOutcomes.map((outcome) => (
              <List.Item key={outcome}>{outcome}</List.Item>
            ))}
          </List>
        </section>
      )}

      {view.description && (
        <section aria-labelledby={`${id}-about`}>
          <Title order={subheading} fz="md" id={`${id}-about`} mb="xs">
            {t('learner.facts.about')}
          </Title>
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
            {view.description}
          </Text>
        </section>
      )}
    </Stack>
  );
}

/** The call page of the training that awarded a credential. */
export const callPath = (id: string) => `/pelatihan/${encodeURIComponent(id)}`;

/** Short facts in a grid; `isCompact` is the wallet card's: no rules, four to a row from tablets up. */
export function FactList({ isCompact, children }: { isCompact?: boolean; children: ReactNode }) {
  return (
    <dl className={classes.facts} data-compact={isCompact || undefined}>
      {children}
    </dl>
  );
}

export function Fact({
  label,
  isWide,
  isWideOnPhones,
  children,
}: {
  label: string;
  /** A whole row: long values (the credential's uuid). */
  isWide?: boolean;
  /** A whole row on phones only: names that would wrap into a narrow column. */
  isWideOnPhones?: boolean;
  children: ReactNode;
}) {
  return (
    <div className={classes.fact} data-wide={isWide ? 'always' : isWideOnPhones ? 'phones' : undefined}>
      <dt className={classes.label}>{label}</dt>
      <dd className={classes.value}>{children}</dd>
    </div>
  );
}
