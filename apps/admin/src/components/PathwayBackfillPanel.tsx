import { formatNumber, useLocale } from '@kmg/ui';
import { Alert, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useClient } from 'urql';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';

export const PathwayBackfillPanel_version = graphql(`
  fragment PathwayBackfillPanel_version on PathwayVersion {
    id
    backfillStatus
    backfillTotal
    backfillDone
    backfillAwarded
  }
`);

/** While the backfill runs, its counts and the awards shown with them are read again. */
const PathwayBackfillPoll = graphql(`
  query PathwayBackfillPoll($id: ID!, $first: Int!) {
    pathwayVersion(id: $id) {
      id
      backfillStatus
      backfillTotal
      backfillDone
      backfillAwarded
      awardCount
      awards(first: $first) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node { id learnerName awardedAt validUntil status verifyUrl } }
      }
    }
  }
`);

const POLL_MS = 2500;

/**
 * Publishing awards everyone who already qualifies in the background: how many teachers have been
 * checked and how many received the credential, updated every few seconds while it runs.
 */
export function PathwayBackfillPanel({
  version: data,
  awardsShown,
}: {
  version: FragmentOf<typeof PathwayBackfillPanel_version>;
  /** How many awards the page lists, so polling refreshes that same list. */
  awardsShown: number;
}) {
  const { t, locale } = useLocale();
  const client = useClient();
  const version = readFragment(PathwayBackfillPanel_version, data);
  const isRunning = version.backfillStatus === 'RUNNING';

  useEffect(() => {
    if (!isRunning) return;
    const timer = window.setInterval(() => {
      void client
        .query(PathwayBackfillPoll, { id: version.id, first: awardsShown }, { requestPolicy: 'network-only' })
        .toPromise();
    }, POLL_MS);
    return () => window.clearInterval(timer);
  }, [client, version.id, isRunning, awardsShown]);

  if (!version.backfillStatus) return null;
  const number = (value: number) => formatNumber(value, locale);
  const total = version.backfillTotal;
  const share = total > 0 ? (version.backfillDone / total) * 100 : 100;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="backfill-title">
      <Stack gap="sm">
        <Title order={2} size="h5" id="backfill-title">
          {t('admin.pathway.backfill.title')}
        </Title>
        <Group justify="space-between" gap="sm">
          <Text fw={600} aria-live="polite">
            {t('admin.pathway.backfill.progress', {
              done: number(version.backfillDone),
              total: number(total),
            })}
          </Text>
          <Text size="sm">
            <Text span fw={700} c="teal.8">
              {t('admin.pathway.backfill.awarded', { count: version.backfillAwarded })}
            </Text>
          </Text>
        </Group>
        <Progress
          value={share}
          size="lg"
          radius="xl"
          color={version.backfillStatus === 'FAILED' ? 'red' : 'teal'}
          animated={isRunning}
          striped={isRunning}
          aria-hidden
        />
        {isRunning && (
          <Text size="sm" c="dimmed">
            {t('admin.pathway.backfill.polling')}
          </Text>
        )}
        {version.backfillStatus === 'DONE' && (
          <Group gap="xs" wrap="nowrap">
            <IconCircleCheck
              size={18}
              color="var(--mantine-color-teal-7)"
              aria-hidden
              style={{ flex: 'none' }}
            />
            <Text size="sm">{t('admin.pathway.backfill.done', { count: version.backfillAwarded })}</Text>
          </Group>
        )}
        {version.backfillStatus === 'FAILED' && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />}>
            {t('admin.pathway.backfill.failed')}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
