import { type EvidencePrinciple, evidencePrinciples } from '@kmg/domain';
import { formatInstant, formatLocalDate, useLocale } from '@kmg/ui';
import { Alert, Badge, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconX } from '@tabler/icons-react';
import { type FragmentOf, graphql, type ResultOf, readFragment } from '#graphql.ts';

export const RplAssessmentComparison_case = graphql(`
  fragment RplAssessmentComparison_case on RplApplication {
    proposal { proposed { courseId code name } }
    comparison {
      courseId
      kind
      academicScore
      practitionerScore
      recommendationDiffers
      scoreGap
    }
    assessments {
      role
      assessorName
      submittedAt
      updatedAt
      courses {
        courseId
        recommendation
        recommendationLabel
        notes
        outcomes { outcomeCode valid authentic current sufficient methodLabel scheduledOn place link score }
      }
    }
  }
`);

type Data = ResultOf<typeof RplAssessmentComparison_case>;
type Assessment = Data['assessments'][number];
type Outcome = Assessment['courses'][number]['outcomes'][number];

const seats = ['ACADEMIC_ASSESSOR', 'PRACTITIONER_ASSESSOR'] as const;

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The principles two judgements of one CPMK differ on. */
function differingPrinciples(a: Outcome | undefined, b: Outcome | undefined): EvidencePrinciple[] {
  if (!a || !b) return [];
  return evidencePrinciples.filter((principle) => a[principle] !== b[principle]);
}

