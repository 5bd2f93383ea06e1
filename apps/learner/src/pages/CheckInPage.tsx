import { formatInstant, formatLocalDate, useLocale } from '@kmg/ui';
import { Alert, Button, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconClockHour4, IconX } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation } from 'urql';
import { LockedNotice } from '#components/LockedNotice.tsx';
import { Page } from '#components/Page.tsx';
import { RequireSignIn } from '#components/RequireSignIn.tsx';
import { graphql } from '#graphql.ts';

const CheckIn = graphql(`
  mutation CheckIn($token: String!) {
    checkIn(token: $token) {
      __typename
      ... on CheckInSuccess {
        data { id status scannedAt callTitle venue day { id date } }
      }
      ... on Error { message }
    }
  }
`);

/**
 * Where a training day's QR code leads: a signed-in teacher is checked in at once (a visitor signs
 * in first and comes back here). Scanning again shows the same check-in.
 */
export function CheckInPage() {
  const { t } = useLocale();
  return (
    <Page title={t('learner.checkIn.title')} lead={t('learner.checkIn.lead')} size="xs">
      <RequireSignIn fallback={<Loader role="status" aria-label={t('learner.checkIn.working')} />}>
        {(viewer) =>
          viewer.isTeacher ? (
            <CheckInResult />
          ) : (
            <LockedNotice>{t('learner.checkIn.notTeacher')}</LockedNotice>
          )
        }
      </RequireSignIn>
    </Page>
  );
}

type Outcome =
  | { kind: 'done'; status: string; scannedAt: string; callTitle: string; venue: string | null; date: string }
  | { kind: 'failed'; message: string };

function CheckInResult() {
  const { t, locale } = useLocale();
  const { token = '' } = useParams();
  const [, checkIn] = useMutation(CheckIn);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const sent = useRef<string | null>(null);

  const send = useCallback(async () => {
    setOutcome(null);
    const result = await checkIn({ token });
    const answer = result.data?.checkIn;
    if (answer?.__typename === 'CheckInSuccess') {
      const { status, scannedAt, callTitle, venue, day } = answer.data;
      setOutcome({
        kind: 'done',
        status,
        scannedAt: String(scannedAt),
        callTitle,
        venue,
        date: String(day.date),
      });
    } else if (answer && 'message' in answer) {
      setOutcome({ kind: 'failed', message: answer.message });
    } else {
      setOutcome({
        kind: 'failed',
        message: result.error?.networkError ? t('common.networkError') : t('learner.errors.unexpected'),
      });
    }
  }, [checkIn, token, t]);

  // Once per code: the check-in is idempotent, but one request is enough.
  useEffect(() => {
    if (sent.current === token) return;
    sent.current = token;
    void send();
  }, [send, token]);

  if (!outcome)
    return (
      <Stack align="center" py="xl" role="status">
        <Loader />
        <Text>{t('learner.checkIn.working')}</Text>
      </Stack>
    );
  if (outcome.kind === 'failed')
    return (
      <Stack gap="md">
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle size={20} aria-hidden />}
          title={t('learner.checkIn.failedTitle')}
        >
          {outcome.message}
        </Alert>
        <Button variant="default" onClick={() => void send()}>
          {t('learner.checkIn.retry')}
        </Button>
      </Stack>
    );
  const day = formatLocalDate(outcome.date, locale);
  const view = {
    PENDING: {
      color: 'blue',
      icon: <IconClockHour4 size={40} aria-hidden />,
      title: t('learner.checkIn.pendingTitle'),
      body: t('learner.checkIn.pending', { day, time: formatInstant(outcome.scannedAt, locale) }),
    },
    CONFIRMED: {
      color: 'green',
      icon: <IconCircleCheck size={40} aria-hidden />,
      title: t('learner.checkIn.confirmedTitle'),
      body: t('learner.checkIn.confirmed', { day }),
    },
    REJECTED: {
      color: 'red',
      icon: <IconX size={40} aria-hidden />,
      title: t('learner.checkIn.rejectedTitle'),
      body: t('learner.checkIn.rejected'),
    },
  }[outcome.status] ?? {
    color: 'blue',
    icon: null,
    title: t('learner.checkIn.pendingTitle'),
    body: '',
  };
  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="lg" role="status" aria-live="polite">
        <Stack gap="sm" align="center" ta="center">
          <Text c={`${view.color}.7`}>{view.icon}</Text>
          <Title order={2} fz="xl">
            {view.title}
          </Title>
          <Text fw={600}>{outcome.callTitle}</Text>
          {outcome.venue && (
            <Text size="sm" c="dimmed">
              {outcome.venue}
            </Text>
          )}
          <Text size="sm">{view.body}</Text>
        </Stack>
      </Paper>
      <Button component={Link} to="/pendaftaran" variant="default">
        {t('learner.checkIn.toApplications')}
      </Button>
    </Stack>
  );
}
