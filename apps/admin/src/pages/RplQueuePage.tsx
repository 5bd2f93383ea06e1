import { rplCaseStatusLabels } from '@kmg/domain';
import { useLocale } from '@kmg/ui';
import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  Stack,
  Switch,
  Table,
  Tabs,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconUserCheck } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { PageHeader } from '#components/PageHeader.tsx';
import { QueryPending } from '#components/QueryPending.tsx';
import { type AssignmentInput, RplAssignAssessorsDialog } from '#components/RplAssignAssessorsDialog.tsx';
import { RplApplicationStatusBadge } from '#components/RplBadges.tsx';
import { RplDeadline } from '#components/RplDeadline.tsx';
import { useProblemMessages } from '#components/use-problem-messages.ts';
import { graphql, type ResultOf } from '#graphql.ts';
import { wrappingBadgeStyles } from '#lib/badge-styles.ts';
import { MutationProblem_error, readProblem } from '#lib/mutation-result.ts';
import { currentDeadline, placeAssignmentErrors } from '#lib/rpl-case.ts';
import {
  isFiltered,
  type RplQueueSearch,
  type RplQueueView,
  readRplQueueSearch,
  rplQueueVariables,
  rplQueueViews,
  statusesOfView,
  writeRplQueueSearch,
} from '#lib/rpl-queue-search.ts';
import { isRplStaff, useViewer } from '#lib/viewer.tsx';
import '../rpl-case.css';

export const RplQueuePageQuery = graphql(`
  query RplQueuePage(
    $view: RplQueueView!
    $programmeId: ID
    $intakeId: ID
    $status: String
    $overdue: Boolean
  ) {
    rplMyStaffRoles
    managedStudyProgrammes { id code name intakes { id name } }
    rplQueue(
      view: $view
      programmeId: $programmeId
      intakeId: $intakeId
      status: $status
      overdue: $overdue
    ) {
      isOverdue
      deadlines { step stepLabel dueOn daysLeft isOverdue }
      case {
        id
        caseReference
        teacherName
        teacherNuptk
        status
        statusLabel
        programme { id code name }
        intake { id name }
        participants { userId name role roleLabel }
      }
    }
  }
`);

export const AssignRplAssessors = graphql(
  `
  mutation AssignRplAssessors(
    $applicationIds: [ID!]!
    $academicId: String
    $practitionerId: String
    $roundRobin: Boolean
  ) {
    assignRplAssessors(
      applicationIds: $applicationIds
      academicId: $academicId
      practitionerId: $practitionerId
      roundRobin: $roundRobin
    ) {
      __typename
      ... on AssignRplAssessorsSuccess { data }
      ...MutationProblem_error
    }
  }
`,
  [MutationProblem_error],
);

type QueueItem = ResultOf<typeof RplQueuePageQuery>['rplQueue'][number];

const viewKeys: Record<RplQueueView, string> = {
  MINE: 'mine',
  UNASSIGNED: 'unassigned',
  OPEN: 'open',
  CLOSED: 'closed',
};

/** The case's two assessors, or who is still missing. */
function Assessors({ item }: { item: QueueItem }) {
  const { t } = useLocale();
  const seat = (role: 'ACADEMIC_ASSESSOR' | 'PRACTITIONER_ASSESSOR') =>
    item.case.participants.find((person) => person.role === role);
  const academic = seat('ACADEMIC_ASSESSOR');
  const practitioner = seat('PRACTITIONER_ASSESSOR');
  if (!academic && !practitioner) {
    return (
      <Text size="sm" c="dimmed">
        {item.case.status === 'IN_ASSESSMENT' ? t('admin.rplCase.queue.noAssessors') : '—'}
      </Text>
    );
  }
  return (
    <Stack gap={2}>
      {[academic, practitioner].map((person, index) => (
        <Text key={person?.userId ?? index} size="sm" c={person ? undefined : 'dimmed'}>
          {person
            ? person.name
            : t(index === 0 ? 'admin.rplCase.queue.noAcademic' : 'admin.rplCase.queue.noPractitioner')}
        </Text>
      ))}
    </Stack>
  );
}

