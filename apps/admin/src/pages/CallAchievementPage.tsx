import { translateError } from '@kmg/domain';
import { formatNumber, useLocale } from '@kmg/ui';
import { Alert, Box, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck, IconCircleDashed, IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { AchievementForm, AchievementForm_call } from '#components/AchievementForm.tsx';
import { Fact, Facts } from '#components/Facts.tsx';
import { QueryPending } from '#components/QueryPending.tsx';
import { useProblemMessages } from '#components/use-problem-messages.ts';
import { graphql } from '#graphql.ts';
import { type AchievementFormValues, achievementFormFromCall } from '#lib/achievement-form.ts';
import { MutationProblem_error, readProblem } from '#lib/mutation-result.ts';

const CallAchievementPageQuery = graphql(
  `
  query CallAchievementPage($id: ID!) {
    trainingCall(id: $id) {
      id
      title
      description
      mode
      trainingHours
      sksByWorkload
      learningOutcomes
      resultsStatus
      assessmentKind
      minAttendancePercent
      competencyUnits { id }
      provider { id name }
      achievement {
        id
        imageUrl
        achievementType
        nameId
        nameEn
        descriptionId
        descriptionEn
        criteriaId
        criteriaEn
        kkniLevel
        sks
        validityMonths
        assessmentMethod
        qualityAssurance
      }
      ...AchievementForm_call
    }
  }
`,
  [AchievementForm_call],
);

/** The rule changes every participant's verdict: saving returns the template and the call's rule. */
const SaveAchievement = graphql(
  `
  mutation SaveAchievement($callId: ID!, $input: AchievementInput!) {
    saveAchievement(callId: $callId, input: $input) {
      __typename
      ... on SaveAchievementSuccess { data { id achievement { id name imageUrl } ...AchievementForm_call } }
      ...MutationProblem_error
    }
  }
`,
  [AchievementForm_call, MutationProblem_error],
);

/**
 * The EU Council Recommendation's mandatory elements of a micro-credential (2022), as KMG fills
 * them: some from the call, some from the template being edited.
 */
function CredentialElements({
  call,
  values,
  imageUrl,
}: {
  call: {
    mode: string;
    trainingHours: number;
    sksByWorkload: number;
    learningOutcomes: readonly string[];
    provider: { name: string };
  };
  values: AchievementFormValues;
  /** The saved template's seal; none before the first save. */
  imageUrl: string | null;
}) {
  const { t, locale } = useLocale();
  const sks = values.sks === '' ? call.sksByWorkload : Number(values.sks);
  const rows: { label: string; value: string; filled: boolean }[] = [
    {
      label: t('admin.delivery.elements.learner'),
      value: t('admin.delivery.elements.learnerValue'),
      filled: true,
    },
    {
      label: t('admin.delivery.elements.title'),
      value: values.nameId,
      filled: values.nameId.trim().length >= 5,
    },
    { label: t('admin.delivery.elements.country'), value: 'Indonesia', filled: true },
    { label: t('admin.delivery.elements.awardingBody'), value: call.provider.name, filled: true },
    {
      label: t('admin.delivery.elements.issueDate'),
      value: t('admin.delivery.elements.issueDateValue'),
      filled: true,
    },
    {
      label: t('admin.delivery.elements.outcomes'),
      value: t('admin.delivery.elements.outcomesValue', { count: call.learningOutcomes.length }),
      filled: call.learningOutcomes.length > 0,
    },
    {
      label: t('admin.delivery.elements.workload'),
      value: t('admin.delivery.elements.workloadValue', {
        hours: formatNumber(call.trainingHours, locale),
        sks: formatNumber(sks, locale),
      }),
      filled: true,
    },
    {
      label: t('admin.delivery.elements.level'),
      value: values.kkniLevel ? t('admin.delivery.elements.levelValue', { level: values.kkniLevel }) : '',
      filled: !!values.kkniLevel,
    },
    {
      label: t('admin.delivery.elements.assessment'),
      value: values.assessmentMethod,
      filled: values.assessmentMethod.trim().length >= 5,
    },
    {
      label: t('admin.delivery.elements.participation'),
      value: t(`status.mode.${call.mode}`),
      filled: true,
    },
    {
      label: t('admin.delivery.elements.qualityAssurance'),
      value: values.qualityAssurance,
      filled: values.qualityAssurance.trim().length >= 5,
    },
  ];
  return (
    <Paper withBorder radius="md" p="md" component="aside" aria-labelledby="elements-title">
      <Title order={4} size="h5" id="elements-title">
        {t('admin.delivery.elements.heading')}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('admin.delivery.elements.intro')}
      </Text>
      <Box component="ul" m={0} p={0} style={{ listStyle: 'none', display: 'grid', gap: 8 }}>
        {rows.map((row) => (
          <li key={row.label}>
            <Group gap={8} wrap="nowrap" align="flex-start">
              {row.filled ? (
                <IconCircleCheck
                  size={18}
                  color="var(--mantine-color-teal-7)"
                  aria-hidden
                  style={{ flex: 'none' }}
                />
              ) : (
                <IconCircleDashed
                  size={18}
                  color="var(--mantine-color-gray-6)"
                  aria-hidden
                  style={{ flex: 'none' }}
                />
              )}
              <div style={{ minWidth: 0 }}>
                <Text size="xs" fw={600} c="dimmed">
                  {row.label}
                </Text>
                <Text size="sm" lineClamp={2} c={row.filled ? undefined : 'dimmed'}>
                  {row.filled ? row.value : t('admin.delivery.elements.missing')}
                </Text>
              </div>
            </Group>
          </li>
        ))}
      </Box>
      {imageUrl && (
        <Stack
          gap={6}
          align="center"
          mt="md"
          pt="md"
          style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}
        >
          <Text size="xs" fw={600} c="dimmed" style={{ alignSelf: 'flex-start' }}>
            {t('admin.delivery.elements.picture')}
          </Text>
          <img src={imageUrl} alt={t('admin.delivery.elements.pictureAlt')} width={144} height={144} />
          <Text size="xs" c="dimmed">
            {t('admin.delivery.elements.pictureNote')}
          </Text>
        </Stack>
      )}
    </Paper>
  );
}

