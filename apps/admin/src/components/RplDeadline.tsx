import { formatLocalDate, useLocale } from '@kmg/ui';
import { Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconClock } from '@tabler/icons-react';
import { type Deadline, deadlineTone } from '#lib/rpl-case.ts';

const toneColors = { overdue: 'red.8', soon: 'orange.9', onTime: undefined } as const;

/**
 * A step's due date and how far off it is. Lateness is said in words and marked with an icon, not
 * only in red ("Terlambat 2 hari").
 */
export function RplDeadline({
  deadline,
  label,
  compact = false,
}: {
  deadline: Deadline;
  /** The step's name, shown before the date (omitted in a table whose column names it). */
  label?: string;
  compact?: boolean;
}) {
  const { t, locale } = useLocale();
  const tone = deadlineTone(deadline);
  const due = formatLocalDate(deadline.dueOn, locale, compact ? 'medium' : 'long');
  const distance =
    tone === 'overdue'
      ? t('admin.rplCase.deadline.overdue', { count: Math.abs(deadline.daysLeft) })
      : deadline.daysLeft === 0
        ? t('admin.rplCase.deadline.today')
        : t('admin.rplCase.deadline.daysLeft', { count: deadline.daysLeft });
  const Icon = tone === 'overdue' ? IconAlertTriangle : IconClock;
  return (
    <Group gap={6} wrap="nowrap" align="flex-start" data-tone={tone}>
      <Icon
        size={compact ? 16 : 18}
        aria-hidden
        style={{ flexShrink: 0, marginTop: 2 }}
        color={tone === 'overdue' ? 'var(--mantine-color-red-8)' : 'var(--mantine-color-dimmed)'}
      />
      <div>
        {label && (
          <Text size="xs" c="dimmed">
            {label}
          </Text>
        )}
        <Text size="sm" fw={tone === 'onTime' ? 400 : 600} c={toneColors[tone]}>
          {t('admin.rplCase.deadline.due', { date: due })}
        </Text>
        <Text size="xs" fw={tone === 'overdue' ? 700 : 400} c={toneColors[tone] ?? 'dimmed'}>
          {distance}
        </Text>
      </div>
    </Group>
  );
}
