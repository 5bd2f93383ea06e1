import { formatNumber, useLocale } from '@kmg/ui';
import { Anchor, Badge, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconArrowsDiff } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { QueryError } from '#components/QueryError.tsx';
import { graphql } from '#graphql.ts';
import { formatPoints } from '#lib/format.ts';

/** How many applications the panel points at. */
const SHOWN = 5;

const DisagreementPanelQuery = graphql(`
  query DisagreementPanel($id: ID!, $first: Int!) {
    trainingCall(id: $id) {
      id
      reviewDisagreements(first: $first) {
        application { id teacher { id name } school { id name } }
        reviewCount
        spread
        lowTotal
        highTotal
        disagrees
        splitOnCriterion
        widestGap { key nameId nameEn low high maxScore gap }
      }
    }
  }
`);

/**
 * Where the reviewers disagree most, before the manager commits: the applications whose reviewers'
 * totals lie furthest apart (then the criterion they split on most), with the figures and the way
 * to the reviews side by side. Its own query: only those who manage the call may read it.
 */
export function DisagreementPanel({
  callId,
  reviewsHref,
}: {
  callId: string;
  /** Where an application's reviews open (the drawer on this page). */
  reviewsHref: (applicationId: string) => string;
}) {
  const { t, locale } = useLocale();
  const [{ data, error }, reexecute] = useQuery({
    query: DisagreementPanelQuery,
    variables: { id: callId, first: SHOWN },
    requestPolicy: 'cache-and-network',
  });
  if (error && !data)
    return <QueryError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  const rows = data?.trainingCall?.reviewDisagreements;
  if (!rows) return <Skeleton h={120} radius="md" />;
  if (rows.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('admin.disagreement.none')}
      </Text>
    );
  }
  const points = (value: number) => formatPoints(value, locale);
  const flagged = rows.filter((row) => row.disagrees || row.splitOnCriterion).length;

  return (
    <Stack gap="sm">
      <Text size="sm">
        {flagged === 0
          ? t('admin.disagreement.allClose')
          : t('admin.disagreement.flagged', { count: flagged })}
      </Text>
      <Stack
        component="ol"
        gap="xs"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
        aria-label={t('admin.disagreement.listLabel')}
      >
        {rows.map((row, index) => {
          const gap = row.widestGap;
          return (
            <Paper
              component="li"
              key={row.application.id}
              withBorder
              radius="md"
              p="sm"
              data-disagreement-rank={index + 1}
              style={
                row.disagrees ? { borderInlineStart: '4px solid var(--mantine-color-orange-7)' } : undefined
              }
            >
              <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
                <div style={{ minWidth: 0, flex: '1 1 220px' }}>
                  <Text size="sm" fw={600}>
                    {formatNumber(index + 1, locale)}. {row.application.teacher.name}
                  </Text>
                  {row.application.school && (
                    <Text size="xs" c="dimmed">
                      {row.application.school.name}
                    </Text>
                  )}
                </div>
                <Badge
                  variant="light"
                  color={row.disagrees ? 'orange' : 'gray'}
                  tt="none"
                  size="md"
                  leftSection={
                    row.disagrees ? (
                      <IconAlertTriangle size={12} aria-hidden />
                    ) : (
                      <IconArrowsDiff size={12} aria-hidden />
                    )
                  }
                >
                  {t('admin.disagreement.spread', { spread: points(row.spread) })}
                </Badge>
              </Group>
              <Text size="sm" mt={6}>
                {t('admin.disagreement.totals', {
                  low: points(row.lowTotal ?? 0),
                  high: points(row.highTotal ?? 0),
                  count: row.reviewCount,
                })}
              </Text>
              {gap && gap.high > gap.low && (
                <Text size="sm" c={row.splitOnCriterion ? undefined : 'dimmed'}>
                  {t('admin.disagreement.criterion', {
                    // Both names come with the data, so switching language needs no new request.
                    name: locale === 'en' ? gap.nameEn : gap.nameId,
                    low: gap.low,
                    high: gap.high,
                    max: gap.maxScore,
                    share: formatNumber(Math.round(gap.gap), locale),
                  })}
                </Text>
              )}
              <Anchor
                component={Link}
                to={reviewsHref(row.application.id)}
                size="sm"
                mt={4}
                display="inline-block"
              >
                {t('admin.disagreement.open', { name: row.application.teacher.name })}
              </Anchor>
            </Paper>
          );
        })}
      </Stack>
      <Text size="sm" c="dimmed">
        {t('admin.disagreement.askMore')}{' '}
        <Anchor href="#selection-reviewers" size="sm" underline="always">
          {t('admin.disagreement.toReviewers')}
        </Anchor>
      </Text>
    </Stack>
  );
}
