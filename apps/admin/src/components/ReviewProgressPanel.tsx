import { formatNumber, useLocale } from '@kmg/ui';
import { Anchor, Badge, Group, Paper, Progress, SimpleGrid, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';

export const ReviewProgressPanel_call = graphql(`
  fragment ReviewProgressPanel_call on TrainingCall {
    id
    selectionCommittedAt
    reviewProgress { endorsed complete disagreements reviewers }
  }
`);

function Stat({
  label,
  value,
  note,
  tone,
}: {
  label: string;
  value: ReactNode;
  note?: ReactNode;
  tone?: string;
}) {
  return (
    <Paper withBorder radius="md" p="md">
      <Text size="xs" fw={600} c="dimmed" tt="uppercase" style={{ letterSpacing: '0.03em' }}>
        {label}
      </Text>
      <Text fz={28} fw={700} lh={1.2} mt={4} c={tone}>
        {value}
      </Text>
      {note && (
        <Text size="sm" c="dimmed" mt={2}>
          {note}
        </Text>
      )}
    </Paper>
  );
}

/**
 * How far the reviewers are: endorsed applications waiting for selection, how many every reviewer
 * has scored, and how many have scores so far apart they deserve a second look.
 */
export function ReviewProgressPanel({ call: data }: { call: FragmentOf<typeof ReviewProgressPanel_call> }) {
  const { t, locale } = useLocale();
  const { reviewProgress: progress } = readFragment(ReviewProgressPanel_call, data);
  const number = (value: number) => formatNumber(value, locale);
  const percent = progress.endorsed === 0 ? 0 : Math.round((progress.complete / progress.endorsed) * 100);

  return (
    <div>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
        <Stat
          label={t('admin.progress.endorsed')}
          value={number(progress.endorsed)}
          note={t('admin.progress.endorsedNote')}
        />
        <Stat
          label={t('admin.progress.complete')}
          value={`${number(progress.complete)} / ${number(progress.endorsed)}`}
          note={t('admin.progress.completeNote', { count: progress.endorsed - progress.complete })}
        />
        <Stat
          label={t('admin.progress.disagreements')}
          value={number(progress.disagreements)}
          tone={progress.disagreements > 0 ? 'orange.8' : undefined}
          note={t('admin.progress.disagreementsNote')}
        />
        <Stat
          label={t('admin.progress.reviewers')}
          value={number(progress.reviewers)}
          tone={progress.reviewers === 0 ? 'red.8' : undefined}
          note={
            progress.reviewers === 0 ? t('admin.progress.noReviewers') : t('admin.progress.reviewersNote')
          }
        />
      </SimpleGrid>
      <Progress
        value={percent}
        mt="md"
        size="md"
        radius="xl"
        color={percent === 100 ? 'teal' : 'kmg'}
        aria-label={t('admin.progress.bar', { percent })}
      />
    </div>
  );
}

/**
 * The same progress in one line, above the applicants table, with the way to the selection. Once
 * the selection is committed nothing waits for scores (the endorsed have all moved on): the line
 * says it is committed instead.
 */
export function ReviewProgressLine({
  call: data,
  selectionPath,
}: {
  call: FragmentOf<typeof ReviewProgressPanel_call>;
  selectionPath: string;
}) {
  const { t, locale } = useLocale();
  const { reviewProgress: progress, selectionCommittedAt } = readFragment(ReviewProgressPanel_call, data);
  const number = (value: number) => formatNumber(value, locale);
  if (selectionCommittedAt) {
    return (
      <Group gap="xs" mt={6} wrap="wrap">
        <Badge
          variant="light"
          color="teal"
          tt="none"
          size="md"
          leftSection={<IconCircleCheck size={12} aria-hidden />}
        >
          {t('admin.progress.line.committed')}
        </Badge>
        <Anchor component={Link} to={selectionPath} size="sm">
          {t('admin.progress.line.toResult')}
        </Anchor>
      </Group>
    );
  }
  return (
    <Group gap="xs" mt={6} wrap="wrap">
      <Badge
        variant="light"
        color={progress.complete === progress.endorsed ? 'teal' : 'gray'}
        tt="none"
        size="md"
      >
        {t('admin.progress.line.complete', {
          complete: number(progress.complete),
          endorsed: number(progress.endorsed),
        })}
      </Badge>
      {progress.disagreements > 0 && (
        <Badge
          variant="light"
          color="orange"
          tt="none"
          size="md"
          leftSection={<IconAlertTriangle size={12} aria-hidden />}
        >
          {t('admin.progress.line.disagreements', { count: progress.disagreements })}
        </Badge>
      )}
      <Badge variant="light" color={progress.reviewers === 0 ? 'red' : 'gray'} tt="none" size="md">
        {t('admin.progress.line.reviewers', { count: progress.reviewers })}
      </Badge>
      <Anchor component={Link} to={selectionPath} size="sm">
        {t('admin.progress.line.toSelection')}
      </Anchor>
    </Group>
  );
}
