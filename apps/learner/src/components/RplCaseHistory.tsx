import { formatInstant, useLocale } from '@kmg/ui';
import { Accordion, Text } from '@mantine/core';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';
import classes from './RplDecisionResult.module.css';

export const RplCaseHistory_application = graphql(`
  fragment RplCaseHistory_application on RplApplication {
    id
    history {
      at
      action
      roleLabel
      fromStatusLabel
      toStatusLabel
      reason
    }
  }
`);

/**
 * Every change of status, newest first, by role (the people's names stay with the university),
 * with the reason where one was given (what was missing, why the validator sent it back). Closed
 * until asked for: the progress above says where the case stands.
 */
export function RplCaseHistory({
  application: data,
}: {
  application: FragmentOf<typeof RplCaseHistory_application>;
}) {
  const application = readFragment(RplCaseHistory_application, data);
  const { t, locale } = useLocale();
  // A status change only (an entry from and to the same status, such as the amended decree's, is none).
  const changes = application.history
    .filter((entry) => entry.toStatusLabel && entry.toStatusLabel !== entry.fromStatusLabel)
    .toReversed();
  if (changes.length === 0) return null;
  return (
    <Accordion variant="contained" radius="md" chevronPosition="right">
      <Accordion.Item value="history">
        <Accordion.Control>
          <Text fw={600}>{t('learner.rplResult.history.heading', { count: changes.length })}</Text>
        </Accordion.Control>
        <Accordion.Panel>
          <ol className={classes.courses}>
            {changes.map((entry, index) => (
              // The history gives its entries no id; they never change order.
              <li key={`${entry.at}-${index}`} className={classes.course}>
                <div className={classes.courseText}>
                  <Text size="sm" fw={600}>
                    {entry.toStatusLabel}
                  </Text>
                  <Text size="xs" c="gray.7">
                    {formatInstant(entry.at, locale)}
                    {entry.roleLabel && ` · ${t('learner.rplResult.history.by', { role: entry.roleLabel })}`}
                  </Text>
                  {entry.reason && (
                    <Text size="sm" c="dark.8" className={classes.reason}>
                      {entry.reason}
                    </Text>
                  )}
                </div>
              </li>
            ))}
          </ol>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}
