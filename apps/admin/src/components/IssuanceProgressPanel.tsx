import { formatNumber, useLocale } from '@kmg/ui';
import { Alert, Box, Button, Code, Group, List, Progress, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCircleCheck, IconRefresh } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useClient, useMutation } from 'urql';
import { useProblemMessages } from '#components/use-problem-messages.ts';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';
import { PARTICIPANTS_PAGE } from '#lib/delivery.ts';
import { MutationProblem_error, readProblem } from '#lib/mutation-result.ts';

export const IssuanceProgressPanel_call = graphql(`
  fragment IssuanceProgressPanel_call on TrainingCall {
    id
    issuanceProgress { queued issued failed total }
  }
`);

/** A participant's issuance; why it failed is for staff only (`issuanceError`, technical). */
export const IssuanceProgressPanel_participant = graphql(`
  fragment IssuanceProgressPanel_participant on Application {
    id
    teacher { id name }
    issuanceStatus
    issuanceError
  }
`);

/**
 * While credentials wait in the queue, the progress and each participant's credential are read
 * again every few seconds (the same participants page as the results page, so its rows update).
 */
const IssuanceProgressPoll = graphql(`
  query IssuanceProgressPoll($id: ID!, $first: Int!) {
    trainingCall(id: $id) {
      id
      issuanceProgress { queued issued failed total }
      participants(first: $first) {
        edges { node { id issuanceStatus issuanceError credentials { id status revision } } }
      }
    }
  }
`);

const RetryFailedIssuance = graphql(
  `
  mutation RetryFailedIssuance($callId: ID!) {
    retryFailedIssuance(callId: $callId) {
      __typename
      ... on RetryFailedIssuanceSuccess { data { id issuanceProgress { queued issued failed total } } }
      ...MutationProblem_error
    }
  }
`,
  [MutationProblem_error],
);

const POLL_MS = 2500;

/**
 * How far the credentials of an approved call are: issued, queued and failed, of all who passed;
 * beside the retry, what went wrong for each failed one (technical detail, folded).
 */
export function IssuanceProgressPanel({
  call: data,
  participants: participantsData,
  canRetry,
}: {
  call: FragmentOf<typeof IssuanceProgressPanel_call>;
  participants: readonly FragmentOf<typeof IssuanceProgressPanel_participant>[];
  canRetry: boolean;
}) {
  const { t, locale } = useLocale();
  const messages = useProblemMessages();
  const client = useClient();
  const call = readFragment(IssuanceProgressPanel_call, data);
  const { queued, issued, failed, total } = call.issuanceProgress;
  const [retryState, retry] = useMutation(RetryFailedIssuance);
  const [problem, setProblem] = useState<string | null>(null);
  const number = (value: number) => formatNumber(value, locale);
  const failures = participantsData
    .map((participant) => readFragment(IssuanceProgressPanel_participant, participant))
    .filter((participant) => participant.issuanceStatus === 'FAILED');

  useEffect(() => {
    if (queued === 0) return;
    const timer = window.setInterval(() => {
      void client
        .query(
          IssuanceProgressPoll,
          { id: call.id, first: PARTICIPANTS_PAGE },
          { requestPolicy: 'network-only' },
        )
        .toPromise();
    }, POLL_MS);
    return () => window.clearInterval(timer);
  }, [client, call.id, queued > 0]);

  if (total === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('admin.delivery.issuance.none')}
      </Text>
    );
  }
  const share = (value: number) => (value / total) * 100;
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="center" gap="sm">
        <Text fw={600} aria-live="polite">
          {t('admin.delivery.issuance.progress', { issued: number(issued), total: number(total) })}
        </Text>
        <Group gap="md">
          <Text size="sm">
            <Text span c="green.9" fw={700}>
              {number(issued)}
            </Text>{' '}
            {t('admin.delivery.issuance.issued')}
          </Text>
          <Text size="sm">
            <Text span c="blue.8" fw={700}>
              {number(queued)}
            </Text>{' '}
            {t('admin.delivery.issuance.queued')}
          </Text>
          <Text size="sm">
            <Text span c={failed > 0 ? 'red.8' : undefined} fw={700}>
              {number(failed)}
            </Text>{' '}
            {t('admin.delivery.issuance.failed')}
          </Text>
        </Group>
      </Group>
      <Progress.Root size="lg" radius="xl" aria-hidden>
        <Progress.Section value={share(issued)} color="teal" />
        <Progress.Section value={share(queued)} color="blue" animated striped />
        <Progress.Section value={share(failed)} color="red" />
      </Progress.Root>
      {queued > 0 && (
        <Text size="sm" c="dimmed">
          {t('admin.delivery.issuance.polling')}
        </Text>
      )}
      {queued === 0 && failed === 0 && (
        <Group gap="xs">
          <IconCircleCheck size={18} color="var(--mantine-color-teal-7)" aria-hidden />
          <Text size="sm">{t('admin.delivery.issuance.done')}</Text>
        </Group>
      )}
      {failed > 0 && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('admin.delivery.issuance.failedNote', { count: failed })}</Text>
            {problem && (
              <Text size="sm" fw={600} role="alert">
                {problem}
              </Text>
            )}
            {canRetry && (
              <Button
                size="xs"
                color="red"
                variant="white"
                leftSection={<IconRefresh size={16} aria-hidden />}
                loading={retryState.fetching}
                onClick={async () => {
                  setProblem(null);
                  const result = await retry({ callId: call.id });
                  const found = readProblem(result.data?.retryFailedIssuance, result.error, messages);
                  if (found) setProblem(found.message);
                  else notifications.show({ color: 'green', message: t('admin.delivery.issuance.retried') });
                }}
              >
                {t('admin.delivery.issuance.retry')}
              </Button>
            )}
            {failures.length > 0 && (
              <Box component="details" className="technical-details">
                <Text component="summary" size="sm" fw={600}>
                  {t('admin.delivery.issuance.errorDetails', { count: failures.length })}
                </Text>
                <List size="sm" spacing={6} mt={6} listStyleType="none" withPadding={false}>
                  {failures.map((participant) => (
                    <List.Item key={participant.id}>
                      <Text span size="sm" fw={600}>
                        {participant.teacher.name}
                      </Text>
                      <Code block mt={2} fz="xs" className="technical-error">
                        {participant.issuanceError ?? t('admin.delivery.issuance.noError')}
                      </Code>
                    </List.Item>
                  ))}
                </List>
              </Box>
            )}
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
