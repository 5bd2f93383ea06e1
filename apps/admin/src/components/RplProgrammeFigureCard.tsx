import { formatNumber, useLocale } from '@kmg/ui';
import {
  Button,
  Collapse,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconChevronUp, IconSchool } from '@tabler/icons-react';
import { useId } from 'react';
import { useQuery } from 'urql';
import { graphql } from '#graphql.ts';
import { seesRplProgrammeFigure } from '#lib/rpl-admin-access.ts';
import { useViewer } from '#lib/viewer.tsx';

const RplProgrammeFigureQuery = graphql(`
  query RplProgrammeFigure {
    rplProgrammeFigure {
      totalSks
      teachers
      universities { university teachers sks cases }
    }
  }
`);

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text fw={700} fz={{ base: 22, sm: 26 }} lh={1.2}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </div>
  );
}

/**
 * KMG's own RPL figure for its funders: SKS its credentials have earned teachers at universities
 * (decrees issued), how many teachers, and per university. Program managers and admins only;
 * renders nothing for anyone else or when the figure cannot be read.
 */
export function RplProgrammeFigureCard() {
  const { t, locale } = useLocale();
  const viewer = useViewer();
  const allowed = seesRplProgrammeFigure(viewer);
  const [opened, { toggle }] = useDisclosure(false);
  const titleId = useId();
  const detailsId = useId();
  const [{ data, error }] = useQuery({ query: RplProgrammeFigureQuery, pause: !allowed });
  if (!allowed || error) return null;
  const figure = data?.rplProgrammeFigure;
  if (data && !figure) return null;
  const number = (value: number) => formatNumber(value, locale);

  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'md', sm: 'lg' }}
      mb="lg"
      component="section"
      aria-labelledby={titleId}
    >
      <Group gap="xs" mb={4} wrap="nowrap">
        <IconSchool size={20} aria-hidden color="var(--mantine-color-kmg-7)" />
        <Title order={2} size="h5" id={titleId}>
          {t('admin.rplAdmin.figure.title')}
        </Title>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('admin.rplAdmin.figure.intro')}
      </Text>
      {!figure ? (
        <Skeleton h={48} role="status" aria-label={t('common.loading')} />
      ) : (
        <>
          <Group justify="space-between" align="flex-end" gap="md">
            <SimpleGrid cols={3} spacing={{ base: 'md', sm: 'xl' }}>
              <Stat label={t('admin.rplAdmin.figure.sks')} value={number(figure.totalSks)} />
              <Stat label={t('admin.rplAdmin.figure.teachers')} value={number(figure.teachers)} />
              <Stat
                label={t('admin.rplAdmin.figure.universities')}
                value={number(figure.universities.length)}
              />
            </SimpleGrid>
            {figure.universities.length > 0 && (
              <Button
                variant="subtle"
                size="xs"
                onClick={toggle}
                aria-expanded={opened}
                aria-controls={detailsId}
                rightSection={
                  opened ? <IconChevronUp size={14} aria-hidden /> : <IconChevronDown size={14} aria-hidden />
                }
              >
                {opened ? t('admin.rplAdmin.figure.hide') : t('admin.rplAdmin.figure.show')}
              </Button>
            )}
          </Group>
          {figure.universities.length === 0 && (
            <Text size="sm" mt="xs">
              {t('admin.rplAdmin.figure.none')}
            </Text>
          )}
          <Collapse expanded={opened} id={detailsId}>
            <Table.ScrollContainer minWidth={420} type="native" mt="sm">
              <Table fz="sm" verticalSpacing={6} className="data-table" tabularNums>
                <VisuallyHidden component="caption">{t('admin.rplAdmin.figure.tableCaption')}</VisuallyHidden>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('admin.rplAdmin.figure.university')}</Table.Th>
                    <Table.Th ta="right">{t('admin.rplAdmin.figure.sks')}</Table.Th>
                    <Table.Th ta="right">{t('admin.rplAdmin.figure.teachers')}</Table.Th>
                    <Table.Th ta="right">{t('admin.rplAdmin.figure.cases')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {figure.universities.map((university) => (
                    <Table.Tr key={university.university}>
                      <Table.Td>{university.university}</Table.Td>
                      <Table.Td ta="right">{number(university.sks)}</Table.Td>
                      <Table.Td ta="right">{number(university.teachers)}</Table.Td>
                      <Table.Td ta="right">{number(university.cases)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Collapse>
        </>
      )}
    </Paper>
  );
}
