import type { RplApplicationStatus } from '@kmg/domain';
import { formatLocalDate, useLocale } from '@kmg/ui';
import { Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowBackUp, IconCheck, IconPointFilled } from '@tabler/icons-react';
import { useId } from 'react';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';
import { formatDay } from '#lib/format-day.ts';
import { caseProgress, stepTarget } from '#lib/rpl-case.ts';
import classes from './RplCaseProgress.module.css';

export const RplCaseProgress_application = graphql(`
  fragment RplCaseProgress_application on RplApplication {
    id
    status
    history {
      at
      action
    }
    appeal {
      appealedAt
      decidedAt
    }
    deadlines {
      step
      dueOn
      isOverdue
    }
  }
`);

/**
 * Where a submitted application stands: the step it waits on, in words (who is doing what, and
 * what happens next), then every step from submission to the decree with the day each was done.
 * Nothing for a draft or a withdrawn application.
 */
export function RplCaseProgress({
  application: data,
}: {
  application: FragmentOf<typeof RplCaseProgress_application>;
}) {
  const application = readFragment(RplCaseProgress_application, data);
  const { t, locale } = useLocale();
  const headingId = useId();
  const status: RplApplicationStatus = application.status;
  const progress = caseProgress({ status, history: application.history, appeal: application.appeal });
  if (!progress) return null;
  const target = stepTarget(application.deadlines, progress.current);

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="md">
        <div>
          <Title order={2} fz="lg" id={headingId}>
            {t('learner.rplResult.progress.heading')}
          </Title>
          <Text size="sm" c="gray.7" mt={4}>
            {progress.current
              ? t('learner.rplResult.progress.nowLabel')
              : t('learner.rplResult.progress.doneLabel')}
          </Text>
          <Text fw={700} fz="lg" lh={1.3}>
            {progress.current
              ? t(`learner.rplResult.progress.steps.${progress.current}`)
              : t('learner.rplResult.progress.decided')}
          </Text>
          <Text size="sm" c="gray.8" mt={4}>
            {t(`learner.rplResult.progress.explain.${status}`)}
          </Text>
          {target && (
            <Text size="sm" c="gray.8" mt={4}>
              {t('learner.rplResult.progress.target', { date: formatLocalDate(target.dueOn, locale) })}
            </Text>
          )}
        </div>
        <ol className={classes.steps}>
          {progress.entries.map((entry, index) => {
            const next = progress.entries[index + 1];
            return (
              <li
                key={entry.step}
                className={classes.step}
                data-line={next?.state === 'upcoming' ? 'upcoming' : 'reached'}
                aria-current={entry.state === 'current' || entry.state === 'returned' ? 'step' : undefined}
              >
                <span className={classes.bullet} data-state={entry.state} aria-hidden>
                  {entry.state === 'done' ? (
                    <IconCheck size={16} stroke={3} />
                  ) : entry.state === 'returned' ? (
                    <IconArrowBackUp size={16} stroke={2.5} />
                  ) : entry.state === 'current' ? (
                    <IconPointFilled size={16} />
                  ) : null}
                </span>
                <div>
                  <Text
                    fw={entry.state === 'upcoming' ? 500 : 700}
                    size="sm"
                    lh={1.35}
                    c={entry.state === 'upcoming' ? 'gray.7' : 'dark.8'}
                  >
                    {t(`learner.rplResult.progress.steps.${entry.step}`)}
                  </Text>
                  <Text size="xs" c={entry.state === 'returned' ? 'orange.9' : 'gray.7'} lh={1.4}>
                    {entry.state === 'done'
                      ? entry.doneAt
                        ? t('learner.rplResult.progress.doneOn', { date: formatDay(entry.doneAt, locale) })
                        : t('learner.rplResult.progress.done')
                      : t(`learner.rplResult.progress.state.${entry.state}`)}
                  </Text>
                </div>
              </li>
            );
          })}
        </ol>
      </Stack>
    </Paper>
  );
}
