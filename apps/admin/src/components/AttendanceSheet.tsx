import { ErrorAlert, formatNumber, useLocale } from '@kmg/ui';
import {
  ActionIcon,
  Box,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  Tooltip,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconChecks, IconChevronLeft, IconChevronRight, IconDeviceFloppy, IconX } from '@tabler/icons-react';
import { type KeyboardEvent, type ReactNode, useMemo, useState } from 'react';
import { UnsavedChangesGuard } from '#components/UnsavedChangesGuard.tsx';
import {
  type AttendanceDraft,
  type AttendanceEntry,
  attendanceEntries,
  cellState,
  dayTally,
  draftAttendance,
  emptyDraft,
  type RecordedAttendance,
  setCell,
  setDay,
} from '#lib/attendance-sheet.ts';
import { formatTrainingDay, trainingDayHeading } from '#lib/format.ts';
import type { MutationProblem } from '#lib/mutation-result.ts';

export type SheetParticipant = { id: string; name: string; nuptk: string | null };
export type SheetDay = { id: string; date: string };

/**
 * The attendance register: participants by training days, ticked for present. A day's heading
 * marks everyone present at once; one save sends every change. Days that have not happened yet
 * (on the venue's clock) cannot be ticked. Arrow keys move between cells; on a phone the register
 * shows one day at a time.
 */
