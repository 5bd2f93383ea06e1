import { formatNumber, useLocale } from '@kmg/ui';
import { Anchor, Badge, Paper, Progress, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { PageHeader } from '#components/PageHeader.tsx';
import { QueryError } from '#components/QueryError.tsx';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';
import { wrappingBadgeStyles } from '#lib/badge-styles.ts';
import { hasPassed } from '#lib/deadline.ts';
import { formatCompactDateRange, formatCompactInstant } from '#lib/format.ts';
import { type ReviewStage, reviewStageOf } from '#lib/review-work.ts';

export const ReviewAssignmentRow_call = graphql(`
  fragment ReviewAssignmentRow_call on TrainingCall {
    id
    title
    status
    timeZone
    startDate
    endDate
    applicationClosesAt
    endorsementDeadline
    selectionCommittedAt
    provider { id name shortName }
    reviewProgress { endorsed complete }
  }
`);

const ReviewAssignmentsPageQuery = graphql(
  `
  query ReviewAssignmentsPage {
    reviewAssignments { id ...ReviewAssignmentRow_call }
  }
`,
  [ReviewAssignmentRow_call],
);

const stageColors: Record<ReviewStage, string> = {
  committed: 'gray',
  open: 'blue',
  waiting: 'gray',
  ready: 'orange',
  complete: 'teal',
};

function AssignmentRow({ call: data }: { call: FragmentOf<typeof ReviewAssignmentRow_call> }) {
  const { t, locale } = useLocale();
  const call = readFragment(ReviewAssignmentRow_call, data);
  const { endorsed, complete } = call.reviewProgress;
  const now = new Date();
  const stage = reviewStageOf(call, now);
  const percent = endorsed === 0 ? 0 : Math.round((complete / endorsed) * 100);
  const closes = formatCompactInstant(call.applicationClosesAt, locale, call.timeZone);
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={`/penilaian/${call.id}`} fw={600} size="sm">
          {call.title}
        </Anchor>
        <Text size="xs" c="dimmed" mt={2}>
          {call.provider.shortName ?? call.provider.name} ·{' '}
          {formatCompactDateRange(call.startDate, call.endDate, locale)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">
          {hasPassed(call.applicationClosesAt, now)
            ? t('admin.reviewWork.closes', { date: closes })
            : t('admin.reviewWork.closesUntil', { date: closes })}
        </Text>
        <Text size="xs" c="dimmed">
          {t('admin.reviewWork.endorsementBy', {
            date: formatCompactInstant(call.endorsementDeadline, locale, call.timeZone),
          })}
        </Text>
      </Table.Td>
      <Table.Td>
        {endorsed === 0 ? (
          // "0 dari 0" would hide that applicants may be waiting for their principal's endorsement.
          <Text size="sm" c="dimmed">
            {t('admin.reviewWork.noneReady')}
          </Text>
        ) : (
          <>
            <Text size="sm">
              {t('admin.reviewWork.progress', {
                complete: formatNumber(complete, locale),
                endorsed: formatNumber(endorsed, locale),
              })}
            </Text>
            <Progress
              value={percent}
              size="sm"
              mt={6}
              color={percent === 100 ? 'teal' : 'kmg'}
              aria-label={t('admin.progress.bar', { percent })}
            />
          </>
        )}
      </Table.Td>
      <Table.Td>
        <Badge color={stageColors[stage]} variant="light" tt="none" size="md" styles={wrappingBadgeStyles}>
          {t(`admin.reviewWork.stage.${stage}`)}
        </Badge>
      </Table.Td>
    </Table.Tr>
  );
}

/** The reviewer's calls: when applications close, and how far the scoring is. */
export function ReviewAssignmentsPage() {
  const { t } = useLocale();
  const [{ data, error }, reexecute] = useQuery({
    query: ReviewAssignmentsPageQuery,
    requestPolicy: 'cache-and-network',
  });

  return (
    <>
      <PageHeader title={t('admin.reviewWork.title')} description={t('admin.reviewWork.intro')} />
      {!data ? (
        error ? (
          <QueryError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
        ) : (
          <Stack gap="sm" role="status" aria-label={t('common.loading')}>
            {Array.from({ length: 4 }, (_, index) => (
              <Skeleton key={index} h={56} />
            ))}
          </Stack>
        )
      ) : data.reviewAssignments.length === 0 ? (
        <Paper withBorder radius="md" p="xl" ta="center">
          <Title order={2} size="h4" mb={4}>
            {t('admin.reviewWork.emptyTitle')}
          </Title>
          <Text c="dimmed">{t('admin.reviewWork.empty')}</Text>
        </Paper>
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={760} type="native">
            <Table verticalSpacing="sm" horizontalSpacing="md" className="data-table" fz="sm">
              <caption className="table-caption">{t('admin.reviewWork.caption')}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('admin.reviewWork.call')}</Table.Th>
                  <Table.Th w="24%">{t('admin.reviewWork.deadlines')}</Table.Th>
                  <Table.Th w="22%">{t('admin.reviewWork.scored')}</Table.Th>
                  <Table.Th w="16%">{t('admin.reviewWork.stageColumn')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.reviewAssignments.map((call) => (
                  <AssignmentRow key={call.id} call={call} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </>
  );
}
