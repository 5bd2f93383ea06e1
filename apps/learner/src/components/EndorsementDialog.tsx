import { declineNoteSchema, endorsementNoteSchema } from '@kmg/domain';
import { CharacterCount, ErrorAlert, schemaErrors, toFormErrors, useLocale } from '@kmg/ui';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '#graphql.ts';

/** The bounds the API puts on the note (endorsementNoteSchema, declineNoteSchema). */
const NOTE_MAX_LENGTH = 1000;
const DECLINE_NOTE_MIN_LENGTH = 10;

const EndorseApplication = graphql(`
  mutation EndorseApplication($id: ID!, $note: String) {
    endorseApplication(id: $id, note: $note) {
      __typename
      ... on EndorseApplicationSuccess {
        data {
          id
          status
          endorsedAt
          endorsementNote
        }
      }
      ... on ValidationError {
        fieldErrors {
          path
          message
        }
      }
      ... on Error {
        code
        message
      }
    }
  }
`);

const DeclineEndorsement = graphql(`
  mutation DeclineEndorsement($id: ID!, $note: String!) {
    declineEndorsement(id: $id, note: $note) {
      __typename
      ... on DeclineEndorsementSuccess {
        data {
          id
          status
          endorsedAt
          endorsementNote
          closedAt
        }
      }
      ... on ValidationError {
        fieldErrors {
          path
          message
        }
      }
      ... on Error {
        code
        message
      }
    }
  }
`);

export type EndorsementDecision = 'endorse' | 'decline';

/**
 * The principal confirms an endorsement (with an optional note) or a refusal (with the reason the
 * teacher will read, at least ten characters). Checked here with the API's own rules and words.
 */
export function EndorsementDialog({
  decision,
  application,
  onClose,
  onDecided,
  onStale,
}: {
  decision: EndorsementDecision | null;
  application: { id: string; teacherName: string; callTitle: string };
  onClose: () => void;
  /** Saved: the application leaves the pending list. */
  onDecided: () => void;
  /** The API knows better (decided on another device, deadline passed): load the list again. */
  onStale: () => void;
}) {
  const { t, locale } = useLocale();
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [wasSubmitted, setWasSubmitted] = useState(false);
  // Once decided, the card and its buttons leave the list: the page moves the focus, not the dialog.
  const [isDecided, setDecided] = useState(false);
  const [endorseState, endorse] = useMutation(EndorseApplication);
  const [declineState, decline] = useMutation(DeclineEndorsement);
  const isDecline = decision === 'decline';
  const isBusy = endorseState.fetching || declineState.fetching;
  const names = { name: application.teacherName, call: application.callTitle };

  const check = (value: string) =>
    schemaErrors(isDecline ? declineNoteSchema : endorsementNoteSchema, value, locale, ['note']).note ?? null;

  function close() {
    setNote('');
    setNoteError(null);
    setProblem(null);
    setWasSubmitted(false);
    onClose();
  }

  async function submit() {
    setWasSubmitted(true);
    setProblem(null);
    const invalid = check(note);
    setNoteError(invalid);
    if (invalid) return;
    const text = note.trim();
    const result = isDecline
      ? await decline({ id: application.id, note: text }).then((r) => ({
          outcome: r.data?.declineEndorsement,
          error: r.error,
        }))
      : await endorse({ id: application.id, note: text || null }).then((r) => ({
          outcome: r.data?.endorseApplication,
          error: r.error,
        }));
    const { outcome } = result;
    if (!outcome) {
      setProblem(result.error?.networkError ? t('common.networkError') : t('learner.errors.unexpected'));
      return;
    }
    switch (outcome.__typename) {
      case 'EndorseApplicationSuccess':
      case 'DeclineEndorsementSuccess':
        notifications.show({
          color: isDecline ? 'gray' : 'green',
          message: t(isDecline ? 'learner.school.declinedNotice' : 'learner.school.endorsedNotice', names),
        });
        setDecided(true);
        close();
        onDecided();
        return;
      case 'ValidationError': {
        const errors = toFormErrors(outcome.fieldErrors);
        setNoteError(errors.note ?? null);
        if (!errors.note) setProblem(outcome.message);
        return;
      }
      case 'InvalidStateError':
        // ENDORSEMENT_DONE (decided meanwhile, perhaps on another device) or ENDORSEMENT_CLOSED (the
        // deadline passed): nothing left to decide here. Say why, and show the list as it is now.
        notifications.show({ color: 'red', title: t('learner.school.notSaved'), message: outcome.message });
        setDecided(true);
        close();
        onStale();
        return;
      default:
        // NotAllowedError (NOT_YOUR_SCHOOL), NotFoundError, BaseError: the API's words.
        setProblem(outcome.message);
    }
  }

  return (
    <Modal
      opened={decision !== null}
      onClose={close}
      returnFocus={!isDecided}
      centered
      title={t(isDecline ? 'learner.school.declineTitle' : 'learner.school.endorseTitle', names)}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="md">
          <Text>{t(isDecline ? 'learner.school.declineBody' : 'learner.school.endorseBody', names)}</Text>
          {problem && <ErrorAlert title={t('learner.school.notSaved')}>{problem}</ErrorAlert>}
          <div>
            <Textarea
              label={t('learner.school.note')}
              description={
                isDecline
                  ? t('learner.school.noteRequired', { min: DECLINE_NOTE_MIN_LENGTH })
                  : t('learner.school.noteOptional')
              }
              withAsterisk={isDecline}
              autosize
              minRows={3}
              maxRows={10}
              value={note}
              error={noteError}
              data-autofocus
              onChange={(event) => {
                const value = event.currentTarget.value;
                setNote(value);
                if (wasSubmitted) setNoteError(check(value));
              }}
            />
            <CharacterCount
              value={note}
              min={isDecline ? DECLINE_NOTE_MIN_LENGTH : undefined}
              max={NOTE_MAX_LENGTH}
            />
          </div>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} disabled={isBusy}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color={isDecline ? 'red' : undefined} loading={isBusy}>
              {t(isDecline ? 'learner.school.decline' : 'learner.school.endorse')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
