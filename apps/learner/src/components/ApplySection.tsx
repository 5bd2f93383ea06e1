import { formatInstant, useLocale } from '@kmg/ui';
import { Alert, Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconCalendarTime, IconCircleCheck, IconInfoCircle, IconUsers } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { ApplicationProgress, ApplicationProgress_application } from '#components/ApplicationProgress.tsx';
import { ApplyForm } from '#components/ApplyForm.tsx';
import { ClampedText } from '#components/ClampedText.tsx';
import { EligibilityReasons } from '#components/EligibilityReasons.tsx';
import { LockedNotice } from '#components/LockedNotice.tsx';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';
import { decideApplyState } from '#lib/apply-state.ts';
import { withNext } from '#lib/next-path.ts';
import type { Viewer } from '#lib/viewer.tsx';

export const ApplySection_call = graphql(
  `
    fragment ApplySection_call on TrainingCall {
      id
      title
      status
      isAcceptingApplications
      applicationOpensAt
      applicationClosesAt
      timeZone
      cancellationReason
      requiresEndorsement
      endorsementDeadline
      selectionMode
      seats
      seatsTaken
      viewerEligibility {
        eligible
        reasons {
          rule
          message
        }
      }
      viewerApplication {
        id
        status
        motivation
        withdrawnAt
        ...ApplicationProgress_application
      }
    }
  `,
  [ApplicationProgress_application],
);

/** Rules judged on what the teacher keeps in their own profile (subject, employment, dates). */
const profileRules = new Set(['subject', 'employmentStatus', 'teachingYears', 'age']);

/** Everything about applying to one call, for whoever is looking. */
export function ApplySection({
  call: data,
  viewer,
  onStale,
}: {
  call: FragmentOf<typeof ApplySection_call>;
  viewer: Viewer | null;
  /** The API knows better than the page (applied elsewhere): load the call again. */
  onStale: () => void;
}) {
  const call = readFragment(ApplySection_call, data);
  const { t, locale } = useLocale();
  const location = useLocation();
  const [now] = useState(() => new Date());
  const state = decideApplyState(call, viewer, now);
  const application = call.viewerApplication;

  // When the form turns into the sent application, say so to screen readers and keyboards too.
  const heading = useRef<HTMLHeadingElement>(null);
  const previous = useRef(state.kind);
  useEffect(() => {
    if (previous.current !== state.kind && state.kind === 'applied') heading.current?.focus();
    previous.current = state.kind;
  }, [state.kind]);

  const here = `${location.pathname}${location.search}`;
  const inCallZone = (instant: string) => formatInstant(instant, locale, call.timeZone);
  const closesAt = inCallZone(call.applicationClosesAt);
  const seatsLeft = Math.max(0, call.seats - call.seatsTaken);
  const reasons = call.viewerEligibility?.reasons ?? [];

  return (
    <Card
      component="section"
      id="daftar"
      tabIndex={-1}
      withBorder
      radius="md"
      padding="lg"
      aria-labelledby="apply-heading"
    >
      <Stack gap="md">
        <Title order={2} fz="xl" id="apply-heading" ref={heading} tabIndex={-1}>
          {state.kind === 'applied' ? t('learner.apply.appliedTitle') : t('learner.apply.title')}
        </Title>

        {state.kind === 'applied' && application && (
          <>
            <ApplicationProgress application={application} />
            <div>
              <Text fw={600} size="sm" mb={4}>
                {t('learner.apply.yourMotivation')}
              </Text>
              <ClampedText lines={4}>{application.motivation}</ClampedText>
            </div>
            <Button component={Link} to="/pendaftaran" variant="light" size="md">
              {t('learner.apply.seeMine')}
            </Button>
          </>
        )}

        {state.kind === 'form' && (
          <>
            {call.viewerEligibility?.eligible && (
              <Group gap={8} wrap="nowrap" align="flex-start">
                <IconCircleCheck
                  size={20}
                  aria-hidden
                  color="var(--mantine-color-green-light-color)"
                  style={{ flexShrink: 0 }}
                />
                <Text size="sm" fw={600} c="var(--mantine-color-green-light-color)">
                  {t('learner.apply.eligible')}
                </Text>
              </Group>
            )}
            <Text size="sm" c="gray.8">
              {t('learner.apply.deadlineNote', { when: closesAt })}
            </Text>
            {call.requiresEndorsement && (
              <Alert color="blue" variant="light" icon={<IconInfoCircle size={20} aria-hidden />}>
                {t('learner.apply.needsEndorsement', { deadline: inCallZone(call.endorsementDeadline) })}
              </Alert>
            )}
            {call.selectionMode === 'FIRST_COME' && !call.requiresEndorsement && (
              <Alert color="blue" variant="light" icon={<IconUsers size={20} aria-hidden />}>
                {seatsLeft > 0
                  ? t('learner.apply.firstCome', { count: seatsLeft })
                  : t('learner.apply.firstComeFull')}
              </Alert>
            )}
            {state.isReapplying && (
              <Alert color="blue" variant="light" icon={<IconInfoCircle size={20} aria-hidden />}>
                {t('learner.apply.reapply')}
              </Alert>
            )}
            <ApplyForm callId={call.id} callTitle={call.title} onAlreadyApplied={onStale} />
          </>
        )}

        {state.kind === 'signIn' && (
          <>
            <Text>{t('learner.apply.signInFirst', { when: closesAt })}</Text>
            <Stack gap="sm">
              <Button component={Link} to={withNext('/masuk', `${here}#daftar`)} size="md">
                {t('common.signIn')}
              </Button>
              <Button component={Link} to={withNext('/daftar', `${here}#daftar`)} variant="light" size="md">
                {t('learner.apply.register')}
              </Button>
            </Stack>
          </>
        )}

        {state.kind === 'notTeacher' && viewer && (
          <LockedNotice>
            {t('learner.apply.notTeacher', {
              roles: viewer.roles.map((role) => t(`status.role.${role}`)).join(', '),
            })}
          </LockedNotice>
        )}

        {state.kind === 'notEligible' && (
          <LockedNotice title={t('learner.apply.notEligible')}>
            <Stack gap="xs">
              <EligibilityReasons reasons={reasons} />
              {reasons.some((reason) => profileRules.has(reason.rule)) && (
                <Text size="sm" c="gray.8">
                  {t('learner.apply.profileHint')}{' '}
                  <Anchor component={Link} to="/profil/ubah" inherit fw={600}>
                    {t('learner.apply.profileLink')}
                  </Anchor>
                </Text>
              )}
            </Stack>
          </LockedNotice>
        )}

        {state.kind === 'notYetOpen' && (
          <Alert color="blue" variant="light" icon={<IconCalendarTime size={20} aria-hidden />}>
            {t('learner.apply.notYetOpen', { opens: inCallZone(call.applicationOpensAt), closes: closesAt })}
          </Alert>
        )}

        {state.kind === 'closed' && (
          <LockedNotice>
            {t('learner.apply.closed', { when: closesAt })}
            {application?.status === 'WITHDRAWN' && application.withdrawnAt && (
              <>
                {' '}
                {t('learner.progress.withdrawn', { when: formatInstant(application.withdrawnAt, locale) })}
              </>
            )}
          </LockedNotice>
        )}

        {state.kind === 'cancelled' && (
          <Alert color="red" variant="light" icon={<IconInfoCircle size={20} aria-hidden />}>
            {t('learner.apply.cancelled')}
            {call.cancellationReason && (
              <Text size="sm" mt={4}>
                {t('learner.apply.cancelReason', { reason: call.cancellationReason })}
              </Text>
            )}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
