import { employmentStatuses } from '@kmg/domain';
import { useLocale } from '@kmg/ui';
import { Group, Radio, type RadioGroupProps, SimpleGrid, Text } from '@mantine/core';

/** PNS, PPPK, GTY or honorary, as large radio cards (registration and profile). */
export function EmploymentStatusField(props: Omit<RadioGroupProps, 'children' | 'label'>) {
  const { t } = useLocale();
  return (
    <Radio.Group size="md" label={t('learner.register.employment')} withAsterisk {...props}>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt="xs">
        {employmentStatuses.map((status) => (
          <Radio.Card key={status} value={status} radius="md" p="sm" className="kmg-radio-card">
            <Group gap="sm" wrap="nowrap">
              <Radio.Indicator />
              <Text size="sm" fw={500}>
                {t(`status.employment.${status}`)}
              </Text>
            </Group>
          </Radio.Card>
        ))}
      </SimpleGrid>
    </Radio.Group>
  );
}
