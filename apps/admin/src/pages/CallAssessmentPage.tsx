import { translateError } from '@kmg/domain';
import { formatNumber, useLocale } from '@kmg/ui';
import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Grid,
  Group,
  NativeSelect,
  Paper,
  Skeleton,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { IconArrowRight, IconInfoCircle, IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useClient, useMutation, useQuery } from 'urql';
import { BulkAssessmentPanel } from '#components/BulkAssessmentPanel.tsx';
import { VerdictBadge } from '#components/DeliveryBadges.tsx';
import { QueryError } from '#components/QueryError.tsx';
import { UnitAssessmentForm, UnitAssessmentForm_assessment } from '#components/UnitAssessmentForm.tsx';
import { useProblemMessages } from '#components/use-problem-messages.ts';
import { graphql } from '#graphql.ts';
import { PARTICIPANTS_PAGE, verdictOf } from '#lib/delivery.ts';
import { MutationProblem_error, readProblem } from '#lib/mutation-result.ts';

export const CallAssessmentPageQuery = graphql(
  `
  query CallAssessmentPage($id: ID!, $first: Int!) {
    trainingCall(id: $id) {
      id
      timeZone
      assessmentKind
      resultsStatus
      competencyUnits { id code title }
      participants(first: $first) {
        totalCount
        edges {
          node {
            id
            teacher { id name teacherProfile { nuptk school { id name } } }
            completion { attendancePercent complete passed reasons { code message } }
            assessments { id unitId decision ...UnitAssessmentForm_assessment }
          }
        }
      }
    }
  }
`,
  [UnitAssessmentForm_assessment],
);

/**
 * A decision comes back with its participant's assessments and verdict, as the page reads them
 * (written out rather than shared as a fragment: the API's depth limit counts a spread as two
 * levels). The picker's "n of m units assessed" and the verdict come from the save's own answer,
 * not from reading the page again: an answer read before a later save would land after it and undo it.
 */
export const RecordAssessment = graphql(
  `
  mutation RecordAssessment($applicationId: ID!, $unitId: ID!, $input: AssessmentInput!) {
    recordAssessment(applicationId: $applicationId, unitId: $unitId, input: $input) {
      __typename
      ... on RecordAssessmentSuccess {
        data {
          id
          ...UnitAssessmentForm_assessment
          application {
            id
            completion { attendancePercent complete passed reasons { code message } }
            assessments { id unitId ...UnitAssessmentForm_assessment }
          }
        }
      }
      ...MutationProblem_error
    }
  }
`,
  [UnitAssessmentForm_assessment, MutationProblem_error],
);

/**
 * One unit's assessment read again once files were attached or evidence removed (outside GraphQL).
 * Only that assessment: reading the whole participant would bring back their list of assessments as
 * it was before a save of another unit made meanwhile.
 */
export const RefreshUnitAssessment = graphql(
  `
  query RefreshUnitAssessment($applicationId: ID!, $unitId: ID!) {
    application(id: $applicationId) {
      id
      assessment(unitId: $unitId) { id ...UnitAssessmentForm_assessment }
    }
  }
`,
  [UnitAssessmentForm_assessment],
);

/** The search parameter naming the participant being assessed. */
const participantParam = 'peserta';

/**
 * Competency assessment: each participant against each SKKNI unit of the call. Participants are
 * listed with how many units they have; the chosen one's units are assessed one form each.
 */