function Due({ item, compact }: { item: QueueItem; compact?: boolean }) {
  const { t } = useLocale();
  const step = currentDeadline(item.deadlines);
  const whole = item.deadlines.find((deadline) => deadline.step === 'wholeCase');
  if (!step && !whole) return <Text size="sm">—</Text>;
  return (
    <Stack gap={4}>
      {step && <RplDeadline deadline={step} label={step.stepLabel} compact={compact} />}
      {whole?.isOverdue && !step?.isOverdue && (
        <Text size="xs" fw={700} c="red.8">
          {t('admin.rplCase.queue.wholeCaseOverdue')}
        </Text>
      )}
    </Stack>
  );
}

function OverdueBadge({ mt }: { mt?: number }) {
  const { t } = useLocale();
  return (
    <Badge
      mt={mt}
      color="red"
      variant="light"
      size="sm"
      tt="none"
      leftSection={<IconAlertTriangle size={12} aria-hidden />}
    >
      {t('admin.rplCase.queue.overdue')}
    </Badge>
  );
}

function CaseLink({ item }: { item: QueueItem }) {
  return (
    <Anchor component={Link} to={`/rpl/kasus/${item.case.id}`} fw={700} size="sm">
      {item.case.caseReference}
    </Anchor>
  );
}

/**
 * The reviewers' queue: the cases of the viewer's university by view (what waits on me, cases in
 * assessment without assessors, all open, closed), filtered by programme, intake, step and lateness,
 * each with its current step's due date. University admins and officers select cases in assessment
 * and give them assessors in one go.
 */
