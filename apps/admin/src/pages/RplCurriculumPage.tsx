import { formatLocalDate, useLocale } from '@kmg/ui';
import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { CompactTable } from '#components/CompactTable.tsx';
import { CurriculumCourses } from '#components/CurriculumCourses.tsx';
import { CurriculumImport } from '#components/CurriculumImport.tsx';
import { QueryPending } from '#components/QueryPending.tsx';
import { graphql } from '#graphql.ts';

const RplCurriculumQuery = graphql(`
  query RplCurriculumPage($id: ID!) {
    studyProgramme(id: $id) {
      id
      canManage
      currentCurriculum {
        id
        version
        effectiveFrom
        courses { id code name sks semester kind outcomes { id code text weight cplCodes } }
        graduateOutcomes { code text }
      }
      curricula { id version effectiveFrom courseCount sourceFileName createdAt }
    }
  }
`);

/** The curriculum in effect (courses by semester with CPMK), its versions, and the import. */
export function RplCurriculumPage() {
  const { t, locale } = useLocale();
  const { id = '' } = useParams();
  const [{ data, error }, reexecute] = useQuery({ query: RplCurriculumQuery, variables: { id } });
  if (!data?.studyProgramme) {
    return (
      <QueryPending
        error={error}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        blocks={[{ h: 200 }, { h: 300 }]}
      />
    );
  }
  const programme = data.studyProgramme;
  const current = programme.currentCurriculum;
  return (
    <Stack gap="xl">
      {programme.canManage && (
        <CurriculumImport
          programmeId={programme.id}
          onSaved={() => reexecute({ requestPolicy: 'network-only' })}
        />
      )}
      <section aria-labelledby="curriculum-title">
        <Title order={2} size="h3" id="curriculum-title" mb={4}>
          {current
            ? t('admin.rpl.curriculum.current', { version: current.version })
            : t('admin.rpl.curriculum.title')}
        </Title>
        {current ? (
          <>
            <Text size="sm" c="dimmed" mb="md">
              {t('admin.rpl.curriculum.currentSummary', {
                date: formatLocalDate(current.effectiveFrom, locale),
                count: current.courses.length,
                sks: current.courses.reduce((sum, course) => sum + course.sks, 0),
              })}
              {current.graduateOutcomes.length > 0 &&
                ` ${t('admin.rpl.curriculum.cplList', { codes: current.graduateOutcomes.map((o) => o.code).join(', ') })}`}
            </Text>
            <CurriculumCourses
              courses={current.courses.map((course) => ({
                ...course,
                key: course.id,
                outcomes: course.outcomes.map((outcome) => ({ ...outcome, key: outcome.id })),
              }))}
            />
          </>
        ) : (
          <Text c="dimmed">{t('admin.rpl.curriculum.none')}</Text>
        )}
      </section>
      {programme.curricula.length > 0 && (
        <section aria-labelledby="curricula-title">
          <Title order={2} size="h4" id="curricula-title" mb="sm">
            {t('admin.rpl.curriculum.versions')}
          </Title>
          <Paper withBorder radius="md" px={4}>
            <CompactTable
              caption={t('admin.rpl.curriculum.versions')}
              head={
                <>
                  <Table.Th>{t('admin.rpl.curriculum.column.version')}</Table.Th>
                  <Table.Th>{t('admin.rpl.curriculum.column.effectiveFrom')}</Table.Th>
                  <Table.Th style={{ textAlign: 'right' }}>
                    {t('admin.rpl.curriculum.column.courses')}
                  </Table.Th>
                  <Table.Th>{t('admin.rpl.curriculum.column.source')}</Table.Th>
                </>
              }
            >
              {programme.curricula.map((curriculum) => (
                <Table.Tr key={curriculum.id}>
                  <Table.Td fw={600}>
                    {curriculum.version}
                    {curriculum.id === current?.id && (
                      <Text span size="xs" c="teal.8" ml={6}>
                        {t('admin.rpl.curriculum.inEffect')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{formatLocalDate(curriculum.effectiveFrom, locale, 'medium')}</Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>{curriculum.courseCount}</Table.Td>
                  <Table.Td>{curriculum.sourceFileName ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </CompactTable>
          </Paper>
        </section>
      )}
    </Stack>
  );
}
