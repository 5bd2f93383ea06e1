import { useLocale } from '@kmg/ui';
import { Alert, Group, List, Loader, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ConfirmDialog } from '#components/ConfirmDialog.tsx';
import { PathwayBackfillPanel_version } from '#components/PathwayBackfillPanel.tsx';
import { QueryError } from '#components/QueryError.tsx';
import { useProblemMessages } from '#components/use-problem-messages.ts';
import { graphql } from '#graphql.ts';
import { MutationProblem_error, readProblem } from '#lib/mutation-result.ts';

const PublicationPreviewQuery = graphql(`
  query PathwayPublicationPreview($versionId: ID!) {
    pathwayPublicationPreview(versionId: $versionId) { teachersEvaluated wouldReceive oneAway }
  }
`);

/** Publishing retires the version published before it: every version's status comes back. */
const PublishPathway = graphql(
  `
  mutation PublishPathway($versionId: ID!) {
    publishPathway(versionId: $versionId) {
      __typename
      ... on PublishPathwaySuccess {
        data {
          id
          status
          publishedAt
          awardCount
          ...PathwayBackfillPanel_version
          pathway { id versions { id version status publishedAt retiredAt awardCount } }
        }
      }
      ...MutationProblem_error
    }
  }
`,
  [PathwayBackfillPanel_version, MutationProblem_error],
);

/**
 * Publishing, with what it will do first: how many teachers receive the credential at once and
 * how many are one credential away (counted now, from every teacher's wallet), that the version
 * freezes, and which published version it replaces.
 */
export function PublishPathwayDialog({
  opened,
  onClose,
  version,
  replaces,
}: {
  opened: boolean;
  onClose: () => void;
  version: { id: string; version: number };
  /** The version published now, which publishing retires. */
  replaces: number | null;
}) {
  const { t } = useLocale();
  const messages = useProblemMessages();
  const [preview, refetch] = useQuery({
    query: PublicationPreviewQuery,
    variables: { versionId: version.id },
    // Counted afresh each time the dialog opens: wallets change all day.
    requestPolicy: 'network-only',
    pause: !opened,
  });
  const [{ fetching }, publish] = useMutation(PublishPathway);
  const [problem, setProblem] = useState<string | null>(null);
  const counts = preview.data?.pathwayPublicationPreview;

  return (
    <ConfirmDialog
      opened={opened}
      onClose={() => {
        setProblem(null);
        onClose();
      }}
      title={t('admin.pathway.publishDialog.title', { version: version.version })}
      confirmLabel={t('admin.pathway.publishDialog.confirm')}
      busy={fetching}
      problem={problem}
      canConfirm={!!counts}
      onConfirm={async () => {
        setProblem(null);
        const result = await publish({ versionId: version.id });
        const found = readProblem(result.data?.publishPathway, result.error, messages);
        if (found) {
          setProblem(found.message);
          return;
        }
        notifications.show({
          color: 'green',
          message: t('admin.pathway.publishDialog.published', { version: version.version }),
        });
        onClose();
      }}
    >
      <Stack gap="sm">
        {counts ? (
          <>
            <Text fw={600} size="lg" aria-live="polite" data-testid="publication-preview">
              {t('admin.pathway.publishDialog.receive', { count: counts.wouldReceive })};{' '}
              {t('admin.pathway.publishDialog.oneAway', { count: counts.oneAway })}
            </Text>
            <Text size="sm" c="dimmed">
              {t('admin.pathway.publishDialog.evaluated', { count: counts.teachersEvaluated })}
            </Text>
          </>
        ) : preview.error ? (
          <QueryError error={preview.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
        ) : (
          <Group gap="sm" role="status">
            <Loader size="sm" />
            <Text size="sm">{t('admin.pathway.publishDialog.counting')}</Text>
          </Group>
        )}
        <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} aria-hidden />}>
          <List size="sm" spacing={4}>
            <List.Item>{t('admin.pathway.publishDialog.frozen')}</List.Item>
            {replaces !== null && (
              <List.Item>{t('admin.pathway.publishDialog.replaces', { version: replaces })}</List.Item>
            )}
          </List>
        </Alert>
      </Stack>
    </ConfirmDialog>
  );
}
