import { formatLocalDate, useLocale } from '@kmg/ui';
import {
  Alert,
  Badge,
  Button,
  Card,
  Collapse,
  Group,
  List,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconChevronDown,
  IconChevronUp,
  IconInfoCircle,
  IconRoute,
  IconSchool,
  IconTrendingUp,
} from '@tabler/icons-react';
import { useId } from 'react';
import { Link } from 'react-router';
import { RecognitionCourses, RecognitionCourses_estimate } from '#components/RecognitionCourses.tsx';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';
import { formatLimitValue } from '#lib/rpl-draft.ts';

export const RplEstimate_estimate = graphql(
  `
    fragment RplEstimate_estimate on RecognitionEstimate {
      isEligible
      isProvenOptimal
      ineligibleReasons
      totalSks
      courseCount
      capSks
      capSource
      cutoffDate
      gains {
        id
        kind
        title
        gainSks
        courses
        endsAfterCutoff
      }
      limits {
        limit
        value
        layer
        citation
      }
      ...RecognitionCourses_estimate
    }
  `,
  [RecognitionCourses_estimate],
);

/**
 * The teacher's estimate at one programme: the headline (SKS and courses), the cap and what set
 * it, course by course, what would add more, and the rules, with the reminder that the university
 * decides. A programme that runs no RPL for the intake says why instead.
 */
export function RplEstimate({ estimate: data }: { estimate: FragmentOf<typeof RplEstimate_estimate> }) {
  const estimate = readFragment(RplEstimate_estimate, data);
  const { t, locale } = useLocale();

  if (!estimate.isEligible) {
    return (
      <Stack gap="md">
        <Alert
          color="orange"
          variant="light"
          icon={<IconInfoCircle size={20} aria-hidden />}
          title={t('learner.rpl.estimate.ineligibleTitle')}
        >
          <List size="sm" spacing={4}>
            {estimate.ineligibleReasons.map((reason) => (
              <List.Item key={reason}>{reason}</List.Item>
            ))}
          </List>
        </Alert>
        <Limits limits={estimate.limits} />
      </Stack>
    );
  }

  return (
    <Stack gap="lg">
      <Card withBorder radius="md" padding="md" bg="kmg.0">
        <Stack gap={6}>
          <Text fz={{ base: 'lg', sm: 'xl' }} fw={700} lh={1.3} c="dark.8">
            {estimate.courseCount > 0
              ? t('learner.rpl.estimate.headline', { sks: estimate.totalSks, count: estimate.courseCount })
              : t('learner.rpl.estimate.none')}
          </Text>
          <Text size="sm" c="gray.8">
            {estimate.capSks !== null
              ? t('learner.rpl.estimate.cap', { cap: estimate.capSks })
              : t('learner.rpl.estimate.noCap')}
            {estimate.capSource && (
              <>
                {' · '}
                {t('learner.rpl.estimate.capSource', { source: estimate.capSource })}
              </>
            )}
          </Text>
          <Text size="sm" c="gray.8">
            {t('learner.rpl.estimate.cutoff', { date: formatLocalDate(estimate.cutoffDate, locale) })}
          </Text>
          {!estimate.isProvenOptimal && (
            <Text size="sm" c="gray.8">
              {t('learner.rpl.estimate.notProven')}
            </Text>
          )}
        </Stack>
      </Card>
      <Alert color="blue" variant="light" icon={<IconInfoCircle size={20} aria-hidden />} p="sm">
        <Text size="sm">{t('learner.rpl.estimate.note')}</Text>
      </Alert>
      <RecognitionCourses estimate={estimate} />
      {estimate.gains.length > 0 && <Gains gains={estimate.gains} />}
      <Limits limits={estimate.limits} />
    </Stack>
  );
}

