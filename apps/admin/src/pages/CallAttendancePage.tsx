import { translateError } from '@kmg/domain';
import { formatDateRange, formatLocalDate, useLocale } from '@kmg/ui';
import { Alert, Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle, IconKeyboard, IconLock } from '@tabler/icons-react';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { AttendanceImport } from '#components/AttendanceImport.tsx';
import { AttendanceSheet } from '#components/AttendanceSheet.tsx';
import { AttendanceRefresh_call } from '#components/attendance-refresh.ts';
import { CheckInPanel } from '#components/CheckInPanel.tsx';
import { QueryPending } from '#components/QueryPending.tsx';
import { CompletionRule } from '#components/ResultsPanel.tsx';
import { useProblemMessages } from '#components/use-problem-messages.ts';
import { graphql } from '#graphql.ts';
import { recordedAttendance } from '#lib/attendance-sheet.ts';
import { PARTICIPANTS_PAGE, venueToday } from '#lib/delivery.ts';
import { MutationProblem_error, readProblem } from '#lib/mutation-result.ts';

const CallAttendancePageQuery = graphql(`
  query CallAttendancePage($id: ID!, $first: Int!) {
    trainingCall(id: $id) {
      id
      title
      timeZone
      startDate
      endDate
      assessmentKind
      minAttendancePercent
      resultsStatus
      trainingDays { id date }
      competencyUnits { id }
      participants(first: $first) {
        totalCount
        edges {
          node {
            id
            teacher { id name teacherProfile { nuptk } }
            attendance { dayId present }
          }
        }
      }
    }
  }
`);

/**
 * Saving returns the same page of participants with their new attendance and completion, so the
 * register, the results table and the verdicts update in place.
 */
const RecordAttendance = graphql(
  `
  mutation RecordAttendance($callId: ID!, $entries: [AttendanceInput!]!, $first: Int!) {
    recordAttendance(callId: $callId, entries: $entries) {
      __typename
      ... on RecordAttendanceSuccess {
        data {
          id
          ...AttendanceRefresh_call
        }
      }
      ...MutationProblem_error
    }
  }
`,
  [MutationProblem_error, AttendanceRefresh_call],
);

/** The attendance register of a call: every participant on every training day. */
export function CallAttendancePage() {
  const { t, locale } = useLocale();
  const messages = useProblemMessages();
  const { id = '' } = useParams();
  const [{ data, error }, reexecute] = useQuery({
    query: CallAttendancePageQuery,
    variables: { id, first: PARTICIPANTS_PAGE },
  });
  const [, record] = useMutation(RecordAttendance);
  const call = data?.trainingCall;
  const recorded = useMemo(
    () => recordedAttendance(data?.trainingCall?.participants.edges.map((edge) => edge.node) ?? []),
    [data],
  );
  const participants = useMemo(
    () =>
      (data?.trainingCall?.participants.edges ?? []).map(({ node }) => ({
        id: node.id,
        name: node.teacher.name,
        nuptk: node.teacher.teacherProfile?.nuptk ?? null,
      })),
    [data],
  );

  if (!data) {
    return (
      <QueryPending
        error={error}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        blocks={[{ h: 80 }, { h: 360 }]}
      />
    );
  }
  if (!call) return null;

  const locked = call.resultsStatus !== 'RECORDING';
  const today = venueToday(call.timeZone);
  const notStarted = call.startDate > today;

  return (
    <Stack gap="md">
      <div>
        <Title order={3} size="h4" id="attendance-title">
          {t('admin.delivery.attendance.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {formatDateRange(call.startDate, call.endDate, locale)} ·{' '}
          {t('admin.delivery.attendance.days', { count: call.trainingDays.length })}
        </Text>
      </div>
      <Paper withBorder radius="md" p="md" bg="var(--mantine-color-gray-0)">
        <Stack gap={6}>
          <CompletionRule
            minAttendancePercent={call.minAttendancePercent}
            days={call.trainingDays.length}
            units={call.competencyUnits.length}
            competency={call.assessmentKind === 'COMPETENCY'}
          />
          {!locked && (
            <>
              <Text size="sm">{t('admin.delivery.attendance.intro')}</Text>
              <Group gap={6} wrap="nowrap" visibleFrom="sm">
                <IconKeyboard size={16} aria-hidden color="var(--mantine-color-dimmed)" />
                <Text size="xs" c="dimmed">
                  {t('admin.delivery.attendance.keyboard')}
                </Text>
              </Group>
            </>
          )}
        </Stack>
      </Paper>
      {locked && (
        <Alert variant="light" color="gray" icon={<IconLock size={18} aria-hidden />}>
          <Text size="sm">{translateError('RESULTS_LOCKED', locale)}</Text>
          {call.resultsStatus === 'APPROVED' && (
            <Anchor component={Link} to={`/lowongan/${call.id}/pelaksanaan`} size="sm" fw={600}>
              {t('admin.delivery.attendance.toAmendments')}
            </Anchor>
          )}
        </Alert>
      )}
      {!locked && notStarted && (
        <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} aria-hidden />}>
          {t('admin.delivery.attendance.notStarted', {
            date: formatLocalDate(call.startDate, locale),
          })}
        </Alert>
      )}
      {!locked && participants.length > 0 && (
        <CheckInPanel
          callId={call.id}
          callTitle={call.title}
          timeZone={call.timeZone}
          days={call.trainingDays}
          today={today}
        />
      )}
      {participants.length === 0 ? (
        <Paper withBorder radius="md">
          <Text ta="center" c="dimmed" py={40} px="md">
            {t('admin.delivery.participants.empty')}
          </Text>
        </Paper>
      ) : (
        <AttendanceSheet
          // A fresh register for another call.
          key={call.id}
          participants={participants}
          days={call.trainingDays}
          recorded={recorded}
          minAttendancePercent={call.minAttendancePercent}
          today={today}
          locked={locked}
          onSave={async (entries) => {
            const result = await record({ callId: call.id, entries, first: PARTICIPANTS_PAGE });
            const problem = readProblem(result.data?.recordAttendance, result.error, messages);
            if (!problem)
              notifications.show({
                color: 'green',
                message: t('admin.delivery.attendance.saved', { count: entries.length }),
              });
            return problem;
          }}
        />
      )}
      {!locked && participants.length > 0 && (
        <AttendanceImport
          callId={call.id}
          participants={participants}
          pastDays={call.trainingDays.filter((day) => day.date <= today).map((day) => day.date)}
        />
      )}
    </Stack>
  );
}