export function RplQueuePage() {
  const { t, locale } = useLocale();
  const viewer = useViewer();
  const messages = useProblemMessages();
  const [params, setParams] = useSearchParams();
  const search = readRplQueueSearch(params);
  const [{ data, error, fetching }, reexecute] = useQuery({
    query: RplQueuePageQuery,
    variables: rplQueueVariables(search),
    requestPolicy: 'cache-and-network',
    pause: !isRplStaff(viewer),
  });
  const [, assign] = useMutation(AssignRplAssessors);
  const [selected, setSelected] = useState<string[]>([]);
  const [rowErrors, setRowErrors] = useState<Record<string, string[]>>({});
  const [assigning, setAssigning] = useState(false);

  if (!isRplStaff(viewer)) return <Navigate to="/" replace />;

  const update = (next: Partial<RplQueueSearch>) => {
    setSelected([]);
    setRowErrors({});
    setParams(writeRplQueueSearch({ ...search, ...next }), { replace: true });
  };

  const header = (
    <PageHeader title={t('admin.rplCase.queue.title')} description={t('admin.rplCase.queue.intro')} />
  );
  if (!data) {
    return (
      <>
        {header}
        <QueryPending
          error={error}
          onRetry={() => reexecute({ requestPolicy: 'network-only' })}
          blocks={[{ h: 40 }, { h: 56 }, { h: 320 }]}
        />
      </>
    );
  }

  const roles = data.rplMyStaffRoles;
  const canAssign = roles.includes('UNIVERSITY_ADMIN') || roles.includes('ADMIN_OFFICER');
  const items = data.rplQueue;
  const selectable = canAssign ? items.filter((item) => item.case.status === 'IN_ASSESSMENT') : [];
  const chosen = items.filter((item) => selected.includes(item.case.id));
  const programme = data.managedStudyProgrammes.find((entry) => entry.id === search.programmeId);
  const allChosen = selectable.length > 0 && selectable.every((item) => selected.includes(item.case.id));
  const toggle = (id: string, on: boolean) =>
    setSelected((current) => (on ? [...current, id] : current.filter((other) => other !== id)));

  const runAssign = async (input: AssignmentInput) => {
    const ids = chosen.map((item) => item.case.id);
    const result = await assign({ applicationIds: ids, ...input });
    const problem = readProblem(result.data?.assignRplAssessors, result.error, messages);
    if (problem) {
      setRowErrors(placeAssignmentErrors(problem.fieldErrors, ids).byCase);
      return problem;
    }
    setRowErrors({});
    setSelected([]);
    notifications.show({ color: 'green', message: t('admin.rplCase.assign.done', { count: ids.length }) });
    return null;
  };

  const select = (item: QueueItem, labelled: boolean): ReactNode =>
    selectable.includes(item) ? (
      <Checkbox
        checked={selected.includes(item.case.id)}
        onChange={(event) => toggle(item.case.id, event.currentTarget.checked)}
        aria-label={t('admin.rplCase.queue.select', {
          reference: item.case.caseReference,
          name: item.case.teacherName,
        })}
        label={labelled ? t('admin.rplCase.queue.selectShort') : undefined}
      />
    ) : null;

  const errorsOf = (item: QueueItem) =>
    rowErrors[item.case.id]?.map((message) => (
      <Text key={message} size="sm" c="red.8" role="alert" mt={4}>
        {message}
      </Text>
    ));

  const statuses = statusesOfView(search.view);
  return (
    <>
      {header}
      <Tabs
        value={search.view}
        onChange={(next) => update({ view: (next as RplQueueView) ?? 'MINE', status: null })}
      >
        <Tabs.List
          aria-label={t('admin.rplCase.queue.views')}
          mb="md"
          style={{ flexWrap: 'nowrap', overflowX: 'auto' }}
        >
          {rplQueueViews.map((view) => (
            <Tabs.Tab key={view} value={view} fz="md">
              {t(`admin.rplCase.queue.view.${viewKeys[view]}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>

      <fieldset className="rpl-queue-filters rpl-plain-fieldset">
        <legend className="rpl-visually-hidden">{t('admin.rplCase.queue.filters')}</legend>
        <Select
          label={t('admin.rplCase.queue.programme')}
          value={search.programmeId ?? ''}
          allowDeselect={false}
          data={[
            { value: '', label: t('admin.rplCase.queue.allProgrammes') },
            ...data.managedStudyProgrammes.map((entry) => ({ value: entry.id, label: entry.name })),
          ]}
          onChange={(next) => update({ programmeId: next || null, intakeId: null })}
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label={t('admin.rplCase.queue.intake')}
          value={search.intakeId ?? ''}
          allowDeselect={false}
          disabled={!programme}
          title={programme ? undefined : t('admin.rplCase.queue.intakeHint')}
          data={[
            { value: '', label: t('admin.rplCase.queue.allIntakes') },
            ...(programme?.intakes ?? []).map((intake) => ({ value: intake.id, label: intake.name })),
          ]}
          onChange={(next) => update({ intakeId: next || null })}
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label={t('admin.rplCase.queue.step')}
          value={search.status ?? ''}
          allowDeselect={false}
          data={[
            { value: '', label: t('admin.rplCase.queue.allSteps') },
            ...statuses.map((status) => ({ value: status, label: rplCaseStatusLabels[status][locale] })),
          ]}
          onChange={(next) => update({ status: (next || null) as RplQueueSearch['status'] })}
          comboboxProps={{ withinPortal: true }}
        />
        {search.view !== 'CLOSED' && (
          <Switch
            label={t('admin.rplCase.queue.overdueOnly')}
            checked={search.overdue}
            onChange={(event) => update({ overdue: event.currentTarget.checked })}
            className="rpl-queue-switch"
          />
        )}
      </fieldset>

      <Group justify="space-between" align="center" gap="sm" my="md" mih={36}>
        <Text size="sm" fw={600} aria-live="polite">
          {fetching ? t('common.loading') : t('admin.rplCase.queue.count', { count: items.length })}
        </Text>
        {canAssign && selectable.length > 0 && (
          <Group gap="sm">
            <Text size="sm" c="dimmed">
              {t('admin.rplCase.queue.selected', { count: selected.length })}
            </Text>
            {selected.length > 0 && (
              <Button variant="subtle" size="sm" onClick={() => setSelected([])}>
                {t('admin.rplCase.queue.clearSelection')}
              </Button>
            )}
            <Button
              size="sm"
              leftSection={<IconUserCheck size={18} aria-hidden />}
              disabled={selected.length === 0}
              onClick={() => setAssigning(true)}
            >
              {t('admin.rplCase.queue.assign')}
            </Button>
          </Group>
        )}
      </Group>
      {canAssign && selectable.length > 0 && selectable.length < items.length && (
        <Text size="xs" c="dimmed" mb="sm">
          {t('admin.rplCase.queue.selectHint')}
        </Text>
      )}

      {items.length === 0 ? (
        <Paper withBorder radius="md" p="lg">
          <Text fw={600}>
            {isFiltered(search)
              ? t('admin.rplCase.queue.emptyFiltered')
              : t(`admin.rplCase.queue.empty.${viewKeys[search.view]}`)}
          </Text>
          {isFiltered(search) && (
            <Button
              variant="light"
              mt="sm"
              onClick={() => update({ programmeId: null, intakeId: null, status: null, overdue: false })}
            >
              {t('admin.rplCase.queue.clearFilters')}
            </Button>
          )}
        </Paper>
      ) : (
        <>
          <Stack gap="sm" hiddenFrom="sm">
            {items.map((item) => (
              <Paper
                key={item.case.id}
                withBorder
                radius="md"
                p="md"
                component="article"
                className="rpl-queue-card"
                data-overdue={item.isOverdue || undefined}
                aria-label={`${item.case.caseReference} · ${item.case.teacherName}`}
              >
                <Stack gap={6}>
                  <Group justify="space-between" wrap="nowrap" align="flex-start">
                    <div>
                      <CaseLink item={item} />
                      <Text size="sm" fw={600}>
                        {item.case.teacherName}
                      </Text>
                    </div>
                    {select(item, true)}
                  </Group>
                  <Group gap={6}>
                    <RplApplicationStatusBadge
                      status={item.case.status}
                      label={item.case.statusLabel}
                      styles={wrappingBadgeStyles}
                    />
                    {item.isOverdue && <OverdueBadge />}
                  </Group>
                  <Text size="xs" c="dimmed">
                    {item.case.programme.name} · {item.case.intake.name}
                  </Text>
                  <Due item={item} compact />
                  <div>
                    <Text size="xs" c="dimmed">
                      {t('admin.rplCase.queue.column.assessors')}
                    </Text>
                    <Assessors item={item} />
                  </div>
                  {errorsOf(item)}
                </Stack>
              </Paper>
            ))}
          </Stack>
          <Paper withBorder radius="md" px={4} visibleFrom="sm">
            <Table.ScrollContainer minWidth={880} type="native">
              <Table verticalSpacing="sm" fz="sm" className="data-table rpl-queue-table" highlightOnHover>
                <VisuallyHidden component="caption">{t('admin.rplCase.queue.caption')}</VisuallyHidden>
                <Table.Thead>
                  <Table.Tr>
                    {canAssign && selectable.length > 0 && (
                      <Table.Th w={44}>
                        <Checkbox
                          checked={allChosen}
                          indeterminate={!allChosen && selected.length > 0}
                          onChange={(event) =>
                            setSelected(
                              event.currentTarget.checked ? selectable.map((item) => item.case.id) : [],
                            )
                          }
                          aria-label={t('admin.rplCase.queue.selectAll')}
                        />
                      </Table.Th>
                    )}
                    <Table.Th>{t('admin.rplCase.queue.column.case')}</Table.Th>
                    <Table.Th>{t('admin.rplCase.queue.column.programme')}</Table.Th>
                    <Table.Th w={190}>{t('admin.rplCase.queue.column.status')}</Table.Th>
                    <Table.Th w={200}>{t('admin.rplCase.queue.column.due')}</Table.Th>
                    <Table.Th>{t('admin.rplCase.queue.column.assessors')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((item) => (
                    <Table.Tr key={item.case.id} data-overdue={item.isOverdue || undefined}>
                      {canAssign && selectable.length > 0 && <Table.Td>{select(item, false)}</Table.Td>}
                      <Table.Td>
                        <CaseLink item={item} />
                        <Text size="sm">{item.case.teacherName}</Text>
                        {item.case.teacherNuptk && (
                          <Text size="xs" c="dimmed">
                            NUPTK&nbsp;{item.case.teacherNuptk}
                          </Text>
                        )}
                        {errorsOf(item)}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{item.case.programme.name}</Text>
                        <Text size="xs" c="dimmed">
                          {item.case.intake.name}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <RplApplicationStatusBadge
                          status={item.case.status}
                          label={item.case.statusLabel}
                          styles={wrappingBadgeStyles}
                        />
                        {item.isOverdue && <OverdueBadge mt={6} />}
                      </Table.Td>
                      <Table.Td>
                        <Due item={item} compact />
                      </Table.Td>
                      <Table.Td>
                        <Assessors item={item} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        </>
      )}

      <RplAssignAssessorsDialog
        opened={assigning}
        onClose={() => setAssigning(false)}
        cases={chosen.map((item) => ({
          id: item.case.id,
          label: `${item.case.caseReference} · ${item.case.teacherName}`,
          programmeId: item.case.programme.id,
        }))}
        universityId={null}
        onAssign={runAssign}
      />
    </>
  );
}
