import { formatInstant, useLocale } from '@kmg/ui';
import { Alert, Text, ThemeIcon, Timeline, Title } from '@mantine/core';
import { IconArrowBackUp, IconCheck, IconPoint, IconSend } from '@tabler/icons-react';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';
import { formatCompactInstant } from '#lib/format.ts';
import { historyActionKey } from '#lib/history.ts';
import { pendingReturn, type ResultsStep, resultsStepOf } from '#lib/results-history.ts';

export const ResultsHistory_call = graphql(`
  fragment ResultsHistory_call on TrainingCall {
    id
    timeZone
    resultsStatus
    resultsHistory { id action occurredAt reason actor { id name } }
  }
`);

const stepLook: Record<ResultsStep, { color: string; Icon: typeof IconSend }> = {
  submitted: { color: 'blue', Icon: IconSend },
  returned: { color: 'orange', Icon: IconArrowBackUp },
  approved: { color: 'teal', Icon: IconCheck },
};

/**
 * The results' trail, oldest first: each submission, each return with its reason, the approval;
 * who did it and when (on the venue's clock). Nothing while no results have been submitted.
 */
export function ResultsHistory({
  call: data,
  headingId,
}: {
  call: FragmentOf<typeof ResultsHistory_call>;
  /** The heading that names the list. */
  headingId: string;
}) {
  const { t, locale } = useLocale();
  const call = readFragment(ResultsHistory_call, data);
  if (call.resultsHistory.length === 0) return null;
  return (
    <section aria-labelledby={headingId}>
      <Title order={4} size="h6" id={headingId} mb="xs">
        {t('admin.delivery.history.title')}
      </Title>
      <Timeline bulletSize={22} lineWidth={2} active={call.resultsHistory.length - 1}>
        {call.resultsHistory.map((event) => {
          const step = resultsStepOf(event.action);
          const { color, Icon } = step ? stepLook[step] : { color: 'gray', Icon: IconPoint };
          return (
            <Timeline.Item
              key={event.id}
              color={color}
              bullet={
                <ThemeIcon size={22} radius="xl" color={color} variant="light" aria-hidden>
                  <Icon size={13} />
                </ThemeIcon>
              }
              title={
                <Text size="sm" fw={600}>
                  {t(historyActionKey(event.action), { defaultValue: event.action })}
                </Text>
              }
            >
              <Text size="xs" c="dimmed">
                <time dateTime={event.occurredAt}>
                  {formatCompactInstant(event.occurredAt, locale, call.timeZone)}
                </time>{' '}
                · {event.actor?.name ?? t('admin.application.system')}
              </Text>
              {event.reason && (
                <Text size="sm" mt={2} style={{ whiteSpace: 'pre-line' }}>
                  {t('admin.application.reason', { reason: event.reason })}
                </Text>
              )}
            </Timeline.Item>
          );
        })}
      </Timeline>
    </section>
  );
}

/**
 * Results sent back for correction: who returned them, when and why, above every delivery page
 * until they are submitted again. Those who record read what to do; those who run the call, that
 * the provider is on it.
 */
export function ResultsReturnNotice({
  call: data,
  canRun,
}: {
  call: FragmentOf<typeof ResultsHistory_call>;
  canRun: boolean;
}) {
  const { t, locale } = useLocale();
  const call = readFragment(ResultsHistory_call, data);
  const returned = pendingReturn(call.resultsHistory, call.resultsStatus);
  if (!returned) return null;
  return (
    <Alert
      variant="light"
      color="orange"
      icon={<IconArrowBackUp size={20} aria-hidden />}
      title={t('admin.delivery.returned.title')}
    >
      <Text size="sm">
        {t('admin.delivery.returned.by', {
          name: returned.actor?.name ?? t('admin.application.system'),
          date: formatInstant(returned.occurredAt, locale, call.timeZone),
        })}
      </Text>
      {returned.reason && (
        <Text
          size="sm"
          fw={600}
          mt={6}
          pl="sm"
          style={{ whiteSpace: 'pre-line', borderLeft: '3px solid var(--mantine-color-orange-4)' }}
        >
          {returned.reason}
        </Text>
      )}
      <Text size="sm" mt={6}>
        {canRun ? t('admin.delivery.returned.waiting') : t('admin.delivery.returned.todo')}
      </Text>
    </Alert>
  );
}
