import { formatInstant, formatLocalDate, formatNumber, useLocale } from '@kmg/ui';
import {
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { CompactTable } from '#components/CompactTable.tsx';
import { Fact, Facts } from '#components/Facts.tsx';
import { IntakeForm } from '#components/IntakeForm.tsx';
import { QueryPending } from '#components/QueryPending.tsx';
import { RplProspectsPanel, RplProspectsPanel_prospects } from '#components/RplProspectsPanel.tsx';
import { useProblemMessages } from '#components/use-problem-messages.ts';
import { graphql } from '#graphql.ts';
import { MutationProblem_error, readProblem } from '#lib/mutation-result.ts';
import { toIntakeInput } from '#lib/rpl-catalogue-form.ts';

const RplProgrammeOverviewQuery = graphql(
  `
  query RplProgrammeOverview($id: ID!) {
    studyProgramme(id: $id) {
      id
      code
      nameId
      nameEn
      degree
      mode
      accreditation
      accreditationExpiresOn
      totalSks
      semesters
      rplOffered
      canManage
      currentCurriculum { id version effectiveFrom courseCount }
      intakes { id code name opensAt closesAt cutoffDate startsOn quota isOpen applicationCount }
    }
    rplProspects(programmeId: $id) {
      __typename
      ... on RplProspectsSuccess { data { ...RplProspectsPanel_prospects } }
      ... on Error { message }
    }
  }
`,
  [RplProspectsPanel_prospects],
);

const CreateRplIntake = graphql(
  `
  mutation CreateRplIntake($programmeId: ID!, $input: RplIntakeInput!) {
    createRplIntake(programmeId: $programmeId, input: $input) {
      __typename
      ... on CreateRplIntakeSuccess { data { id code name opensAt closesAt cutoffDate startsOn quota isOpen applicationCount } }
      ...MutationProblem_error
    }
  }
`,
  [MutationProblem_error],
);

/**
 * The programme's facts, who could benefit from its RPL offer (counts, for those who manage it), and
 * its intakes, with a new intake in a dialog. Fetched afresh on each visit: an approved rule or a
 * new curriculum elsewhere changes the estimate.
 */
export function RplProgrammeOverviewPage() {
  const { t, locale } = useLocale();
  const { id = '' } = useParams();
  const messages = useProblemMessages();
  const [opened, { open, close }] = useDisclosure(false);
  const [{ data, error }, reexecute] = useQuery({
    query: RplProgrammeOverviewQuery,
    variables: { id },
    requestPolicy: 'cache-and-network',
  });
  const [, createIntake] = useMutation(CreateRplIntake);
  if (!data?.studyProgramme) {
    return (
      <QueryPending
        error={error}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        blocks={[{ h: 120 }, { h: 200 }]}
      />
    );
  }
  const programme = data.studyProgramme;
  const date = (value: string) => formatLocalDate(value, locale, 'medium');
  const prospects = data.rplProspects;
  return (
    <Stack gap="xl">
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="lg">
          <Facts>
            <Fact label={t('admin.rpl.programmeForm.nameId')}>{programme.nameId}</Fact>
            <Fact label={t('admin.rpl.programmeForm.nameEn')}>{programme.nameEn}</Fact>
          </Facts>
          <Facts>
            <Fact label={t('admin.rpl.programmeForm.degree')}>
              {t(`admin.rpl.degree.${programme.degree}`)}
            </Fact>
            <Fact label={t('admin.rpl.programmeForm.mode')}>{t(`admin.rpl.mode.${programme.mode}`)}</Fact>
          </Facts>
          <Facts>
            <Fact label={t('admin.rpl.programmeForm.accreditation')}>
              {programme.accreditation
                ? `${t(`admin.rpl.accreditation.${programme.accreditation}`)}${
                    programme.accreditationExpiresOn
                      ? ` · ${t('admin.rpl.programme.until', { date: date(programme.accreditationExpiresOn) })}`
                      : ''
                  }`
                : t('admin.rpl.programme.notAccredited')}
            </Fact>
            <Fact label={t('admin.rpl.programme.study')}>
              {t('admin.rpl.programme.studyValue', {
                sks: programme.totalSks,
                semesters: programme.semesters,
              })}
            </Fact>
          </Facts>
          <Facts>
            <Fact label={t('admin.rpl.programme.rpl')}>
              {programme.rplOffered ? t('admin.rpl.programme.offered') : t('admin.rpl.programme.notOffered')}
            </Fact>
            <Fact label={t('admin.rpl.programme.curriculum')}>
              {programme.currentCurriculum ? (
                <Anchor component={Link} to={`/rpl/prodi/${programme.id}/kurikulum`} size="sm">
                  {t('admin.rpl.programme.curriculumValue', {
                    version: programme.currentCurriculum.version,
                    count: programme.currentCurriculum.courseCount,
                    date: date(programme.currentCurriculum.effectiveFrom),
                  })}
                </Anchor>
              ) : (
                t('admin.rpl.programmes.noCurriculum')
              )}
            </Fact>
          </Facts>
        </SimpleGrid>
      </Paper>

      {programme.canManage && (
        <section aria-labelledby="prospects-title">
          <Title order={2} size="h3" id="prospects-title">
            {t('admin.rpl.prospects.title')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('admin.rpl.prospects.intro')}
          </Text>
          {prospects.__typename === 'RplProspectsSuccess' ? (
            <RplProspectsPanel prospects={prospects.data} />
          ) : (
            <Text size="sm" c="dimmed">
              {'message' in prospects
                ? t('admin.rpl.prospects.unavailable', { reason: prospects.message })
                : null}
            </Text>
          )}
        </section>
      )}

      <section aria-labelledby="intakes-title">
        <Group justify="space-between" mb="sm" gap="sm">
          <Title order={2} size="h3" id="intakes-title">
            {t('admin.rpl.intakes.title')}
          </Title>
          {programme.canManage && (
            <Button variant="light" leftSection={<IconPlus size={18} aria-hidden />} onClick={open}>
              {t('admin.rpl.intakes.create')}
            </Button>
          )}
        </Group>
        {programme.intakes.length === 0 ? (
          <Text c="dimmed">{t('admin.rpl.intakes.empty')}</Text>
        ) : (
          <Paper withBorder radius="md" px={4}>
            <CompactTable
              caption={t('admin.rpl.intakes.title')}
              head={
                <>
                  <Table.Th>{t('admin.rpl.intakes.column.intake')}</Table.Th>
                  <Table.Th>{t('admin.rpl.intakes.column.window')}</Table.Th>
                  <Table.Th>{t('admin.rpl.intakes.column.cutoff')}</Table.Th>
                  <Table.Th>{t('admin.rpl.intakes.column.startsOn')}</Table.Th>
                  <Table.Th style={{ textAlign: 'right' }}>
                    {t('admin.rpl.intakes.column.applications')}
                  </Table.Th>
                </>
              }
            >
              {programme.intakes.map((intake) => (
                <Table.Tr key={intake.id}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {intake.name}
                    </Text>
                    <Group gap={6}>
                      <Text size="xs" c="dimmed">
                        {intake.code}
                      </Text>
                      {intake.isOpen && (
                        <Badge size="xs" color="teal" variant="light" tt="none">
                          {t('admin.rpl.intakes.open')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatInstant(intake.opensAt, locale)}</Text>
                    <Text size="sm">– {formatInstant(intake.closesAt, locale)}</Text>
                  </Table.Td>
                  <Table.Td>{date(intake.cutoffDate)}</Table.Td>
                  <Table.Td>{date(intake.startsOn)}</Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>
                    <Anchor
                      component={Link}
                      to={`/rpl/prodi/${programme.id}/pendaftar?gelombang=${intake.id}`}
                      size="sm"
                    >
                      {intake.quota
                        ? t('admin.rpl.intakes.countOfQuota', {
                            count: intake.applicationCount ?? 0,
                            quota: formatNumber(intake.quota, locale),
                          })
                        : formatNumber(intake.applicationCount ?? 0, locale)}
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              ))}
            </CompactTable>
          </Paper>
        )}
      </section>

      <Modal opened={opened} onClose={close} title={t('admin.rpl.intakes.create')} size="xl" centered>
        <IntakeForm
          onCancel={close}
          onSubmit={async (values, timeZone) => {
            const result = await createIntake({
              programmeId: programme.id,
              input: toIntakeInput(values, timeZone),
            });
            const problem = readProblem(result.data?.createRplIntake, result.error, messages);
            if (!problem) close();
            return problem;
          }}
        />
      </Modal>
    </Stack>
  );
}
