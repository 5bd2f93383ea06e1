import { schoolFunnelStages } from '@kmg/domain';
import { formatInstant, formatNumber, useLocale } from '@kmg/ui';
import { Card, SimpleGrid, Skeleton, Spoiler, Stack, Text, Title } from '@mantine/core';
import { useQuery } from 'urql';
import { graphql } from '#graphql.ts';

const SchoolFiguresQuery = graphql(`
  query SchoolFigures {
    dashboardFiguresAsOf
    schoolFigures {
      stage
      label
      definition
      count
    }
  }
`);

/**
 * "Angka sekolah": the principal's own teachers through the programme (applications to
 * credentials and what they passed on), with how each figure is counted and as of when. While it
 * loads, its frame holds the place, so the endorsements below do not move under a finger when the
 * figures arrive; if it fails, nothing shows: the endorsements are the page's work.
 */
export function SchoolFigures() {
  const { t, locale } = useLocale();
  const [{ data, error }] = useQuery({ query: SchoolFiguresQuery });
  const figures = data?.schoolFigures;
  if (!figures) return error ? null : <SchoolFiguresSkeleton />;
  return (
    <Stack gap="xs" component="section" aria-labelledby="school-figures-title" mb="md">
      <Title order={2} size="h4" id="school-figures-title">
        {t('learner.school.figures.title')}
      </Title>
      <Text size="sm" c="gray.7">
        {t('learner.school.figures.lead')}
        {data.dashboardFiguresAsOf &&
          ` ${t('learner.school.figures.asOf', { time: formatInstant(data.dashboardFiguresAsOf, locale) })}`}
      </Text>
      <SimpleGrid cols={{ base: 2, xs: 3 }} spacing="xs" component="dl" m={0}>
        {figures.map((figure) => (
          <Card key={figure.stage} withBorder radius="md" padding="sm">
            <Text component="dt" size="xs" c="gray.7">
              {figure.label}
            </Text>
            <Text component="dd" m={0} fz="xl" fw={700}>
              {formatNumber(figure.count, locale)}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      <Spoiler maxHeight={0} showLabel={t('learner.school.figures.howCounted')} hideLabel={t('common.close')}>
        <Text component="ul" size="xs" c="gray.7" pl="md" m={0}>
          {figures.map((figure) => (
            <li key={figure.stage}>
              <strong>{figure.label}</strong>: {figure.definition}
            </li>
          ))}
        </Text>
      </Spoiler>
    </Stack>
  );
}

/** The figures' frame while they load: the title, the lead and one card per stage, as drawn. */
function SchoolFiguresSkeleton() {
  const { t, locale } = useLocale();
  // The "as of" sentence's room, kept blank: its time is not known yet.
  const asOf = t('learner.school.figures.asOf', { time: formatInstant(new Date(), locale) });
  return (
    <Stack gap="xs" mb="md" aria-hidden>
      <Title order={2} size="h4">
        {t('learner.school.figures.title')}
      </Title>
      <Text size="sm" c="gray.7">
        {t('learner.school.figures.lead')}
        <span style={{ visibility: 'hidden' }}> {asOf}</span>
      </Text>
      <SimpleGrid cols={{ base: 2, xs: 3 }} spacing="xs">
        {schoolFunnelStages.map((stage) => (
          <Card key={stage} withBorder radius="md" padding="sm">
            <Skeleton height={12} width="70%" my={3} />
            <Skeleton height={24} width="40%" mt={6} />
          </Card>
        ))}
      </SimpleGrid>
      <Skeleton height={18} width={160} />
    </Stack>
  );
}
