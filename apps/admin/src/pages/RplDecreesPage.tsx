import { formatLocalDate, formatNumber, useLocale } from '@kmg/ui';
import {
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconExternalLink, IconFileTypePdf, IconRubberStamp } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ConfirmDialog } from '#components/ConfirmDialog.tsx';
import { PageHeader } from '#components/PageHeader.tsx';
import { PageNotice } from '#components/PageNotice.tsx';
import { QueryPending } from '#components/QueryPending.tsx';
import { useRplAdminAccess } from '#components/RplAdminNav.tsx';
import { useProblemMessages } from '#components/use-problem-messages.ts';
import { graphql, type ResultOf } from '#graphql.ts';
import { MutationProblem_error, readProblem } from '#lib/mutation-result.ts';
import { type WaitingIntake, waitingByIntake } from '#lib/rpl-decrees.ts';
import { isAdmin, useViewer } from '#lib/viewer.tsx';

const RplDecreesPageQuery = graphql(`
  query RplDecreesPage {
    rplDecrees {
      id
      number
      scope
      decreedOn
      caseCount
      amendsNumber
      pdfUrl
      pdfUrlEn
      verifyUrl
      programme { id code name university { id name shortName } }
      intake { id code name }
    }
  }
`);

/** What the university admin issues from here: its scope, and the validated cases waiting. */
const RplDecreesWaitingQuery = graphql(`
  query RplDecreesWaiting {
    rplUniversitySettings { decreeScope }
    rplQueue(view: OPEN, status: "APPROVED") {
      case {
        id
        caseReference
        teacherName
        intake { id code name programme { id code name } }
      }
    }
  }
`);

const IssueIntakeDecree = graphql(
  `
  mutation IssueIntakeDecree($intakeId: ID!) {
    issueRplDecree(intakeId: $intakeId) {
      __typename
      ... on IssueRplDecreeSuccess { data { id number caseCount } }
      ...MutationProblem_error
    }
  }
`,
  [MutationProblem_error],
);

type Decree = ResultOf<typeof RplDecreesPageQuery>['rplDecrees'][number];

function ScopeBadge({ scope }: { scope: Decree['scope'] }) {
  const { t } = useLocale();
  return (
    <Badge
      variant="light"
      color={scope === 'INTAKE' ? 'grape' : 'blue'}
      size="sm"
      tt="none"
      style={{ flexShrink: 0, overflow: 'visible' }}
      styles={{ label: { overflow: 'visible' } }}
    >
      {t(`admin.rplAdmin.scope.${scope}`)}
    </Badge>
  );
}

/** The decree's documents: its PDF in each language, and the public page anyone checks it on. */
function DecreeLinks({ decree }: { decree: Decree }) {
  const { t } = useLocale();
  return (
    <Group gap="xs" wrap="wrap">
      <Anchor href={decree.pdfUrl} target="_blank" rel="noopener" size="sm" lang="id">
        <Group gap={4} component="span" wrap="nowrap">
          <IconFileTypePdf size={16} aria-hidden />
          {t('admin.rplAdmin.decrees.pdfId')}
        </Group>
      </Anchor>
      <Anchor href={decree.pdfUrlEn} target="_blank" rel="noopener" size="sm" lang="en">
        <Group gap={4} component="span" wrap="nowrap">
          <IconFileTypePdf size={16} aria-hidden />
          {t('admin.rplAdmin.decrees.pdfEn')}
        </Group>
      </Anchor>
      <Anchor href={decree.verifyUrl} target="_blank" rel="noopener" size="sm">
        <Group gap={4} component="span" wrap="nowrap">
          <IconExternalLink size={16} aria-hidden />
          {t('admin.rplAdmin.decrees.verify')}
          <VisuallyHidden>{t('admin.rplAdmin.newTab')}</VisuallyHidden>
        </Group>
      </Anchor>
    </Group>
  );
}

