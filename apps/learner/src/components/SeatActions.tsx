import { ErrorAlert, useLocale } from '@kmg/ui';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useClient, useMutation } from 'urql';
import { graphql } from '#graphql.ts';

const SeatOutcome = graphql(`
  fragment SeatOutcome on Application {
    id
    status
    confirmBy
    confirmedAt
    closedAt
    waitlistPosition
    outcomeExplanation
    call {
      id
      seatsTaken
      waitlistCount
    }
  }
`);

const ConfirmSeat = graphql(
  `
    mutation ConfirmSeat($id: ID!) {
      confirmSeat(id: $id) {
        __typename
        ... on ConfirmSeatSuccess {
          data {
            ...SeatOutcome
          }
        }
        ... on Error {
          message
        }
      }
    }
  `,
  [SeatOutcome],
);

const DeclineSeat = graphql(
  `
    mutation DeclineSeat($id: ID!) {
      declineSeat(id: $id) {
        __typename
        ... on DeclineSeatSuccess {
          data {
            ...SeatOutcome
          }
        }
        ... on Error {
          message
        }
      }
    }
  `,
  [SeatOutcome],
);

/** The application as it stands now, when the API says it moved on (the deadline passed, say). */
const SeatRefresh = graphql(
  `
    query SeatRefresh($id: ID!) {
      application(id: $id) {
        ...SeatOutcome
      }
    }
  `,
  [SeatOutcome],
);

/** A selected teacher takes the seat, or turns it down so it goes to the waitlist. */
export function SeatActions({ applicationId, callTitle }: { applicationId: string; callTitle: string }) {
  const { t } = useLocale();
  const client = useClient();
  const [isDeclineOpen, declineDialog] = useDisclosure(false);
  const [confirmState, confirm] = useMutation(ConfirmSeat);
  const [declineState, decline] = useMutation(DeclineSeat);
  const [problem, setProblem] = useState<string | null>(null);
  const [declineProblem, setDeclineProblem] = useState<string | null>(null);

  const failure = (error: { networkError?: Error } | undefined) =>
    error?.networkError ? t('common.networkError') : t('learner.errors.unexpected');

  const refresh = () =>
    void client.query(SeatRefresh, { id: applicationId }, { requestPolicy: 'network-only' }).toPromise();

  async function take() {
    setProblem(null);
    const result = await confirm({ id: applicationId });
    const outcome = result.data?.confirmSeat;
    if (!outcome) return setProblem(failure(result.error));
    if (outcome.__typename === 'ConfirmSeatSuccess') {
      notifications.show({
        color: 'green',
        message: t('learner.seat.confirmedNotice', { title: callTitle }),
      });
      return;
    }
    // The deadline passed meanwhile, or the seat was already decided: the API says which, and the
    // application shows where it stands now.
    setProblem(outcome.message);
    if (outcome.__typename === 'InvalidStateError') refresh();
  }

  async function turnDown() {
    setDeclineProblem(null);
    const result = await decline({ id: applicationId });
    const outcome = result.data?.declineSeat;
    if (!outcome) return setDeclineProblem(failure(result.error));
    if (outcome.__typename === 'DeclineSeatSuccess') {
      declineDialog.close();
      notifications.show({ color: 'gray', message: t('learner.seat.declinedNotice', { title: callTitle }) });
      return;
    }
    setDeclineProblem(outcome.message);
    if (outcome.__typename === 'InvalidStateError') refresh();
  }

  return (
    <Stack gap="sm">
      {problem && <ErrorAlert>{problem}</ErrorAlert>}
      <Group gap="sm" grow preventGrowOverflow={false}>
        <Button size="md" onClick={take} loading={confirmState.fetching} disabled={declineState.fetching}>
          {t('learner.seat.confirm')}
        </Button>
        <Button
          size="md"
          variant="default"
          c="red.9"
          onClick={declineDialog.open}
          disabled={confirmState.fetching}
        >
          {t('learner.seat.decline')}
        </Button>
      </Group>
      <Modal
        opened={isDeclineOpen}
        onClose={() => {
          setDeclineProblem(null);
          declineDialog.close();
        }}
        centered
        title={t('learner.seat.declineTitle')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }}
      >
        <Stack gap="md">
          <Text>{t('learner.seat.declineBody', { title: callTitle })}</Text>
          {declineProblem && <ErrorAlert>{declineProblem}</ErrorAlert>}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={declineDialog.close} disabled={declineState.fetching}>
              {t('common.cancel')}
            </Button>
            <Button color="red.9" onClick={turnDown} loading={declineState.fetching}>
              {t('learner.seat.decline')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
