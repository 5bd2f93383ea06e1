import { formatInstant, useLocale } from '@kmg/ui';
import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconBookmark, IconExternalLink } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { CompactTable } from '#components/CompactTable.tsx';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';
import type { MutationProblem } from '#lib/mutation-result.ts';

export const RplCaseDecisions_case = graphql(`
  fragment RplCaseDecisions_case on RplApplication {
    id
    myRoles
    programme { id }
    precedentRules { id course { code } }
    decisions {
      id
      kind
      decidedByName
      decidedAt
      totalSks
      notes
      validatedByName
      validatedAt
      returnedAt
      returnReason
      courses { courseId courseCode courseName courseSks proposedSks sks reason }
    }
  }
`);

/** What proposing a precedent gave: the draft rule's id, or why not. */
export type PrecedentOutcome = { problem: MutationProblem | null; versionId: string | null };

/**
 * The committee's decisions on the case, newest first: per course the proposal and the SKS decided
 * with the reason, who decided and who validated (or returned it, and why). Committee members
 * turn a recognised course of a decision in force into a draft equivalence rule, so later
 * applicants are proposed the same.
 */
export function RplCaseDecisions({
  application: data,
  onProposePrecedent,
}: {
  application: FragmentOf<typeof RplCaseDecisions_case>;
  onProposePrecedent: (courseId: string) => Promise<PrecedentOutcome>;
}) {
  const { t, locale } = useLocale();
  const application = readFragment(RplCaseDecisions_case, data);
  const isCommittee = application.myRoles.includes('COMMITTEE');
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);

  if (application.decisions.length === 0) {
    return <Text c="dimmed">{t('admin.rplCase.decisions.none')}</Text>;
  }
  // The decision in force: an appeal's decision, or the validated one (newest first).
  const inForce = application.decisions.find(
    (decision) => decision.kind === 'APPEAL' || decision.validatedAt,
  );

  // A rule already proposed from this case (this visit, or before) is opened, not proposed again.
  const draftOf = (course: { courseId: string; courseCode: string }) =>
    drafts[course.courseId] ??
    application.precedentRules.find((rule) => rule.course.code === course.courseCode)?.id ??
    null;

  const propose = async (courseId: string) => {
    setBusy(courseId);
    const outcome = await onProposePrecedent(courseId);
    setBusy(null);
    if (outcome.problem)
      setProblems((current) => ({ ...current, [courseId]: outcome.problem?.message ?? '' }));
    else if (outcome.versionId) {
      const versionId = outcome.versionId;
      setProblems(({ [courseId]: _, ...rest }) => rest);
      setDrafts((current) => ({ ...current, [courseId]: versionId }));
    }
  };

  return (
    <Stack gap="md">
      {application.decisions.map((decision) => {
        const isInForce = decision.id === inForce?.id;
        const state = decision.returnedAt
          ? { color: 'orange', label: t('admin.rplCase.decisions.returned') }
          : decision.kind === 'APPEAL'
            ? { color: 'green', label: t('admin.rplCase.decisions.appealDecided') }
            : decision.validatedAt
              ? { color: 'green', label: t('admin.rplCase.decisions.validated') }
              : { color: 'yellow', label: t('admin.rplCase.decisions.awaitingValidation') };
        const headingId = `rpl-decision-${decision.id}`;
        return (
          <Paper
            key={decision.id}
            withBorder
            radius="md"
            p={{ base: 'sm', sm: 'md' }}
            component="section"
            aria-labelledby={headingId}
          >
            <Group justify="space-between" align="flex-start" gap="xs" mb="xs">
              <div>
                <Title order={3} size="h5" id={headingId}>
                  {t(
                    decision.kind === 'APPEAL'
                      ? 'admin.rplCase.decisions.appealTitle'
                      : 'admin.rplCase.decisions.title',
                    {
                      sks: decision.totalSks,
                    },
                  )}
                </Title>
                <Text size="xs" c="dimmed">
                  {t('admin.rplCase.decisions.by', {
                    name: decision.decidedByName,
                    date: formatInstant(decision.decidedAt, locale),
                  })}
                  {decision.validatedAt &&
                    ` · ${t('admin.rplCase.decisions.validatedBy', {
                      name: decision.validatedByName ?? '—',
                      date: formatInstant(decision.validatedAt, locale),
                    })}`}
                </Text>
              </div>
              <Badge color={state.color} variant="light" tt="none">
                {state.label}
              </Badge>
            </Group>
            {decision.returnedAt && decision.returnReason && (
              <Text size="sm" mb="xs" style={{ whiteSpace: 'pre-wrap' }}>
                <b>
                  {t('admin.rplCase.decisions.returnReason', {
                    date: formatInstant(decision.returnedAt, locale),
                  })}
                </b>{' '}
                {decision.returnReason}
              </Text>
            )}
            <Paper withBorder radius="md" px={4}>
              <CompactTable
                caption={t('admin.rplCase.decisions.caption')}
                head={
                  <>
                    <Table.Th>{t('admin.rplCase.decisions.course')}</Table.Th>
                    <Table.Th style={{ textAlign: 'right' }}>
                      {t('admin.rplCase.decisions.proposed')}
                    </Table.Th>
                    <Table.Th style={{ textAlign: 'right' }}>{t('admin.rplCase.decisions.decided')}</Table.Th>
                    <Table.Th>{t('admin.rplCase.decisions.reason')}</Table.Th>
                    {isCommittee && isInForce && (
                      <Table.Th>{t('admin.rplCase.decisions.precedent')}</Table.Th>
                    )}
                  </>
                }
              >
                {decision.courses.map((course) => (
                  <Table.Tr key={course.courseId} style={{ verticalAlign: 'top' }}>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {course.courseCode} {course.courseName}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {course.courseSks} SKS
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ textAlign: 'right' }}>{course.proposedSks}</Table.Td>
                    <Table.Td style={{ textAlign: 'right' }}>
                      <Text size="sm" fw={700} c={course.sks !== course.proposedSks ? 'orange.9' : undefined}>
                        {course.sks}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                        {course.reason ?? '—'}
                      </Text>
                    </Table.Td>
                    {isCommittee && isInForce && (
                      <Table.Td>
                        {course.sks > 0 &&
                          (draftOf(course) ? (
                            <Anchor
                              component={Link}
                              to={`/rpl/prodi/${application.programme.id}/aturan/${draftOf(course)}`}
                              size="sm"
                            >
                              <Group gap={4} component="span" wrap="nowrap">
                                <IconExternalLink size={14} aria-hidden />
                                {t('admin.rplCase.decisions.openDraft')}
                              </Group>
                            </Anchor>
                          ) : (
                            <Button
                              size="xs"
                              variant="light"
                              leftSection={<IconBookmark size={14} aria-hidden />}
                              loading={busy === course.courseId}
                              disabled={busy !== null && busy !== course.courseId}
                              onClick={() => void propose(course.courseId)}
                              aria-label={t('admin.rplCase.decisions.makePrecedentOf', {
                                course: course.courseCode,
                              })}
                            >
                              {t('admin.rplCase.decisions.makePrecedent')}
                            </Button>
                          ))}
                        {problems[course.courseId] && (
                          <Text size="xs" c="red.8" role="alert" mt={4}>
                            {problems[course.courseId]}
                          </Text>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </CompactTable>
            </Paper>
            {decision.notes && (
              <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
                <b>{t('admin.rplCase.decisions.notes')}</b> {decision.notes}
              </Text>
            )}
          </Paper>
        );
      })}
      {Object.keys(drafts).length > 0 && (
        <Alert color="teal" variant="light" title={t('admin.rplCase.decisions.draftMadeTitle')} role="status">
          {t('admin.rplCase.decisions.draftMade')}
        </Alert>
      )}
    </Stack>
  );
}
