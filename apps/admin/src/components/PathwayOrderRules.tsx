import { useLocale } from '@kmg/ui';
import { Box, Group, Select, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { AddRowButton, ListError, RemoveRowButton } from '#components/FormParts.tsx';
import type { PathwayFormValues } from '#lib/pathway-form.ts';

/**
 * Order rules between requirements, read as a sentence: "Syarat [X] harus diperoleh sebelum [Y]".
 * The choices are the tree's requirements by number and name.
 */
export function PathwayOrderRules({
  form,
  items,
}: {
  form: UseFormReturnType<PathwayFormValues>;
  /** Every requirement in tree order: its id and how it is named here ("Syarat 2 · Robot las"). */
  items: readonly { id: string; label: string }[];
}) {
  const { t } = useLocale();
  const rules = form.getValues().precedes;
  const data = items.map((item) => ({ value: item.id, label: item.label }));
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('admin.pathwayBuilder.order.intro')}
      </Text>
      <ListError error={form.errors.precedes} />
      {rules.length === 0 && (
        <Text size="sm" fs="italic">
          {t('admin.pathwayBuilder.order.none')}
        </Text>
      )}
      {rules.map((rule, index) => (
        <Box key={index} className="pathway-order-rule" data-order={index}>
          <Select
            label={t('admin.pathwayBuilder.order.before')}
            placeholder={t('admin.pathwayBuilder.order.pickItem')}
            required
            data={data.map((option) => ({ ...option, disabled: option.value === rule.after }))}
            {...form.getInputProps(`precedes.${index}.before`)}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t('admin.pathwayBuilder.order.after')}
            placeholder={t('admin.pathwayBuilder.order.pickItem')}
            required
            data={data.map((option) => ({ ...option, disabled: option.value === rule.before }))}
            {...form.getInputProps(`precedes.${index}.after`)}
            comboboxProps={{ withinPortal: true }}
          />
          <Group className="pathway-order-remove">
            <RemoveRowButton
              label={t('admin.pathwayBuilder.order.remove', { n: index + 1 })}
              onClick={() => form.removeListItem('precedes', index)}
            />
          </Group>
        </Box>
      ))}
      <div>
        <AddRowButton
          disabled={items.length < 2}
          onAdd={() => form.insertListItem('precedes', { before: null, after: null })}
          newRowField={() =>
            document.querySelector<HTMLElement>(`[data-order="${rules.length}"] input:not([type="hidden"])`)
          }
        >
          {t('admin.pathwayBuilder.order.add')}
        </AddRowButton>
        {items.length < 2 && (
          <Text size="xs" c="dimmed" mt={4}>
            {t('admin.pathwayBuilder.order.needsTwo')}
          </Text>
        )}
      </div>
    </Stack>
  );
}
