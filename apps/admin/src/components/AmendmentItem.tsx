import { formatInstant, useLocale } from '@kmg/ui';
import { Badge, Button, Group, List, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useMutation } from 'urql';
import { ConfirmDialog } from '#components/ConfirmDialog.tsx';
import { CredentialCard_credential } from '#components/CredentialCard.tsx';
import { useProblemMessages } from '#components/use-problem-messages.ts';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';
import { describeAmendmentChange, parseAmendmentChange } from '#lib/amendments.ts';
import { wrappingBadgeStyles } from '#lib/badge-styles.ts';
import { formatTrainingDay } from '#lib/format.ts';
import { MutationProblem_error, readProblem } from '#lib/mutation-result.ts';

export const AmendmentItem_amendment = graphql(`
  fragment AmendmentItem_amendment on ResultAmendment {
    id
    status
    reason
    change
    createdAt
    decidedAt
    proposedBy { id name }
    decidedBy { id name }
  }
`);

/** Approving applies the change and reissues: the participant's whole result comes back. */
const DecideAmendment = graphql(
  `
  mutation DecideAmendment($id: ID!, $approve: Boolean!) {
    decideAmendment(id: $id, approve: $approve) {
      __typename
      ... on DecideAmendmentSuccess {
        data {
          id
          call { id }
          attendance { dayId present }
          assessments { id unitId decision }
          completion { attendancePercent complete passed reasons { code message } }
          issuanceStatus
          credentials { id ...CredentialCard_credential }
          amendments { id ...AmendmentItem_amendment }
        }
      }
      ...MutationProblem_error
    }
  }
`,
  [CredentialCard_credential, AmendmentItem_amendment, MutationProblem_error],
);

const statusColors: Record<string, string> = { PROPOSED: 'blue', APPROVED: 'green', REJECTED: 'gray' };

/**
 * One proposed correction: who proposed it and when, its reason, what it changes (day by day, unit
 * by unit), its status and who decided it; for those who run the call, while it waits, the buttons
 * that approve or reject it.
 */
export function AmendmentItem({
  amendment: data,
  participantName,
  days,
  units,
  timeZone,
  canDecide,
}: {
  amendment: FragmentOf<typeof AmendmentItem_amendment>;
  /** Named when the list mixes participants. */
  participantName?: string;
  days: readonly { id: string; date: string }[];
  units: readonly { id: string; code: string }[];
  timeZone: string;
  canDecide: boolean;
}) {
  const { t, locale } = useLocale();
  const messages = useProblemMessages();
  const amendment = readFragment(AmendmentItem_amendment, data);
  const [dialog, setDialog] = useState<'approve' | 'reject' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [decideState, decide] = useMutation(DecideAmendment);
  const lines = describeAmendmentChange(parseAmendmentChange(amendment.change), days, units);
  const at = (instant: string) => formatInstant(instant, locale, timeZone);
  const heading = participantName
    ? t('admin.delivery.amendment.itemOf', { name: participantName })
    : t('admin.delivery.amendment.item');

  const run = async (approve: boolean) => {
    const result = await decide({ id: amendment.id, approve });
    const found = readProblem(result.data?.decideAmendment, result.error, messages);
    if (found) {
      setProblem(found.message);
      return;
    }
    setDialog(null);
    notifications.show({
      color: 'green',
      message: approve ? t('admin.delivery.amendment.approved') : t('admin.delivery.amendment.rejected'),
    });
  };

  return (
    <Paper withBorder radius="md" p="sm" component="article" aria-label={heading}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs">
          <div>
            {participantName && <Text fw={600}>{participantName}</Text>}
            <Text size="xs" c="dimmed">
              {amendment.proposedBy
                ? t('admin.delivery.amendment.proposedByOn', {
                    name: amendment.proposedBy.name,
                    date: at(amendment.createdAt),
                  })
                : t('admin.delivery.amendment.proposedOn', { date: at(amendment.createdAt) })}
            </Text>
            {amendment.decidedAt && amendment.status !== 'PROPOSED' && (
              <Text size="xs" c="dimmed">
                {amendment.decidedBy
                  ? t(`admin.delivery.amendment.decidedByOn.${amendment.status}`, {
                      name: amendment.decidedBy.name,
                      date: at(amendment.decidedAt),
                    })
                  : t('admin.delivery.amendment.decidedOn', { date: at(amendment.decidedAt) })}
              </Text>
            )}
          </div>
          <Badge
            color={statusColors[amendment.status] ?? 'gray'}
            variant="light"
            tt="none"
            styles={wrappingBadgeStyles}
          >
            {t(`admin.delivery.amendment.status.${amendment.status}`)}
          </Badge>
        </Group>
        <Text size="sm">
          <Text span fw={600} size="sm">
            {t('admin.delivery.amendment.reasonLabel')}
          </Text>{' '}
          {amendment.reason}
        </Text>
        {lines.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('admin.delivery.amendment.noChange')}
          </Text>
        ) : (
          <List size="sm" spacing={2}>
            {lines.map((line, index) => (
              <List.Item key={index}>
                {line.kind === 'attendance'
                  ? t('admin.delivery.amendment.changeAttendance', {
                      day: line.date ? formatTrainingDay(line.date, locale) : '?',
                      value: line.present
                        ? t('admin.delivery.attendance.present')
                        : t('admin.delivery.attendance.absent'),
                    })
                  : t('admin.delivery.amendment.changeDecision', {
                      code: line.code ?? '?',
                      value: t(`admin.delivery.decision.${line.decision}`),
                    })}
              </List.Item>
            ))}
          </List>
        )}
        {canDecide && amendment.status === 'PROPOSED' && (
          <Group gap="xs" mt={4}>
            <Button
              size="xs"
              leftSection={<IconCheck size={14} aria-hidden />}
              onClick={() => {
                setProblem(null);
                setDialog('approve');
              }}
            >
              {t('admin.delivery.amendment.approve')}
            </Button>
            <Button
              size="xs"
              variant="default"
              leftSection={<IconX size={14} aria-hidden />}
              onClick={() => {
                setProblem(null);
                setDialog('reject');
              }}
            >
              {t('admin.delivery.amendment.reject')}
            </Button>
          </Group>
        )}
      </Stack>

      <ConfirmDialog
        opened={dialog === 'approve'}
        onClose={() => setDialog(null)}
        title={t('admin.delivery.amendment.approveTitle')}
        confirmLabel={t('admin.delivery.amendment.approve')}
        busy={decideState.fetching}
        problem={problem}
        onConfirm={() => run(true)}
      >
        <Text>{t('admin.delivery.amendment.approveText')}</Text>
      </ConfirmDialog>
      <ConfirmDialog
        opened={dialog === 'reject'}
        onClose={() => setDialog(null)}
        title={t('admin.delivery.amendment.rejectTitle')}
        confirmLabel={t('admin.delivery.amendment.reject')}
        busy={decideState.fetching}
        problem={problem}
        onConfirm={() => run(false)}
      >
        <Text>{t('admin.delivery.amendment.rejectText')}</Text>
      </ConfirmDialog>
    </Paper>
  );
}
