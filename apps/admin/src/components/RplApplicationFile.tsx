import { useLocale } from '@kmg/ui';
import { Alert, Badge, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { CompactTable } from '#components/CompactTable.tsx';
import { EvidenceViewer } from '#components/EvidenceViewer.tsx';
import {
  credentialKey,
  RplCaseCredentials,
  RplCaseCredentials_case,
} from '#components/RplCaseCredentials.tsx';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';

export const RplApplicationFile_case = graphql(
  `
  fragment RplApplicationFile_case on RplApplication {
    proposal {
      totalSks
      courseCount
      capSks
      isEligible
      ineligibleReasons
      proposed { courseId code name semester courseSks sks ruleCode ruleVersion coverage credentials { id name } }
      notProposed { courseId code name semester courseSks reason message detail }
    }
    credentials { entryId externalCredentialId externalName credential { id credentialId name } }
    evidence { id title kind fileName mimeType size }
    selfEvaluations { outcomeId level levelLabel note credentialIds evidenceIds outcome { id code text } }
    ...RplCaseCredentials_case
  }
`,
  [RplCaseCredentials_case],
);

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </section>
  );
}

export const selfEvaluationColors = { VERY_GOOD: 'teal', GOOD: 'blue', NEVER: 'gray' } as const;

/**
 * What the teacher submitted, as stored then: the engine's proposal (rule edits since do not
 * change it), the credentials with the checks made at submission, the evidence files (read in the
 * page), and the self-evaluation per CPMK.
 */
