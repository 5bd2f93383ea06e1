import { type CallAction, type CallStatus, planCallTransition, translateError } from '@kmg/domain';
import { CharacterCount, formatInstant, formatNumber, useErrorMessage, useLocale } from '@kmg/ui';
import { Alert, Button, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBan, IconDoorExit, IconPencil, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { ConfirmDialog } from '#components/ConfirmDialog.tsx';
import { blockingFailures, PublishChecklist_call, readChecklist } from '#components/PublishChecklist.tsx';
import { useProblemMessages } from '#components/use-problem-messages.ts';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';
import { hasPassed, useRerenderAt } from '#lib/deadline.ts';
import { type MutationProblem, MutationProblem_error, readProblem } from '#lib/mutation-result.ts';

export const CallActions_call = graphql(
  `
  fragment CallActions_call on TrainingCall {
    id
    status
    applicationCount
    applicationOpensAt
    applicationClosesAt
    timeZone
    province { code }
    programme { id isManagedByViewer }
    ...PublishChecklist_call
  }
`,
  [PublishChecklist_call],
);

// Every transition returns the call with what it changed, so the page updates in place.
const PublishCall = graphql(
  `
  mutation PublishCall($id: ID!) {
    publishTrainingCall(id: $id) {
      __typename
      ... on PublishTrainingCallSuccess { data { id status publishedAt cancelledAt cancellationReason isAcceptingApplications updatedAt publishChecklist { key severity state message } } }
      ...MutationProblem_error
    }
  }
`,
  [MutationProblem_error],
);

const CloseCall = graphql(
  `
  mutation CloseCall($id: ID!) {
    closeTrainingCall(id: $id) {
      __typename
      ... on CloseTrainingCallSuccess { data { id status publishedAt cancelledAt cancellationReason isAcceptingApplications updatedAt } }
      ...MutationProblem_error
    }
  }
`,
  [MutationProblem_error],
);

const CancelCall = graphql(
  `
  mutation CancelCall($id: ID!, $reason: String!) {
    cancelTrainingCall(id: $id, reason: $reason) {
      __typename
      ... on CancelTrainingCallSuccess { data { id status publishedAt cancelledAt cancellationReason isAcceptingApplications updatedAt } }
      ...MutationProblem_error
    }
  }
`,
  [MutationProblem_error],
);

const REASON_MIN = 10;
const REASON_MAX = 1000;

type Dialog = Exclude<CallAction, 'update'> | null;

/**
 * Publish, close, cancel and edit, offered by status to those who run the call (its programme's
 * managers and admins). The API checks every rule again; the dialogs only spare a refusal.
 */
export function CallActions({ call: data }: { call: FragmentOf<typeof CallActions_call> }) {
  const { t, locale } = useLocale();
  const errorMessage = useErrorMessage();
  const messages = useProblemMessages();
  const call = readFragment(CallActions_call, data);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [problem, setProblem] = useState<MutationProblem | null>(null);
  const [reason, setReason] = useState('');
  const [reasonTouched, setReasonTouched] = useState(false);
  const [publishState, publish] = useMutation(PublishCall);
  const [closeState, close] = useMutation(CloseCall);
  const [cancelState, cancel] = useMutation(CancelCall);
  useRerenderAt(call.status === 'OPEN' ? call.applicationClosesAt : null);

  if (!call.programme.isManagedByViewer) return null;

  const status = call.status as CallStatus;
  const plan = (action: CallAction) =>
    planCallTransition(
      { status, province: call.province.code, applicationClosesAt: new Date(call.applicationClosesAt) },
      action,
      new Date(),
    );
  // An action is offered when the status allows it; other refusals (a window already over) are
  // explained in its dialog.
  const offers = (action: CallAction) => {
    const result = plan(action);
    return (
      result.kind === 'allowed' ||
      (result.code !== 'INVALID_TRANSITION' && result.code !== 'CALL_NOT_EDITABLE')
    );
  };
  const at = (instant: string) => formatInstant(instant, locale, call.timeZone);
  const windowPassed = hasPassed(call.applicationClosesAt, new Date());

  const open = (next: Dialog) => {
    setProblem(null);
    setReason('');
    setReasonTouched(false);
    setDialog(next);
  };
  const done = (message: string) => {
    setDialog(null);
    notifications.show({ color: 'green', message });
  };

  const reasonLength = reason.trim().length;
  const reasonError =
    problem?.fieldErrors.find((error) => error.path.includes('reason'))?.message ??
    (reasonTouched && reasonLength < REASON_MIN ? errorMessage('TOO_SHORT', { min: REASON_MIN }) : null);

  const publishPlan = plan('publish');
  const publishBlockers = blockingFailures(readChecklist(call));
  return (
    <>
      {offers('update') && (
        <Button
          component={Link}
          to={`/lowongan/${call.id}/ubah`}
          variant="default"
          leftSection={<IconPencil size={18} aria-hidden />}
        >
          {t('admin.actions.edit')}
        </Button>
      )}
      {offers('publish') && (
        <Button leftSection={<IconSend size={18} aria-hidden />} onClick={() => open('publish')}>
          {t('admin.actions.publish')}
        </Button>
      )}
      {/* Once the window has passed, applications are closed in effect ("Pendaftaran ditutup"):
          closing them again is not offered; the selection moves the call on from here. */}
      {offers('close') && !windowPassed && (
        <Button
          variant="default"
          leftSection={<IconDoorExit size={18} aria-hidden />}
          onClick={() => open('close')}
        >
          {t('admin.actions.close')}
        </Button>
      )}
      {offers('cancel') && (
        <Button
          variant="outline"
          color="red"
          leftSection={<IconBan size={18} aria-hidden />}
          onClick={() => open('cancel')}
        >
          {t('admin.actions.cancel')}
        </Button>
      )}

      <ConfirmDialog
        opened={dialog === 'publish'}
        onClose={() => setDialog(null)}
        title={t('admin.actions.publishTitle')}
        confirmLabel={t('admin.actions.publish')}
        busy={publishState.fetching}
        problem={problem?.message ?? null}
        canConfirm={publishPlan.kind === 'allowed' && publishBlockers.length === 0}
        onConfirm={async () => {
          const result = await publish({ id: call.id });
          const found = readProblem(result.data?.publishTrainingCall, result.error, messages);
          if (found) setProblem(found);
          else done(t('admin.actions.published'));
        }}
      >
        <Text>
          {t('admin.actions.publishText', {
            opens: at(call.applicationOpensAt),
            closes: at(call.applicationClosesAt),
          })}
        </Text>
        {publishPlan.kind === 'refused' && (
          <Alert color="yellow" variant="light">
            {translateError(publishPlan.code, locale, publishPlan.params)}
          </Alert>
        )}
        {publishBlockers.length > 0 && (
          <Alert color="red" variant="light" title={t('admin.checklist.publishBlocked')}>
            {publishBlockers.map((check) => (
              <Text key={check.key} size="sm">
                {check.message}
              </Text>
            ))}
          </Alert>
        )}
      </ConfirmDialog>

      <ConfirmDialog
        opened={dialog === 'close'}
        onClose={() => setDialog(null)}
        title={t('admin.actions.closeTitle')}
        confirmLabel={t('admin.actions.close')}
        busy={closeState.fetching}
        problem={problem?.message ?? null}
        onConfirm={async () => {
          const result = await close({ id: call.id });
          const found = readProblem(result.data?.closeTrainingCall, result.error, messages);
          if (found) setProblem(found);
          else done(t('admin.actions.closed'));
        }}
      >
        <Text>
          {t('admin.actions.closeText', {
            closes: at(call.applicationClosesAt),
            count: formatNumber(call.applicationCount, locale),
          })}
        </Text>
      </ConfirmDialog>

      <ConfirmDialog
        opened={dialog === 'cancel'}
        onClose={() => setDialog(null)}
        title={t('admin.actions.cancelTitle')}
        confirmLabel={t('admin.actions.cancel')}
        confirmColor="red"
        dismissLabel={t('admin.actions.keep')}
        busy={cancelState.fetching}
        problem={problem && problem.fieldErrors.length === 0 ? problem.message : null}
        onConfirm={async () => {
          setReasonTouched(true);
          if (reasonLength < REASON_MIN) return;
          const result = await cancel({ id: call.id, reason: reason.trim() });
          const found = readProblem(result.data?.cancelTrainingCall, result.error, messages);
          if (found) setProblem(found);
          else done(t('admin.actions.cancelledDone'));
        }}
      >
        <Text>{t('admin.actions.cancelText')}</Text>
        <Textarea
          label={t('admin.actions.reason')}
          description={t('admin.actions.reasonDescription')}
          required
          autosize
          minRows={3}
          maxRows={8}
          maxLength={REASON_MAX}
          value={reason}
          error={reasonError}
          data-autofocus
          onChange={(event) => {
            setReason(event.currentTarget.value);
            if (problem) setProblem(null);
          }}
          onBlur={() => setReasonTouched(true)}
        />
        <CharacterCount value={reason} min={REASON_MIN} max={REASON_MAX} />
      </ConfirmDialog>
    </>
  );
}
