import { ErrorAlert, formatInstant, formatLocalDate, useLocale } from '@kmg/ui';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCheck, IconDownload, IconMailForward, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { Navigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { CompactTable } from '#components/CompactTable.tsx';
import { Fact, Facts } from '#components/Facts.tsx';
import { PageHeader } from '#components/PageHeader.tsx';
import { PageNotice } from '#components/PageNotice.tsx';
import { QueryPending } from '#components/QueryPending.tsx';
import { RplApplicationStatusBadge } from '#components/RplBadges.tsx';
import { useProblemMessages } from '#components/use-problem-messages.ts';
import { graphql } from '#graphql.ts';
import { MutationProblem_error, readProblem } from '#lib/mutation-result.ts';
import { readVerification, validateEvidenceRequest } from '#lib/rpl-application.ts';
import { isRplStaff, useViewer } from '#lib/viewer.tsx';

const RplApplicationQuery = graphql(`
  query RplApplicationPage($id: ID!) {
    rplApplication(id: $id) {
      id
      teacherName
      status
      statusLabel
      submittedAt
      evidenceRequest
      evidenceRequestedAt
      programme { id name university { id name } }
      intake { id name cutoffDate }
      proposal {
        totalSks
        courseCount
        capSks
        capSource
        cutoffDate
        isEligible
        ineligibleReasons
        proposed { courseId code name semester courseSks sks ruleCode ruleVersion coverage credentials { id name } }
        notProposed { courseId code name semester courseSks reason message detail }
      }
      credentials {
        entryId
        externalCredentialId
        externalName
        isVerified
        verification
        verifiedAt
        credential { id credentialId name issuerName }
      }
      evidence { id title kind fileName size url issuedOn }
      selfEvaluations {
        outcomeId
        level
        levelLabel
        note
        credentialIds
        evidenceIds
        outcome { id code text }
      }
    }
  }
`);

const RequestRplEvidence = graphql(
  `
  mutation RequestRplEvidence($applicationId: ID!, $message: String!) {
    requestRplEvidence(applicationId: $applicationId, message: $message) {
      __typename
      ... on RequestRplEvidenceSuccess { data { id status statusLabel evidenceRequest evidenceRequestedAt } }
      ...MutationProblem_error
    }
  }
`,
  [MutationProblem_error],
);

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </section>
  );
}

const levelColors = { VERY_GOOD: 'teal', GOOD: 'blue', NEVER: 'gray' } as const;

/**
 * One submitted application as the university sees it: the proposal stored at submission (rule
 * edits since do not change it), the credentials with the checks made then, the evidence files,
 * the self-evaluation per CPMK, and a request for more evidence. The decision is not made here.
 */