/** Validated cases waiting for their decree: per intake with its button, or per case with links. */
function WaitingSection({
  scope,
  intakes,
  onIssue,
}: {
  scope: 'CASE' | 'INTAKE';
  intakes: readonly WaitingIntake[];
  onIssue: (group: WaitingIntake) => void;
}) {
  const { t, locale } = useLocale();
  const total = intakes.reduce((sum, group) => sum + group.cases.length, 0);
  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'md', sm: 'lg' }}
      component="section"
      aria-labelledby="waiting-title"
    >
      <Title order={2} size="h4" id="waiting-title">
        {t('admin.rplAdmin.decrees.waitingTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {scope === 'INTAKE'
          ? t('admin.rplAdmin.decrees.waitingIntro')
          : t('admin.rplAdmin.decrees.waitingCaseIntro')}
      </Text>
      {total === 0 ? (
        <Text size="sm">{t('admin.rplAdmin.decrees.noneWaiting')}</Text>
      ) : (
        <Stack gap="sm">
          {intakes.map((group) => (
            <Paper key={group.intake.id} withBorder radius="md" p="sm" component="article">
              <Group justify="space-between" align="flex-start" gap="sm">
                <div style={{ flex: '1 1 16rem' }}>
                  <Text fw={600}>{group.intake.name}</Text>
                  <Text size="sm" c="dimmed">
                    {group.intake.programme.name} · {group.intake.code}
                  </Text>
                  <Text size="sm" mt={4}>
                    {t('admin.rplAdmin.decrees.waitingCount', {
                      count: group.cases.length,
                      formatted: formatNumber(group.cases.length, locale),
                    })}
                  </Text>
                </div>
                {scope === 'INTAKE' && (
                  <Button
                    leftSection={<IconRubberStamp size={18} aria-hidden />}
                    onClick={() => onIssue(group)}
                    aria-label={t('admin.rplAdmin.decrees.issueFor', { intake: group.intake.name })}
                  >
                    {t('admin.rplAdmin.decrees.issue')}
                  </Button>
                )}
              </Group>
              {scope === 'CASE' && (
                <List size="sm" mt="xs" spacing={2}>
                  {group.cases.map((item) => (
                    <List.Item key={item.id}>
                      <Anchor component={Link} to={`/rpl/pendaftaran/${item.id}`} size="sm">
                        {item.teacherName}
                      </Anchor>{' '}
                      <Text span size="xs" c="dimmed">
                        {item.caseReference}
                      </Text>
                    </List.Item>
                  ))}
                </List>
              )}
            </Paper>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

/**
 * The university's RPL decrees, newest first, with their PDFs and public check; for a university
 * that decrees per intake, its admins issue an intake's decree here once its cases are validated.
 */
export function RplDecreesPage() {
  const { t, locale } = useLocale();
  const viewer = useViewer();
  const messages = useProblemMessages();
  const { access, ready } = useRplAdminAccess();
  const [{ data, error }, reexecute] = useQuery({
    query: RplDecreesPageQuery,
    pause: !access.decrees,
    requestPolicy: 'cache-and-network',
  });
  const [waiting, reexecuteWaiting] = useQuery({
    query: RplDecreesWaitingQuery,
    pause: !access.issueDecrees,
    requestPolicy: 'cache-and-network',
  });
  const [, issue] = useMutation(IssueIntakeDecree);
  const [confirming, setConfirming] = useState<WaitingIntake | null>(null);
  const [issuing, setIssuing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  if (ready && !access.decrees) {
    return (
      <PageNotice
        title={t('admin.rplAdmin.notAllowed')}
        text={t('admin.rplAdmin.decrees.notAllowedText')}
        back={{ to: '/rpl', label: t('admin.rpl.programmes.back') }}
      />
    );
  }

  const showUniversity = isAdmin(viewer);
  const decrees = data?.rplDecrees ?? [];
  const scope = waiting.data?.rplUniversitySettings?.decreeScope ?? null;
  const intakes = waitingByIntake((waiting.data?.rplQueue ?? []).map((item) => item.case));

  const confirmIssue = async () => {
    if (!confirming) return;
    setProblem(null);
    setIssuing(true);
    const result = await issue({ intakeId: confirming.intake.id });
    setIssuing(false);
    const outcome = result.data?.issueRplDecree;
    const found = readProblem(outcome, result.error, messages);
    if (found) {
      setProblem(found.message);
      return;
    }
    if (outcome?.__typename === 'IssueRplDecreeSuccess') {
      notifications.show({
        color: 'green',
        title: t('admin.rplAdmin.decrees.issued', { number: outcome.data.number }),
        message: t('admin.rplAdmin.decrees.issuedText', { count: outcome.data.caseCount }),
      });
    }
    setConfirming(null);
    reexecute({ requestPolicy: 'network-only' });
    reexecuteWaiting({ requestPolicy: 'network-only' });
  };

  return (
    <>
      <PageHeader title={t('admin.rplAdmin.decrees.title')} description={t('admin.rplAdmin.decrees.intro')} />
      <Stack gap="xl">
        {access.issueDecrees && scope && (
          <WaitingSection
            scope={scope}
            intakes={intakes}
            onIssue={(group) => {
              setProblem(null);
              setConfirming(group);
            }}
          />
        )}
        <section aria-labelledby="decrees-title">
          <Title order={2} size="h4" id="decrees-title" mb="sm">
            {t('admin.rplAdmin.decrees.listTitle')}
          </Title>
          {!data ? (
            <QueryPending
              error={error}
              onRetry={() => reexecute({ requestPolicy: 'network-only' })}
              blocks={[{ h: 44 }, { h: 44 }, { h: 44 }]}
            />
          ) : decrees.length === 0 ? (
            <Paper withBorder radius="md">
              <Stack align="center" gap="sm" py={40} px="md" ta="center">
                <Text fw={600}>{t('admin.rplAdmin.decrees.empty')}</Text>
                <Text c="dimmed" size="sm">
                  {t('admin.rplAdmin.decrees.emptyText')}
                </Text>
              </Stack>
            </Paper>
          ) : (
            <Stack gap="sm">
              <Text size="sm" fw={600}>
                {t('admin.rplAdmin.decrees.count', { count: decrees.length })}
              </Text>
              <Stack gap="sm" hiddenFrom="md">
                {decrees.map((decree) => (
                  <Paper key={decree.id} withBorder radius="md" p="md" component="article">
                    <Stack gap={6}>
                      <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
                        <Text fw={700} ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                          {decree.number}
                        </Text>
                        <ScopeBadge scope={decree.scope} />
                      </Group>
                      <Text size="sm">
                        {formatLocalDate(decree.decreedOn, locale, 'long')} ·{' '}
                        {t('admin.rplAdmin.decrees.cases', { count: decree.caseCount })}
                      </Text>
                      <Text size="sm" c="dimmed">
                        {[
                          showUniversity ? decree.programme.university.name : null,
                          decree.programme.name,
                          decree.intake.name,
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      </Text>
                      {decree.amendsNumber && (
                        <Text size="sm">
                          {t('admin.rplAdmin.decrees.amends', { number: decree.amendsNumber })}
                        </Text>
                      )}
                      <DecreeLinks decree={decree} />
                    </Stack>
                  </Paper>
                ))}
              </Stack>
              <Paper withBorder radius="md" px={4} visibleFrom="md">
                <Table.ScrollContainer minWidth={900} type="native">
                  <Table verticalSpacing="sm" horizontalSpacing="sm" fz="sm" className="data-table">
                    <VisuallyHidden component="caption">
                      {t('admin.rplAdmin.decrees.tableCaption')}
                    </VisuallyHidden>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('admin.rplAdmin.decrees.column.number')}</Table.Th>
                        <Table.Th>{t('admin.rplAdmin.decrees.column.date')}</Table.Th>
                        <Table.Th>{t('admin.rplAdmin.decrees.column.programme')}</Table.Th>
                        <Table.Th>{t('admin.rplAdmin.decrees.column.scope')}</Table.Th>
                        <Table.Th ta="right">{t('admin.rplAdmin.decrees.column.cases')}</Table.Th>
                        <Table.Th>{t('admin.rplAdmin.decrees.column.amends')}</Table.Th>
                        <Table.Th>{t('admin.rplAdmin.decrees.column.documents')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {decrees.map((decree) => (
                        <Table.Tr key={decree.id}>
                          <Table.Td ff="monospace" fw={600}>
                            {decree.number}
                          </Table.Td>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>
                            {formatLocalDate(decree.decreedOn, locale, 'medium')}
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm">{decree.programme.name}</Text>
                            <Text size="xs" c="dimmed">
                              {[
                                showUniversity
                                  ? (decree.programme.university.shortName ??
                                    decree.programme.university.name)
                                  : null,
                                decree.intake.name,
                              ]
                                .filter(Boolean)
                                .join(' · ')}
                            </Text>
                          </Table.Td>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>
                            <ScopeBadge scope={decree.scope} />
                          </Table.Td>
                          <Table.Td ta="right">{formatNumber(decree.caseCount, locale)}</Table.Td>
                          <Table.Td>
                            {decree.amendsNumber ? (
                              <Text size="sm" ff="monospace">
                                {decree.amendsNumber}
                              </Text>
                            ) : (
                              <Text size="sm" c="dimmed">
                                —
                              </Text>
                            )}
                          </Table.Td>
                          <Table.Td>
                            <DecreeLinks decree={decree} />
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Paper>
            </Stack>
          )}
        </section>
      </Stack>
      <ConfirmDialog
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={t('admin.rplAdmin.decrees.confirmTitle', { intake: confirming?.intake.name ?? '' })}
        confirmLabel={t('admin.rplAdmin.decrees.issue')}
        busy={issuing}
        problem={problem}
        onConfirm={confirmIssue}
      >
        <Text size="sm">
          {t('admin.rplAdmin.decrees.confirmText', {
            count: confirming?.cases.length ?? 0,
            programme: confirming?.intake.programme.name ?? '',
          })}
        </Text>
        <Text size="sm">{t('admin.rplAdmin.decrees.confirmFinal')}</Text>
      </ConfirmDialog>
    </>
  );
}
