import { CharacterCount, useLocale } from '@kmg/ui';
import {
  NumberInput,
  type NumberInputProps,
  Radio,
  type RadioGroupProps,
  Select,
  type SelectProps,
  SimpleGrid,
  Text,
  Textarea,
  type TextareaProps,
  TextInput,
  type TextInputProps,
} from '@mantine/core';
import { ChoiceCard } from '#components/FormParts.tsx';
import { achievementTypes, kkniLevels } from '#lib/achievement-form.ts';

/*
 * The credential fields a call's achievement and a pathway both carry: a name and a description in
 * each language, the achievement type, the KKNI level and the validity. Each form keeps its own
 * labels and layout; the fields behave the same in both. Spread `form.getInputProps(field)` into them.
 */

const LONG_TEXT_MAX = 5000;

/** The KKNI band a level belongs to (domain.md: 1-3 operator, 4-6 technician/analyst, 7-9 expert). */
function kkniBand(level: number): 'operator' | 'technician' | 'expert' {
  return level <= 3 ? 'operator' : level <= 6 ? 'technician' : 'expert';
}

/** A required name in one language (`lang` is the language it is written in). */
export function NameField(props: TextInputProps & { lang: 'id' | 'en' }) {
  return <TextInput required maxLength={200} {...props} />;
}

/** A required long text in one language, with a character count until it is long enough. */
export function LongTextField({ min, ...props }: TextareaProps & { min: number; lang: 'id' | 'en' }) {
  const value = String(props.value ?? '');
  return (
    <div>
      <Textarea required autosize minRows={3} maxRows={10} maxLength={LONG_TEXT_MAX} {...props} />
      {value.length > 0 && value.trim().length < min && (
        <CharacterCount value={value} min={min} max={LONG_TEXT_MAX} />
      )}
    </div>
  );
}

export function AchievementTypeField(props: Omit<RadioGroupProps, 'children'>) {
  const { t } = useLocale();
  return (
    <Radio.Group label={t('admin.delivery.achievement.achievementType')} required {...props}>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" mt={6}>
        {achievementTypes.map((type) => (
          <ChoiceCard
            key={type}
            value={type}
            label={t(`admin.delivery.achievement.type.${type}`)}
            hint={t(`admin.delivery.achievement.typeHint.${type}`)}
          />
        ))}
      </SimpleGrid>
    </Radio.Group>
  );
}

export function KkniLevelField(props: Omit<SelectProps, 'data'>) {
  const { t } = useLocale();
  return (
    <Select
      label={t('admin.delivery.achievement.kkniLevel')}
      description={t('admin.delivery.achievement.kkniHint')}
      placeholder={t('admin.delivery.achievement.pickLevel')}
      required
      data={kkniLevels.map((level) => ({
        value: String(level),
        label: t('admin.delivery.achievement.kkniOption', {
          level,
          band: t(`admin.delivery.achievement.band.${kkniBand(level)}`),
        }),
      }))}
      {...props}
    />
  );
}

/** How many months the credential stays valid; `unitSize` matches the unit label to the column. */
export function ValidityMonthsField({ unitSize, ...props }: NumberInputProps & { unitSize: 'xs' | 'sm' }) {
  const { t } = useLocale();
  return (
    <NumberInput
      label={t('admin.delivery.achievement.validityMonths')}
      min={1}
      max={120}
      allowDecimal={false}
      allowNegative={false}
      rightSection={
        <Text size={unitSize} c="dimmed" pr={8}>
          {t('admin.delivery.achievement.months')}
        </Text>
      }
      rightSectionPointerEvents="none"
      {...props}
    />
  );
}
