import { formatLocalDate, useLocale } from '@kmg/ui';
import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import {
  IconCertificate,
  IconCircleCheckFilled,
  IconCircleHalf2,
  IconCircleXFilled,
  IconFileTypePdf,
  IconShieldCheck,
  IconWallet,
} from '@tabler/icons-react';
import { useId } from 'react';
import { Link } from 'react-router';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';
import { rplApplicationSections, rplDecreePath } from '#lib/rpl-links.ts';
import { type CourseOutcome, courseOutcome, decisionInForce, decisionTotals } from '#lib/rpl-result.ts';
import classes from './RplDecisionResult.module.css';

export const RplDecisionResult_application = graphql(`
  fragment RplDecisionResult_application on RplApplication {
    id
    status
    recognisedSks
    decisions {
      id
      kind
      decidedAt
      totalSks
      courses {
        courseId
        courseCode
        courseName
        courseSks
        proposedSks
        sks
        reason
      }
    }
    decree {
      id
      number
      decreedOn
      pdfUrl
      pdfUrlEn
      amendsNumber
    }
    recognitionCredential {
      id
      credentialId
      status
    }
  }
`);

const outcomeLooks: Record<CourseOutcome, { color: string; icon: typeof IconCircleCheckFilled }> = {
  asProposed: { color: 'green.8', icon: IconCircleCheckFilled },
  raised: { color: 'green.8', icon: IconCircleCheckFilled },
  reduced: { color: 'orange.8', icon: IconCircleHalf2 },
  notRecognised: { color: 'red.8', icon: IconCircleXFilled },
};

/**
 * The decision once the decree is out (notices link here: `#hasil`): the SKS recognised against
 * those proposed, course by course with the committee's reason where it departs from the
 * proposal; the decree to download and check; the recognition credential in the wallet.
 */