/** What the call awards: the credential template, edited until the results are approved. */
export function CallAchievementPage() {
  const { t, locale } = useLocale();
  const messages = useProblemMessages();
  const { id = '' } = useParams();
  const [{ data, error }, reexecute] = useQuery({ query: CallAchievementPageQuery, variables: { id } });
  const [, save] = useMutation(SaveAchievement);
  const [editing, setEditing] = useState<AchievementFormValues | null>(null);

  if (!data) {
    return (
      <QueryPending
        error={error}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        blocks={[{ h: 60 }, { h: 420 }]}
      />
    );
  }
  const call = data.trainingCall;
  if (!call) return null;

  const locked = call.resultsStatus === 'APPROVED';
  const values = editing ?? achievementFormFromCall(call);
  const achievement = call.achievement;

  return (
    <Stack gap="md">
      <div>
        <Title order={3} size="h4" id="achievement-title">
          {t('admin.delivery.achievement.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('admin.delivery.achievement.intro')}
        </Text>
      </div>
      {!achievement && !locked && (
        <Alert variant="light" color="blue">
          {t('admin.delivery.achievement.draftNote')}
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          {locked ? (
            <Stack gap="md">
              <Alert variant="light" color="gray" icon={<IconLock size={18} aria-hidden />}>
                {translateError('RESULTS_LOCKED', locale)}
              </Alert>
              {achievement && (
                <Paper withBorder radius="md" p="lg">
                  <Facts>
                    <Fact label={t('admin.delivery.achievement.nameId')}>{achievement.nameId}</Fact>
                    <Fact label={t('admin.delivery.achievement.nameEn')}>{achievement.nameEn}</Fact>
                    <Fact label={t('admin.delivery.achievement.achievementType')}>
                      {t(`admin.delivery.achievement.type.${achievement.achievementType}`)}
                    </Fact>
                    <Fact label={t('admin.delivery.achievement.descriptionId')}>
                      {achievement.descriptionId}
                    </Fact>
                    <Fact label={t('admin.delivery.achievement.descriptionEn')}>
                      {achievement.descriptionEn}
                    </Fact>
                    <Fact label={t('admin.delivery.achievement.criteriaId')}>{achievement.criteriaId}</Fact>
                    <Fact label={t('admin.delivery.achievement.criteriaEn')}>{achievement.criteriaEn}</Fact>
                    <Fact label={t('admin.delivery.achievement.kkniLevel')}>
                      {achievement.kkniLevel ?? '–'}
                    </Fact>
                    <Fact label={t('admin.delivery.achievement.sks')}>
                      {formatNumber(achievement.sks ?? call.sksByWorkload, locale)}
                    </Fact>
                    <Fact label={t('admin.delivery.achievement.validityMonths')}>
                      {achievement.validityMonths ?? t('admin.delivery.credential.noExpiry')}
                    </Fact>
                    <Fact label={t('admin.delivery.achievement.assessmentMethod')}>
                      {achievement.assessmentMethod}
                    </Fact>
                    <Fact label={t('admin.delivery.achievement.qualityAssurance')}>
                      {achievement.qualityAssurance}
                    </Fact>
                    <Fact label={t('admin.delivery.achievement.assessmentKind')}>
                      {t(`admin.delivery.achievement.kind.${call.assessmentKind}`)} ·{' '}
                      {t('admin.delivery.participants.minimum', { min: call.minAttendancePercent })}
                    </Fact>
                  </Facts>
                </Paper>
              )}
            </Stack>
          ) : (
            <AchievementForm
              // A fresh form for another call.
              key={call.id}
              call={call}
              onValuesChange={setEditing}
              onSubmit={async (input) => {
                const result = await save({ callId: call.id, input });
                const problem = readProblem(result.data?.saveAchievement, result.error, messages);
                if (!problem)
                  notifications.show({ color: 'green', message: t('admin.delivery.achievement.saved') });
                return problem;
              }}
            />
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Box pos={{ base: 'static', lg: 'sticky' }} top={80}>
            <CredentialElements call={call} values={values} imageUrl={achievement?.imageUrl ?? null} />
          </Box>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
