import { returnReasonSchema, translateError } from '@kmg/domain';
import { formatInstant, formatNumber, useLocale } from '@kmg/ui';
import { Alert, Anchor, Button, Group, List, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconArrowBackUp,
  IconCircleCheck,
  IconGavel,
  IconHourglass,
  IconSend,
} from '@tabler/icons-react';
import { type ReactNode, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { ConfirmDialog } from '#components/ConfirmDialog.tsx';
import { ReasonField } from '#components/ReasonField.tsx';
import { ResultsHistory, ResultsHistory_call } from '#components/ResultsHistory.tsx';
import { useProblemMessages } from '#components/use-problem-messages.ts';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';
import { type DeliveryRights, daysNeeded, summarizeResults, verdictOf } from '#lib/delivery.ts';
import { type MutationProblem, MutationProblem_error, readProblem } from '#lib/mutation-result.ts';
import { checkReason } from '#lib/reason.ts';

export const ResultsPanel_call = graphql(
  `
  fragment ResultsPanel_call on TrainingCall {
    id
    resultsStatus
    resultsSubmittedAt
    resultsApprovedAt
    timeZone
    minAttendancePercent
    assessmentKind
    trainingDays { id }
    competencyUnits { id }
    achievement { id name }
    ...ResultsHistory_call
  }
`,
  [ResultsHistory_call],
);

export const ResultsPanel_participant = graphql(`
  fragment ResultsPanel_participant on Application {
    id
    teacher { id name }
    completion { complete passed reasons { code message } }
  }
`);

// Each step reads the results history again: the timeline and the provider's notice follow it.
const SubmitResults = graphql(
  `
  mutation SubmitResults($callId: ID!) {
    submitResults(callId: $callId) {
      __typename
      ... on SubmitResultsSuccess { data { id resultsStatus resultsSubmittedAt ...ResultsHistory_call } }
      ...MutationProblem_error
    }
  }
`,
  [ResultsHistory_call, MutationProblem_error],
);

const ReturnResults = graphql(
  `
  mutation ReturnResults($callId: ID!, $reason: String!) {
    returnResults(callId: $callId, reason: $reason) {
      __typename
      ... on ReturnResultsSuccess { data { id resultsStatus resultsSubmittedAt ...ResultsHistory_call } }
      ...MutationProblem_error
    }
  }
`,
  [ResultsHistory_call, MutationProblem_error],
);

const ApproveResults = graphql(
  `
  mutation ApproveResults($callId: ID!) {
    approveResults(callId: $callId) {
      __typename
      ... on ApproveResultsSuccess {
        data {
          id
          status
          resultsStatus
          resultsApprovedAt
          issuanceProgress { queued issued failed total }
          ...ResultsHistory_call
        }
      }
      ...MutationProblem_error
    }
  }
`,
  [ResultsHistory_call, MutationProblem_error],
);

function Stat({ label, value, tone }: { label: string; value: string; tone?: string }) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Text size="xs" fw={600} c="dimmed" tt="uppercase" style={{ letterSpacing: '0.03em' }}>
        {label}
      </Text>
      <Text fz={26} fw={700} lh={1.2} mt={2} c={tone}>
        {value}
      </Text>
    </Paper>
  );
}

/** The completion rule, as the API applies it. */
export function CompletionRule({
  minAttendancePercent,
  days,
  units,
  competency,
}: {
  minAttendancePercent: number;
  days: number;
  units: number;
  competency: boolean;
}) {
  const { t } = useLocale();
  const params = { min: minAttendancePercent, needed: daysNeeded(minAttendancePercent, days), days, units };
  return (
    <Text size="sm">
      {competency && units > 0
        ? t('admin.delivery.rule.competency', params)
        : t('admin.delivery.rule.training', params)}
    </Text>
  );
}

/**
 * How the results stand (how many pass, fail, are incomplete) and the step that moves them on:
 * provider staff submit a complete record; the program manager approves it, which issues the
 * credentials, or returns it to the provider with the reason. Each asks first, saying what will
 * happen and to whom.
 */
