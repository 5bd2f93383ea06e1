import { canTransition } from '@kmg/domain';
import { ApplicationStatusBadge, formatInstant, useLocale } from '@kmg/ui';
import { Alert, type AlertProps, Group, Stack, Text } from '@mantine/core';
import {
  IconAlertCircle,
  IconCircleCheck,
  IconClockHour4,
  IconConfetti,
  IconInfoCircle,
  IconListNumbers,
} from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { SeatActions } from '#components/SeatActions.tsx';
import { WithdrawButton } from '#components/WithdrawButton.tsx';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';
import { hasTrainingStarted } from '#lib/training-start.ts';

export const ApplicationProgress_application = graphql(`
  fragment ApplicationProgress_application on Application {
    id
    status
    submittedAt
    withdrawnAt
    endorsementNote
    confirmBy
    waitlistPosition
    outcomeExplanation
    call {
      id
      title
      status
      startDate
      timeZone
      requiresEndorsement
      endorsementDeadline
      cancellationReason
    }
  }
`);

/**
 * Where one application stands, in words a teacher can act on (who decides next, by when), with the
 * actions its status allows: confirm or decline a seat, or withdraw.
 */
export function ApplicationProgress({
  application: data,
}: {
  application: FragmentOf<typeof ApplicationProgress_application>;
}) {
  const application = readFragment(ApplicationProgress_application, data);
  const { t, locale } = useLocale();
  const { call, status } = application;
  const [now] = useState(() => new Date());
  // The API refuses a withdrawal once the training has begun: no button to be refused by.
  const hasStarted = hasTrainingStarted(call, now);
  const inCallZone = (instant: string) => formatInstant(instant, locale, call.timeZone);

  const explanation = ((): { color: AlertProps['color']; icon: ReactNode; title?: string; text: string } => {
    switch (status) {
      case 'SUBMITTED':
        return call.requiresEndorsement
          ? {
              color: 'blue',
              icon: <IconClockHour4 size={20} aria-hidden />,
              text: t('learner.progress.awaitingEndorsement', {
                deadline: inCallZone(call.endorsementDeadline),
              }),
            }
          : {
              color: 'blue',
              icon: <IconCircleCheck size={20} aria-hidden />,
              text: t('learner.progress.submitted'),
            };
      case 'ENDORSED':
        // Without an endorsement step the application moves straight into the selection.
        return {
          color: 'blue',
          icon: <IconCircleCheck size={20} aria-hidden />,
          text: call.requiresEndorsement ? t('learner.progress.endorsed') : t('learner.progress.inSelection'),
        };
      case 'ACCEPTED':
        return {
          color: 'green',
          icon: <IconConfetti size={20} aria-hidden />,
          title: t('learner.progress.acceptedTitle'),
          text: application.confirmBy
            ? t('learner.progress.accepted', { deadline: inCallZone(application.confirmBy) })
            : t('learner.progress.acceptedNoDeadline'),
        };
      case 'CONFIRMED':
        return {
          color: 'green',
          icon: <IconCircleCheck size={20} aria-hidden />,
          text:
            call.status === 'COMPLETED'
              ? t('learner.progress.completed')
              : hasStarted
                ? t('learner.progress.inTraining')
                : t('learner.progress.confirmed'),
        };
      case 'WAITLISTED':
        return {
          color: 'yellow',
          icon: <IconListNumbers size={20} aria-hidden />,
          text:
            application.waitlistPosition != null
              ? t('learner.progress.waitlisted', { position: application.waitlistPosition })
              : t('learner.progress.waitlistedNoPosition'),
        };
      case 'WITHDRAWN':
        return {
          color: 'gray',
          icon: <IconInfoCircle size={20} aria-hidden />,
          text: t('learner.progress.withdrawn', {
            when: formatInstant(application.withdrawnAt ?? application.submittedAt, locale),
          }),
        };
      case 'CANCELLED':
        return {
          color: 'red',
          icon: <IconAlertCircle size={20} aria-hidden />,
          text: t('learner.progress.cancelled'),
        };
      default:
        // NOT_ENDORSED, ENDORSEMENT_EXPIRED, REJECTED, DECLINED, LAPSED: the application is closed.
        return {
          color: 'gray',
          icon: <IconInfoCircle size={20} aria-hidden />,
          text: t(`learner.progress.closed.${status}`),
        };
    }
  })();

  // Why a selection outcome happened (all seats taken, a score below the minimum...), worded by the API.
  const reason = application.outcomeExplanation;

  const canWithdraw = status !== 'ACCEPTED' && !hasStarted && canTransition(status, 'withdraw');

  return (
    <Stack gap="sm">
      <Group gap="xs" align="center">
        <ApplicationStatusBadge
          status={status}
          tt="none"
          size="lg"
          radius="md"
          styles={{
            root: { height: 'auto', minHeight: 'var(--badge-height)', maxWidth: '100%', paddingBlock: 4 },
            label: { whiteSpace: 'normal', overflow: 'visible', lineHeight: 1.3, textAlign: 'left' },
          }}
        />
        <Text size="sm" c="gray.7">
          {t('learner.apply.submittedAt', { when: formatInstant(application.submittedAt, locale) })}
        </Text>
      </Group>
      <Alert color={explanation.color} variant="light" icon={explanation.icon} title={explanation.title}>
        <Stack gap={6}>
          <Text size="sm">{explanation.text}</Text>
          {application.endorsementNote && (
            <Text size="sm" fs="italic">
              {t('learner.progress.principalNote', { note: application.endorsementNote })}
            </Text>
          )}
          {reason && <Text size="sm">{t('learner.progress.reason', { reason })}</Text>}
          {status === 'CANCELLED' && call.cancellationReason && (
            <Text size="sm">{t('learner.apply.cancelReason', { reason: call.cancellationReason })}</Text>
          )}
          {status === 'CONFIRMED' && hasStarted && call.status !== 'COMPLETED' && (
            <Text size="sm">{t('learner.progress.noWithdrawal')}</Text>
          )}
        </Stack>
      </Alert>
      {status === 'ACCEPTED' && <SeatActions applicationId={application.id} callTitle={call.title} />}
      {canWithdraw && (
        <Group gap="sm">
          <WithdrawButton applicationId={application.id} callTitle={call.title} size="sm" h={40} />
        </Group>
      )}
    </Stack>
  );
}