function Gains({
  gains,
}: {
  gains: readonly {
    id: string;
    kind: string;
    title: string;
    gainSks: number;
    courses: readonly string[];
    endsAfterCutoff: boolean;
  }[];
}) {
  const { t } = useLocale();
  const sorted = [...gains].sort((a, b) => b.gainSks - a.gainSks);
  return (
    <Stack gap="sm" component="section" aria-labelledby="gains-heading">
      <div>
        <Title order={3} fz="md" id="gains-heading">
          <Group gap={6} component="span">
            <IconTrendingUp size={20} aria-hidden />
            {t('learner.rpl.gains.heading')}
          </Group>
        </Title>
        <Text size="sm" c="gray.7">
          {t('learner.rpl.gains.hint')}
        </Text>
      </div>
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {sorted.map((gain) => {
          const isTraining = gain.kind === 'TRAINING';
          return (
            <Paper component="li" key={`${gain.kind}-${gain.id}`} withBorder radius="md" p="sm">
              <Stack gap={6}>
                <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
                  <div style={{ minWidth: 0 }}>
                    <Badge
                      variant="light"
                      color={isTraining ? 'kmg' : 'grape'}
                      tt="none"
                      size="sm"
                      leftSection={
                        isTraining ? (
                          <IconSchool size={12} aria-hidden />
                        ) : (
                          <IconRoute size={12} aria-hidden />
                        )
                      }
                    >
                      {isTraining ? t('learner.rpl.gains.training') : t('learner.rpl.gains.pathway')}
                    </Badge>
                    <Text fw={600} lh={1.35} mt={4}>
                      {gain.title}
                    </Text>
                  </div>
                  <Badge color="green" variant="filled" size="lg" tt="none" style={{ flexShrink: 0 }}>
                    {t('learner.rpl.gains.plus', { sks: gain.gainSks })}
                  </Badge>
                </Group>
                {gain.courses.length > 0 && (
                  <Text size="sm" c="gray.8">
                    {t('learner.rpl.gains.courses', { courses: gain.courses.join('; ') })}
                  </Text>
                )}
                {gain.endsAfterCutoff && (
                  <Text size="sm" c="orange.9">
                    {t('learner.rpl.gains.afterCutoff')}
                  </Text>
                )}
                <Button
                  component={Link}
                  to={isTraining ? `/pelatihan/${encodeURIComponent(gain.id)}` : '/jalur'}
                  variant="light"
                  size="sm"
                  style={{ alignSelf: 'flex-start' }}
                >
                  {isTraining ? t('learner.rpl.gains.openTraining') : t('learner.rpl.gains.openPathway')}
                </Button>
              </Stack>
            </Paper>
          );
        })}
      </Stack>
    </Stack>
  );
}

function Limits({
  limits,
}: {
  limits: readonly { limit: string; value: string; layer: string | null; citation: string | null }[];
}) {
  const { t } = useLocale();
  const [isOpen, { toggle }] = useDisclosure(false);
  const id = useId();
  if (limits.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-labelledby={`${id}-heading`}>
      <Group justify="space-between" gap="xs">
        <Title order={3} fz="md" id={`${id}-heading`}>
          {t('learner.rpl.limits.heading')}
        </Title>
        <Button
          variant="subtle"
          size="sm"
          onClick={toggle}
          aria-expanded={isOpen}
          aria-controls={id}
          rightSection={
            isOpen ? <IconChevronUp size={16} aria-hidden /> : <IconChevronDown size={16} aria-hidden />
          }
        >
          {isOpen ? t('learner.rpl.limits.hide') : t('learner.rpl.limits.show')}
        </Button>
      </Group>
      <Collapse expanded={isOpen} id={id}>
        <Table.ScrollContainer minWidth={520}>
          <Table striped verticalSpacing="xs" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('learner.rpl.limits.limit')}</Table.Th>
                <Table.Th>{t('learner.rpl.limits.value')}</Table.Th>
                <Table.Th>{t('learner.rpl.limits.layer')}</Table.Th>
                <Table.Th>{t('learner.rpl.limits.citation')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {limits.map((limit) => (
                <Table.Tr key={limit.limit}>
                  <Table.Td>{limit.limit}</Table.Td>
                  <Table.Td>{formatLimitValue(limit.value)}</Table.Td>
                  <Table.Td>{limit.layer ?? t('learner.rpl.limits.defaultLayer')}</Table.Td>
                  <Table.Td>{limit.citation ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Collapse>
    </Stack>
  );
}
