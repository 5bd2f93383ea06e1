import { useLocale } from '@kmg/ui';
import { Badge, Box, Button, EmptyState, Group, Stack, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconSearchOff } from '@tabler/icons-react';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { CallCard, CallCard_call, CallCardSkeleton } from '#components/CallCard.tsx';
import { ActiveFilters, CallFilterFields, CallFilters_skillAreas } from '#components/CallFilters.tsx';
import { LoadMoreButton } from '#components/LoadMoreButton.tsx';
import { Page } from '#components/Page.tsx';
import { QueryLoadError } from '#components/QueryState.tsx';
import { SearchBox } from '#components/SearchBox.tsx';
import { graphql } from '#graphql.ts';
import {
  type CallFilters,
  countActiveFilters,
  emptyCallFilters,
  readCallFilters,
  toCallQuery,
  writeCallFilters,
} from '#lib/call-filters.ts';
import classes from './CallsPage.module.css';

const PAGE_SIZE = 10;

const loadFilterDrawer = () => import('#components/FilterDrawer.tsx');
const FilterDrawer = lazy(async () => ({ default: (await loadFilterDrawer()).FilterDrawer }));

const CallsPageQuery = graphql(
  `
    query CallsPage($filter: TrainingCallFilter, $orderBy: TrainingCallOrder, $first: Int!, $after: String) {
      skillAreas {
        id
        ...CallFilters_skillAreas
      }
      trainingCalls(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
        totalCount
        edges {
          node {
            id
            ...CallCard_call
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  `,
  [CallFilters_skillAreas, CallCard_call],
);

