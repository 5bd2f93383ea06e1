import { employmentStatuses, genders, localDateAt } from '@kmg/domain';
import { useLocale, viewerTimeZone } from '@kmg/ui';
import {
  Group,
  Radio,
  type RadioGroupProps,
  SimpleGrid,
  Text,
  TextInput,
  type TextInputProps,
} from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';

// The fields a teacher fills in both when registering and when correcting their profile.

type FieldProps = Omit<TextInputProps, 'label' | 'description'>;

export function NameField(props: FieldProps) {
  const { t } = useLocale();
  return (
    <TextInput
      label={t('learner.register.name')}
      description={t('learner.register.nameHint')}
      autoComplete="name"
      withAsterisk
      {...props}
    />
  );
}

export function BirthDateField(props: FieldProps) {
  const { t } = useLocale();
  return (
    <TextInput
      type="date"
      label={t('learner.register.birthDate')}
      description={t('learner.register.birthDateHint')}
      autoComplete="bday"
      max={localDateAt(new Date(), viewerTimeZone())}
      withAsterisk
      {...props}
    />
  );
}

/** Subject, employment status and teaching since, in that order. */
export function TeachingFields({
  getInputProps,
}: {
  getInputProps: (path: 'subject' | 'employmentStatus' | 'teachingSince') => GetInputPropsReturnType;
}) {
  const { t } = useLocale();
  return (
    <>
      <TextInput
        label={t('learner.register.subject')}
        description={t('learner.register.subjectHint')}
        withAsterisk
        {...getInputProps('subject')}
      />
      <EmploymentStatusField {...getInputProps('employmentStatus')} />
      <TextInput
        type="date"
        label={t('learner.register.teachingSince')}
        description={t('learner.register.teachingSinceHint')}
        max={localDateAt(new Date(), viewerTimeZone())}
        withAsterisk
        {...getInputProps('teachingSince')}
      />
    </>
  );
}

/** PNS, PPPK, GTY or honorary, as large radio cards. */
function EmploymentStatusField(props: Omit<RadioGroupProps, 'children' | 'label'>) {
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

/** Optional: female, male, or not stated (the empty value, stored as null). */
export function GenderField(props: Omit<RadioGroupProps, 'children' | 'label'>) {
  const { t } = useLocale();
  return (
    <Radio.Group
      size="md"
      label={t('learner.register.gender')}
      description={t('learner.register.genderHint')}
      {...props}
    >
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs" mt="xs">
        {[...genders, ''].map((gender) => (
          <Radio.Card key={gender || 'none'} value={gender} radius="md" p="sm" className="kmg-radio-card">
            <Group gap="sm" wrap="nowrap">
              <Radio.Indicator />
              <Text size="sm" fw={500}>
                {t(`learner.register.genderValues.${gender || 'NONE'}`)}
              </Text>
            </Group>
          </Radio.Card>
        ))}
      </SimpleGrid>
    </Radio.Group>
  );
}
