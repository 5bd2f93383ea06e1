import { formatInstant, formatLocalDate, useLocale } from '@kmg/ui';
import { Badge, Group, Stack, Text } from '@mantine/core';
import { IconCalendarEvent } from '@tabler/icons-react';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';

export const RplIntake_intake = graphql(`
  fragment RplIntake_intake on RplIntake {
    id
    name
    isOpen
    opensAt
    closesAt
    startsOn
    cutoffDate
  }
`);

/**
 * A programme's RPL intake: open now (until when) or the next one (from when), when classes start,
 * and the cut-off date at which credentials must still be valid.
 */
export function RplIntake({
  intake: data,
  isDetailed = false,
}: {
  intake: FragmentOf<typeof RplIntake_intake> | null;
  /** On the programme page: the start of classes and the cut-off date too. */
  isDetailed?: boolean;
}) {
  const { t, locale } = useLocale();
  const intake = readFragment(RplIntake_intake, data);
  if (!intake) {
    return (
      <Text size="sm" c="gray.7">
        {t('learner.rpl.intake.none')}
      </Text>
    );
  }
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <IconCalendarEvent size={18} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
      <Stack gap={2}>
        <Group gap={6}>
          <Badge color={intake.isOpen ? 'green' : 'gray'} variant="light" tt="none" size="md">
            {intake.isOpen ? t('learner.rpl.intake.open') : t('learner.rpl.intake.upcoming')}
          </Badge>
          <Text size="sm" fw={600}>
            {intake.name}
          </Text>
        </Group>
        <Text size="sm" c="gray.8">
          {intake.isOpen
            ? t('learner.rpl.intake.closes', { date: formatInstant(intake.closesAt, locale) })
            : t('learner.rpl.intake.opens', { date: formatInstant(intake.opensAt, locale) })}
        </Text>
        {isDetailed && (
          <>
            <Text size="sm" c="gray.8">
              {t('learner.rpl.intake.starts', { date: formatLocalDate(intake.startsOn, locale) })}
            </Text>
            <Text size="sm" c="gray.8">
              {t('learner.rpl.intake.cutoff', { date: formatLocalDate(intake.cutoffDate, locale) })}
            </Text>
          </>
        )}
      </Stack>
    </Group>
  );
}