export function RplDecisionResult({
  application: data,
}: {
  application: FragmentOf<typeof RplDecisionResult_application>;
}) {
  const application = readFragment(RplDecisionResult_application, data);
  const { t, locale } = useLocale();
  const headingId = useId();
  const decision = decisionInForce(application.decisions);
  if (!decision || (application.status !== 'DECIDED' && application.status !== 'APPEALED')) return null;
  const totals = decisionTotals(decision.courses);
  const { decree, recognitionCredential: credential } = application;

  return (
    <Stack
      gap="md"
      component="section"
      id={rplApplicationSections.result}
      tabIndex={-1}
      aria-labelledby={headingId}
      style={{ scrollMarginTop: 72, outline: 'none' }}
    >
      <div>
        <Title order={2} fz="lg" id={headingId}>
          {t('learner.rplResult.result.heading')}
        </Title>
        {decision.kind === 'APPEAL' && (
          <Text size="sm" c="gray.7">
            {t('learner.rplResult.result.afterAppeal')}
          </Text>
        )}
      </div>

      <Paper withBorder radius="md" p="md">
        <Stack gap="md">
          <Group gap="xs" align="baseline" wrap="nowrap">
            <Text fz={40} fw={800} lh={1} c="green.9">
              {totals.recognised}
            </Text>
            <Text fw={600} c="dark.8" lh={1.3}>
              {t('learner.rplResult.result.headline', { proposed: totals.proposed })}
            </Text>
          </Group>
          {decision.courses.length === 0 ? (
            <Text size="sm" c="gray.8">
              {t('learner.rplResult.result.none')}
            </Text>
          ) : (
            <>
              <ul className={classes.courses} aria-label={t('learner.rplResult.result.coursesLabel')}>
                {decision.courses.map((course) => {
                  const outcome = courseOutcome(course);
                  const look = outcomeLooks[outcome];
                  return (
                    <li key={course.courseId} className={classes.course}>
                      <look.icon
                        size={22}
                        color={`var(--mantine-color-${look.color.replace('.', '-')})`}
                        aria-hidden
                      />
                      <div className={classes.courseText}>
                        <Text size="sm" fw={700} lh={1.35}>
                          <Text span inherit c="gray.7" fw={600}>
                            {course.courseCode}
                          </Text>{' '}
                          {course.courseName}
                        </Text>
                        <Group gap={6} mt={2}>
                          <Text size="sm" c="dark.8">
                            {outcome === 'notRecognised'
                              ? t('learner.rplResult.result.notRecognised')
                              : t('learner.rplResult.result.recognised', { sks: course.sks })}
                            {outcome !== 'asProposed' && (
                              <Text span inherit c="gray.7">
                                {' · '}
                                {t('learner.rplResult.result.proposed', { sks: course.proposedSks })}
                              </Text>
                            )}
                          </Text>
                          {outcome !== 'asProposed' && (
                            <Badge
                              size="sm"
                              variant="light"
                              tt="none"
                              color={
                                outcome === 'notRecognised'
                                  ? 'red'
                                  : outcome === 'reduced'
                                    ? 'orange'
                                    : 'green'
                              }
                            >
                              {t(`learner.rplResult.result.outcome.${outcome}`)}
                            </Badge>
                          )}
                        </Group>
                        {course.reason && (
                          <Text size="sm" c="dark.8" className={classes.reason}>
                            <Text span inherit fw={600}>
                              {t('learner.rplResult.result.reason')}
                            </Text>{' '}
                            {course.reason}
                          </Text>
                        )}
                      </div>
                    </li>
                  );
                })}
              </ul>
              <Group justify="space-between" className={classes.total}>
                <Text fw={700}>{t('learner.rplResult.result.total')}</Text>
                <Text fw={700}>
                  {t('learner.rplResult.result.totalValue', {
                    recognised: totals.recognised,
                    proposed: totals.proposed,
                  })}
                </Text>
              </Group>
            </>
          )}
        </Stack>
      </Paper>

      {decree && (
        <Paper withBorder radius="md" p="md" component="section" aria-labelledby={`${headingId}-decree`}>
          <Stack gap="sm">
            <Group gap="sm" wrap="nowrap" align="flex-start">
              <ThemeIcon size={40} radius="md" variant="light" color="kmg" aria-hidden>
                <IconFileTypePdf size={24} />
              </ThemeIcon>
              <div style={{ minWidth: 0 }}>
                <Title order={3} fz="md" id={`${headingId}-decree`}>
                  {t('learner.rplResult.decree.heading')}
                </Title>
                <Text size="sm" c="dark.8" style={{ overflowWrap: 'anywhere' }}>
                  {t('learner.rplResult.decree.number', { number: decree.number })}
                </Text>
                <Text size="sm" c="gray.8">
                  {t('learner.rplResult.decree.decreedOn', {
                    date: formatLocalDate(decree.decreedOn, locale),
                  })}
                </Text>
                {decree.amendsNumber && (
                  <Text size="sm" c="gray.8" style={{ overflowWrap: 'anywhere' }}>
                    {t('learner.rplResult.decree.amends', { number: decree.amendsNumber })}
                  </Text>
                )}
              </div>
            </Group>
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
              <Button
                component="a"
                href={decree.pdfUrl}
                target="_blank"
                rel="noopener"
                variant="light"
                leftSection={<IconFileTypePdf size={20} aria-hidden />}
                styles={wrapping}
              >
                {t('learner.rplResult.decree.pdf')}
              </Button>
              <Button
                component="a"
                href={decree.pdfUrlEn}
                target="_blank"
                rel="noopener"
                variant="light"
                leftSection={<IconFileTypePdf size={20} aria-hidden />}
                styles={wrapping}
              >
                {t('learner.rplResult.decree.pdfEn')}
              </Button>
            </SimpleGrid>
            <Anchor component={Link} to={rplDecreePath(decree.id)} size="sm" fw={600}>
              <Group gap={4} component="span" wrap="nowrap">
                <IconShieldCheck size={18} aria-hidden />
                {t('learner.rplResult.decree.verify')}
              </Group>
            </Anchor>
          </Stack>
        </Paper>
      )}

      {credential && (
        <Paper withBorder radius="md" p="md" component="section" aria-labelledby={`${headingId}-credential`}>
          <Stack gap="sm">
            <Group gap="sm" wrap="nowrap" align="flex-start">
              <ThemeIcon size={40} radius="md" variant="light" color="kmg" aria-hidden>
                <IconCertificate size={24} />
              </ThemeIcon>
              <div style={{ minWidth: 0 }}>
                <Title order={3} fz="md" id={`${headingId}-credential`}>
                  {t('learner.rplResult.credential.heading')}
                </Title>
                <Text size="sm" c="gray.8">
                  {t('learner.rplResult.credential.text')}
                </Text>
              </div>
            </Group>
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
              <Button
                component={Link}
                to={`/kredensial/${encodeURIComponent(credential.credentialId)}`}
                variant="light"
                leftSection={<IconWallet size={20} aria-hidden />}
                styles={wrapping}
              >
                {t('learner.rplResult.credential.wallet')}
              </Button>
              <Button
                component={Link}
                to={`/verify/${encodeURIComponent(credential.credentialId)}`}
                variant="default"
                leftSection={<IconShieldCheck size={20} aria-hidden />}
                styles={wrapping}
              >
                {t('learner.rplResult.credential.verify')}
              </Button>
            </SimpleGrid>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}

/** Labels wrap rather than being cut off (English ones are longer, phones narrow). */
const wrapping = {
  root: { height: 'auto', minHeight: 44, paddingBlock: 6 },
  label: { whiteSpace: 'normal', lineHeight: 1.25, textAlign: 'left' },
  inner: { justifyContent: 'flex-start' },
} as const;
