import { formatLocalDate, formatNumber, useLocale } from '@kmg/ui';
import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconPlus, IconScale } from '@tabler/icons-react';
import { Link, Navigate } from 'react-router';
import { useQuery } from 'urql';
import { PageHeader } from '#components/PageHeader.tsx';
import { QueryPending } from '#components/QueryPending.tsx';
import { RplIllustrativeBadge } from '#components/RplBadges.tsx';
import { graphql, type ResultOf } from '#graphql.ts';
import { isAdmin, isRplStaff, managesNationalRegulation, useViewer } from '#lib/viewer.tsx';

const RplProgrammesPageQuery = graphql(`
  query RplProgrammesPage {
    managedStudyProgrammes {
      id
      code
      name
      degree
      mode
      accreditation
      accreditationExpiresOn
      totalSks
      rplOffered
      illustrative
      university { id name shortName }
      currentCurriculum { id version courseCount }
      intakes { id code name isOpen applicationCount }
    }
  }
`);

type Programme = ResultOf<typeof RplProgrammesPageQuery>['managedStudyProgrammes'][number];

function IntakesCell({ programme }: { programme: Programme }) {
  const { t, locale } = useLocale();
  const open = programme.intakes.filter((intake) => intake.isOpen);
  const applications = programme.intakes.reduce((sum, intake) => sum + (intake.applicationCount ?? 0), 0);
  return (
    <Stack gap={2}>
      <Text size="sm">
        {open.length > 0
          ? t('admin.rpl.programmes.openIntakes', { count: open.length })
          : t('admin.rpl.programmes.noOpenIntake')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('admin.rpl.programmes.applications', {
          count: applications,
          formatted: formatNumber(applications, locale),
        })}
      </Text>
    </Stack>
  );
}

function AccreditationText({ programme }: { programme: Programme }) {
  const { t, locale } = useLocale();
  if (!programme.accreditation)
    return (
      <Text size="sm" c="dimmed">
        {t('admin.rpl.programme.notAccredited')}
      </Text>
    );
  return (
    <Text size="sm">
      {t(`admin.rpl.accreditation.${programme.accreditation}`)}
      {programme.accreditationExpiresOn && (
        <Text component="span" size="xs" c="dimmed" display="block">
          {t('admin.rpl.programme.until', {
            date: formatLocalDate(programme.accreditationExpiresOn, locale, 'medium'),
          })}
        </Text>
      )}
    </Text>
  );
}

