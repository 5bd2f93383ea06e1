import { formatInstant, useLocale } from '@kmg/ui';
import { Text, Timeline } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';

export const RplCaseHistory_case = graphql(`
  fragment RplCaseHistory_case on RplApplication {
    history { at action actorName roleLabel fromStatusLabel toStatusLabel reason assignedName assignedRoleLabel }
  }
`);

/** Audit actions the timeline names in words; any other reads as its move (from → to). */
const namedActions = new Set([
  'RPL_APPLICATION_STARTED',
  'RPL_APPLICATION_SUBMIT',
  'RPL_APPLICATION_REQUEST_EVIDENCE',
  'RPL_APPLICATION_WITHDRAW',
  'RPL_CASE_RETURN_TO_TEACHER',
  'RPL_CASE_ACCEPT_AS_COMPLETE',
  'RPL_CASE_ASSESSOR_ASSIGNED',
  'RPL_CASE_ASSESSMENT_SUBMITTED',
  'RPL_CASE_COMPLETE_ASSESSMENT',
  'RPL_CASE_DECIDE',
  'RPL_CASE_VALIDATE',
  'RPL_CASE_RETURN_TO_COMMITTEE',
  'RPL_CASE_ISSUE_DECREE',
  'RPL_CASE_APPEAL',
  'RPL_CASE_DECIDE_APPEAL',
  'RPL_CASE_PRECEDENT_PROPOSED',
]);

/**
 * The case's history as it was recorded (append-only), oldest first: when, who in which role, the
 * move from one status to the next, and the reason given.
 */
export function RplCaseHistory({
  application: data,
}: {
  application: FragmentOf<typeof RplCaseHistory_case>;
}) {
  const { t, locale } = useLocale();
  const { history } = readFragment(RplCaseHistory_case, data);
  if (history.length === 0) return <Text c="dimmed">{t('admin.rplCase.history.empty')}</Text>;
  return (
    <Timeline bulletSize={14} lineWidth={2} active={history.length - 1} className="rpl-case-history">
      {history.map((event, index) => {
        // An assignment records the seat filled, not the role of the person who filled it.
        const isAssignment = event.action === 'RPL_CASE_ASSESSOR_ASSIGNED';
        // The platform's own moves have no person: "Sistem", not "Sistem · sistem".
        const who = [
          event.actorName ?? t('admin.rplCase.history.system'),
          isAssignment || !event.actorName ? null : event.roleLabel,
        ]
          .filter(Boolean)
          .join(' · ');
        const named = namedActions.has(event.action)
          ? t(`admin.rplCase.history.action.${event.action}`, {
              role: (isAssignment ? event.assignedRoleLabel : event.roleLabel) ?? '',
            })
          : (event.toStatusLabel ?? event.action);
        // An assignment names who was seated.
        const title = isAssignment && event.assignedName ? `${named}: ${event.assignedName}` : named;
        return (
          <Timeline.Item
            key={`${event.at}-${index}`}
            title={
              <Text size="sm" fw={600}>
                {title}
              </Text>
            }
          >
            <Text size="xs" c="dimmed">
              <time dateTime={event.at}>{formatInstant(event.at, locale)}</time> · {who}
            </Text>
            {event.fromStatusLabel &&
              event.toStatusLabel &&
              event.fromStatusLabel !== event.toStatusLabel && (
                <Text size="xs" mt={2}>
                  {event.fromStatusLabel}{' '}
                  <IconArrowRight
                    size={12}
                    aria-label={t('admin.rplCase.history.to')}
                    style={{ verticalAlign: -1 }}
                  />{' '}
                  {event.toStatusLabel}
                </Text>
              )}
            {event.reason && (
              <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                {event.reason}
              </Text>
            )}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
