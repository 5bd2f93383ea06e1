import { useLocale } from '@kmg/ui';
import { Alert, Anchor, Button, List, Stack, Text } from '@mantine/core';
import { IconFlask } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useClient } from 'urql';
import { useProblemMessages } from '#components/use-problem-messages.ts';
import { graphql, type ResultOf } from '#graphql.ts';
import { MutationProblem_error, readProblem } from '#lib/mutation-result.ts';

const RuleWhatIfQuery = graphql(
  `
  query RuleWhatIf($versionId: ID!) {
    ruleWhatIf(versionId: $versionId) {
      __typename
      ... on RuleWhatIfSuccess {
        data { applicationsCompared changedCount changed { applicationId teacherName beforeSks afterSks } }
      }
      ...MutationProblem_error
    }
  }
`,
  [MutationProblem_error],
);

/** The what-if names applications by their raw id; pages take the API's global id (Relay's default). */
function applicationGlobalId(rawId: string): string {
  return btoa(`RplApplication:${rawId}`);
}

type WhatIf = Extract<
  ResultOf<typeof RuleWhatIfQuery>['ruleWhatIf'],
  { __typename: 'RuleWhatIfSuccess' }
>['data'];

/**
 * "What if": past applicants' submitted inputs run again with this draft in place. Decisions and
 * stored proposals are not changed; the answer only says whose proposal would move, and how far.
 */
export function RuleWhatIf({ versionId }: { versionId: string }) {
  const { t } = useLocale();
  const client = useClient();
  const messages = useProblemMessages();
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<WhatIf | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const run = async () => {
    setBusy(true);
    setProblem(null);
    const result = await client
      .query(RuleWhatIfQuery, { versionId }, { requestPolicy: 'network-only' })
      .toPromise();
    setBusy(false);
    const outcome = result.data?.ruleWhatIf;
    const found = readProblem(outcome, result.error, messages);
    if (found) setProblem(found.message);
    else if (outcome?.__typename === 'RuleWhatIfSuccess') setAnswer(outcome.data);
  };

  return (
    <Stack gap={6} maw={420}>
      <Button
        size="compact-sm"
        variant="light"
        color="grape"
        leftSection={<IconFlask size={14} aria-hidden />}
        loading={busy}
        onClick={run}
        w="fit-content"
      >
        {t('admin.rpl.whatIf.run')}
      </Button>
      {problem && (
        <Text size="xs" c="red.8" role="alert">
          {problem}
        </Text>
      )}
      {answer && (
        <Alert variant="light" color="grape" p="xs" role="status">
          <Text size="sm">
            {answer.applicationsCompared === 0
              ? t('admin.rpl.whatIf.none')
              : t('admin.rpl.whatIf.summary', {
                  changed: answer.changedCount,
                  count: answer.applicationsCompared,
                })}
          </Text>
          {answer.changed.length > 0 && (
            <List size="xs" mt={4} spacing={2}>
              {answer.changed.map((change) => (
                <List.Item key={change.applicationId}>
                  <Anchor
                    component={Link}
                    to={`/rpl/pendaftaran/${applicationGlobalId(change.applicationId)}`}
                    size="xs"
                  >
                    {change.teacherName}
                  </Anchor>
                  : {t('admin.rpl.whatIf.change', { before: change.beforeSks, after: change.afterSks })}
                </List.Item>
              ))}
            </List>
          )}
          <Text size="xs" c="dimmed" mt={4}>
            {t('admin.rpl.whatIf.note')}
          </Text>
        </Alert>
      )}
    </Stack>
  );
}