export function RplApplicationFile({
  application: data,
}: {
  application: FragmentOf<typeof RplApplicationFile_case>;
}) {
  const { t } = useLocale();
  const application = readFragment(RplApplicationFile_case, data);
  const proposal = application.proposal;
  // Courses that no rule covers are listed by code in one line; the others each say why.
  const explained = proposal?.notProposed.filter((course) => course.reason !== 'NO_RULE') ?? [];
  const withoutRule = proposal?.notProposed.filter((course) => course.reason === 'NO_RULE') ?? [];
  const credentialNames = new Map(
    application.credentials.map((entry) => [
      credentialKey(entry),
      entry.credential?.name ?? entry.externalName ?? '—',
    ]),
  );
  const evidenceNames = new Map(application.evidence.map((file) => [file.id, file.title]));

  return (
    <Stack gap="xl">
      <Section id="proposal-title" title={t('admin.rpl.application.proposal')}>
        <Text size="sm" c="dimmed" mb="sm">
          {t('admin.rpl.application.proposalNote')}
        </Text>
        {!proposal ? (
          <Text c="dimmed">{t('admin.rpl.application.noProposal')}</Text>
        ) : !proposal.isEligible ? (
          <Alert color="red" variant="light" title={t('admin.rpl.application.ineligible')}>
            <List size="sm">
              {proposal.ineligibleReasons.map((reason) => (
                <List.Item key={reason}>{reason}</List.Item>
              ))}
            </List>
          </Alert>
        ) : (
          <Stack gap="md">
            <Paper withBorder radius="md" px={4}>
              <CompactTable
                caption={t('admin.rpl.application.proposed', { count: proposal.proposed.length })}
                head={
                  <>
                    <Table.Th>{t('admin.rpl.application.column.course')}</Table.Th>
                    <Table.Th style={{ textAlign: 'right' }}>
                      {t('admin.rpl.application.column.sks')}
                    </Table.Th>
                    <Table.Th>{t('admin.rpl.application.column.rule')}</Table.Th>
                    <Table.Th>{t('admin.rpl.application.column.credentials')}</Table.Th>
                    <Table.Th style={{ textAlign: 'right' }}>
                      {t('admin.rpl.application.column.coverage')}
                    </Table.Th>
                  </>
                }
              >
                {proposal.proposed.map((course) => (
                  <Table.Tr key={course.courseId} style={{ verticalAlign: 'top' }}>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {course.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {course.code} · {t('admin.rpl.curriculum.semester', { semester: course.semester })}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ textAlign: 'right' }}>
                      {course.sks}/{course.courseSks}
                    </Table.Td>
                    <Table.Td>
                      {t('admin.rpl.application.ruleVersion', {
                        code: course.ruleCode,
                        version: course.ruleVersion,
                      })}
                    </Table.Td>
                    <Table.Td>{course.credentials.map((credential) => credential.name).join(', ')}</Table.Td>
                    <Table.Td style={{ textAlign: 'right' }}>{Math.round(course.coverage * 100)} %</Table.Td>
                  </Table.Tr>
                ))}
              </CompactTable>
            </Paper>
            <Text size="sm" fw={600}>
              {t('admin.rpl.application.proposedTotal', {
                sks: proposal.totalSks,
                count: proposal.courseCount,
              })}
            </Text>
            {explained.length > 0 && (
              <div>
                <Title order={3} size="h5" mb="xs">
                  {t('admin.rpl.application.notProposed', { count: explained.length })}
                </Title>
                <Paper withBorder radius="md" px={4}>
                  <CompactTable
                    caption={t('admin.rpl.application.notProposed', { count: explained.length })}
                    head={
                      <>
                        <Table.Th w="35%">{t('admin.rpl.application.column.course')}</Table.Th>
                        <Table.Th>{t('admin.rpl.application.column.reason')}</Table.Th>
                      </>
                    }
                  >
                    {explained.map((course) => (
                      <Table.Tr key={course.courseId} style={{ verticalAlign: 'top' }}>
                        <Table.Td>
                          <Text size="sm">{course.name}</Text>
                          <Text size="xs" c="dimmed">
                            {course.code} · {course.courseSks} SKS
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{course.message}</Text>
                          {course.detail.length > 0 && (
                            <List size="xs" c="dimmed" mt={2}>
                              {course.detail.map((line) => (
                                <List.Item key={line}>{line}</List.Item>
                              ))}
                            </List>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </CompactTable>
                </Paper>
              </div>
            )}
            {withoutRule.length > 0 && (
              <Text size="sm" c="dimmed">
                {t('admin.rpl.application.withoutRule', {
                  count: withoutRule.length,
                  courses: withoutRule.map((course) => course.code).join(', '),
                })}
              </Text>
            )}
          </Stack>
        )}
      </Section>

      <Section id="credentials-title" title={t('admin.rpl.application.credentials')}>
        <RplCaseCredentials application={application} />
      </Section>

      <Section id="evidence-title" title={t('admin.rpl.application.evidence')}>
        <EvidenceViewer files={application.evidence} />
      </Section>

      <Section id="self-evaluation-title" title={t('admin.rpl.application.selfEvaluation')}>
        {application.selfEvaluations.length === 0 ? (
          <Text c="dimmed">—</Text>
        ) : (
          <Paper withBorder radius="md" px={4}>
            <CompactTable
              caption={t('admin.rpl.application.selfEvaluation')}
              head={
                <>
                  <Table.Th w="40%">{t('admin.rpl.application.column.outcome')}</Table.Th>
                  <Table.Th>{t('admin.rpl.application.column.level')}</Table.Th>
                  <Table.Th>{t('admin.rpl.application.column.support')}</Table.Th>
                </>
              }
            >
              {application.selfEvaluations.map((entry) => (
                <Table.Tr key={entry.outcomeId} style={{ verticalAlign: 'top' }}>
                  <Table.Td>
                    <Text size="sm">
                      <b>{entry.outcome.code}</b> {entry.outcome.text}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={selfEvaluationColors[entry.level]} tt="none">
                      {entry.levelLabel}
                    </Badge>
                    {entry.note && (
                      <Text size="xs" mt={4}>
                        {entry.note}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">
                      {[
                        ...entry.credentialIds.map((id) => credentialNames.get(id) ?? id),
                        ...entry.evidenceIds.map((id) => evidenceNames.get(id) ?? id),
                      ].join(', ') || '—'}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </CompactTable>
          </Paper>
        )}
      </Section>
    </Stack>
  );
}
