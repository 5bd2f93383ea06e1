import { LoadError, useLocale } from '@kmg/ui';
import { Alert, Button, EmptyState, Stack } from '@mantine/core';
import { IconClipboardList, IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import {
  ApplicationCard,
  ApplicationCard_application,
  ApplicationCardSkeleton,
} from '#components/ApplicationCard.tsx';
import { Page } from '#components/Page.tsx';
import { RequireSignIn } from '#components/RequireSignIn.tsx';
import { graphql } from '#graphql.ts';

const PAGE_SIZE = 10;

const MyApplicationsPageQuery = graphql(
  `
    query MyApplicationsPage($first: Int!, $after: String) {
      myApplications(first: $first, after: $after) {
        edges {
          node {
            id
            ...ApplicationCard_application
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  `,
  [ApplicationCard_application],
);

const skeleton = (
  <Stack gap="md">
    <ApplicationCardSkeleton />
    <ApplicationCardSkeleton />
  </Stack>
);

/** The teacher's applications, newest first. */
export function MyApplicationsPage() {
  const { t } = useLocale();
  return (
    <Page title={t('learner.applications.title')} lead={t('learner.applications.lead')} size="sm">
      <RequireSignIn fallback={skeleton}>
        {(viewer) =>
          viewer.isTeacher ? (
            <ApplicationList />
          ) : (
            <Alert color="gray" variant="light" icon={<IconLock size={20} aria-hidden />}>
              {t('learner.applications.teachersOnly')}
            </Alert>
          )
        }
      </RequireSignIn>
    </Page>
  );
}

function ApplicationList() {
  const { t } = useLocale();
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: MyApplicationsPageQuery,
    variables: { first: PAGE_SIZE, after },
    // A withdrawal or an application made elsewhere shows when the teacher comes back to this list.
    requestPolicy: 'cache-and-network',
  });
  const applications = data?.myApplications;

  if (!applications) {
    if (error) {
      return (
        <LoadError
          isNetworkError={!!error.networkError}
          onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        />
      );
    }
    return skeleton;
  }

  if (applications.edges.length === 0) {
    return (
      <EmptyState icon={<IconClipboardList size={28} aria-hidden />} withIndicatorBackground py="xl">
        <EmptyState.Title order={2}>{t('learner.applications.emptyTitle')}</EmptyState.Title>
        <EmptyState.Description>{t('learner.applications.emptyText')}</EmptyState.Description>
        <EmptyState.Actions>
          <Button component={Link} to="/" size="md">
            {t('learner.applications.browse')}
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    );
  }

  return (
    <Stack gap="md">
      {applications.edges.map(({ node }) => (
        <ApplicationCard key={node.id} application={node} />
      ))}
      {applications.pageInfo.hasNextPage && (
        <Button
          variant="default"
          size="md"
          fullWidth
          loading={fetching}
          onClick={() => setAfter(applications.pageInfo.endCursor)}
        >
          {t('learner.calls.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
