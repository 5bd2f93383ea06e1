import { useLocale } from '@kmg/ui';
import { Button, Card, Group, Skeleton, Stack } from '@mantine/core';
import { notifications as toasts } from '@mantine/notifications';
import { IconBellOff, IconChecks } from '@tabler/icons-react';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { EmptyList } from '#components/EmptyList.tsx';
import { LoadMoreButton } from '#components/LoadMoreButton.tsx';
import { NotificationItem, NotificationItem_notification } from '#components/NotificationItem.tsx';
import { Page } from '#components/Page.tsx';
import { QueryFallback } from '#components/QueryState.tsx';
import { RequireSignIn } from '#components/RequireSignIn.tsx';
import { graphql } from '#graphql.ts';

const PAGE_SIZE = 20;

const NotificationsPageQuery = graphql(
  `
    query NotificationsPage($first: Int!, $after: String) {
      unreadNotificationCount
      notifications(first: $first, after: $after) {
        edges {
          node {
            id
            readAt
            ...NotificationItem_notification
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  `,
  [NotificationItem_notification],
);

const MarkNotificationsRead = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]) {
    markNotificationsRead(ids: $ids)
  }
`);

const skeleton = (
  <Card withBorder radius="md" padding={0} aria-hidden>
    {[0, 1, 2].map((row) => (
      <Stack key={row} gap={6} p="md">
        <Skeleton height={18} width="70%" />
        <Skeleton height={14} />
        <Skeleton height={12} width={140} />
      </Stack>
    ))}
  </Card>
);

/** The signed-in person's notices, newest first; the bell in the header leads here. */
export function NotificationsPage() {
  const { t } = useLocale();
  return (
    <Page title={t('learner.notifications.title')} lead={t('learner.notifications.lead')} size="sm">
      <RequireSignIn fallback={skeleton}>
        {(viewer) => <NotificationList viewerId={viewer.id} />}
      </RequireSignIn>
    </Page>
  );
}

function NotificationList({ viewerId }: { viewerId: string }) {
  const { t } = useLocale();
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: NotificationsPageQuery,
    variables: { first: PAGE_SIZE, after },
    // New notices arrive from the server side (a selection committed): always ask.
    requestPolicy: 'cache-and-network',
  });
  const [markState, markRead] = useMutation(MarkNotificationsRead);
  const list = data?.notifications;

  if (!list) return <QueryFallback error={error} reexecute={reexecute} skeleton={skeleton} />;

  if (list.edges.length === 0) {
    return (
      <EmptyList
        icon={IconBellOff}
        title={t('learner.notifications.emptyTitle')}
        description={t('learner.notifications.emptyText')}
      />
    );
  }

  async function markAll() {
    const result = await markRead({ ids: null });
    if (result.error) {
      toasts.show({ color: 'red', message: t('common.networkError') });
      return;
    }
    toasts.show({ message: t('learner.notifications.markedAll') });
  }

  const hasUnread = (data?.unreadNotificationCount ?? 0) > 0;
  return (
    <Stack gap="md">
      {hasUnread && (
        <Group justify="flex-end">
          <Button
            variant="light"
            size="sm"
            h={40}
            leftSection={<IconChecks size={18} aria-hidden />}
            onClick={markAll}
            loading={markState.fetching}
          >
            {t('learner.notifications.markAll')}
          </Button>
        </Group>
      )}
      <Card withBorder radius="md" padding={0} component="ul" m={0} style={{ overflow: 'hidden' }}>
        {list.edges.map(({ node }) => (
          <NotificationItem
            key={node.id}
            notification={node}
            viewerId={viewerId}
            onOpen={(id) => void markRead({ ids: [id] })}
          />
        ))}
      </Card>
      {list.pageInfo.hasNextPage && (
        <LoadMoreButton isLoading={fetching} onClick={() => setAfter(list.pageInfo.endCursor)} />
      )}
    </Stack>
  );
}