export function RplApplicationPage() {
  const { t, locale } = useLocale();
  const viewer = useViewer();
  const messages = useProblemMessages();
  const { id = '' } = useParams();
  const [{ data, error }, reexecute] = useQuery({
    query: RplApplicationQuery,
    variables: { id },
    pause: !isRplStaff(viewer),
  });
  const [, requestEvidence] = useMutation(RequestRplEvidence);
  const [opened, { open, close }] = useDisclosure(false);
  const [message, setMessage] = useState('');
  const [messageError, setMessageError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (!isRplStaff(viewer)) return <Navigate to="/" replace />;
  if (!data) {
    return (
      <QueryPending
        error={error}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        blocks={[{ h: 36, w: '50%' }, { h: 160 }, { h: 300 }]}
      />
    );
  }
  const application = data.rplApplication;
  if (!application) {
    return (
      <PageNotice
        title={t('admin.rpl.application.notFound')}
        text={t('admin.rpl.application.notFoundText')}
        back={{ to: '/rpl', label: t('admin.rpl.programmes.back') }}
      />
    );
  }
  const proposal = application.proposal;
  // Courses that no rule covers are listed by code in one line; the others each say why.
  const explained = proposal?.notProposed.filter((course) => course.reason !== 'NO_RULE') ?? [];
  const withoutRule = proposal?.notProposed.filter((course) => course.reason === 'NO_RULE') ?? [];
  // The self-evaluation names credentials by database id (the wallet's uuid or the imported
  // credential's id), not by global id.
  const credentialNames = new Map(
    application.credentials.map((entry) => [
      entry.credential?.credentialId ?? entry.externalCredentialId ?? entry.entryId,
      entry.credential?.name ?? entry.externalName ?? '—',
    ]),
  );
  const evidenceNames = new Map(application.evidence.map((file) => [file.id, file.title]));
  const canRequest = application.status === 'SUBMITTED' || application.status === 'EVIDENCE_REQUESTED';

  const send = async () => {
    const invalid = validateEvidenceRequest(message, locale);
    setMessageError(invalid);
    if (invalid) return;
    setBusy(true);
    setProblem(null);
    const result = await requestEvidence({ applicationId: application.id, message: message.trim() });
    setBusy(false);
    const found = readProblem(result.data?.requestRplEvidence, result.error, messages);
    if (found) {
      const onField = found.fieldErrors.find((fieldError) => fieldError.path.includes('message'));
      if (onField) setMessageError(onField.message);
      setProblem(found.message);
      return;
    }
    setMessage('');
    close();
  };

  return (
    <>
      <PageHeader
        title={application.teacherName}
        description={`${application.programme.name} · ${application.intake.name}`}
        badge={
          <RplApplicationStatusBadge status={application.status} label={application.statusLabel} size="lg" />
        }
        back={{
          to: `/rpl/prodi/${application.programme.id}/pendaftar?gelombang=${application.intake.id}`,
          label: t('admin.rpl.application.back'),
        }}
        actions={
          canRequest && (
            <Button variant="light" leftSection={<IconMailForward size={18} aria-hidden />} onClick={open}>
              {t('admin.rpl.application.requestEvidence')}
            </Button>
          )
        }
      />
      <Stack gap="xl">
        {application.evidenceRequest && (
          <Alert
            color="orange"
            variant="light"
            title={t('admin.rpl.application.evidenceRequested', {
              date: application.evidenceRequestedAt
                ? formatInstant(application.evidenceRequestedAt, locale)
                : '',
            })}
          >
            {application.evidenceRequest}
          </Alert>
        )}
        <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="lg">
            <Facts>
              <Fact label={t('admin.rpl.application.submitted')}>
                {application.submittedAt ? formatInstant(application.submittedAt, locale) : '—'}
              </Fact>
            </Facts>
            <Facts>
              <Fact label={t('admin.rpl.application.cutoff')}>
                {formatLocalDate(application.intake.cutoffDate, locale)}
              </Fact>
            </Facts>
            <Facts>
              <Fact label={t('admin.rpl.application.proposedSks')}>
                {proposal
                  ? t('admin.rpl.application.sksOfCap', {
                      sks: proposal.totalSks,
                      cap: proposal.capSks ?? '—',
                    })
                  : '—'}
              </Fact>
            </Facts>
            <Facts>
              <Fact label={t('admin.rpl.application.capSource')}>{proposal?.capSource ?? '—'}</Fact>
            </Facts>
          </SimpleGrid>
        </Paper>

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
                      <Table.Td>
                        {course.credentials.map((credential) => credential.name).join(', ')}
                      </Table.Td>
                      <Table.Td style={{ textAlign: 'right' }}>
                        {Math.round(course.coverage * 100)} %
                      </Table.Td>
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
          <Stack gap="sm">
            {application.credentials.length === 0 && <Text c="dimmed">—</Text>}
            {application.credentials.map((entry) => {
              const verification = readVerification(entry.verification);
              return (
                <Paper key={entry.entryId} withBorder radius="md" p="md">
                  <Group justify="space-between" align="flex-start" gap="sm">
                    <div>
                      <Text fw={600} size="sm">
                        {entry.credential?.name ?? entry.externalName}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {entry.credential ? entry.credential.issuerName : t('admin.rpl.application.external')}
                      </Text>
                    </div>
                    <Badge
                      color={entry.isVerified ? 'teal' : entry.isVerified === false ? 'red' : 'gray'}
                      variant="light"
                      tt="none"
                    >
                      {entry.isVerified
                        ? t('admin.rpl.application.verified')
                        : entry.isVerified === false
                          ? t('admin.rpl.application.notVerified')
                          : t('admin.rpl.application.unchecked')}
                    </Badge>
                  </Group>
                  {verification.checks.length > 0 && (
                    <Group gap="md" mt="xs">
                      {verification.checks.map((check) => (
                        <Group key={check.key} gap={4} wrap="nowrap">
                          {check.ok ? (
                            <IconCheck size={16} color="var(--mantine-color-teal-7)" aria-hidden />
                          ) : (
                            <IconX size={16} color="var(--mantine-color-red-7)" aria-hidden />
                          )}
                          <Text size="xs">
                            {t(`admin.rpl.application.check.${check.key}`)}
                            <VisuallyHidden component="span">
                              {': '}
                              {check.ok
                                ? t('admin.rpl.application.checkOk')
                                : t('admin.rpl.application.checkFailed')}
                            </VisuallyHidden>
                          </Text>
                        </Group>
                      ))}
                    </Group>
                  )}
                  {(verification.detail || entry.verifiedAt) && (
                    <Text size="xs" c="dimmed" mt={4}>
                      {verification.detail}
                      {verification.detail && entry.verifiedAt ? ' · ' : ''}
                      {entry.verifiedAt &&
                        t('admin.rpl.application.checkedAt', {
                          date: formatInstant(entry.verifiedAt, locale),
                        })}
                    </Text>
                  )}
                </Paper>
              );
            })}
          </Stack>
        </Section>

        <Section id="evidence-title" title={t('admin.rpl.application.evidence')}>
          {application.evidence.length === 0 ? (
            <Text c="dimmed">{t('admin.rpl.application.noEvidence')}</Text>
          ) : (
            <List spacing="xs" listStyleType="none" ml={0} pl={0}>
              {application.evidence.map((file) => (
                <List.Item key={file.id}>
                  <Group gap="xs" wrap="nowrap" align="flex-start">
                    <IconDownload size={16} aria-hidden style={{ marginTop: 3, flexShrink: 0 }} />
                    <div>
                      <Anchor href={file.url} size="sm" download={file.fileName}>
                        {file.title}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {t(`admin.rpl.application.evidenceKind.${file.kind}`)} · {file.fileName} ·{' '}
                        {Math.max(1, Math.round(file.size / 1024))} KB
                        {file.issuedOn && ` · ${formatLocalDate(file.issuedOn, locale, 'medium')}`}
                      </Text>
                    </div>
                  </Group>
                </List.Item>
              ))}
            </List>
          )}
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
                      <Badge variant="light" color={levelColors[entry.level]} tt="none">
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
                          ...entry.credentialIds.map(
                            (credentialId) => credentialNames.get(credentialId) ?? credentialId,
                          ),
                          ...entry.evidenceIds.map(
                            (evidenceId) => evidenceNames.get(evidenceId) ?? evidenceId,
                          ),
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

      <Modal
        opened={opened}
        onClose={busy ? () => {} : close}
        title={t('admin.rpl.application.requestEvidence')}
        size="lg"
        centered
      >
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (!busy) void send();
          }}
        >
          <Stack gap="md">
            <Text size="sm">
              {t('admin.rpl.application.requestIntro', { name: application.teacherName })}
            </Text>
            <Textarea
              label={t('admin.rpl.application.requestMessage')}
              description={t('admin.rpl.application.requestHint')}
              required
              autosize
              minRows={4}
              maxLength={2000}
              value={message}
              onChange={(event) => setMessage(event.currentTarget.value)}
              error={messageError}
              data-autofocus
            />
            {problem && <ErrorAlert title={t('admin.rpl.form.failed')}>{problem}</ErrorAlert>}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close} disabled={busy}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={busy}>
                {t('admin.rpl.application.sendRequest')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
