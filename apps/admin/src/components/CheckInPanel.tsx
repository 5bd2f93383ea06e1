import { ErrorAlert, formatInstant, useLocale } from '@kmg/ui';
import {
  Box,
  Button,
  Checkbox,
  Group,
  Image,
  Modal,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMaximize, IconQrcode, IconRefresh, IconX } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { AttendanceRefresh_call } from '#components/attendance-refresh.ts';
import { ConfirmDialog } from '#components/ConfirmDialog.tsx';
import { useProblemMessages } from '#components/use-problem-messages.ts';
import { graphql } from '#graphql.ts';
import { PARTICIPANTS_PAGE } from '#lib/delivery.ts';
import { formatTrainingDay } from '#lib/format.ts';
import { MutationProblem_error, readProblem } from '#lib/mutation-result.ts';

const PendingCheckIns = graphql(`
  query PendingCheckIns($id: ID!) {
    trainingCall(id: $id) {
      id
      checkIns { id dayId scannedAt application { id teacher { id name } } day { id date } }
    }
  }
`);

const OpenCheckInCode = graphql(
  `
  mutation OpenCheckInCode($dayId: ID!, $rotate: Boolean, $origin: String!) {
    openCheckInCode(dayId: $dayId, rotate: $rotate) {
      __typename
      ... on OpenCheckInCodeSuccess { data { dayId date path qrSvg(origin: $origin) } }
      ...MutationProblem_error
    }
  }
`,
  [MutationProblem_error],
);

/** Deciding returns the pending list and everyone's attendance, so both update in place. */
const DecideCheckIns = graphql(
  `
  mutation DecideCheckIns($callId: ID!, $entries: [CheckInEntryInput!]!, $confirm: Boolean!, $first: Int!) {
    decideCheckIns(callId: $callId, entries: $entries, confirm: $confirm) {
      __typename
      ... on DecideCheckInsSuccess {
        data {
          id
          checkIns { id dayId scannedAt application { id teacher { id name } } day { id date } }
          ...AttendanceRefresh_call
        }
      }
      ...MutationProblem_error
    }
  }
`,
  [MutationProblem_error, AttendanceRefresh_call],
);

type Code = { dayId: string; date: string; path: string; qrSvg: string };

/**
 * QR check-in: the provider shows a day's code full screen (for the projector) and confirms or
 * rejects the check-ins that arrive, one by one or all at once.
 */
