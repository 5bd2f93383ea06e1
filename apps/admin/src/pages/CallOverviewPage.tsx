import { applicationStatuses } from '@kmg/domain';
import { useLocale } from '@kmg/ui';
import { Group, LoadingOverlay, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { ApplicationDrawer } from '#components/ApplicationDrawer.tsx';
import { ApplicationsTable, ApplicationsTable_application } from '#components/ApplicationsTable.tsx';
import { CallRatingsPanel, CallRatingsPanel_call } from '#components/CallRatingsPanel.tsx';
import { CallSummary, CallSummary_call } from '#components/CallSummary.tsx';
import { Pager } from '#components/Pager.tsx';
import { PublishChecklist, PublishChecklist_call } from '#components/PublishChecklist.tsx';
import { QueryError } from '#components/QueryError.tsx';
import { QueryPending } from '#components/QueryPending.tsx';
import { ReviewProgressLine, ReviewProgressPanel_call } from '#components/ReviewProgressPanel.tsx';
import { graphql } from '#graphql.ts';
import {
  type ApplicationsSearch,
  applicationsVariables,
  readApplicationsSearch,
  writeApplicationsSearch,
} from '#lib/applications-search.ts';
import { firstPage } from '#lib/pagination.ts';
import { useKeptData } from '#lib/use-kept-data.ts';
import { zoneAbbreviation } from '#lib/venue-time.ts';

const CallOverviewPageQuery = graphql(
  `
  query CallOverviewPage(
    $id: ID!
    $status: ApplicationStatus
    $first: Int
    $after: String
    $last: Int
    $before: String
  ) {
    trainingCall(id: $id) {
      id
      status
      timeZone
      selectionMode
      ...CallSummary_call
      ...ReviewProgressPanel_call
      ...PublishChecklist_call
      ...CallRatingsPanel_call
      applications(status: $status, first: $first, after: $after, last: $last, before: $before) {
        totalCount
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        edges { node { id ...ApplicationsTable_application } }
      }
    }
  }
`,
  [
    CallSummary_call,
    ApplicationsTable_application,
    ReviewProgressPanel_call,
    PublishChecklist_call,
    CallRatingsPanel_call,
  ],
);

/** The search parameter naming the application open in the drawer. */
const openParam = 'pendaftar';

/** A call's details and its applicants; an applicant opens in a drawer beside the table. */
export function CallOverviewPage() {
  const { t } = useLocale();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const search = useMemo(() => readApplicationsSearch(params), [params]);
  const openId = params.get(openParam);
  const [result, reexecute] = useQuery({
    query: CallOverviewPageQuery,
    variables: { id, ...applicationsVariables(search) },
  });
  // Keep the page while another page of applicants loads, but never show one call under another's URL.
  const kept = useKeptData(result.data);
  const data = result.data ?? (!result.error && kept?.trainingCall?.id === id ? kept : undefined);
  const navigate = (next: ApplicationsSearch) =>
    setParams(writeApplicationsSearch(next), { replace: true, preventScrollReset: true });
  const setOpen = (applicationId: string | null) => {
    const next = new URLSearchParams(params);
    if (applicationId) next.set(openParam, applicationId);
    else next.delete(openParam);
    setParams(next, { preventScrollReset: true });
  };

  if (!data) {
    return (
      <QueryPending
        error={result.error}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        blocks={[{ h: 220 }, { h: 160 }]}
      />
    );
  }

  const call = data.trainingCall;
  // The frame around this page says when a call is missing.
  if (!call) return null;

  const applications = call.applications;
  const zone = zoneAbbreviation(call.timeZone);
  const reviewed = call.selectionMode === 'REVIEWED';
  return (
    <Stack gap="xl">
      <PublishChecklist call={call} />
      <CallSummary call={call} />

      <section>
        <Group justify="space-between" align="flex-end" mb="sm" gap="sm">
          <div>
            <Title order={2} size="h3" id="applications-title">
              {t('admin.applications.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('common.applications', { count: applications.totalCount })} ·{' '}
              {t('admin.applications.venueTime', { zone })}
            </Text>
            {reviewed && <ReviewProgressLine call={call} selectionPath={`/lowongan/${call.id}/seleksi`} />}
          </div>
          <Select
            label={t('admin.applications.filter')}
            size="sm"
            w={260}
            value={search.status ?? ''}
            onChange={(value) =>
              navigate({
                status: applicationStatuses.find((status) => status === value) ?? null,
                page: firstPage(search.page.size),
              })
            }
            allowDeselect={false}
            data={[
              { value: '', label: t('admin.applications.all') },
              ...applicationStatuses.map((status) => ({
                value: status,
                label: t(`admin.applicationStatus.${status}`),
              })),
            ]}
          />
        </Group>
        {result.error && (
          <QueryError error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
        )}
        <Paper withBorder radius="md" pos="relative">
          <LoadingOverlay visible={result.fetching} zIndex={2} overlayProps={{ blur: 1 }} />
          {applications.totalCount === 0 ? (
            <Text ta="center" c="dimmed" py={40} px="md">
              {search.status
                ? t('admin.applications.emptyFiltered')
                : call.status === 'DRAFT'
                  ? t('admin.applications.emptyDraft')
                  : t('admin.applications.empty')}
            </Text>
          ) : (
            <ApplicationsTable
              applications={applications.edges.map((edge) => edge.node)}
              labelledBy="applications-title"
              timeZone={call.timeZone}
              reviewed={reviewed}
              onOpen={setOpen}
            />
          )}
        </Paper>
        {applications.totalCount > 0 && (
          <Pager
            page={search.page}
            pageInfo={applications.pageInfo}
            rows={applications.edges.length}
            total={applications.totalCount}
            onChange={(page) => navigate({ status: search.status, page })}
          />
        )}
      </section>
      <CallRatingsPanel call={call} isFinished={call.status === 'COMPLETED'} />
      <ApplicationDrawer applicationId={openId} onClose={() => setOpen(null)} />
    </Stack>
  );
}
