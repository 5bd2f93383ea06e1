import { ApplicationStatusBadge, formatDateRange, formatInstant, useLocale } from '@kmg/ui';
import { Anchor, Button, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconClockHour4 } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApplicantRecord } from '#components/ApplicantRecord.tsx';
import { CardSkeleton } from '#components/CardSkeleton.tsx';
import { ClampedText } from '#components/ClampedText.tsx';
import { DeadlineCountdown } from '#components/DeadlineCountdown.tsx';
import { type EndorsementDecision, EndorsementDialog } from '#components/EndorsementDialog.tsx';
import { LockedNotice } from '#components/LockedNotice.tsx';
import { UndoEndorsementButton } from '#components/UndoEndorsementButton.tsx';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';
import { schoolCardId } from '#lib/notification-target.ts';

export const EndorsementCard_application = graphql(`
  fragment EndorsementCard_application on Application {
    id
    status
    submittedAt
    motivation
    endorsedAt
    endorsementNote
    teacher {
      id
      name
      teacherProfile {
        subject
      }
    }
    call {
      id
      title
      startDate
      endDate
      timeZone
      requiresEndorsement
      endorsementDeadline
      provider {
        id
        name
      }
    }
  }
`);

/** Decisions the principal may take back, until the deadline, while nothing has followed from them. */
const undoableStatuses: readonly string[] = ['ENDORSED', 'NOT_ENDORSED'];

/**
 * One application from the principal's school: who applied, for what, and why, with the teacher's
 * record on demand. While it awaits endorsement, the deadline and the two decisions; afterwards,
 * where it stands, and the undoing of the decision until the deadline.
 */
export function EndorsementCard({
  application: data,
  now,
  onDecided,
  onStale,
}: {
  application: FragmentOf<typeof EndorsementCard_application>;
  now: Date;
  onDecided: () => void;
  onStale: () => void;
}) {
  const application = readFragment(EndorsementCard_application, data);
  const { t, locale } = useLocale();
  const [decision, setDecision] = useState<EndorsementDecision | null>(null);
  const { call, teacher } = application;
  const headingId = `${schoolCardId(application.id)}-heading`;
  const isPending = application.status === 'SUBMITTED';
  const deadline = formatInstant(call.endorsementDeadline, locale, call.timeZone);
  const isPastDeadline = now >= new Date(call.endorsementDeadline);
  const isUndoable = !!application.endorsedAt && undoableStatuses.includes(application.status);

  return (
    <Card
      component="article"
      id={schoolCardId(application.id)}
      tabIndex={-1}
      aria-labelledby={headingId}
      withBorder
      radius="md"
      padding="md"
      style={{ scrollMarginTop: 80 }}
    >
      <Stack gap="sm">
        <div>
          <Title order={3} fz="lg" lh={1.3} id={headingId}>
            {teacher.name}
          </Title>
          {teacher.teacherProfile && (
            <Text size="sm" c="gray.7">
              {t('learner.school.subject')}: {teacher.teacherProfile.subject}
            </Text>
          )}
        </div>

        <div>
          <Anchor
            component={Link}
            to={`/pelatihan/${encodeURIComponent(call.id)}`}
            fw={600}
            c="kmg.8"
            lh={1.35}
            display="block"
          >
            {call.title}
          </Anchor>
          <Text size="sm" c="gray.8" mt={2}>
            {formatDateRange(call.startDate, call.endDate, locale)} · {call.provider.name}
          </Text>
          <Text size="sm" c="gray.7" mt={2}>
            {t('learner.school.submittedAt', { when: formatInstant(application.submittedAt, locale) })}
          </Text>
        </div>

        {isPending && !isPastDeadline && (
          <Group gap={8} wrap="nowrap" align="flex-start">
            <IconClockHour4 size={18} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
            <Group gap="4px 8px" align="center">
              <Text size="sm">
                {t('learner.school.deadline')}:{' '}
                <Text span fw={700} size="sm">
                  {deadline}
                </Text>
              </Text>
              <DeadlineCountdown closesAt={call.endorsementDeadline} now={now} />
            </Group>
          </Group>
        )}

        {!isPending && (
          <Stack gap={4}>
            <Group gap="xs">
              <ApplicationStatusBadge
                status={application.status}
                label={application.status === 'ACCEPTED' ? t('learner.school.acceptedLabel') : undefined}
                tt="none"
                size="lg"
                radius="md"
                styles={{
                  root: {
                    height: 'auto',
                    minHeight: 'var(--badge-height)',
                    maxWidth: '100%',
                    paddingBlock: 4,
                  },
                  label: { whiteSpace: 'normal', overflow: 'visible', lineHeight: 1.3, textAlign: 'left' },
                }}
              />
              {application.endorsedAt && (
                <Text size="sm" c="gray.7">
                  {t('learner.school.decidedAt', { when: formatInstant(application.endorsedAt, locale) })}
                </Text>
              )}
            </Group>
            {application.endorsementNote && (
              <Text size="sm" fs="italic">
                {t('learner.school.yourNote', { note: application.endorsementNote })}
              </Text>
            )}
          </Stack>
        )}

        {call.requiresEndorsement && (
          <ApplicantRecord applicationId={application.id} teacherName={teacher.name} />
        )}

        <div>
          <Text fw={600} size="sm" mb={4}>
            {t('learner.school.motivation')}
          </Text>
          <ClampedText lines={3}>{application.motivation}</ClampedText>
        </div>

        {isUndoable &&
          (isPastDeadline ? (
            <Text size="sm" c="gray.7">
              {t('learner.school.undoClosed', { when: deadline })}
            </Text>
          ) : (
            <Stack gap={6} align="flex-start">
              <UndoEndorsementButton
                application={{
                  id: application.id,
                  teacherName: teacher.name,
                  callTitle: call.title,
                  deadline,
                }}
                onUndone={onDecided}
                onStale={onStale}
              />
              <Text size="sm" c="gray.7">
                {t('learner.school.undoUntil', { when: deadline })}
              </Text>
            </Stack>
          ))}

        {isPending && isPastDeadline && (
          <LockedNotice>{t('learner.school.deadlinePassed', { when: deadline })}</LockedNotice>
        )}

        {isPending && !isPastDeadline && (
          <>
            <Group gap="sm" grow preventGrowOverflow={false}>
              {/* Every card has the same two buttons: their names say whose application they decide. */}
              <Button
                size="md"
                aria-label={t('learner.school.endorseTeacher', { name: teacher.name })}
                onClick={() => setDecision('endorse')}
              >
                {t('learner.school.endorse')}
              </Button>
              <Button
                size="md"
                variant="default"
                c="red.9"
                aria-label={t('learner.school.declineTeacher', { name: teacher.name })}
                onClick={() => setDecision('decline')}
              >
                {t('learner.school.decline')}
              </Button>
            </Group>
            <EndorsementDialog
              decision={decision}
              application={{ id: application.id, teacherName: teacher.name, callTitle: call.title }}
              onClose={() => setDecision(null)}
              onDecided={onDecided}
              onStale={onStale}
            />
          </>
        )}
      </Stack>
    </Card>
  );
}

export function EndorsementCardSkeleton() {
  return (
    <CardSkeleton>
      <Skeleton height={22} width="55%" />
      <Skeleton height={14} width="40%" />
      <Skeleton height={16} width="85%" />
      <Skeleton height={14} width="60%" />
      <Skeleton height={48} />
      <Group grow>
        <Skeleton height={42} />
        <Skeleton height={42} />
      </Group>
    </CardSkeleton>
  );
}
