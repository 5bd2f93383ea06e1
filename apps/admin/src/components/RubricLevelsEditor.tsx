import { MAX_DESCRIBED_SCALE } from '@kmg/domain';
import { useLocale } from '@kmg/ui';
import { Accordion, Badge, Group, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { describableScores, describedCount, type SelectionSettingsValues } from '#lib/selection-settings.ts';

const LEVEL_MAX = 300;

/**
 * What each score of each criterion means, written for the reviewers: one panel per criterion,
 * a pair of texts (Indonesian, English) per score from 0 to its maximum. A panel with a problem
 * opens by itself, so the first field to fix can take the focus.
 */
export function RubricLevelsEditor({ form }: { form: UseFormReturnType<SelectionSettingsValues> }) {
  const { t } = useLocale();
  const values = form.getValues();
  const [opened, setOpened] = useState<string[]>([]);
  const withErrors = values.rubric.flatMap((_, index) =>
    Object.keys(form.errors).some((path) => path.startsWith(`rubric.${index}.levels.`))
      ? [String(index)]
      : [],
  );
  const open = [...new Set([...opened, ...withErrors])];

  return (
    <section aria-labelledby="settings-levels" style={{ marginTop: 'var(--mantine-spacing-lg)' }}>
      <Title order={5} size="h6" id="settings-levels" mb={2}>
        {t('admin.settings.levelsTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('admin.settings.levelsHint')}
      </Text>
      <Accordion multiple variant="separated" radius="md" value={open} onChange={setOpened}>
        {values.rubric.map((row, index) => {
          const n = index + 1;
          const scores = describableScores(row);
          const count = describedCount(row);
          const name = row.nameId.trim() || t('admin.settings.criterionN', { n });
          return (
            <Accordion.Item key={index} value={String(index)}>
              <Accordion.Control>
                <Group gap="xs" wrap="wrap">
                  <Text size="sm" fw={600}>
                    {n}. {name}
                  </Text>
                  <Badge variant="light" color={count > 0 ? 'teal' : 'gray'} tt="none" size="sm">
                    {scores.length === 0
                      ? t('admin.settings.levelsUnavailable')
                      : t('admin.settings.levelsCount', { count, total: scores.length })}
                  </Badge>
                  {withErrors.includes(String(index)) && (
                    <IconAlertTriangle
                      size={16}
                      color="var(--mantine-color-red-8)"
                      aria-label={t('admin.settings.levelsHasErrors')}
                    />
                  )}
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                {scores.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('admin.settings.levelsNoScale', { max: MAX_DESCRIBED_SCALE })}
                  </Text>
                ) : (
                  <Stack gap="sm">
                    {scores.map((score) => (
                      <SimpleGrid key={score} cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing={4}>
                        <Textarea
                          label={t('admin.settings.levelId', { score })}
                          aria-label={t('admin.settings.levelIdOf', { score, n })}
                          autosize
                          minRows={1}
                          maxRows={4}
                          maxLength={LEVEL_MAX}
                          {...form.getInputProps(`rubric.${index}.levels.${score}.descriptionId`)}
                        />
                        <Textarea
                          label={t('admin.settings.levelEn', { score })}
                          aria-label={t('admin.settings.levelEnOf', { score, n })}
                          autosize
                          minRows={1}
                          maxRows={4}
                          maxLength={LEVEL_MAX}
                          {...form.getInputProps(`rubric.${index}.levels.${score}.descriptionEn`)}
                        />
                      </SimpleGrid>
                    ))}
                  </Stack>
                )}
              </Accordion.Panel>
            </Accordion.Item>
          );
        })}
      </Accordion>
    </section>
  );
}