export function CheckInPanel({
  callId,
  callTitle,
  timeZone,
  days,
  today,
}: {
  callId: string;
  callTitle: string;
  timeZone: string;
  days: readonly { id: string; date: string }[];
  /** The venue's date: the code of today is offered first. */
  today: string;
}) {
  const { t, locale } = useLocale();
  const messages = useProblemMessages();
  const [{ data }, refresh] = useQuery({ query: PendingCheckIns, variables: { id: callId } });
  const [, open] = useMutation(OpenCheckInCode);
  const [, decide] = useMutation(DecideCheckIns);
  const defaultDay =
    days.find((day) => day.date === today) ?? days.find((day) => day.date > today) ?? days.at(-1);
  const [dayId, setDayId] = useState(defaultDay?.id ?? '');
  const [code, setCode] = useState<Code | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [rotating, setRotating] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const display = useRef<HTMLDivElement>(null);
  const pending = data?.trainingCall?.checkIns ?? [];

  // New check-ins arrive while the code is on the projector: look every 15 seconds.
  useEffect(() => {
    const timer = window.setInterval(() => refresh({ requestPolicy: 'network-only' }), 15_000);
    return () => window.clearInterval(timer);
  }, [refresh]);

  const showCode = async (rotate: boolean) => {
    setBusy(rotate ? 'rotate' : 'open');
    setProblem(null);
    const result = await open({ dayId, rotate, origin: window.location.origin });
    setBusy(null);
    const outcome = result.data?.openCheckInCode;
    const found = readProblem(outcome, result.error, messages);
    if (found) {
      setProblem(found.message);
      return false;
    }
    if (outcome?.__typename === 'OpenCheckInCodeSuccess') setCode(outcome.data);
    if (rotate) notifications.show({ color: 'green', message: t('admin.delivery.checkIn.rotated') });
    return true;
  };

  const run = async (entries: typeof pending, confirm: boolean) => {
    setBusy(confirm ? 'confirm' : 'reject');
    setProblem(null);
    const result = await decide({
      callId,
      confirm,
      first: PARTICIPANTS_PAGE,
      entries: entries.map((row) => ({ applicationId: row.application.id, dayId: row.dayId })),
    });
    setBusy(null);
    const found = readProblem(result.data?.decideCheckIns, result.error, messages);
    if (found) {
      setProblem(found.message);
      refresh({ requestPolicy: 'network-only' });
      return;
    }
    setSelected(new Set());
    notifications.show({
      color: confirm ? 'green' : 'gray',
      message: t(confirm ? 'admin.delivery.checkIn.confirmed' : 'admin.delivery.checkIn.rejected', {
        count: entries.length,
      }),
    });
  };

  const dayLabel = (date: string) => formatTrainingDay(date, locale, 'long');
  const chosen = pending.filter((row) => selected.has(row.id));
  const allSelected = pending.length > 0 && chosen.length === pending.length;
  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  };

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="check-in-title">
      <Stack gap="sm">
        <Group gap="xs" wrap="nowrap">
          <IconQrcode size={20} aria-hidden color="var(--mantine-color-kmg-7)" />
          <Title order={4} size="h5" id="check-in-title">
            {t('admin.delivery.checkIn.title')}
          </Title>
        </Group>
        <Text size="sm" c="dimmed">
          {t('admin.delivery.checkIn.intro')}
        </Text>
        <Group align="flex-end" gap="sm">
          <NativeSelect
            style={{ flex: '1 1 220px' }}
            label={t('admin.delivery.checkIn.day')}
            value={dayId}
            onChange={(event) => setDayId(event.currentTarget.value)}
            data={days.map((day) => ({ value: day.id, label: formatTrainingDay(day.date, locale) }))}
          />
          <Button
            leftSection={<IconQrcode size={16} aria-hidden />}
            loading={busy === 'open'}
            disabled={!dayId}
            onClick={() => showCode(false)}
          >
            {t('admin.delivery.checkIn.show')}
          </Button>
        </Group>
        {problem && !code && <ErrorAlert title={t('admin.actions.failed')}>{problem}</ErrorAlert>}

        <Group justify="space-between" mt="xs" gap="xs">
          <Title order={5} size="h6" id="check-in-pending">
            {pending.length > 0
              ? t('admin.delivery.checkIn.pendingCount', { count: pending.length })
              : t('admin.delivery.checkIn.pending')}
          </Title>
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconRefresh size={14} aria-hidden />}
            onClick={() => refresh({ requestPolicy: 'network-only' })}
          >
            {t('admin.delivery.checkIn.refresh')}
          </Button>
        </Group>
        {pending.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('admin.delivery.checkIn.noPending')}
          </Text>
        ) : (
          <>
            <Table.ScrollContainer minWidth={320} type="native">
              <Table fz="sm" verticalSpacing={6} aria-labelledby="check-in-pending" className="data-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={40}>
                      <Checkbox
                        aria-label={t('admin.delivery.checkIn.selectAll')}
                        checked={allSelected}
                        indeterminate={chosen.length > 0 && !allSelected}
                        onChange={() =>
                          setSelected(allSelected ? new Set() : new Set(pending.map((row) => row.id)))
                        }
                      />
                    </Table.Th>
                    <Table.Th>{t('admin.delivery.attendanceImport.participant')}</Table.Th>
                    <Table.Th>{t('admin.delivery.checkIn.scannedAt')}</Table.Th>
                    <Table.Th ta="right">
                      <VisuallyHidden>{t('admin.delivery.checkIn.confirm')}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {pending.map((row) => (
                    <Table.Tr key={row.id}>
                      <Table.Td>
                        <Checkbox
                          aria-label={t('admin.delivery.checkIn.select', {
                            name: row.application.teacher.name,
                            day: dayLabel(row.day.date),
                          })}
                          checked={selected.has(row.id)}
                          onChange={(event) => toggle(row.id, event.currentTarget.checked)}
                        />
                      </Table.Td>
                      <Table.Td>
                        <Text span size="sm" fw={600} display="block">
                          {row.application.teacher.name}
                        </Text>
                        <Text span size="xs" c="dimmed">
                          {formatTrainingDay(row.day.date, locale)}
                        </Text>
                      </Table.Td>
                      <Table.Td>{formatInstant(row.scannedAt, locale, timeZone)}</Table.Td>
                      <Table.Td>
                        <Group gap={6} justify="flex-end" wrap="nowrap">
                          <Button
                            size="xs"
                            disabled={busy !== null}
                            onClick={() => run([row], true)}
                            aria-label={`${t('admin.delivery.checkIn.confirm')} ${row.application.teacher.name}`}
                          >
                            {t('admin.delivery.checkIn.confirm')}
                          </Button>
                          <Button
                            size="xs"
                            variant="default"
                            disabled={busy !== null}
                            onClick={() => run([row], false)}
                            aria-label={`${t('admin.delivery.checkIn.reject')} ${row.application.teacher.name}`}
                          >
                            {t('admin.delivery.checkIn.reject')}
                          </Button>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Group gap="xs" justify="flex-end">
              <Button
                variant="default"
                disabled={chosen.length === 0 || busy !== null}
                loading={busy === 'reject'}
                onClick={() => run(chosen, false)}
              >
                {t('admin.delivery.checkIn.rejectSelected', { count: chosen.length })}
              </Button>
              <Button
                disabled={chosen.length === 0 || busy !== null}
                loading={busy === 'confirm'}
                onClick={() => run(chosen, true)}
              >
                {t('admin.delivery.checkIn.confirmSelected', { count: chosen.length })}
              </Button>
            </Group>
          </>
        )}
      </Stack>

      <Modal
        opened={code !== null}
        onClose={() => {
          setCode(null);
          setProblem(null);
          refresh({ requestPolicy: 'network-only' });
        }}
        fullScreen
        withCloseButton={false}
        title={null}
        aria-label={code ? t('admin.delivery.checkIn.heading', { day: dayLabel(code.date) }) : undefined}
      >
        {code && (
          <Box ref={display} bg="white" mih="calc(100vh - 32px)">
            <Stack align="center" gap="md" py="md">
              <Text size="lg" c="dimmed" ta="center">
                {callTitle}
              </Text>
              <Title order={2} ta="center">
                {t('admin.delivery.checkIn.heading', { day: dayLabel(code.date) })}
              </Title>
              <Image
                src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(code.qrSvg)}`}
                alt={t('admin.delivery.checkIn.qrAlt', { day: dayLabel(code.date) })}
                w="min(55vh, 90vw)"
                h="min(55vh, 90vw)"
                fit="contain"
              />
              <Text size="xl" fw={700} ta="center">
                {t('admin.delivery.checkIn.scan')}
              </Text>
              <Text size="sm" c="dimmed" ta="center" maw={560}>
                {t('admin.delivery.checkIn.signInNote')}
              </Text>
              <Text
                ff="monospace"
                size="xs"
                c="dimmed"
                ta="center"
                style={{ wordBreak: 'break-all' }}
                data-testid="check-in-link"
              >
                {`${window.location.origin}${code.path}`}
              </Text>
              {problem && <ErrorAlert title={t('admin.actions.failed')}>{problem}</ErrorAlert>}
              <Group gap="sm" justify="center">
                <Button
                  variant="default"
                  leftSection={<IconMaximize size={16} aria-hidden />}
                  onClick={() => display.current?.requestFullscreen?.().catch(() => {})}
                >
                  {t('admin.delivery.checkIn.fullScreen')}
                </Button>
                <Button
                  variant="default"
                  leftSection={<IconRefresh size={16} aria-hidden />}
                  onClick={() => setRotating(true)}
                >
                  {t('admin.delivery.checkIn.rotate')}
                </Button>
                <Button
                  leftSection={<IconX size={16} aria-hidden />}
                  onClick={() => {
                    if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
                    setCode(null);
                    refresh({ requestPolicy: 'network-only' });
                  }}
                >
                  {t('admin.delivery.checkIn.close')}
                </Button>
              </Group>
            </Stack>
          </Box>
        )}
      </Modal>
      <ConfirmDialog
        opened={rotating}
        onClose={() => setRotating(false)}
        title={t('admin.delivery.checkIn.rotateTitle')}
        confirmLabel={t('admin.delivery.checkIn.rotate')}
        busy={busy === 'rotate'}
        problem={null}
        onConfirm={async () => {
          if (await showCode(true)) setRotating(false);
        }}
      >
        <Text size="sm">{t('admin.delivery.checkIn.rotateBody')}</Text>
      </ConfirmDialog>
    </Paper>
  );
}
