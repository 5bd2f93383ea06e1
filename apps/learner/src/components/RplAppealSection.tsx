import { CharacterCount, ErrorAlert, formatInstant, formatLocalDate, useLocale } from '@kmg/ui';
import { Alert, Button, Group, List, Modal, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconGavel, IconHourglass, IconScale } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { useMutation } from 'urql';
import { RplCaseProgress_application } from '#components/RplCaseProgress.tsx';
import { RplDecisionResult_application } from '#components/RplDecisionResult.tsx';
import { type FragmentOf, graphql, type ResultOf, readFragment } from '#graphql.ts';
import { rplApplicationSections } from '#lib/rpl-links.ts';
import {
  appealChanges,
  appealReasonIssue,
  appealReasonLength,
  canAppeal,
  decisionInForce,
  decisionTotals,
  originalDecision,
} from '#lib/rpl-result.ts';
import classes from './RplDecisionResult.module.css';

export const RplAppealSection_application = graphql(`
  fragment RplAppealSection_application on RplApplication {
    id
    status
    appeal {
      reason
      appealedAt
      decidedAt
    }
    appealWindow {
      open
      lastDay
      daysLeft
    }
    decisions {
      id
      kind
      decidedAt
      courses {
        courseId
        courseCode
        courseName
        proposedSks
        sks
        reason
      }
    }
    decree {
      id
      number
      amendsNumber
    }
  }
`);

const AppealRplCase = graphql(
  `
    mutation AppealRplCase($applicationId: ID!, $reason: String!) {
      appealRplCase(applicationId: $applicationId, reason: $reason) {
        __typename
        ... on AppealRplCaseSuccess {
          data {
            id
            status
            statusLabel
            availableActions
            ...RplAppealSection_application
            ...RplCaseProgress_application
            ...RplDecisionResult_application
          }
        }
        ... on ValidationError {
          fieldErrors {
            path
            message
          }
        }
        ... on Error {
          message
        }
      }
    }
  `,
  [RplAppealSection_application, RplCaseProgress_application, RplDecisionResult_application],
);

/**
 * The appeal (banding) on a decided case (notices link here: `#banding`): while the appeal days
 * run, how long is left and the form; once made, that it is being looked at; once decided, what
 * changed. The teacher appeals once.
 */
export function RplAppealSection({
  application: data,
}: {
  application: FragmentOf<typeof RplAppealSection_application>;
}) {
  const application = readFragment(RplAppealSection_application, data);
  const { t, locale } = useLocale();
  const headingId = useId();
  const { appeal, appealWindow, status } = application;
  if (status !== 'DECIDED' && status !== 'APPEALED') return null;
  const isOpen = canAppeal({ status, appealWindow, appeal });
  if (!appeal && !isOpen && !appealWindow) return null;

  return (
    <Stack
      gap="sm"
      component="section"
      id={rplApplicationSections.appeal}
      tabIndex={-1}
      aria-labelledby={headingId}
      style={{ scrollMarginTop: 72, outline: 'none' }}
    >
      <Title order={2} fz="lg" id={headingId}>
        {t('learner.rplResult.appeal.heading')}
      </Title>
      {appeal ? (
        appeal.decidedAt ? (
          <AppealDecided application={application} decidedAt={appeal.decidedAt} />
        ) : (
          <Alert
            color="cyan"
            variant="light"
            radius="md"
            icon={<IconHourglass size={20} aria-hidden />}
            title={t('learner.rplResult.appeal.pendingTitle')}
          >
            <Text size="sm" c="dark.8">
              {t('learner.rplResult.appeal.pendingText', { date: formatInstant(appeal.appealedAt, locale) })}
            </Text>
          </Alert>
        )
      ) : isOpen && appealWindow ? (
        <Paper withBorder radius="md" p="md">
          <Stack gap="sm">
            <Text size="sm" c="dark.8">
              {t('learner.rplResult.appeal.intro')}
            </Text>
            <Text size="sm" fw={700} c="dark.8">
              {appealWindow.daysLeft === 0
                ? t('learner.rplResult.appeal.lastDayToday', {
                    date: formatLocalDate(appealWindow.lastDay, locale),
                  })
                : t('learner.rplResult.appeal.lastDay', {
                    date: formatLocalDate(appealWindow.lastDay, locale),
                    count: appealWindow.daysLeft,
                  })}
            </Text>
            <AppealForm applicationId={application.id} />
          </Stack>
        </Paper>
      ) : (
        appealWindow && (
          <Text size="sm" c="gray.8">
            {t('learner.rplResult.appeal.closed', { date: formatLocalDate(appealWindow.lastDay, locale) })}
          </Text>
        )
      )}
      {appeal && (
        <div>
          <Text size="sm" fw={600}>
            {t('learner.rplResult.appeal.yourReason')}
          </Text>
          <Text size="sm" c="dark.8" className={classes.reason}>
            {appeal.reason}
          </Text>
        </div>
      )}
    </Stack>
  );
}

