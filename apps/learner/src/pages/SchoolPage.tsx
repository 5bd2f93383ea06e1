import { useLocale } from '@kmg/ui';
import { EmptyState, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconChecklist, IconInbox } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import {
  EndorsementCard,
  EndorsementCard_application,
  EndorsementCardSkeleton,
} from '#components/EndorsementCard.tsx';
import { LoadMoreButton } from '#components/LoadMoreButton.tsx';
import { LockedNotice } from '#components/LockedNotice.tsx';
import { Page } from '#components/Page.tsx';
import { QueryFallback } from '#components/QueryState.tsx';
import { RequireSignIn } from '#components/RequireSignIn.tsx';
import { SchoolDisseminationReports } from '#components/SchoolDisseminationReports.tsx';
import { SchoolFigures } from '#components/SchoolFigures.tsx';
import { graphql } from '#graphql.ts';
import { sortByEndorsementDeadline, sortByNewestDecision } from '#lib/school-order.ts';
import { useScrollToHash } from '#lib/scroll-to-hash.ts';

// Enough for every pending application of a school in one page, so sorting them by deadline holds.
const PAGE_SIZE = 50;

const SchoolPageQuery = graphql(
  `
    query SchoolPage($first: Int!, $after: String, $pendingOnly: Boolean) {
      me {
        id
        organization {
          id
          name
        }
      }
      schoolApplications(first: $first, after: $after, pendingOnly: $pendingOnly) {
        edges {
          node {
            id
            status
            submittedAt
            endorsedAt
            closedAt
            call {
              id
              endorsementDeadline
            }
            ...EndorsementCard_application
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  `,
  [EndorsementCard_application],
);

type Tab = 'pending' | 'decided' | 'dissemination';

/** The `?tampil=` value of each tab: the decided list is a link a notice can point to. */
const tabParam = { pending: null, decided: 'diputuskan', dissemination: 'pengimbasan' } as const;

const skeleton = (
  <Stack gap="md">
    <EndorsementCardSkeleton />
    <EndorsementCardSkeleton />
  </Stack>
);

/** "Sekolah saya": a principal endorses or declines their teachers' applications. */
export function SchoolPage() {
  const { t } = useLocale();
  return (
    <Page title={t('learner.school.title')} size="sm">
      <RequireSignIn fallback={skeleton}>
        {(viewer) =>
          viewer.isPrincipal ? (
            <SchoolApplications />
          ) : (
            <LockedNotice>{t('learner.school.notPrincipal')}</LockedNotice>
          )
        }
      </RequireSignIn>
    </Page>
  );
}

function SchoolApplications() {
  const { t } = useLocale();
  const [searchParams, setSearchParams] = useSearchParams();
  const shown = searchParams.get('tampil');
  const tab: Tab =
    shown === tabParam.decided ? 'decided' : shown === tabParam.dissemination ? 'dissemination' : 'pending';
  // The cursor belongs to one tab: switching starts again from the first page.
  const [page, setPage] = useState<{ tab: Tab; after: string | null }>({ tab, after: null });
  const after = page.tab === tab ? page.after : null;
  // Deadlines are judged against the moment the list was loaded, and again when it is reloaded.
  const [now, setNow] = useState(() => new Date());
  const heading = useRef<HTMLHeadingElement>(null);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: SchoolPageQuery,
    variables: { first: PAGE_SIZE, after, pendingOnly: tab === 'pending' },
    // A teacher may have applied since: the list is always asked for again.
    requestPolicy: 'cache-and-network',
  });
  const connection = data?.schoolApplications;
  useScrollToHash(!!connection);

  const chooseTab = (next: string | null) => {
    const value = next === 'decided' || next === 'dissemination' ? tabParam[next] : null;
    setSearchParams(value ? { tampil: value } : {}, { replace: true });
  };
  const reload = () => {
    setNow(new Date());
    reexecute({ requestPolicy: 'network-only' });
    requestAnimationFrame(() => heading.current?.focus());
  };

  const school = data?.me?.organization?.name;
  // The API lists every application of the school; those still awaiting endorsement have their tab,
  // the most urgent first; the decided ones, the latest decision first.
  const nodes = (connection?.edges ?? []).map(({ node }) => node);
  const applications =
    tab === 'pending'
      ? sortByEndorsementDeadline(nodes.filter((node) => node.status === 'SUBMITTED'))
      : sortByNewestDecision(nodes.filter((node) => node.status !== 'SUBMITTED'));

  const list = !connection ? (
    <QueryFallback error={error} reexecute={reexecute} skeleton={skeleton} />
  ) : (
    <Stack gap="md">
      <Title order={2} fz="md" fw={600} c="gray.8" ref={heading} tabIndex={-1} aria-live="polite">
        {tab === 'decided'
          ? t('learner.school.decidedHeading')
          : connection.pageInfo.hasNextPage
            ? t('learner.school.pending')
            : t('learner.school.pendingCount', { count: applications.length })}
      </Title>

      {applications.length === 0 && !connection.pageInfo.hasNextPage ? (
        <EmptyState
          icon={
            tab === 'pending' ? <IconInbox size={28} aria-hidden /> : <IconChecklist size={28} aria-hidden />
          }
          withIndicatorBackground
          py="lg"
        >
          <EmptyState.Title order={3}>
            {tab === 'pending'
              ? t('learner.school.emptyPendingTitle')
              : t('learner.school.emptyDecidedTitle')}
          </EmptyState.Title>
          <EmptyState.Description>
            {tab === 'pending' ? t('learner.school.emptyPending') : t('learner.school.emptyDecided')}
          </EmptyState.Description>
        </EmptyState>
      ) : (
        applications.map((application) => (
          <EndorsementCard
            key={application.id}
            application={application}
            now={now}
            // The decided card leaves this list; reading goes on from the list's heading.
            onDecided={() => requestAnimationFrame(() => heading.current?.focus())}
            onStale={reload}
          />
        ))
      )}

      {connection.pageInfo.hasNextPage && (
        <LoadMoreButton
          isLoading={fetching}
          onClick={() => setPage({ tab, after: connection.pageInfo.endCursor })}
        />
      )}
    </Stack>
  );

  return (
    <Stack gap="md">
      <SchoolFigures />
      <Text c="gray.7" fz={{ base: 'sm', sm: 'md' }} mt={-8}>
        {school ? t('learner.school.lead', { school }) : t('learner.school.leadNoSchool')}
      </Text>
      <Tabs value={tab} onChange={chooseTab}>
        <Tabs.List aria-label={t('learner.school.tabsLabel')} grow mb="md" style={{ flexWrap: 'nowrap' }}>
          <Tabs.Tab value="pending" fz="sm" fw={600} mih={48} px={4} style={{ whiteSpace: 'normal' }}>
            {t('learner.school.pending')}
          </Tabs.Tab>
          <Tabs.Tab value="decided" fz="sm" fw={600} mih={48} px={4} style={{ whiteSpace: 'normal' }}>
            {t('learner.school.decided')}
          </Tabs.Tab>
          <Tabs.Tab value="dissemination" fz="sm" fw={600} mih={48} px={4} style={{ whiteSpace: 'normal' }}>
            {t('learner.dissemination.schoolTab')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="pending">{tab === 'pending' && list}</Tabs.Panel>
        <Tabs.Panel value="decided">{tab === 'decided' && list}</Tabs.Panel>
        <Tabs.Panel value="dissemination">
          {tab === 'dissemination' && <SchoolDisseminationReports />}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
