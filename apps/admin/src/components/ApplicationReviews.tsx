import { formatNumber, useLocale } from '@kmg/ui';
import { Alert, Badge, Group, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';
import { formatCompactInstant, formatPoints } from '#lib/format.ts';

export const ApplicationReviews_application = graphql(`
  fragment ApplicationReviews_application on Application {
    id
    status
    reviewSummary { count required meanScore spread disagrees }
    reviews {
      id
      total
      comment
      updatedAt
      reviewer { id name }
      scores { key score }
    }
    call {
      id
      timeZone
      rubric { key name weight maxScore }
      reviewers { id name }
    }
  }
`);

/**
 * Every reviewer's score per criterion side by side, their weighted totals and comments, and the
 * mean the selection ranks by. Assigned reviewers who have not scored yet are named too.
 */
export function ApplicationReviews({
  application: data,
}: {
  application: FragmentOf<typeof ApplicationReviews_application>;
}) {
  const { t, locale } = useLocale();
  const application = readFragment(ApplicationReviews_application, data);
  const { reviewSummary: summary, reviews, call } = application;
  const waiting = call.reviewers.filter(
    (reviewer) => !reviews.some((review) => review.reviewer.id === reviewer.id),
  );
  const points = (value: number) => formatPoints(value, locale);

  return (
    <Stack gap="sm">
      <Group gap="lg">
        <Text size="sm">
          {t('admin.application.meanScore')}:{' '}
          <Text span fw={700}>
            {summary.meanScore === null ? '–' : points(summary.meanScore)}
          </Text>
        </Text>
        <Text size="sm">
          {t('admin.application.reviewCount', {
            count: formatNumber(summary.count, locale),
            required: formatNumber(summary.required, locale),
          })}
        </Text>
      </Group>
      {summary.disagrees && (
        <Alert
          color="orange"
          variant="light"
          icon={<IconAlertTriangle size={18} aria-hidden />}
          title={t('admin.application.disagreeTitle')}
        >
          {t('admin.application.disagreeText', { spread: points(summary.spread) })}
          {application.status === 'ENDORSED' && ` ${t('admin.application.disagreeCheck')}`}
        </Alert>
      )}
      {reviews.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('admin.application.noReviews')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={120 + reviews.length * 120} type="native">
          <Table fz="sm" verticalSpacing={6} withTableBorder withColumnBorders>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.application.criterion')}</Table.Th>
                {reviews.map((review) => (
                  <Table.Th key={review.id} ta="right">
                    {review.reviewer.name}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {call.rubric.map((criterion) => (
                <Table.Tr key={criterion.key}>
                  <Table.Th scope="row" fw={400}>
                    {criterion.name}
                    <Text span size="xs" c="dimmed">
                      {' '}
                      {t('admin.application.criterionScale', {
                        max: criterion.maxScore,
                        weight: criterion.weight,
                      })}
                    </Text>
                  </Table.Th>
                  {reviews.map((review) => {
                    const score = review.scores.find((entry) => entry.key === criterion.key)?.score;
                    return (
                      <Table.Td key={review.id} ta="right" ff="monospace">
                        {score === undefined ? '–' : `${score}/${criterion.maxScore}`}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Th scope="row">{t('admin.application.total')}</Table.Th>
                {reviews.map((review) => (
                  <Table.Td key={review.id} ta="right" fw={700}>
                    {points(review.total)}
                  </Table.Td>
                ))}
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {reviews.map((review) => (
        <div key={review.id}>
          <Text size="sm" fw={600}>
            {review.reviewer.name}{' '}
            <Text span size="xs" c="dimmed" fw={400}>
              {formatCompactInstant(review.updatedAt, locale, call.timeZone)}
            </Text>
          </Text>
          <Text size="sm" c={review.comment ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-line' }}>
            {review.comment ?? t('admin.application.noComment')}
          </Text>
        </div>
      ))}
      {waiting.length > 0 && (
        <Group gap={6}>
          <Text size="sm" c="dimmed">
            {t('admin.application.waitingFor')}
          </Text>
          {waiting.map((reviewer) => (
            <Badge key={reviewer.id} variant="outline" color="gray" tt="none">
              {reviewer.name}
            </Badge>
          ))}
        </Group>
      )}
    </Stack>
  );
}
