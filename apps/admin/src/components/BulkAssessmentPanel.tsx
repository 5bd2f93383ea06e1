import { formatNumber, useLocale } from '@kmg/ui';
import { Button, Checkbox, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChecks } from '@tabler/icons-react';
import { useState } from 'react';
import { useMutation } from 'urql';
import { ConfirmDialog } from '#components/ConfirmDialog.tsx';
import { UnitAssessmentForm_assessment } from '#components/UnitAssessmentForm.tsx';
import { useProblemMessages } from '#components/use-problem-messages.ts';
import { graphql } from '#graphql.ts';
import { MutationProblem_error, readProblem } from '#lib/mutation-result.ts';

/**
 * Returns the assessed participants' decisions and verdicts, as the assessment page reads them
 * (not through the call: the API's depth limit).
 */
const RecordAssessmentsInBulk = graphql(
  `
  mutation RecordAssessmentsInBulk($callId: ID!, $applicationIds: [ID!]!) {
    recordAssessmentsInBulk(callId: $callId, applicationIds: $applicationIds, decision: KOMPETEN) {
      __typename
      ... on RecordAssessmentsInBulkSuccess {
        data {
          participants
          applications {
            id
            completion { attendancePercent complete passed reasons { code message } }
            assessments { id unitId decision ...UnitAssessmentForm_assessment }
          }
        }
      }
      ...MutationProblem_error
    }
  }
`,
  [UnitAssessmentForm_assessment, MutationProblem_error],
);

export type BulkParticipant = {
  id: string;
  name: string;
  /** Units already judged Belum Kompeten: the confirmation says they will change. */
  notYetCompetent: number;
  progress: string;
};

/**
 * "Penilaian massal": tick participants (or all), mark every unit Kompeten for them in one go,
 * then change the exceptions one by one in the forms below.
 */
export function BulkAssessmentPanel({
  callId,
  participants,
  units,
  onDone,
}: {
  callId: string;
  participants: readonly BulkParticipant[];
  units: number;
  /** After the decisions are saved: the forms below start again from them. */
  onDone: () => void;
}) {
  const { t, locale } = useLocale();
  const messages = useProblemMessages();
  const [, run] = useMutation(RecordAssessmentsInBulk);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const chosen = participants.filter((participant) => selected.has(participant.id));
  const allSelected = chosen.length === participants.length;
  const overwritten = chosen.reduce((sum, participant) => sum + participant.notYetCompetent, 0);

  const apply = async () => {
    setBusy(true);
    setProblem(null);
    const result = await run({
      callId,
      applicationIds: chosen.map((participant) => participant.id),
    });
    setBusy(false);
    const found = readProblem(result.data?.recordAssessmentsInBulk, result.error, messages);
    if (found) {
      setProblem([found.message, ...found.fieldErrors.map((error) => error.message)].join(' '));
      return;
    }
    notifications.show({
      color: 'green',
      message: t('admin.delivery.bulkAssessment.done', { count: chosen.length }),
    });
    setAsking(false);
    setSelected(new Set());
    onDone();
  };

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="bulk-assessment-title">
      <Stack gap="sm">
        <Title order={4} size="h5" id="bulk-assessment-title">
          {t('admin.delivery.bulkAssessment.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('admin.delivery.bulkAssessment.intro')}
        </Text>
        <Checkbox
          label={t('admin.delivery.bulkAssessment.selectAll')}
          checked={allSelected}
          indeterminate={chosen.length > 0 && !allSelected}
          onChange={() => setSelected(allSelected ? new Set() : new Set(participants.map((p) => p.id)))}
          fw={600}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing="xs">
          {participants.map((participant) => (
            <Checkbox
              key={participant.id}
              aria-label={t('admin.delivery.bulkAssessment.select', { name: participant.name })}
              label={
                <span>
                  <Text span size="sm" fw={500}>
                    {participant.name}
                  </Text>{' '}
                  <Text span size="xs" c="dimmed">
                    {participant.progress}
                  </Text>
                </span>
              }
              checked={selected.has(participant.id)}
              onChange={(event) => {
                const next = new Set(selected);
                if (event.currentTarget.checked) next.add(participant.id);
                else next.delete(participant.id);
                setSelected(next);
              }}
            />
          ))}
        </SimpleGrid>
        <Group justify="flex-end">
          <Button
            leftSection={<IconChecks size={16} aria-hidden />}
            disabled={chosen.length === 0}
            onClick={() => {
              setProblem(null);
              setAsking(true);
            }}
          >
            {t('admin.delivery.bulkAssessment.mark', { count: chosen.length })}
          </Button>
        </Group>
      </Stack>
      <ConfirmDialog
        opened={asking}
        onClose={() => setAsking(false)}
        title={t('admin.delivery.bulkAssessment.confirmTitle')}
        confirmLabel={t('admin.delivery.bulkAssessment.confirm')}
        busy={busy}
        problem={problem}
        onConfirm={apply}
      >
        <Text size="sm">
          {t('admin.delivery.bulkAssessment.confirmBody', {
            count: chosen.length,
            units: formatNumber(units, locale),
          })}
        </Text>
        {overwritten > 0 && (
          <Text size="sm" fw={600} c="orange.9">
            {t('admin.delivery.bulkAssessment.overwrite', { count: overwritten })}
          </Text>
        )}
      </ConfirmDialog>
    </Paper>
  );
}