export function ResultsPanel({
  call: callData,
  participants: data,
  rights,
}: {
  call: FragmentOf<typeof ResultsPanel_call>;
  participants: readonly FragmentOf<typeof ResultsPanel_participant>[];
  rights: DeliveryRights;
}) {
  const { t, locale } = useLocale();
  const messages = useProblemMessages();
  const call = readFragment(ResultsPanel_call, callData);
  const participants = data.map((participant) => readFragment(ResultsPanel_participant, participant));
  const [dialog, setDialog] = useState<'submit' | 'approve' | 'return' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [submitState, submit] = useMutation(SubmitResults);
  const [approveState, approve] = useMutation(ApproveResults);
  const [returnState, sendBack] = useMutation(ReturnResults);
  const [reason, setReason] = useState('');
  const [reasonTouched, setReasonTouched] = useState(false);
  const [reasonProblem, setReasonProblem] = useState<string | null>(null);
  const reasonField = useRef<HTMLTextAreaElement>(null);
  // The API's own rule (`returnReasonSchema`), checked as the manager types.
  const reasonIssue = checkReason(returnReasonSchema, reason, locale);
  const number = (value: number) => formatNumber(value, locale);

  const summary = summarizeResults(participants);
  const incomplete = participants.filter((participant) => verdictOf(participant.completion) === 'incomplete');
  const failed = participants.filter((participant) => verdictOf(participant.completion) === 'failed');
  const competency = call.assessmentKind === 'COMPETENCY';
  const base = `/lowongan/${call.id}/pelaksanaan`;
  const open = (next: 'submit' | 'approve' | 'return') => {
    setProblem(null);
    if (next === 'return') {
      setReason('');
      setReasonTouched(false);
      setReasonProblem(null);
    }
    setDialog(next);
  };
  /** A refusal that names the reason goes under the field; anything else above the buttons. */
  const showReturnProblem = (found: MutationProblem) => {
    const onReason = found.fieldErrors.find((error) => error.path.includes('reason'));
    if (onReason) {
      setReasonProblem(onReason.message);
      reasonField.current?.focus();
    } else setProblem(found.message);
  };

  const whoAndWhy = (list: typeof participants, onlyIncomplete: boolean) => (
    <List size="sm" spacing={4}>
      {list.map((participant) => (
        <List.Item key={participant.id}>
          <Text span fw={600} size="sm">
            {participant.teacher.name}
          </Text>
          {': '}
          {(participant.completion?.reasons ?? [])
            .filter(
              (reason) =>
                !onlyIncomplete ||
                reason.code === 'ATTENDANCE_INCOMPLETE' ||
                reason.code === 'ASSESSMENT_INCOMPLETE',
            )
            .map((reason) => reason.message)
            .join(' ')}
        </List.Item>
      ))}
    </List>
  );

  let action: ReactNode = null;
  if (call.resultsStatus === 'RECORDING') {
    action = rights.canRecord ? (
      <Button
        leftSection={<IconSend size={18} aria-hidden />}
        onClick={() => open('submit')}
        disabled={participants.length === 0}
      >
        {t('admin.delivery.results.submit')}
      </Button>
    ) : null;
  } else if (call.resultsStatus === 'SUBMITTED') {
    action = rights.canRun ? (
      <Group gap="sm" className="results-actions">
        <Button
          variant="default"
          leftSection={<IconArrowBackUp size={18} aria-hidden />}
          onClick={() => open('return')}
        >
          {t('admin.delivery.results.returnResults')}
        </Button>
        <Button leftSection={<IconGavel size={18} aria-hidden />} onClick={() => open('approve')}>
          {t('admin.delivery.results.approve')}
        </Button>
      </Group>
    ) : null;
  }

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Stat label={t('admin.delivery.results.total')} value={number(summary.total)} />
        <Stat label={t('admin.delivery.results.passed')} value={number(summary.passed)} tone="green.8" />
        <Stat
          label={t('admin.delivery.results.failed')}
          value={number(summary.failed)}
          tone={summary.failed > 0 ? 'red.8' : undefined}
        />
        <Stat
          label={t('admin.delivery.results.incomplete')}
          value={number(summary.incomplete)}
          tone={summary.incomplete > 0 ? 'orange.8' : undefined}
        />
      </SimpleGrid>
      <CompletionRule
        minAttendancePercent={call.minAttendancePercent}
        days={call.trainingDays.length}
        units={call.competencyUnits.length}
        competency={competency}
      />

      {!call.achievement && call.resultsStatus !== 'APPROVED' && (
        <Alert variant="light" color="yellow" icon={<IconAlertTriangle size={18} aria-hidden />}>
          <Text size="sm">{t('admin.delivery.results.noAchievement')}</Text>
          <Anchor component={Link} to={`${base}/kredensial`} size="sm" fw={600}>
            {t('admin.delivery.results.toAchievement')}
          </Anchor>
        </Alert>
      )}

      <Group justify="space-between" align="center" gap="sm">
        <Group gap="xs" wrap="nowrap">
          {call.resultsStatus === 'APPROVED' ? (
            <IconCircleCheck
              size={20}
              color="var(--mantine-color-teal-7)"
              aria-hidden
              style={{ flex: 'none' }}
            />
          ) : call.resultsStatus === 'SUBMITTED' ? (
            <IconHourglass
              size={20}
              color="var(--mantine-color-blue-7)"
              aria-hidden
              style={{ flex: 'none' }}
            />
          ) : null}
          <Text size="sm" fw={call.resultsStatus === 'RECORDING' ? undefined : 600}>
            {call.resultsStatus === 'APPROVED' && call.resultsApprovedAt
              ? t('admin.delivery.results.approvedOn', {
                  date: formatInstant(call.resultsApprovedAt, locale, call.timeZone),
                })
              : call.resultsStatus === 'SUBMITTED' && call.resultsSubmittedAt
                ? rights.canRun
                  ? t('admin.delivery.results.toApprove', {
                      date: formatInstant(call.resultsSubmittedAt, locale, call.timeZone),
                    })
                  : t('admin.delivery.results.waitingApproval', {
                      date: formatInstant(call.resultsSubmittedAt, locale, call.timeZone),
                    })
                : participants.length === 0
                  ? t('admin.delivery.results.nobody')
                  : summary.incomplete > 0
                    ? t('admin.delivery.results.recordingIncomplete', { count: summary.incomplete })
                    : t('admin.delivery.results.recordingComplete')}
          </Text>
        </Group>
        {action}
      </Group>

      <ResultsHistory call={call} headingId="results-history-title" />

      <ConfirmDialog
        opened={dialog === 'submit'}
        onClose={() => setDialog(null)}
        title={t('admin.delivery.results.submitTitle')}
        confirmLabel={t('admin.delivery.results.submit')}
        busy={submitState.fetching}
        problem={problem}
        canConfirm={incomplete.length === 0}
        onConfirm={async () => {
          const result = await submit({ callId: call.id });
          const found = readProblem(result.data?.submitResults, result.error, messages);
          if (found) {
            setProblem(found.message);
            return;
          }
          setDialog(null);
          notifications.show({ color: 'green', message: t('admin.delivery.results.submitted') });
        }}
      >
        {incomplete.length > 0 ? (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertTriangle size={18} aria-hidden />}
            title={translateError('RESULTS_INCOMPLETE', locale, { count: incomplete.length })}
          >
            <Stack gap="xs">
              {whoAndWhy(incomplete, true)}
              <Group gap="md">
                <Anchor component={Link} to={`${base}/kehadiran`} size="sm" onClick={() => setDialog(null)}>
                  {t('admin.delivery.nav.attendance')}
                </Anchor>
                {competency && (
                  <Anchor component={Link} to={`${base}/asesmen`} size="sm" onClick={() => setDialog(null)}>
                    {t('admin.delivery.nav.assessment')}
                  </Anchor>
                )}
              </Group>
            </Stack>
          </Alert>
        ) : (
          <>
            <Text>{t('admin.delivery.results.submitText', { count: summary.total })}</Text>
            <List spacing={4}>
              <List.Item>{t('admin.delivery.results.willPass', { count: summary.passed })}</List.Item>
              <List.Item>{t('admin.delivery.results.willFail', { count: summary.failed })}</List.Item>
            </List>
            {failed.length > 0 && whoAndWhy(failed, false)}
            <Text size="sm" c="dimmed">
              {t('admin.delivery.results.submitFinal')}
            </Text>
          </>
        )}
      </ConfirmDialog>

      <ConfirmDialog
        opened={dialog === 'approve'}
        onClose={() => setDialog(null)}
        title={t('admin.delivery.results.approveTitle')}
        confirmLabel={t('admin.delivery.results.approve')}
        busy={approveState.fetching}
        problem={problem}
        canConfirm={!!call.achievement}
        onConfirm={async () => {
          const result = await approve({ callId: call.id });
          const found = readProblem(result.data?.approveResults, result.error, messages);
          if (found) {
            setProblem(found.message);
            return;
          }
          setDialog(null);
          notifications.show({ color: 'green', message: t('admin.delivery.results.approved') });
        }}
      >
        <Text>{t('admin.delivery.results.approveText', { count: summary.total })}</Text>
        <List spacing={4}>
          <List.Item>
            {call.achievement
              ? t('admin.delivery.results.credentials', {
                  count: summary.passed,
                  name: call.achievement.name,
                })
              : t('admin.delivery.results.willPass', { count: summary.passed })}
          </List.Item>
          <List.Item>{t('admin.delivery.results.noCredentials', { count: summary.failed })}</List.Item>
        </List>
        {failed.length > 0 && whoAndWhy(failed, false)}
        {!call.achievement && (
          <Alert color="yellow" variant="light">
            {translateError('NO_ACHIEVEMENT', locale)}
          </Alert>
        )}
        <Text size="sm" c="dimmed">
          {t('admin.delivery.results.approveFinal')}
        </Text>
      </ConfirmDialog>

      <ConfirmDialog
        opened={dialog === 'return'}
        onClose={() => setDialog(null)}
        title={t('admin.delivery.results.returnTitle')}
        confirmLabel={t('admin.delivery.results.returnResults')}
        busy={returnState.fetching}
        problem={problem}
        onConfirm={async () => {
          setReasonTouched(true);
          if (reasonIssue) {
            reasonField.current?.focus();
            return;
          }
          const result = await sendBack({ callId: call.id, reason: reason.trim() });
          const found = readProblem(result.data?.returnResults, result.error, messages);
          if (found) {
            showReturnProblem(found);
            return;
          }
          setDialog(null);
          notifications.show({ color: 'green', message: t('admin.delivery.results.returned') });
        }}
      >
        <Text>{t('admin.delivery.results.returnText')}</Text>
        <ReasonField
          label={t('admin.delivery.results.returnReason')}
          description={t('admin.delivery.results.returnReasonHint')}
          rule={returnReasonSchema}
          value={reason}
          error={reasonProblem ?? (reasonTouched ? reasonIssue : null)}
          inputRef={reasonField}
          onChange={(value) => {
            setReason(value);
            setReasonProblem(null);
            setProblem(null);
          }}
          onBlur={() => setReasonTouched(true)}
        />
      </ConfirmDialog>
    </Stack>
  );
}