/** The programmes of the staff member's university (every university's for admins). */
export function RplProgrammesPage() {
  const { t } = useLocale();
  const viewer = useViewer();
  const [{ data, error }, reexecute] = useQuery({
    query: RplProgrammesPageQuery,
    pause: !isRplStaff(viewer),
    requestPolicy: 'cache-and-network',
  });
  if (!isRplStaff(viewer)) {
    return <Navigate to={managesNationalRegulation(viewer) ? '/rpl/regulasi-nasional' : '/'} replace />;
  }
  const programmes = data?.managedStudyProgrammes ?? [];
  const showUniversity = isAdmin(viewer);
  const university = viewer.organization?.shortName ?? viewer.organization?.name ?? '';

  return (
    <>
      <PageHeader
        title={t('admin.rpl.programmes.title')}
        description={
          showUniversity
            ? t('admin.rpl.programmes.introAdmin')
            : t('admin.rpl.programmes.intro', { university })
        }
        actions={
          <>
            <Button
              component={Link}
              to="/rpl/regulasi-nasional"
              variant="default"
              leftSection={<IconScale size={18} aria-hidden />}
            >
              {t('admin.rpl.national.link')}
            </Button>
            {!showUniversity && (
              <Button component={Link} to="/rpl/prodi/baru" leftSection={<IconPlus size={18} aria-hidden />}>
                {t('admin.rpl.programmes.create')}
              </Button>
            )}
          </>
        }
      />
      {!data ? (
        <QueryPending
          error={error}
          onRetry={() => reexecute({ requestPolicy: 'network-only' })}
          blocks={[{ h: 44 }, { h: 44 }, { h: 44 }]}
        />
      ) : programmes.length === 0 ? (
        <Paper withBorder radius="md">
          <Stack align="center" gap="sm" py={48} px="md" ta="center">
            <Title order={2} size="h4">
              {t('admin.rpl.programmes.empty')}
            </Title>
            <Text c="dimmed">{t('admin.rpl.programmes.emptyText')}</Text>
          </Stack>
        </Paper>
      ) : (
        <Stack gap="sm">
          <Text size="sm" fw={600}>
            {t('admin.rpl.programmes.count', { count: programmes.length })}
          </Text>
          <Stack gap="sm" hiddenFrom="sm">
            {programmes.map((programme) => (
              <Paper key={programme.id} withBorder radius="md" p="md" component="article">
                <Stack gap={6}>
                  <Anchor component={Link} to={`/rpl/prodi/${programme.id}`} fw={700}>
                    {programme.name}
                  </Anchor>
                  <Text size="sm" c="dimmed">
                    {[programme.code, programme.degree, showUniversity ? programme.university.name : null]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                  <Group gap={6}>
                    <RplOfferBadge offered={programme.rplOffered} />
                    {programme.illustrative && <RplIllustrativeBadge />}
                  </Group>
                  <AccreditationText programme={programme} />
                  <IntakesCell programme={programme} />
                </Stack>
              </Paper>
            ))}
          </Stack>
          <Paper withBorder radius="md" px={4} visibleFrom="sm">
            <Table.ScrollContainer minWidth={760} type="native" pos="relative">
              <Table
                verticalSpacing="sm"
                horizontalSpacing="sm"
                fz="sm"
                className="data-table"
                highlightOnHover
              >
                <VisuallyHidden component="caption">{t('admin.rpl.programmes.tableCaption')}</VisuallyHidden>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('admin.rpl.programmes.column.programme')}</Table.Th>
                    {showUniversity && <Table.Th>{t('admin.rpl.programmes.column.university')}</Table.Th>}
                    <Table.Th>{t('admin.rpl.programmes.column.accreditation')}</Table.Th>
                    <Table.Th>{t('admin.rpl.programmes.column.curriculum')}</Table.Th>
                    <Table.Th>{t('admin.rpl.programmes.column.rpl')}</Table.Th>
                    <Table.Th>{t('admin.rpl.programmes.column.intakes')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {programmes.map((programme) => (
                    <Table.Tr key={programme.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/rpl/prodi/${programme.id}`} fw={600} size="sm">
                          {programme.name}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {programme.code} · {programme.degree} · {t(`admin.rpl.mode.${programme.mode}`)} ·{' '}
                          {t('admin.rpl.programme.sksTotal', { sks: programme.totalSks })}
                        </Text>
                        {programme.illustrative && <RplIllustrativeBadge mt={4} />}
                      </Table.Td>
                      {showUniversity && <Table.Td>{programme.university.name}</Table.Td>}
                      <Table.Td>
                        <AccreditationText programme={programme} />
                      </Table.Td>
                      <Table.Td>
                        {programme.currentCurriculum ? (
                          <Text size="sm">
                            {t('admin.rpl.programmes.curriculum', {
                              version: programme.currentCurriculum.version,
                              count: programme.currentCurriculum.courseCount,
                            })}
                          </Text>
                        ) : (
                          <Text size="sm" c="dimmed">
                            {t('admin.rpl.programmes.noCurriculum')}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <RplOfferBadge offered={programme.rplOffered} />
                      </Table.Td>
                      <Table.Td>
                        <IntakesCell programme={programme} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        </Stack>
      )}
    </>
  );
}

function RplOfferBadge({ offered }: { offered: boolean }) {
  const { t } = useLocale();
  return (
    <Badge variant="light" color={offered ? 'teal' : 'gray'} size="sm" tt="none">
      {offered ? t('admin.rpl.programme.offered') : t('admin.rpl.programme.notOffered')}
    </Badge>
  );
}
