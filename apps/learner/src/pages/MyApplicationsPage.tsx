import { useLocale } from '@kmg/ui';
import { Button, Stack } from '@mantine/core';
import { IconClipboardList } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import {
  ApplicationCard,
  ApplicationCard_application,
  ApplicationCardSkeleton,
} from '#components/ApplicationCard.tsx';
import { EmptyList } from '#components/EmptyList.tsx';
import { LoadMoreButton } from '#components/LoadMoreButton.tsx';
import { LockedNotice } from '#components/LockedNotice.tsx';
import { Page } from '#components/Page.tsx';
import { QueryFallback } from '#components/QueryState.tsx';
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
            <LockedNotice>{t('learner.applications.teachersOnly')}</LockedNotice>
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

  if (!applications) return <QueryFallback error={error} reexecute={reexecute} skeleton={skeleton} />;

  if (applications.edges.length === 0) {
    return (
      <EmptyList
        icon={IconClipboardList}
        title={t('learner.applications.emptyTitle')}
        description={t('learner.applications.emptyText')}
        actions={
          <Button component={Link} to="/" size="md">
            {t('learner.applications.browse')}
          </Button>
        }
      />
    );
  }

  return (
    <Stack gap="md">
      {applications.edges.map(({ node }) => (
        <ApplicationCard key={node.id} application={node} />
      ))}
      {applications.pageInfo.hasNextPage && (
        <LoadMoreButton isLoading={fetching} onClick={() => setAfter(applications.pageInfo.endCursor)} />
      )}
    </Stack>
  );
}
