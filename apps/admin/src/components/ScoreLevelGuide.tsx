import { useLocale } from '@kmg/ui';
import { Box, Button, Collapse, List, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconChevronUp } from '@tabler/icons-react';

export type ScoreLevelView = { score: number; description: string };

/**
 * What a criterion's scores mean, under its score input: the descriptor of the score entered
 * (announced as it changes), and every level on request, the entered one marked. Narrow screens
 * keep it in one column under the input.
 */
export function ScoreLevelGuide({
  id,
  levels,
  maxScore,
  score,
}: {
  /** Unique per criterion on the page: names the list the toggle opens. */
  id: string;
  levels: readonly ScoreLevelView[];
  maxScore: number;
  /** The score entered, if a whole number on the scale. */
  score: number | null;
}) {
  const { t } = useLocale();
  const [opened, { toggle }] = useDisclosure(false);
  if (levels.length === 0) return null;
  const current = score === null ? null : levels.find((level) => level.score === score);
  const listId = `${id}-levels`;

  return (
    <Box mt={6} data-score-guide={id}>
      <Text
        size="sm"
        aria-live="polite"
        className="score-level-current"
        c={current ? undefined : 'dimmed'}
        bg={current ? 'var(--mantine-color-gray-0)' : undefined}
        bd={current ? '1px solid var(--mantine-color-gray-3)' : undefined}
        px={current ? 'xs' : 0}
        py={current ? 6 : 0}
        style={{ borderRadius: 'var(--mantine-radius-sm)' }}
      >
        {current ? (
          <>
            <Text span fw={700}>
              {t('admin.reviewWork.levelScore', { score: current.score, max: maxScore })}
            </Text>{' '}
            {current.description}
          </>
        ) : score === null ? (
          t('admin.reviewWork.levelPick')
        ) : (
          t('admin.reviewWork.levelNone', { score })
        )}
      </Text>
      <Button
        variant="subtle"
        size="compact-sm"
        px={4}
        mt={4}
        onClick={toggle}
        aria-expanded={opened}
        aria-controls={listId}
        rightSection={
          opened ? <IconChevronUp size={14} aria-hidden /> : <IconChevronDown size={14} aria-hidden />
        }
      >
        {opened
          ? t('admin.reviewWork.levelsHide')
          : t('admin.reviewWork.levelsShow', { count: levels.length })}
      </Button>
      <Collapse expanded={opened} id={listId}>
        <List listStyleType="none" spacing={4} size="sm" mt={4} ml={0} pl={0}>
          {[...levels].reverse().map((level) => {
            const isCurrent = level.score === score;
            return (
              <List.Item
                key={level.score}
                aria-current={isCurrent ? 'true' : undefined}
                fw={isCurrent ? 600 : undefined}
                style={{
                  borderInlineStart: `3px solid ${isCurrent ? 'var(--mantine-color-kmg-6)' : 'var(--mantine-color-gray-3)'}`,
                  paddingInlineStart: 8,
                }}
              >
                <Text span fw={700} ff="monospace">
                  {level.score}
                </Text>{' '}
                {level.description}
              </List.Item>
            );
          })}
        </List>
      </Collapse>
    </Box>
  );
}