export function AttendanceSheet({
  participants,
  days,
  recorded,
  minAttendancePercent,
  today,
  locked,
  onSave,
}: {
  participants: readonly SheetParticipant[];
  days: readonly SheetDay[];
  recorded: RecordedAttendance;
  minAttendancePercent: number;
  /** The venue's date today: later days have not happened. */
  today: string;
  /** Results submitted or approved: nothing can change here. */
  locked: boolean;
  /** Saves; resolves to what went wrong, or null. */
  onSave: (entries: AttendanceEntry[]) => Promise<MutationProblem | null>;
}) {
  const { t, locale } = useLocale();
  const narrow = useMediaQuery('(max-width: 48em)') ?? false;
  const [draft, setDraft] = useState<AttendanceDraft>(emptyDraft);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const ids = useMemo(() => participants.map((participant) => participant.id), [participants]);
  const dayIds = useMemo(() => days.map((day) => day.id), [days]);
  const entries = attendanceEntries(recorded, draft, ids, dayIds);
  const isFuture = (day: SheetDay) => day.date > today;
  const editable = (day: SheetDay) => !locked && !isFuture(day);
  const longDay = (day: SheetDay) => formatTrainingDay(day.date, locale, 'long');
  const cellLabel = (participant: SheetParticipant, day: SheetDay) =>
    t('admin.delivery.attendance.cell', { name: participant.name, day: longDay(day) });

  const change = (next: AttendanceDraft) => {
    setDraft(next);
    if (problem) setProblem(null);
  };
  const save = async () => {
    setSaving(true);
    setProblem(null);
    const found = await onSave(entries);
    setSaving(false);
    if (found) {
      setProblem([found.message, ...found.fieldErrors.map((error) => error.message)].join(' '));
      return;
    }
    setDraft(emptyDraft);
  };

  const dayStatus = (day: SheetDay) => {
    if (isFuture(day)) return t('admin.delivery.attendance.future');
    const tally = dayTally(recorded, draft, day.id, ids);
    if (tally.unrecorded === ids.length) return t('admin.delivery.attendance.dayUnrecorded');
    if (tally.unrecorded > 0) return t('admin.delivery.attendance.dayPartly', { count: tally.unrecorded });
    return t('admin.delivery.attendance.dayPresent', {
      present: formatNumber(tally.present, locale),
      total: formatNumber(ids.length, locale),
    });
  };
  const allPresent = (day: SheetDay) => dayTally(recorded, draft, day.id, ids).present === ids.length;
  const somePresent = (day: SheetDay) => dayTally(recorded, draft, day.id, ids).present > 0;

  const total = (participant: SheetParticipant) => {
    const result = draftAttendance(recorded, draft, participant.id, dayIds, minAttendancePercent);
    if (result.recorded === 0)
      return (
        <Text span size="sm" c="dimmed">
          –
        </Text>
      );
    // Red only once the days left cannot bring it up to the minimum any more.
    const short = !result.meetsMinimum && !result.canStillMeet;
    return (
      <Text span size="sm" fw={600} c={short ? 'red.8' : undefined}>
        {formatNumber(result.percent, locale)}%
        {short && (
          <Text span size="xs" fw={400} display="block">
            {t('admin.delivery.attendance.belowMinimum', { min: minAttendancePercent })}
          </Text>
        )}
      </Text>
    );
  };

  /** Arrow keys move between the register's checkboxes, as in a spreadsheet. */
  const moveFocus = (event: KeyboardEvent<HTMLElement>) => {
    const target = event.target as HTMLElement;
    const cell = target.dataset.cell;
    if (!cell) return;
    const [row, column] = cell.split(':').map(Number) as [number, number];
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    const move = moves[event.key];
    if (!move) return;
    for (
      let r = row + move[0], c = column + move[1];
      r >= -1 && r <= ids.length && c >= 0 && c < days.length;
    ) {
      const next = event.currentTarget.querySelector<HTMLInputElement>(`[data-cell="${r}:${c}"]`);
      if (next && !next.disabled) {
        event.preventDefault();
        next.focus();
        return;
      }
      r += move[0];
      c += move[1];
    }
  };

  const footer = !locked && (
    // Stays in view while there is something to save.
    <Paper withBorder radius="md" p="sm" className={entries.length > 0 ? 'sticky-footer' : undefined}>
      <Stack gap="xs">
        {problem && <ErrorAlert title={t('admin.delivery.attendance.failed')}>{problem}</ErrorAlert>}
        <Group justify="space-between" gap="sm">
          <Text size="sm" c={entries.length > 0 ? undefined : 'dimmed'} aria-live="polite">
            {entries.length > 0
              ? t('admin.delivery.attendance.unsaved', { count: entries.length })
              : t('admin.delivery.attendance.upToDate')}
          </Text>
          <Group gap="xs" w={narrow ? '100%' : undefined} wrap={narrow ? 'wrap-reverse' : 'nowrap'}>
            <Button
              variant="default"
              leftSection={<IconX size={16} aria-hidden />}
              disabled={entries.length === 0 && draft.days.size === 0}
              onClick={() => change(emptyDraft)}
              fullWidth={narrow}
            >
              {t('admin.delivery.attendance.reset')}
            </Button>
            <Button
              leftSection={<IconDeviceFloppy size={16} aria-hidden />}
              disabled={entries.length === 0}
              loading={saving}
              onClick={save}
              fullWidth={narrow}
            >
              {t('admin.delivery.attendance.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Paper>
  );

  return (
    <Stack gap="md">
      <UnsavedChangesGuard when={() => entries.length > 0} />
      {narrow ? (
        <DayAtATime
          participants={participants}
          days={days}
          dayStatus={dayStatus}
          editable={editable}
          cellLabel={cellLabel}
          present={(participantId, dayId) => cellState(recorded, draft, participantId, dayId)}
          total={total}
          onCell={(participantId, dayId, value) => change(setCell(draft, participantId, dayId, value))}
          onDay={(dayId, value) => change(setDay(draft, dayId, ids, value))}
        />
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={260 + days.length * 96 + 110} type="native">
            <Table
              fz="sm"
              verticalSpacing={6}
              horizontalSpacing={8}
              className="data-table attendance-table"
              aria-labelledby="attendance-title"
              onKeyDown={moveFocus}
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th className="sticky-column" w={240}>
                    {t('admin.delivery.attendance.participant')}
                  </Table.Th>
                  {days.map((day, column) => {
                    const heading = trainingDayHeading(day.date, locale);
                    return (
                      <Table.Th key={day.id} ta="center" w={96} data-future={isFuture(day) || undefined}>
                        <Stack gap={2} align="center">
                          <Text span size="xs" fw={700} tt="uppercase" c="dimmed">
                            {heading.weekday}
                          </Text>
                          <Text span size="sm" fw={700}>
                            {heading.day}
                          </Text>
                          <Tooltip
                            label={t('admin.delivery.attendance.markDayTip')}
                            withArrow
                            openDelay={400}
                          >
                            <Checkbox
                              size="sm"
                              aria-label={t('admin.delivery.attendance.allDay', { day: longDay(day) })}
                              checked={allPresent(day)}
                              indeterminate={!allPresent(day) && somePresent(day)}
                              disabled={!editable(day) || ids.length === 0}
                              data-cell={`-1:${column}`}
                              onChange={() => change(setDay(draft, day.id, ids, !allPresent(day)))}
                            />
                          </Tooltip>
                          <Text span size="xs" c="dimmed" fw={400} lh={1.2}>
                            {dayStatus(day)}
                          </Text>
                        </Stack>
                      </Table.Th>
                    );
                  })}
                  <Table.Th ta="right" w={110}>
                    {t('admin.delivery.attendance.total')}
                    <Text span size="xs" c="dimmed" fw={400} display="block">
                      {t('admin.delivery.participants.minimum', { min: minAttendancePercent })}
                    </Text>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {participants.map((participant, row) => (
                  <Table.Tr key={participant.id}>
                    <Table.Th scope="row" className="sticky-column" fw={500}>
                      <Text span size="sm" fw={600} display="block">
                        {participant.name}
                      </Text>
                      {participant.nuptk && (
                        <Text span ff="monospace" fz={11} c="dimmed">
                          {participant.nuptk}
                        </Text>
                      )}
                    </Table.Th>
                    {days.map((day, column) => {
                      const cell = cellState(recorded, draft, participant.id, day.id);
                      return (
                        <Table.Td
                          key={day.id}
                          ta="center"
                          className="attendance-cell"
                          data-pending={cell.pending || undefined}
                          data-unrecorded={(!cell.recorded && !draft.days.has(day.id)) || undefined}
                        >
                          <Checkbox
                            size="md"
                            aria-label={cellLabel(participant, day)}
                            checked={cell.present}
                            disabled={!editable(day)}
                            data-cell={`${row}:${column}`}
                            onChange={(event) =>
                              change(setCell(draft, participant.id, day.id, event.currentTarget.checked))
                            }
                            styles={{ body: { justifyContent: 'center' } }}
                          />
                        </Table.Td>
                      );
                    })}
                    <Table.Td ta="right">{total(participant)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {footer}
    </Stack>
  );
}

/** On a phone: one day at a time, everyone's tick in a list. */
function DayAtATime({
  participants,
  days,
  dayStatus,
  editable,
  cellLabel,
  present,
  total,
  onCell,
  onDay,
}: {
  participants: readonly SheetParticipant[];
  days: readonly SheetDay[];
  dayStatus: (day: SheetDay) => string;
  editable: (day: SheetDay) => boolean;
  cellLabel: (participant: SheetParticipant, day: SheetDay) => string;
  present: (
    participantId: string,
    dayId: string,
  ) => { present: boolean; pending: boolean; recorded: boolean };
  total: (participant: SheetParticipant) => ReactNode;
  onCell: (participantId: string, dayId: string, value: boolean) => void;
  onDay: (dayId: string, value: boolean) => void;
}) {
  const { t, locale } = useLocale();
  // Start on the latest day that has happened: usually the one being taken.
  const [index, setIndex] = useState(() => {
    const last = [...days].reverse().findIndex((day) => editable(day));
    return last === -1 ? 0 : days.length - 1 - last;
  });
  const day = days[index];
  if (!day) return null;
  return (
    <Stack gap="sm">
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <ActionIcon
          variant="default"
          size={42}
          aria-label={t('admin.delivery.attendance.previousDay')}
          disabled={index === 0}
          onClick={() => setIndex(index - 1)}
        >
          <IconChevronLeft size={20} aria-hidden />
        </ActionIcon>
        <NativeSelect
          style={{ flex: 1 }}
          size="md"
          label={t('admin.delivery.attendance.pickDay')}
          value={day.id}
          onChange={(event) => setIndex(days.findIndex((item) => item.id === event.currentTarget.value))}
          data={days.map((item) => ({ value: item.id, label: formatTrainingDay(item.date, locale) }))}
        />
        <ActionIcon
          variant="default"
          size={42}
          aria-label={t('admin.delivery.attendance.nextDay')}
          disabled={index === days.length - 1}
          onClick={() => setIndex(index + 1)}
        >
          <IconChevronRight size={20} aria-hidden />
        </ActionIcon>
      </Group>
      <Text size="sm" c="dimmed" mt={-6} aria-live="polite">
        {dayStatus(day)}
      </Text>
      <Group gap="xs" grow>
        <Button
          variant="light"
          size="sm"
          px="xs"
          leftSection={<IconChecks size={16} aria-hidden />}
          disabled={!editable(day) || participants.length === 0}
          onClick={() => onDay(day.id, true)}
        >
          {t('admin.delivery.attendance.markDay')}
        </Button>
        <Button
          variant="default"
          size="sm"
          px="xs"
          disabled={!editable(day) || participants.length === 0}
          onClick={() => onDay(day.id, false)}
        >
          {t('admin.delivery.attendance.clearDay')}
        </Button>
      </Group>
      <Paper withBorder radius="md">
        <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-labelledby="attendance-title">
          {participants.map((participant) => {
            const cell = present(participant.id, day.id);
            return (
              <Box
                component="li"
                key={participant.id}
                px="md"
                py="sm"
                className="attendance-row"
                data-pending={cell.pending || undefined}
              >
                <Group justify="space-between" wrap="nowrap" gap="sm">
                  <Checkbox
                    size="lg"
                    checked={cell.present}
                    disabled={!editable(day)}
                    onChange={(event) => onCell(participant.id, day.id, event.currentTarget.checked)}
                    label={
                      <Text span fw={600} size="md">
                        {participant.name}
                      </Text>
                    }
                    aria-label={cellLabel(participant, day)}
                  />
                  {total(participant)}
                </Group>
              </Box>
            );
          })}
        </Box>
      </Paper>
    </Stack>
  );
}