export function CallAssessmentPage() {
  const { t, locale } = useLocale();
  const messages = useProblemMessages();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const [{ data, error }, reexecute] = useQuery({
    query: CallAssessmentPageQuery,
    variables: { id, first: PARTICIPANTS_PAGE },
  });
  const [, recordAssessment] = useMutation(RecordAssessment);
  const client = useClient();
  // Bumped by a bulk decision: the unit forms start again from what was saved.
  const [bulkRound, setBulkRound] = useState(0);

  if (!data) {
    if (error)
      return <QueryError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
    return (
      <Stack gap="md" role="status" aria-label={t('common.loading')}>
        <Skeleton h={60} />
        <Grid>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Skeleton h={300} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Skeleton h={420} />
          </Grid.Col>
        </Grid>
      </Stack>
    );
  }
  const call = data.trainingCall;
  if (!call) return null;

  const heading = (
    <div>
      <Title order={3} size="h4" id="assessment-title">
        {t('admin.delivery.assessment.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('admin.delivery.assessment.intro')}
      </Text>
    </div>
  );
  if (call.assessmentKind !== 'COMPETENCY') {
    return (
      <Stack gap="md">
        {heading}
        <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} aria-hidden />}>
          <Text size="sm">{t('admin.delivery.assessment.trainingOnly')}</Text>
          <Anchor component={Link} to={`/lowongan/${call.id}/pelaksanaan/kredensial`} size="sm" fw={600}>
            {t('admin.delivery.nav.achievement')}
          </Anchor>
        </Alert>
      </Stack>
    );
  }
  if (call.competencyUnits.length === 0) {
    return (
      <Stack gap="md">
        {heading}
        <Alert variant="light" color="yellow" icon={<IconInfoCircle size={18} aria-hidden />}>
          {t('admin.delivery.assessment.noUnits')}
        </Alert>
      </Stack>
    );
  }

  const participants = call.participants.edges.map((edge) => edge.node);
  if (participants.length === 0) {
    return (
      <Stack gap="md">
        {heading}
        <Paper withBorder radius="md">
          <Text ta="center" c="dimmed" py={40} px="md">
            {t('admin.delivery.participants.empty')}
          </Text>
        </Paper>
      </Stack>
    );
  }

  const units = call.competencyUnits;
  const assessedCount = (participant: (typeof participants)[number]) =>
    units.filter((unit) => participant.assessments.some((row) => row.unitId === unit.id)).length;
  const selected =
    participants.find((participant) => participant.id === params.get(participantParam)) ??
    participants.find((participant) => assessedCount(participant) < units.length) ??
    participants[0];
  if (!selected) return null;
  const select = (participantId: string) => {
    const next = new URLSearchParams(params);
    next.set(participantParam, participantId);
    setParams(next, { replace: true, preventScrollReset: true });
  };
  const locked = call.resultsStatus !== 'RECORDING';
  const selectedIndex = participants.indexOf(selected);
  const nextToAssess = [
    ...participants.slice(selectedIndex + 1),
    ...participants.slice(0, selectedIndex),
  ].find((participant) => assessedCount(participant) < units.length);
  const progressLabel = (participant: (typeof participants)[number]) =>
    t('admin.delivery.assessment.progress', {
      assessed: formatNumber(assessedCount(participant), locale),
      total: formatNumber(units.length, locale),
    });

  return (
    <Stack gap="md">
      {heading}
      {locked && (
        <Alert variant="light" color="gray" icon={<IconLock size={18} aria-hidden />}>
          {translateError('RESULTS_LOCKED', locale)}
        </Alert>
      )}
      {!locked && (
        <BulkAssessmentPanel
          callId={call.id}
          units={units.length}
          participants={participants.map((participant) => ({
            id: participant.id,
            name: participant.teacher.name,
            progress: progressLabel(participant),
            notYetCompetent: participant.assessments.filter(
              (row) => row.decision === 'BELUM_KOMPETEN' && units.some((unit) => unit.id === row.unitId),
            ).length,
          }))}
          onDone={() => setBulkRound((round) => round + 1)}
        />
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <NativeSelect
            hiddenFrom="md"
            size="md"
            label={t('admin.delivery.assessment.pickParticipant')}
            value={selected.id}
            onChange={(event) => select(event.currentTarget.value)}
            data={participants.map((participant) => ({
              value: participant.id,
              label: `${participant.teacher.name} · ${progressLabel(participant)}`,
            }))}
          />
          <Paper
            withBorder
            radius="md"
            visibleFrom="md"
            component="nav"
            aria-label={t('admin.delivery.assessment.participants')}
          >
            <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
              {participants.map((participant) => {
                const count = assessedCount(participant);
                const current = participant.id === selected.id;
                return (
                  <li key={participant.id}>
                    <UnstyledButton
                      className="participant-pick"
                      data-active={current || undefined}
                      aria-current={current ? 'true' : undefined}
                      onClick={() => select(participant.id)}
                      w="100%"
                      px="md"
                      py="sm"
                    >
                      <Group justify="space-between" wrap="nowrap" gap="xs">
                        <div style={{ minWidth: 0 }}>
                          <Text size="sm" fw={600} truncate>
                            {participant.teacher.name}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {progressLabel(participant)}
                          </Text>
                        </div>
                        <Badge
                          variant="light"
                          color={count === units.length ? 'green' : count === 0 ? 'gray' : 'blue'}
                          tt="none"
                          aria-hidden
                        >
                          {count}/{units.length}
                        </Badge>
                      </Group>
                    </UnstyledButton>
                  </li>
                );
              })}
            </Box>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <Group justify="space-between" align="flex-start" gap="xs">
              <div>
                <Title order={3} size="h4">
                  {selected.teacher.name}
                </Title>
                <Text size="sm" c="dimmed">
                  {[selected.teacher.teacherProfile?.school.name, selected.teacher.teacherProfile?.nuptk]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              </div>
              <Group gap="xs">
                {selected.completion && (
                  <Text size="sm">
                    {t('admin.delivery.participant.attendancePercent', {
                      percent: formatNumber(selected.completion.attendancePercent, locale),
                    })}
                  </Text>
                )}
                <VerdictBadge verdict={verdictOf(selected.completion)} size="md" />
              </Group>
            </Group>
            {units.map((unit) => {
              const assessment = selected.assessments.find((row) => row.unitId === unit.id) ?? null;
              return (
                <UnitAssessmentForm
                  // A fresh form per participant and unit (kept while its files upload after a save).
                  key={`${selected.id}-${unit.id}-${bulkRound}`}
                  unit={unit}
                  assessment={assessment}
                  participantName={selected.teacher.name}
                  locked={locked}
                  timeZone={call.timeZone}
                  onSave={async (input) => {
                    const result = await recordAssessment({
                      applicationId: selected.id,
                      unitId: unit.id,
                      input,
                    });
                    const outcome = result.data?.recordAssessment;
                    const problem = readProblem(outcome, result.error, messages);
                    if (problem) return { problem };
                    if (outcome?.__typename !== 'RecordAssessmentSuccess')
                      return { problem: { message: messages.unknown, fieldErrors: [] } };
                    return { assessmentId: outcome.data.id };
                  }}
                  onEvidenceChanged={() =>
                    client
                      .query(
                        RefreshUnitAssessment,
                        { applicationId: selected.id, unitId: unit.id },
                        { requestPolicy: 'network-only' },
                      )
                      .toPromise()
                  }
                />
              );
            })}
            {nextToAssess && !locked && (
              <Group justify="flex-end">
                <Button
                  variant="default"
                  rightSection={<IconArrowRight size={16} aria-hidden />}
                  onClick={() => {
                    select(nextToAssess.id);
                    window.scrollTo({ top: 0 });
                  }}
                >
                  {t('admin.delivery.assessment.next', { name: nextToAssess.teacher.name })}
                </Button>
              </Group>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
