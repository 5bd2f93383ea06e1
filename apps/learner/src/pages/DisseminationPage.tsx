import { formatLocalDate, useLocale } from '@kmg/ui';
import { Anchor, Badge, Button, Card, Group, Progress, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { DisseminationStatusBadge } from '#components/DisseminationStatusBadge.tsx';
import { LockedNotice } from '#components/LockedNotice.tsx';
import { Page } from '#components/Page.tsx';
import { QueryFallback } from '#components/QueryState.tsx';
import { RequireSignIn } from '#components/RequireSignIn.tsx';
import { graphql } from '#graphql.ts';

const DisseminationPageQuery = graphql(`
  query DisseminationPage {
    myDisseminationTrainings {
      applicationId
      callTitle
      trainingEnd
      progress { required verified pending deadline state summary }
      reports {
        id
        kind
        kindLabel
        status
        statusLabel
        heldOn
        teachersReached
        studentsReached
        schoolsReached
        returnNote
        isEditable
      }
    }
  }
`);

const skeleton = (
  <Stack gap="md">
    <Skeleton height={160} radius="md" />
    <Skeleton height={160} radius="md" />
  </Stack>
);

const stateColor: Record<string, string> = {
  met: 'green',
  'due-soon': 'orange',
  missed: 'red',
  'on-track': 'blue',
  'none-expected': 'gray',
};

/** "Pengimbasan": the teacher's completed trainings, each with its progress and activities. */
export function DisseminationPage() {
  const { t } = useLocale();
  return (
    <Page title={t('learner.dissemination.title')} lead={t('learner.dissemination.lead')} size="sm">
      <RequireSignIn fallback={skeleton}>
        {(viewer) =>
          viewer.isTeacher ? (
            <Trainings />
          ) : (
            <LockedNotice>{t('learner.dissemination.notTeacher')}</LockedNotice>
          )
        }
      </RequireSignIn>
    </Page>
  );
}

function Trainings() {
  const { t, locale } = useLocale();
  const [{ data, error }, reexecute] = useQuery({
    query: DisseminationPageQuery,
    requestPolicy: 'cache-and-network',
  });
  if (!data) return <QueryFallback error={error} reexecute={reexecute} skeleton={skeleton} />;
  const trainings = data.myDisseminationTrainings;
  if (trainings.length === 0) return <Text c="gray.7">{t('learner.dissemination.noTrainings')}</Text>;
  return (
    <Stack gap="lg">
      {trainings.map((training, index) => {
        const { progress } = training;
        const percent =
          progress.required > 0 ? Math.min(100, (progress.verified / progress.required) * 100) : 100;
        return (
          <Card
            key={training.applicationId}
            withBorder
            radius="md"
            padding="md"
            component="section"
            aria-labelledby={`training-${index}`}
          >
            <Stack gap="sm">
              <Stack gap={2}>
                <Title order={2} fz="lg" lh={1.3} id={`training-${index}`}>
                  {training.callTitle}
                </Title>
                <Text fz="sm" c="gray.7">
                  {t('learner.dissemination.trainingEnded', {
                    date: formatLocalDate(training.trainingEnd, locale),
                  })}
                </Text>
              </Stack>
              {progress.required > 0 && (
                <Stack gap={6}>
                  <Group justify="space-between" gap="xs" wrap="wrap">
                    <Text fz="sm" fw={600}>
                      {progress.summary}
                    </Text>
                    <Badge color={stateColor[progress.state] ?? 'gray'} variant="light" tt="none">
                      {t(
                        `learner.dissemination.state.${progress.state}` as 'learner.dissemination.state.met',
                      )}
                    </Badge>
                  </Group>
                  <Progress
                    value={percent}
                    color={stateColor[progress.state] ?? 'blue'}
                    aria-label={t('learner.dissemination.progressLabel', { call: training.callTitle })}
                  />
                  {progress.pending > 0 && (
                    <Text fz="xs" c="gray.7">
                      {t('learner.dissemination.pending', { count: progress.pending })}
                    </Text>
                  )}
                </Stack>
              )}
              <Button
                component={Link}
                to={`/pengimbasan/baru/${encodeURIComponent(training.applicationId)}`}
                leftSection={<IconPlus size={18} aria-hidden />}
                h={44}
              >
                {t('learner.dissemination.record')}
              </Button>
              {training.reports.length === 0 ? (
                <Text fz="sm" c="gray.7">
                  {t('learner.dissemination.noReports')}
                </Text>
              ) : (
                <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
                  {training.reports.map((report) => (
                    <Card key={report.id} component="li" withBorder radius="sm" padding="sm">
                      <Stack gap={4}>
                        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                          <Anchor
                            component={Link}
                            to={`/pengimbasan/${encodeURIComponent(report.id)}`}
                            fw={600}
                            fz="sm"
                          >
                            {report.kindLabel}
                          </Anchor>
                          <DisseminationStatusBadge status={report.status} label={report.statusLabel} />
                        </Group>
                        <Text fz="sm" c="gray.7">
                          {formatLocalDate(report.heldOn, locale)} ·{' '}
                          {t('learner.dissemination.reached', {
                            teachers: report.teachersReached,
                            students: report.studentsReached,
                            schools: report.schoolsReached,
                          })}
                        </Text>
                        {report.status === 'RETURNED' && report.returnNote && (
                          <Text fz="sm" c="orange.9">
                            {t('learner.dissemination.returnedNote', { note: report.returnNote })}
                          </Text>
                        )}
                      </Stack>
                    </Card>
                  ))}
                </Stack>
              )}
            </Stack>
          </Card>
        );
      })}
    </Stack>
  );
}