/** Browse calls: open ones first, with search and filters kept in the address. */
export function CallsPage() {
  const { t } = useLocale();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => readCallFilters(searchParams), [searchParams]);
  const filterKey = writeCallFilters(filters).toString();
  const isWide = useMediaQuery('(min-width: 62em)', false, { getInitialValueInEffect: false });
  const [now] = useState(() => new Date());
  const [drawer, setDrawer] = useState({ isMounted: false, isOpen: false });

  // The cursor belongs to one set of filters: new filters start again from the first page.
  const [page, setPage] = useState<{ key: string; after: string | null }>({ key: filterKey, after: null });
  const after = page.key === filterKey ? page.after : null;

  const [{ data, fetching, error }, reexecute] = useQuery({
    query: CallsPageQuery,
    variables: { ...toCallQuery(filters), first: PAGE_SIZE, after },
  });

  // The list the server rendered into the page (apps/api/src/first-screen.ts) stays until this
  // page has its own (or its error) to show: no skeletons in between.
  const hasSettled = !!data || !!error;
  useEffect(() => {
    if (hasSettled) document.getElementById('first-screen')?.remove();
  }, [hasSettled]);

  // Fetch the filter sheet's code once the list is on screen and the phone is idle, so the first
  // tap opens it at once without competing with the list on a slow connection.
  const hasCalls = !!data;
  useEffect(() => {
    if (isWide || !hasCalls) return;
    const idle = window.requestIdleCallback ?? ((callback: () => void) => window.setTimeout(callback, 2000));
    idle(() => void loadFilterDrawer());
  }, [isWide, hasCalls]);

  const applyFilters = (next: CallFilters, options?: { replace?: boolean }) => {
    setSearchParams(writeCallFilters(next), { replace: options?.replace ?? false });
  };

  const calls = data?.trainingCalls;
  const skillAreas = data?.skillAreas ?? [];
  const activeCount = countActiveFilters(filters);
  const isFirstLoad = !calls && fetching;

  return (
    <Page title={t('learner.calls.title')} lead={t('learner.calls.lead')} size="lg">
      <div className={classes.layout}>
        {isWide && (
          <Box component="aside" className={classes.sidebar} aria-labelledby="filters-heading">
            <Title order={2} fz="lg" id="filters-heading" mb="md">
              {t('learner.filters.title')}
            </Title>
            <CallFilterFields filters={filters} skillAreas={skillAreas} onChange={applyFilters} isNarrow />
          </Box>
        )}
        <Stack gap="md" className={classes.results}>
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <SearchBox
              label={t('learner.calls.searchLabel')}
              placeholder={t('learner.calls.searchPlaceholder')}
              value={filters.search}
              onSearch={(search, replace) => applyFilters({ ...filters, search }, { replace })}
            />
            {!isWide && (
              <Button
                variant="default"
                size="md"
                px="sm"
                onClick={() => setDrawer({ isMounted: true, isOpen: true })}
                leftSection={<IconAdjustmentsHorizontal size={20} aria-hidden />}
                rightSection={
                  activeCount > 0 && (
                    <Badge size="sm" circle color="kmg" variant="filled" aria-hidden>
                      {activeCount}
                    </Badge>
                  )
                }
                aria-label={
                  activeCount > 0
                    ? t('learner.filters.openWithCount', { count: activeCount })
                    : t('learner.filters.open')
                }
                style={{ flexShrink: 0 }}
              >
                {t('learner.filters.button')}
              </Button>
            )}
          </Group>
          <ActiveFilters filters={filters} skillAreas={skillAreas} onChange={applyFilters} />

          {error && !calls ? (
            <QueryLoadError error={error} reexecute={reexecute} />
          ) : (
            <section aria-labelledby="results-heading" aria-busy={fetching}>
              <Title order={2} id="results-heading" fz="md" fw={600} c="gray.8" mb="sm" aria-live="polite">
                {isFirstLoad
                  ? t('common.loading')
                  : filters.includeClosed
                    ? t('learner.calls.countAll', { count: calls?.totalCount ?? 0 })
                    : t('learner.calls.countOpen', { count: calls?.totalCount ?? 0 })}
              </Title>
              {isFirstLoad ? (
                <Stack gap="md">
                  <CallCardSkeleton />
                  <CallCardSkeleton />
                  <CallCardSkeleton />
                </Stack>
              ) : calls && calls.edges.length > 0 ? (
                <Stack gap="md">
                  {calls.edges.map(({ node }) => (
                    <CallCard key={node.id} call={node} now={now} />
                  ))}
                  {calls.pageInfo.hasNextPage && (
                    <LoadMoreButton
                      isLoading={fetching}
                      onClick={() => setPage({ key: filterKey, after: calls.pageInfo.endCursor })}
                    />
                  )}
                  {error && <QueryLoadError error={error} reexecute={reexecute} />}
                </Stack>
              ) : (
                <EmptyState
                  icon={<IconSearchOff size={28} aria-hidden />}
                  withIndicatorBackground
                  title={t('learner.calls.emptyTitle')}
                  description={
                    filters.includeClosed ? t('learner.calls.emptyAll') : t('learner.calls.emptyOpen')
                  }
                  py="xl"
                >
                  <EmptyState.Actions>
                    {!filters.includeClosed && (
                      <Button
                        variant="light"
                        onClick={() => applyFilters({ ...filters, includeClosed: true, sort: 'latest' })}
                      >
                        {t('learner.calls.showClosed')}
                      </Button>
                    )}
                    {filterKey !== '' && (
                      <Button variant="subtle" onClick={() => applyFilters(emptyCallFilters)}>
                        {t('learner.filters.clearAll')}
                      </Button>
                    )}
                  </EmptyState.Actions>
                </EmptyState>
              )}
            </section>
          )}
        </Stack>
      </div>

      {!isWide && drawer.isMounted && (
        <Suspense fallback={null}>
          <FilterDrawer
            isOpen={drawer.isOpen}
            onClose={() => setDrawer({ isMounted: true, isOpen: false })}
            showLabel={
              fetching || !calls
                ? t('learner.filters.showResults')
                : t('learner.filters.showCount', { count: calls.totalCount })
            }
          >
            <CallFilterFields filters={filters} skillAreas={skillAreas} onChange={applyFilters} />
          </FilterDrawer>
        </Suspense>
      )}
    </Page>
  );
}
