import { formatLocalDate, formatNumber, useLocale } from '@kmg/ui';
import {
  Box,
  Group,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';

export const RplProspectsPanel_prospects = graphql(`
  fragment RplProspectsPanel_prospects on RplProspects {
    teachersWithCredentials
    teachersWithSks
    cutoffDate
    bands { fromSks toSks teachers }
    courses { courseId code name teachers }
  }
`);

/** How many courses of the most proposed the panel lists; the API sends up to 20. */
const COURSES_SHOWN = 8;

/**
 * "Who could benefit": the programme's estimate run over every teacher holding KMG credentials,
 * as counts only (no teacher is named or can be picked out).
 */
export function RplProspectsPanel({
  prospects: data,
}: {
  prospects: FragmentOf<typeof RplProspectsPanel_prospects>;
}) {
  const { t, locale } = useLocale();
  const prospects = readFragment(RplProspectsPanel_prospects, data);
  const number = (value: number) => formatNumber(value, locale);
  const widest = Math.max(1, ...prospects.bands.map((band) => band.teachers));
  const courses = prospects.courses.slice(0, COURSES_SHOWN);
  if (prospects.teachersWithCredentials === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('admin.rpl.prospects.empty')}
      </Text>
    );
  }
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
      <Stack gap="md">
        <div>
          <Text size="lg" fw={600}>
            {t('admin.rpl.prospects.headline', {
              count: prospects.teachersWithCredentials,
              withSks: number(prospects.teachersWithSks),
              total: number(prospects.teachersWithCredentials),
            })}
          </Text>
          <Text size="sm" c="dimmed" mt={4}>
            {t('admin.rpl.prospects.basis', {
              date: formatLocalDate(prospects.cutoffDate, locale, 'medium'),
            })}
          </Text>
        </div>
        {prospects.teachersWithSks > 0 && (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
            <section aria-labelledby="prospects-bands-title">
              <Title order={3} size="h5" id="prospects-bands-title" mb="xs">
                {t('admin.rpl.prospects.bandsTitle')}
              </Title>
              <Stack gap={8} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
                {prospects.bands.map((band) => {
                  const label =
                    band.toSks === null
                      ? t('admin.rpl.prospects.bandOpen', { from: band.fromSks })
                      : t('admin.rpl.prospects.band', { from: band.fromSks, to: band.toSks - 1 });
                  return (
                    <Box component="li" key={band.fromSks}>
                      <Group justify="space-between" gap="xs" wrap="nowrap">
                        <Text size="sm">{label}</Text>
                        <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
                          {t('admin.rpl.prospects.teachers', {
                            count: band.teachers,
                            formatted: number(band.teachers),
                          })}
                        </Text>
                      </Group>
                      <Progress
                        value={(band.teachers / widest) * 100}
                        size="sm"
                        radius="sm"
                        mt={4}
                        aria-hidden
                      />
                    </Box>
                  );
                })}
              </Stack>
            </section>
            <section aria-labelledby="prospects-courses-title">
              <Title order={3} size="h5" id="prospects-courses-title" mb="xs">
                {t('admin.rpl.prospects.coursesTitle')}
              </Title>
              <Table verticalSpacing={6} fz="sm" tabularNums>
                <VisuallyHidden component="caption">{t('admin.rpl.prospects.coursesTitle')}</VisuallyHidden>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('admin.rpl.prospects.course')}</Table.Th>
                    <Table.Th style={{ textAlign: 'right' }}>
                      {t('admin.rpl.prospects.teachersColumn')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {courses.map((course) => (
                    <Table.Tr key={course.courseId}>
                      <Table.Td>
                        <Text size="sm">{course.name}</Text>
                        <Text size="xs" c="dimmed">
                          {course.code}
                        </Text>
                      </Table.Td>
                      <Table.Td style={{ textAlign: 'right', verticalAlign: 'top' }}>
                        {number(course.teachers)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </section>
          </SimpleGrid>
        )}
      </Stack>
    </Paper>
  );
}
