import { useLocale } from '@kmg/ui';
import { Badge, Box, Button, EmptyState, Group, Stack, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconClipboardList, IconSearchOff } from '@tabler/icons-react';
import { lazy, Suspense, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { Page } from '#components/Page.tsx';
import { QueryLoadError } from '#components/QueryState.tsx';
import { ActiveRplFilters, RplFilterFields } from '#components/RplFilters.tsx';
import {
  RplProgrammeCard,
  RplProgrammeCard_programme,
  RplProgrammeCardSkeleton,
} from '#components/RplProgrammeCard.tsx';
import { SearchBox } from '#components/SearchBox.tsx';
import { graphql } from '#graphql.ts';
import {
  countProgrammeFilters,
  emptyProgrammeFilters,
  type ProgrammeFilters,
  readProgrammeFilters,
  toProgrammeQuery,
  writeProgrammeFilters,
} from '#lib/rpl-filters.ts';
import { rplApplicationsPath } from '#lib/rpl-links.ts';
import { useViewer } from '#lib/viewer.tsx';
import classes from './CallsPage.module.css';

const FilterDrawer = lazy(async () => ({
  default: (await import('#components/FilterDrawer.tsx')).FilterDrawer,
}));

const RplProgrammesPageQuery = graphql(
  `
    query RplProgrammesPage($search: String, $province: String, $degree: DegreeLevel, $mode: StudyMode) {
      studyProgrammes(search: $search, province: $province, degree: $degree, mode: $mode) {
        id
        ...RplProgrammeCard_programme
      }
    }
  `,
  [RplProgrammeCard_programme],
);

/** "Kuliah RPL": the study programmes that recognise prior learning, with filters kept in the address. */
export function RplProgrammesPage() {
  const { t } = useLocale();
  const viewerState = useViewer();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => readProgrammeFilters(searchParams), [searchParams]);
  const isWide = useMediaQuery('(min-width: 62em)', false, { getInitialValueInEffect: false });
  const [drawer, setDrawer] = useState({ isMounted: false, isOpen: false });
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: RplProgrammesPageQuery,
    variables: toProgrammeQuery(filters),
  });

  const applyFilters = (next: ProgrammeFilters, options?: { replace?: boolean }) => {
    setSearchParams(writeProgrammeFilters(next), { replace: options?.replace ?? false });
  };
  const programmes = data?.studyProgrammes;
  const activeCount = countProgrammeFilters(filters);
  const isTeacher = viewerState.status === 'ready' && !!viewerState.viewer?.isTeacher;

  return (
    <Page title={t('learner.rpl.title')} lead={t('learner.rpl.lead')} size="lg">
      {isTeacher && (
        <Button
          component={Link}
          to={rplApplicationsPath}
          variant="light"
          size="md"
          leftSection={<IconClipboardList size={20} aria-hidden />}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('learner.rpl.myApplications')}
        </Button>
      )}
      <div className={classes.layout}>
        {isWide && (
          <Box component="aside" className={classes.sidebar} aria-labelledby="filters-heading">
            <Title order={2} fz="lg" id="filters-heading" mb="md">
              {t('learner.filters.title')}
            </Title>
            <RplFilterFields filters={filters} onChange={applyFilters} />
          </Box>
        )}
        <Stack gap="md" className={classes.results}>
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <SearchBox
              label={t('learner.rpl.searchLabel')}
              placeholder={t('learner.rpl.searchPlaceholder')}
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
          <ActiveRplFilters filters={filters} onChange={applyFilters} />

          {error && !programmes ? (
            <QueryLoadError error={error} reexecute={reexecute} />
          ) : (
            <section aria-labelledby="results-heading" aria-busy={fetching}>
              <Title order={2} id="results-heading" fz="md" fw={600} c="gray.8" mb="sm" aria-live="polite">
                {programmes ? t('learner.rpl.count', { count: programmes.length }) : t('common.loading')}
              </Title>
              {!programmes ? (
                <Stack gap="md">
                  <RplProgrammeCardSkeleton />
                  <RplProgrammeCardSkeleton />
                </Stack>
              ) : programmes.length > 0 ? (
                <Stack gap="md">
                  {programmes.map((programme) => (
                    <RplProgrammeCard key={programme.id} programme={programme} />
                  ))}
                </Stack>
              ) : (
                <EmptyState
                  icon={<IconSearchOff size={28} aria-hidden />}
                  withIndicatorBackground
                  title={t('learner.rpl.emptyTitle')}
                  description={t('learner.rpl.emptyText')}
                  py="xl"
                >
                  {writeProgrammeFilters(filters).toString() !== '' && (
                    <EmptyState.Actions>
                      <Button variant="subtle" onClick={() => applyFilters(emptyProgrammeFilters)}>
                        {t('learner.filters.clearAll')}
                      </Button>
                    </EmptyState.Actions>
                  )}
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
              fetching || !programmes
                ? t('learner.filters.showResults')
                : t('learner.rpl.showCount', { count: programmes.length })
            }
          >
            <RplFilterFields filters={filters} onChange={applyFilters} />
          </FilterDrawer>
        </Suspense>
      )}
    </Page>
  );
}
