import { disseminationExpectationSchema } from '@kmg/domain';
import { ErrorAlert, schemaErrors, toFormErrors, useLocale } from '@kmg/ui';
import { Button, Card, NumberInput, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { PageHeader } from '#components/PageHeader.tsx';
import { QueryError } from '#components/QueryError.tsx';
import { useProblemMessages } from '#components/use-problem-messages.ts';
import { graphql, type ResultOf } from '#graphql.ts';
import { MutationProblem_error, readProblem } from '#lib/mutation-result.ts';

const ProgrammesPageQuery = graphql(`
  query ProgrammesPage {
    programmes {
      id
      name
      year
      isManagedByViewer
      disseminationMinActivities
      disseminationWithinMonths
    }
  }
`);

const UpdateExpectation = graphql(
  `
  mutation UpdateDisseminationExpectation($id: ID!, $input: DisseminationExpectationInput!) {
    updateDisseminationExpectation(programmeId: $id, input: $input) {
      __typename
      ... on UpdateDisseminationExpectationSuccess { data { id disseminationMinActivities disseminationWithinMonths } }
      ...MutationProblem_error
    }
  }
`,
  [MutationProblem_error],
);

type Programme = ResultOf<typeof ProgrammesPageQuery>['programmes'][number];

/** "Program": each KMG programme's dissemination (pengimbasan) target, set by its managers. */
export function ProgrammesPage() {
  const { t } = useLocale();
  const [{ data, error }, reexecute] = useQuery({ query: ProgrammesPageQuery });
  return (
    <Stack gap="lg" maw={720}>
      <PageHeader title={t('admin.programmes.title')} description={t('admin.programmes.lead')} />
      {error && !data ? (
        <QueryError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : !data ? (
        <Skeleton height={200} />
      ) : (
        data.programmes.map((programme) => <ProgrammeCard key={programme.id} programme={programme} />)
      )}
    </Stack>
  );
}

function ProgrammeCard({ programme }: { programme: Programme }) {
  const { t, locale } = useLocale();
  const problems = useProblemMessages();
  const [minActivities, setMin] = useState<number | string>(programme.disseminationMinActivities);
  const [withinMonths, setMonths] = useState<number | string>(programme.disseminationWithinMonths);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [{ fetching }, update] = useMutation(UpdateExpectation);
  const canEdit = programme.isManagedByViewer;

  async function save() {
    setProblem(null);
    const input = { minActivities: Number(minActivities), withinMonths: Number(withinMonths) };
    const checked = schemaErrors(disseminationExpectationSchema, input, locale);
    setErrors(checked);
    if (Object.keys(checked).length > 0) return;
    const result = await update({ id: programme.id, input });
    const outcome = result.data?.updateDisseminationExpectation;
    if (outcome?.__typename === 'UpdateDisseminationExpectationSuccess') {
      notifications.show({ color: 'green', message: t('admin.programmes.saved', { name: programme.name }) });
      return;
    }
    const found = readProblem(outcome, result.error, problems);
    if (found) {
      setErrors(toFormErrors(found.fieldErrors));
      setProblem(found.fieldErrors.length > 0 ? null : found.message);
    }
  }

  return (
    <Card withBorder radius="md" padding="md" component="section" aria-label={programme.name}>
      <Stack gap="sm">
        <div>
          <Title order={2} fz="lg">
            {programme.name}
          </Title>
          <Text c="dimmed" fz="sm">
            {t('admin.programmes.year', { year: programme.year })}
          </Text>
        </div>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            label={t('admin.programmes.minActivities')}
            description={t('admin.programmes.minActivitiesHint')}
            value={minActivities}
            onChange={setMin}
            min={0}
            max={50}
            allowDecimal={false}
            error={errors.minActivities}
            disabled={!canEdit}
          />
          <NumberInput
            label={t('admin.programmes.withinMonths')}
            description={t('admin.programmes.withinMonthsHint')}
            value={withinMonths}
            onChange={setMonths}
            min={1}
            max={60}
            allowDecimal={false}
            error={errors.withinMonths}
            disabled={!canEdit}
          />
        </SimpleGrid>
        {problem && <ErrorAlert>{problem}</ErrorAlert>}
        {canEdit ? (
          <Button
            onClick={() => void save()}
            loading={fetching}
            style={{ alignSelf: 'flex-start' }}
            aria-label={t('admin.programmes.save', { name: programme.name })}
          >
            {t('common.save')}
          </Button>
        ) : (
          <Text fz="sm" c="dimmed">
            {t('admin.programmes.readOnly')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
