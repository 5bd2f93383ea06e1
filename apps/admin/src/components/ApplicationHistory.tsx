import { describeOutcomeReason } from '@kmg/domain';
import { useLocale } from '@kmg/ui';
import { Text, Timeline, VisuallyHidden } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';
import { formatCompactInstant } from '#lib/format.ts';
import { historyActionKey } from '#lib/history.ts';

export const ApplicationHistory_application = graphql(`
  fragment ApplicationHistory_application on Application {
    id
    history {
      id
      occurredAt
      action
      fromStatus
      toStatus
      reason
      actor { id name }
    }
    call { id timeZone }
  }
`);

/**
 * Every decision on the application, oldest first: when (on the venue's clock), who (or "Sistem"
 * when a deadline passed), what, the status it moved from and to, and why.
 */
export function ApplicationHistory({
  application: data,
}: {
  application: FragmentOf<typeof ApplicationHistory_application>;
}) {
  const { t, locale } = useLocale();
  const application = readFragment(ApplicationHistory_application, data);
  const status = (code: string) => t(`admin.applicationStatus.${code}`, { defaultValue: code });
  // Selection writes its reasons as codes (SEATS_FULL); people write sentences.
  const reason = (text: string) => describeOutcomeReason(text, locale);

  if (application.history.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('admin.application.noHistory')}
      </Text>
    );
  }
  return (
    <Timeline bulletSize={12} lineWidth={2} active={application.history.length - 1}>
      {application.history.map((event) => (
        <Timeline.Item
          key={event.id}
          title={
            <Text size="sm" fw={600}>
              {t(historyActionKey(event.action), { defaultValue: event.action })}
            </Text>
          }
        >
          <Text size="xs" c="dimmed">
            <time dateTime={event.occurredAt}>
              {formatCompactInstant(event.occurredAt, locale, application.call.timeZone)}
            </time>{' '}
            · {event.actor?.name ?? t('admin.application.system')}
          </Text>
          {(event.fromStatus || event.toStatus) && (
            <Text size="sm" mt={2}>
              {event.fromStatus ? status(event.fromStatus) : '–'}{' '}
              <IconArrowRight size={14} style={{ verticalAlign: -2 }} aria-hidden />
              <VisuallyHidden>{t('admin.application.statusTo')}</VisuallyHidden>{' '}
              {event.toStatus ? status(event.toStatus) : '–'}
            </Text>
          )}
          {event.reason && (
            <Text size="sm" c="dimmed" mt={2} style={{ whiteSpace: 'pre-line' }}>
              {event.action === 'review.scored'
                ? t('admin.application.comment', { comment: event.reason })
                : t('admin.application.reason', { reason: reason(event.reason) })}
            </Text>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