type AppealView = ResultOf<typeof RplAppealSection_application>;

/** What the committee made of the appeal: the courses it changed, or that the decision stands. */
function AppealDecided({ application, decidedAt }: { application: AppealView; decidedAt: string }) {
  const { t, locale } = useLocale();
  const latest = decisionInForce(application.decisions);
  const original = originalDecision(application.decisions);
  const changes = latest && original && latest !== original ? appealChanges(original, latest) : [];
  const before = original ? decisionTotals(original.courses).recognised : null;
  const after = latest ? decisionTotals(latest.courses).recognised : null;
  const isChanged = changes.length > 0;

  return (
    <Alert
      color={isChanged ? 'green' : 'gray'}
      variant="light"
      radius="md"
      icon={<IconGavel size={20} aria-hidden />}
      title={t('learner.rplResult.appeal.decidedTitle', { date: formatInstant(decidedAt, locale) })}
    >
      <Stack gap="xs">
        <Text size="sm" fw={600} c="dark.8">
          {isChanged
            ? t('learner.rplResult.appeal.changed', { before, after })
            : t('learner.rplResult.appeal.unchanged', { sks: after ?? before ?? 0 })}
        </Text>
        {isChanged && (
          <List size="sm" spacing={6} c="dark.8">
            {changes.map((change) => (
              <List.Item key={change.courseCode}>
                <Text span size="sm" fw={600}>
                  {change.courseCode} {change.courseName}:
                </Text>{' '}
                {t('learner.rplResult.appeal.courseChange', { before: change.before, after: change.after })}
                {change.reason && (
                  <Text size="sm" c="gray.8">
                    {t('learner.rplResult.result.reason')} {change.reason}
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        )}
        {isChanged && application.decree?.amendsNumber && (
          <Text size="sm" c="dark.8">
            {t('learner.rplResult.appeal.newDecree', {
              number: application.decree.number,
              old: application.decree.amendsNumber,
            })}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}

function AppealForm({ applicationId }: { applicationId: string }) {
  const { t } = useLocale();
  const [isOpen, { open, close }] = useDisclosure(false);
  const [reason, setReason] = useState('');
  const [showIssue, setShowIssue] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [{ fetching }, appeal] = useMutation(AppealRplCase);
  const countId = useId();
  const issue = appealReasonIssue(reason);

  async function submit() {
    setProblem(null);
    setShowIssue(true);
    if (issue) return;
    const result = await appeal({ applicationId, reason: reason.trim() });
    const outcome = result.data?.appealRplCase;
    if (!outcome) {
      setProblem(result.error?.networkError ? t('common.networkError') : t('learner.errors.unexpected'));
      return;
    }
    if (outcome.__typename === 'AppealRplCaseSuccess') {
      close();
      setReason('');
      setShowIssue(false);
      notifications.show({ color: 'green', message: t('learner.rplResult.appeal.sent') });
      return;
    }
    const details = outcome.__typename === 'ValidationError' ? outcome.fieldErrors.map((e) => e.message) : [];
    setProblem([outcome.message, ...details].join(' '));
  }

  return (
    <>
      <Button
        onClick={open}
        variant="default"
        leftSection={<IconScale size={20} aria-hidden />}
        style={{ alignSelf: 'flex-start' }}
      >
        {t('learner.rplResult.appeal.button')}
      </Button>
      <Modal
        opened={isOpen}
        onClose={() => {
          setProblem(null);
          close();
        }}
        centered
        size="lg"
        title={t('learner.rplResult.appeal.formTitle')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }}
      >
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <Stack gap="md">
            <Text size="sm" c="dark.8">
              {t('learner.rplResult.appeal.formIntro')}
            </Text>
            <div>
              <Textarea
                label={t('learner.rplResult.appeal.reasonLabel')}
                description={t('learner.rplResult.appeal.reasonHint')}
                value={reason}
                onChange={(event) => setReason(event.currentTarget.value)}
                autosize
                minRows={5}
                maxRows={12}
                required
                aria-describedby={countId}
                error={
                  showIssue && issue
                    ? t(`learner.rplResult.appeal.reason.${issue}`, { min: appealReasonLength.min })
                    : undefined
                }
              />
              <CharacterCount
                id={countId}
                value={reason.trim()}
                min={appealReasonLength.min}
                max={appealReasonLength.max}
              />
            </div>
            <Text size="sm" c="gray.8">
              {t('learner.rplResult.appeal.once')}
            </Text>
            {problem && <ErrorAlert>{problem}</ErrorAlert>}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close} disabled={fetching}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={fetching}>
                {t('learner.rplResult.appeal.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
