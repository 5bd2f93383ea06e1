import { formatLocalDate, formatNumber, useLocale } from '@kmg/ui';
import { Anchor, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBuildingBank } from '@tabler/icons-react';
import { type ReactNode, useId } from 'react';
import { Link } from 'react-router';
import { Fact, FactList } from '#components/CredentialFacts.tsx';
import { verifyPathOf } from '#lib/rpl-links.ts';
import type { RplRecognition } from '#lib/rpl-recognition.ts';
import classes from './RplDecisionResult.module.css';

/**
 * An RPL recognition as anyone reads it, in the wallet and on its verification page: "Pengakuan
 * RPL — programme, university: N SKS", to whom, by which decree (linked to its public page), and
 * the SKS recognised per course.
 */
export function RplRecognitionView({
  recognition,
  programmeName,
  headingOrder = 2,
  titleLink,
  badge,
  credentialId,
  headingId,
  children,
}: {
  recognition: RplRecognition;
  /** The programme's name in the reader's language, where the page knows it (the file has it in Indonesian). */
  programmeName?: string | null;
  headingOrder?: 1 | 2 | 3;
  /** The title links here (the wallet card to the credential's page). */
  titleLink?: string;
  /** Above the title: the owner's status badge. */
  badge?: ReactNode;
  /** The title's element id, for the card it heads. */
  headingId?: string;
  /** The credential's uuid, for people who quote it (its full page). */
  credentialId?: string;
  /** Under the title: a status notice, the owner's actions. */
  children?: ReactNode;
}) {
  const { t, locale } = useLocale();
  const id = useId();
  const title = t('learner.rplResult.recognition.title', {
    programme: programmeName || recognition.programme || t('learner.rplResult.recognition.programmeUnknown'),
    university: recognition.universityName ?? t('learner.rplResult.recognition.universityUnknown'),
    sks: formatNumber(recognition.totalSks, locale),
  });
  const decreePath = verifyPathOf(recognition.decree?.url);
  const subheading = Math.min(headingOrder + 1, 4) as 2 | 3 | 4;

  return (
    <>
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <ThemeIcon size={44} radius="md" variant="light" color="kmg" aria-hidden style={{ flexShrink: 0 }}>
          <IconBuildingBank size={26} stroke={1.6} />
        </ThemeIcon>
        <div style={{ minWidth: 0, flex: 1 }}>
          <Group gap={6} mb={4}>
            {badge}
            <Text size="xs" c="kmg.8" fw={700}>
              {t('learner.rplResult.recognition.kind')}
            </Text>
          </Group>
          <Title
            order={headingOrder}
            id={headingId}
            fz={{ base: 20, sm: headingOrder === 1 ? 28 : 22 }}
            lh={1.3}
          >
            {titleLink ? (
              <Anchor component={Link} to={titleLink} c="dark.8" inherit>
                {title}
              </Anchor>
            ) : (
              title
            )}
          </Title>
        </div>
      </Group>

      {children}

      <FactList isCompact>
        {recognition.learnerName && (
          <Fact label={t('learner.rplResult.recognition.learner')} isWideOnPhones>
            {recognition.learnerName}
          </Fact>
        )}
        {recognition.universityName && (
          <Fact label={t('learner.rplResult.recognition.issuer')} isWideOnPhones>
            {recognition.universityName}
          </Fact>
        )}
        {recognition.decree?.number && (
          <Fact label={t('learner.rplResult.recognition.decree')} isWideOnPhones>
            {decreePath ? (
              <Anchor component={Link} to={decreePath} inherit style={{ overflowWrap: 'anywhere' }}>
                {recognition.decree.number}
              </Anchor>
            ) : (
              <span style={{ overflowWrap: 'anywhere' }}>{recognition.decree.number}</span>
            )}
          </Fact>
        )}
        {recognition.decreedOn && (
          <Fact label={t('learner.rplResult.recognition.decreedOn')}>
            {formatLocalDate(recognition.decreedOn, locale)}
          </Fact>
        )}
        {recognition.intake && (
          <Fact label={t('learner.rplResult.recognition.intake')} isWideOnPhones>
            {recognition.intake}
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

      {recognition.courses.length > 0 && (
        <section aria-labelledby={`${id}-courses`}>
          <Title order={subheading} fz="sm" fw={700} c="gray.8" mb={6} id={`${id}-courses`}>
            {t('learner.rplResult.recognition.courses', { count: recognition.courses.length })}
          </Title>
          <ul className={classes.courses}>
            {recognition.courses.map((course) => (
              <li key={course.code ?? course.name} className={classes.course}>
                <div className={classes.courseText}>
                  <Text size="sm" fw={600} lh={1.35}>
                    {course.code && (
                      <Text span inherit c="gray.7">
                        {course.code}{' '}
                      </Text>
                    )}
                    {course.name}
                  </Text>
                </div>
                <Text size="sm" fw={700} c="dark.8" style={{ whiteSpace: 'nowrap' }}>
                  {course.courseSks !== null && course.courseSks !== course.sks
                    ? t('learner.rplResult.recognition.sksOf', {
                        sks: formatNumber(course.sks, locale),
                        of: formatNumber(course.courseSks, locale),
                      })
                    : t('learner.rplResult.recognition.sks', { sks: formatNumber(course.sks, locale) })}
                </Text>
              </li>
            ))}
            <li className={`${classes.course} ${classes.total}`}>
              <Text size="sm" fw={700} className={classes.courseText}>
                {t('learner.rplResult.result.total')}
              </Text>
              <Text size="sm" fw={800} style={{ whiteSpace: 'nowrap' }}>
                {t('learner.rplResult.recognition.sks', { sks: formatNumber(recognition.totalSks, locale) })}
              </Text>
            </li>
          </ul>
        </section>
      )}
    </>
  );
}

/**
 * A recognition on a verification page, between the verdict and the checks of the credentials
 * inside it: what the file says it recognises (the checks below confirm it or not).
 */
export function RplRecognitionPanel({ recognition }: { recognition: RplRecognition }) {
  const { t } = useLocale();
  const headingId = useId();
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={headingId}>
      <Stack gap="md">
        <RplRecognitionView recognition={recognition} headingId={headingId} />
        <Text size="sm" c="gray.8">
          {t('learner.rplResult.recognition.verifyNote')}
        </Text>
      </Stack>
    </Card>
  );
}
