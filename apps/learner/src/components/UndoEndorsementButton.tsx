import { ErrorAlert, useLocale } from '@kmg/ui';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '#graphql.ts';

const UndoEndorsementDecision = graphql(`
  mutation UndoEndorsementDecision($id: ID!) {
    undoEndorsementDecision(id: $id) {
      __typename
      ... on UndoEndorsementDecisionSuccess {
        data {
          id
          status
          endorsedAt
          endorsementNote
          closedAt
        }
      }
      ... on Error {
        code
        message
      }
    }
  }
`);

/**
 * Takes back an endorsement decision (either way) after the principal confirms: the application
 * awaits a decision again; the API refuses once the deadline has passed or selection acted on it.
 */
export function UndoEndorsementButton({
  application,
  onUndone,
  onStale,
}: {
  application: { id: string; teacherName: string; callTitle: string; deadline: string };
  /** Saved: the application leaves the decided list. */
  onUndone: () => void;
  /** The API knows better (deadline passed, selection ran): load the list again. */
  onStale: () => void;
}) {
  const { t } = useLocale();
  const [isOpen, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [isDone, setDone] = useState(false);
  const [state, undo] = useMutation(UndoEndorsementDecision);
  const names = {
    name: application.teacherName,
    call: application.callTitle,
    deadline: application.deadline,
  };

  function close() {
    setProblem(null);
    setOpen(false);
  }

  async function submit() {
    setProblem(null);
    const result = await undo({ id: application.id });
    const outcome = result.data?.undoEndorsementDecision;
    if (!outcome) {
      setProblem(result.error?.networkError ? t('common.networkError') : t('learner.errors.unexpected'));
      return;
    }
    switch (outcome.__typename) {
      case 'UndoEndorsementDecisionSuccess':
        notifications.show({ color: 'blue', message: t('learner.school.undoneNotice', names) });
        setDone(true);
        close();
        onUndone();
        return;
      case 'InvalidStateError':
        // The deadline passed or selection acted on the decision meanwhile: say why, show the list as it is.
        notifications.show({
          color: 'red',
          title: t('learner.school.undoNotSaved'),
          message: outcome.message,
        });
        setDone(true);
        close();
        onStale();
        return;
      default:
        setProblem(outcome.message);
    }
  }

  return (
    <>
      <Button
        variant="default"
        size="md"
        leftSection={<IconArrowBackUp size={18} aria-hidden />}
        aria-label={t('learner.school.undoTeacher', names)}
        onClick={() => setOpen(true)}
      >
        {t('learner.school.undo')}
      </Button>
      <Modal
        opened={isOpen}
        onClose={close}
        returnFocus={!isDone}
        centered
        title={t('learner.school.undoTitle', names)}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }}
      >
        <Stack gap="md">
          <Text>{t('learner.school.undoBody', names)}</Text>
          {problem && <ErrorAlert title={t('learner.school.undoNotSaved')}>{problem}</ErrorAlert>}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} disabled={state.fetching}>
              {t('common.cancel')}
            </Button>
            <Button loading={state.fetching} onClick={() => void submit()} data-autofocus>
              {t('learner.school.undoConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