function OutcomeCell({ outcome, differ }: { outcome: Outcome | undefined; differ: EvidencePrinciple[] }) {
  const { t, locale } = useLocale();
  if (!outcome)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  return (
    <Stack gap={4}>
      <Text size="sm">
        <b>{outcome.score}</b> · {capitalise(outcome.methodLabel)}
      </Text>
      {(outcome.scheduledOn || outcome.place || outcome.link) && (
        <Text size="xs" c="dimmed">
          {[
            outcome.scheduledOn && formatLocalDate(outcome.scheduledOn, locale, 'medium'),
            outcome.place,
            outcome.link,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      )}
      <div className="rpl-principles">
        {evidencePrinciples.map((principle) => {
          const met = outcome[principle];
          const differs = differ.includes(principle);
          const Icon = met ? IconCheck : IconX;
          return (
            <Text
              key={principle}
              component="span"
              size="xs"
              fw={differs ? 700 : 400}
              c={differs ? 'red.8' : met ? 'teal.8' : 'dimmed'}
              className="rpl-principle"
              data-differs={differs || undefined}
            >
              <Icon size={12} aria-hidden />
              {t(`admin.rplCase.principle.${principle}`)}
              <VisuallyHidden component="span">
                {': '}
                {t(met ? 'admin.rplCase.comparison.met' : 'admin.rplCase.comparison.notMet')}
                {differs ? `, ${t('admin.rplCase.comparison.differs')}` : ''}
              </VisuallyHidden>
            </Text>
          );
        })}
      </div>
    </Stack>
  );
}

/**
 * The two assessors side by side, course by course, once both have submitted: each CPMK's score,
 * method and principles, the course scores and recommendations. What they disagree on is marked
 * in words as well as colour. Before that, who has submitted.
 */
export function RplAssessmentComparison({
  application: data,
}: {
  application: FragmentOf<typeof RplAssessmentComparison_case>;
}) {
  const { t, locale } = useLocale();
  const application = readFragment(RplAssessmentComparison_case, data);
  const bySeat = (role: (typeof seats)[number]) =>
    application.assessments.find((assessment) => assessment.role === role);
  const [academic, practitioner] = seats.map(bySeat);

  const progress = (
    <Group gap="lg" align="flex-start">
      {seats.map((role, index) => {
        const assessment = index === 0 ? academic : practitioner;
        return (
          <div key={role}>
            <Text size="xs" c="dimmed">
              {t(`admin.rplCase.comparison.seat.${role}`)}
            </Text>
            <Text size="sm" fw={600}>
              {assessment?.assessorName ?? '—'}
            </Text>
            <Text size="xs" c={assessment?.submittedAt ? 'teal.8' : 'dimmed'}>
              {assessment?.submittedAt
                ? t('admin.rplCase.comparison.submittedOn', {
                    date: formatInstant(assessment.submittedAt, locale),
                  })
                : assessment
                  ? t('admin.rplCase.comparison.draft')
                  : t('admin.rplCase.comparison.notStarted')}
            </Text>
          </div>
        );
      })}
    </Group>
  );

  if (application.comparison.length === 0) {
    return (
      <Stack gap="md">
        {progress}
        <Alert color="gray" variant="light">
          {t('admin.rplCase.comparison.waiting')}
        </Alert>
      </Stack>
    );
  }

  const disagreements = application.comparison.filter((entry) => entry.kind === 'disagree').length;
  return (
    <Stack gap="lg">
      {progress}
      <Text size="sm" fw={600}>
        {disagreements === 0
          ? t('admin.rplCase.comparison.allAgree')
          : t('admin.rplCase.comparison.disagreements', { count: disagreements })}
      </Text>
      {application.comparison.map((entry) => {
        const course = application.proposal?.proposed.find(
          (proposed) => proposed.courseId === entry.courseId,
        );
        const a = academic?.courses.find((judged) => judged.courseId === entry.courseId);
        const p = practitioner?.courses.find((judged) => judged.courseId === entry.courseId);
        const codes = [
          ...new Set([...(a?.outcomes ?? []), ...(p?.outcomes ?? [])].map((o) => o.outcomeCode)),
        ];
        const isDisagreement = entry.kind === 'disagree';
        const headingId = `rpl-comparison-${entry.courseId}`;
        return (
          <Paper
            key={entry.courseId}
            withBorder
            radius="md"
            p={{ base: 'sm', sm: 'md' }}
            component="section"
            aria-labelledby={headingId}
            className="rpl-comparison"
            data-disagree={isDisagreement || undefined}
          >
            <Group justify="space-between" gap="xs" mb="sm">
              <Title order={3} size="h5" id={headingId}>
                {course ? `${course.code} ${course.name}` : entry.courseId}
              </Title>
              <Badge
                color={isDisagreement ? 'red' : entry.kind === 'agree' ? 'teal' : 'gray'}
                variant="light"
                tt="none"
                leftSection={isDisagreement ? <IconAlertTriangle size={14} aria-hidden /> : undefined}
              >
                {t(`admin.rplCase.comparison.kind.${entry.kind}`)}
              </Badge>
            </Group>
            <Table.ScrollContainer minWidth={320} type="native">
              <Table fz="sm" verticalSpacing="xs" className="data-table" tabularNums>
                <VisuallyHidden component="caption">
                  {t('admin.rplCase.comparison.caption', { course: course?.code ?? '' })}
                </VisuallyHidden>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={96}>{t('admin.rplCase.comparison.outcome')}</Table.Th>
                    <Table.Th>
                      {t('admin.rplCase.comparison.seat.ACADEMIC_ASSESSOR')}
                      <Text size="xs" c="dimmed" fw={400}>
                        {academic?.assessorName}
                      </Text>
                    </Table.Th>
                    <Table.Th>
                      {t('admin.rplCase.comparison.seat.PRACTITIONER_ASSESSOR')}
                      <Text size="xs" c="dimmed" fw={400}>
                        {practitioner?.assessorName}
                      </Text>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {codes.map((code) => {
                    const ao = a?.outcomes.find((o) => o.outcomeCode === code);
                    const po = p?.outcomes.find((o) => o.outcomeCode === code);
                    const differ = differingPrinciples(ao, po);
                    return (
                      <Table.Tr key={code} data-differs={differ.length > 0 || undefined}>
                        <Table.Th scope="row" fw={600}>
                          {code}
                          {differ.length > 0 && (
                            <Text size="xs" c="red.8" fw={600}>
                              {t('admin.rplCase.comparison.principlesDiffer', { count: differ.length })}
                            </Text>
                          )}
                        </Table.Th>
                        <Table.Td>
                          <OutcomeCell outcome={ao} differ={differ} />
                        </Table.Td>
                        <Table.Td>
                          <OutcomeCell outcome={po} differ={differ} />
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                  <Table.Tr data-differs={entry.scoreGap !== null || undefined}>
                    <Table.Th scope="row">
                      {t('admin.rplCase.comparison.courseScore')}
                      {entry.scoreGap !== null && (
                        <Text size="xs" c="red.8" fw={600}>
                          {t('admin.rplCase.comparison.gap', { gap: entry.scoreGap })}
                        </Text>
                      )}
                    </Table.Th>
                    <Table.Td fw={700}>{entry.academicScore ?? '—'}</Table.Td>
                    <Table.Td fw={700}>{entry.practitionerScore ?? '—'}</Table.Td>
                  </Table.Tr>
                  <Table.Tr data-differs={entry.recommendationDiffers || undefined}>
                    <Table.Th scope="row">
                      {t('admin.rplCase.comparison.recommendation')}
                      {entry.recommendationDiffers && (
                        <Text size="xs" c="red.8" fw={600}>
                          {t('admin.rplCase.comparison.differs')}
                        </Text>
                      )}
                    </Table.Th>
                    <Table.Td>{a?.recommendationLabel ?? '—'}</Table.Td>
                    <Table.Td>{p?.recommendationLabel ?? '—'}</Table.Td>
                  </Table.Tr>
                  {(a?.notes || p?.notes) && (
                    <Table.Tr>
                      <Table.Th scope="row">{t('admin.rplCase.comparison.notes')}</Table.Th>
                      <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{a?.notes ?? '—'}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{p?.notes ?? '—'}</Table.Td>
                    </Table.Tr>
                  )}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        );
      })}
    </Stack>
  );
}
