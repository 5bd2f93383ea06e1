import { useLocale } from '@kmg/ui';
import { Box, Button, Group, LoadingOverlay, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconFilterOff, IconPlus } from '@tabler/icons-react';
import { useMemo } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { CallFilters, CallFilters_programme, CallFilters_skillArea } from '#components/CallFilters.tsx';
import { CallsTable, CallsTable_call } from '#components/CallsTable.tsx';
import { PageHeader } from '#components/PageHeader.tsx';
import { Pager } from '#components/Pager.tsx';
import { QueryError } from '#components/QueryError.tsx';
import { RplProgrammeFigureCard } from '#components/RplProgrammeFigureCard.tsx';
import { SortSelect } from '#components/SortSelect.tsx';
import { graphql } from '#graphql.ts';
import {
  type CallsSearch,
  callsVariables,
  emptyCallFilters,
  hasActiveFilters,
  readCallsSearch,
  toggleSort,
  writeCallsSearch,
} from '#lib/calls-search.ts';
import { firstPage } from '#lib/pagination.ts';
import { useKeptData } from '#lib/use-kept-data.ts';
import { isProviderOnly, isRplStaff, isSelectionReviewer, runsCalls, useViewer } from '#lib/viewer.tsx';

const CallsPageQuery = graphql(
  `
  query CallsPage(
    $filter: TrainingCallFilter
    $orderBy: TrainingCallOrder
    $first: Int
    $after: String
    $last: Int
    $before: String
  ) {
    trainingCalls(filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { node { id ...CallsTable_call } }
    }
    programmes { id isManagedByViewer ...CallFilters_programme }
    skillAreas { id ...CallFilters_skillArea }
  }
`,
  [CallsTable_call, CallFilters_programme, CallFilters_skillArea],
);

export function CallsPage() {
  const { t } = useLocale();
  const viewer = useViewer();
  const [params, setParams] = useSearchParams();
  const search = useMemo(() => readCallsSearch(params), [params]);
  // Reviewers who run no calls start at their own work (selection reviews, else RPL).
  const reviewerOnly = !runsCalls(viewer);
  const [result, reexecute] = useQuery({
    query: CallsPageQuery,
    variables: callsVariables(search),
    pause: reviewerOnly,
  });
  // Filter options stay from the last answer; rows only while the next ones load, never after a
  // failure (they would belong to other filters).
  const data = useKeptData(result.data);
  const current = result.data ?? (result.error ? undefined : data);

  if (reviewerOnly)
    return (
      <Navigate to={isSelectionReviewer(viewer) || !isRplStaff(viewer) ? '/penilaian' : '/rpl'} replace />
    );

  const navigate = (next: CallsSearch, { replace = false } = {}) =>
    setParams(writeCallsSearch(next), { replace });
  const retry = () => reexecute({ requestPolicy: 'network-only' });

  const canCreate = data?.programmes.some((programme) => programme.isManagedByViewer) ?? false;
  const providerOnly = isProviderOnly(viewer);
  const organization = viewer.organization?.shortName ?? viewer.organization?.name ?? '';
  const connection = current?.trainingCalls;
  const filtered = hasActiveFilters(search.filters);
  const sortLabel = t(`admin.calls.sortOption.${search.sort.field}_${search.sort.direction}`);

  return (
    <>
      <PageHeader
        title={t('admin.calls.title')}
        description={
          providerOnly && organization
            ? t('admin.calls.introProvider', { organization })
            : t('admin.calls.intro')
        }
        actions={
          canCreate && (
            <Button component={Link} to="/lowongan/baru" leftSection={<IconPlus size={18} aria-hidden />}>
              {t('admin.calls.create')}
            </Button>
          )
        }
      />
      <RplProgrammeFigureCard />

      {!data ? (
        result.error ? (
          <QueryError error={result.error} onRetry={retry} />
        ) : (
          <Stack gap="sm" role="status" aria-label={t('common.loading')}>
            <Skeleton h={60} />
            {Array.from({ length: 6 }, (_, index) => (
              <Skeleton key={index} h={44} />
            ))}
          </Stack>
        )
      ) : (
        <Stack gap="md">
          <CallFilters
            filters={search.filters}
            programmes={data.programmes}
            skillAreas={data.skillAreas}
            onChange={(filters) =>
              navigate(
                { filters, sort: search.sort, page: firstPage(search.page.size) },
                // Typing in the search box refines one view; it should not fill the back button.
                { replace: filters.search !== search.filters.search },
              )
            }
          />
          <Group justify="space-between" gap="sm">
            <Text size="sm" fw={600} aria-live="polite">
              {connection ? t('admin.calls.count', { count: connection.totalCount }) : ''}
            </Text>
            <SortSelect
              sort={search.sort}
              onChange={(sort) => navigate({ ...search, sort, page: firstPage(search.page.size) })}
            />
          </Group>
          {result.error && <QueryError error={result.error} onRetry={retry} />}
          {connection && (
            <Paper withBorder radius="md" pos="relative">
              <LoadingOverlay visible={result.fetching} zIndex={2} overlayProps={{ blur: 1 }} />
              {connection.totalCount === 0 ? (
                <Stack align="center" gap="sm" py={48} px="md" ta="center">
                  <Title order={2} size="h4">
                    {filtered ? t('admin.calls.noMatch') : t('admin.calls.empty')}
                  </Title>
                  {filtered ? (
                    <Button
                      variant="light"
                      leftSection={<IconFilterOff size={18} aria-hidden />}
                      onClick={() =>
                        navigate({ ...search, filters: emptyCallFilters, page: firstPage(search.page.size) })
                      }
                    >
                      {t('admin.calls.clearFilters')}
                    </Button>
                  ) : canCreate ? (
                    <>
                      <Text c="dimmed">{t('admin.calls.emptyCreate')}</Text>
                      <Button
                        component={Link}
                        to="/lowongan/baru"
                        leftSection={<IconPlus size={18} aria-hidden />}
                      >
                        {t('admin.calls.create')}
                      </Button>
                    </>
                  ) : (
                    <Text c="dimmed">{t('admin.calls.emptyProvider')}</Text>
                  )}
                </Stack>
              ) : (
                <Box px={4}>
                  <CallsTable
                    calls={connection.edges.map((edge) => edge.node)}
                    sort={search.sort}
                    onSort={(field) =>
                      navigate({
                        ...search,
                        sort: toggleSort(search.sort, field),
                        page: firstPage(search.page.size),
                      })
                    }
                    caption={t('admin.calls.tableCaption', { sort: sortLabel })}
                  />
                </Box>
              )}
            </Paper>
          )}
          {connection && connection.totalCount > 0 && (
            <Pager
              page={search.page}
              pageInfo={connection.pageInfo}
              rows={connection.edges.length}
              total={connection.totalCount}
              onChange={(page) => navigate({ ...search, page })}
            />
          )}
        </Stack>
      )}
    </>
  );
}
