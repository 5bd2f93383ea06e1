import { formatInstant, useLocale } from '@kmg/ui';
import { Anchor, Group, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { Link, useParams, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { QueryPending } from '#components/QueryPending.tsx';
import { RplApplicationStatusBadge } from '#components/RplBadges.tsx';
import { graphql } from '#graphql.ts';

const RplApplicationsQuery = graphql(`
  query RplApplicationsPage($id: ID!, $intakeId: ID) {
    studyProgramme(id: $id) { id intakes { id code name isOpen applicationCount } }
    rplApplications(programmeId: $id, intakeId: $intakeId) {
      id
      teacherName
      status
      statusLabel
      submittedAt
      proposedSks
      intake { id name }
      proposal { totalSks courseCount capSks }
    }
  }
`);

/** Submitted applications to the programme, per intake, with the engine's proposal beside each. */
export function RplApplicationsPage() {
  const { t, locale } = useLocale();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const intakeId = params.get('gelombang');
  const [{ data, error }, reexecute] = useQuery({
    query: RplApplicationsQuery,
    variables: { id, intakeId },
    requestPolicy: 'cache-and-network',
  });
  if (!data?.studyProgramme) {
    return (
      <QueryPending
        error={error}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        blocks={[{ h: 44 }, { h: 200 }]}
      />
    );
  }
  const intakes = data.studyProgramme.intakes;
  const applications = data.rplApplications;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Select
          label={t('admin.rpl.applications.intake')}
          w={{ base: '100%', sm: 360 }}
          value={intakeId ?? ''}
          allowDeselect={false}
          data={[
            { value: '', label: t('admin.rpl.applications.allIntakes') },
            ...intakes.map((intake) => ({
              value: intake.id,
              label: `${intake.name} (${intake.applicationCount})`,
            })),
          ]}
          onChange={(next) => setParams(next ? { gelombang: next } : {}, { replace: true })}
          comboboxProps={{ withinPortal: true }}
        />
        <Text size="sm" fw={600}>
          {t('admin.rpl.applications.count', { count: applications.length })}
        </Text>
      </Group>
      {applications.length === 0 ? (
        <Text c="dimmed">{t('admin.rpl.applications.empty')}</Text>
      ) : (
        <>
          <Stack gap="sm" hiddenFrom="sm">
            {applications.map((application) => (
              <Paper key={application.id} withBorder radius="md" p="md" component="article">
                <Stack gap={4}>
                  <Anchor component={Link} to={`/rpl/kasus/${application.id}`} fw={700}>
                    {application.teacherName}
                  </Anchor>
                  <Group gap={6}>
                    <RplApplicationStatusBadge status={application.status} label={application.statusLabel} />
                    <Text size="xs" c="dimmed">
                      {application.intake.name}
                    </Text>
                  </Group>
                  <Text size="sm">
                    {t('admin.rpl.applications.proposal', {
                      sks: application.proposal?.totalSks ?? application.proposedSks ?? 0,
                      count: application.proposal?.courseCount ?? 0,
                    })}
                  </Text>
                  {application.submittedAt && (
                    <Text size="xs" c="dimmed">
                      {t('admin.rpl.applications.submittedOn', {
                        date: formatInstant(application.submittedAt, locale),
                      })}
                    </Text>
                  )}
                </Stack>
              </Paper>
            ))}
          </Stack>
          <Paper withBorder radius="md" px={4} visibleFrom="sm">
            <Table.ScrollContainer minWidth={720} type="native">
              <Table verticalSpacing="sm" fz="sm" className="data-table" highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('admin.rpl.applications.column.teacher')}</Table.Th>
                    <Table.Th>{t('admin.rpl.applications.column.status')}</Table.Th>
                    <Table.Th>{t('admin.rpl.applications.column.submitted')}</Table.Th>
                    <Table.Th style={{ textAlign: 'right' }}>
                      {t('admin.rpl.applications.column.sks')}
                    </Table.Th>
                    <Table.Th style={{ textAlign: 'right' }}>
                      {t('admin.rpl.applications.column.courses')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {applications.map((application) => (
                    <Table.Tr key={application.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/rpl/kasus/${application.id}`} fw={600} size="sm">
                          {application.teacherName}
                        </Anchor>
                        {!intakeId && (
                          <Text size="xs" c="dimmed">
                            {application.intake.name}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <RplApplicationStatusBadge
                          status={application.status}
                          label={application.statusLabel}
                        />
                      </Table.Td>
                      <Table.Td>
                        {application.submittedAt ? formatInstant(application.submittedAt, locale) : '—'}
                      </Table.Td>
                      <Table.Td style={{ textAlign: 'right' }}>
                        <Text size="sm" fw={600} span>
                          {application.proposal?.totalSks ?? application.proposedSks ?? '—'}
                        </Text>
                        {application.proposal?.capSks != null && (
                          <Text size="xs" c="dimmed" span>
                            {' '}
                            / {application.proposal.capSks}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td style={{ textAlign: 'right' }}>
                        {application.proposal?.courseCount ?? '—'}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        </>
      )}
    </Stack>
  );
}
