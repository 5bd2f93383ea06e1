import { ErrorAlert, errorsAfterInput, formatNumber, useLocale } from '@kmg/ui';
import { Alert, Grid, NumberInput, Radio, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { type ReactNode, useRef } from 'react';
import {
  AchievementTypeField,
  KkniLevelField,
  LongTextField,
  NameField,
  ValidityMonthsField,
} from '#components/AchievementFields.tsx';
import { ChoiceCard, FormSaveBar, FormSection } from '#components/FormParts.tsx';
import { UnsavedChangesGuard } from '#components/UnsavedChangesGuard.tsx';
import { useApiSubmit } from '#components/use-api-submit.ts';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';
import {
  type AchievementFormValues,
  achievementFormFromCall,
  assessmentKinds,
  toAchievementInput,
  validateAchievementForm,
} from '#lib/achievement-form.ts';
import { focusFirstInvalid } from '#lib/form-errors.ts';
import type { MutationProblem } from '#lib/mutation-result.ts';

export const AchievementForm_call = graphql(`
  fragment AchievementForm_call on TrainingCall {
    id
    title
    description
    assessmentKind
    minAttendancePercent
    trainingHours
    sksByWorkload
    competencyUnits { id }
    achievement {
      id
      achievementType
      nameId
      nameEn
      descriptionId
      descriptionEn
      criteriaId
      criteriaEn
      kkniLevel
      sks
      validityMonths
      assessmentMethod
      qualityAssurance
    }
  }
`);

export type AchievementInputValues = ReturnType<typeof toAchievementInput>;

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <FormSection id={id} title={title} order={4} size="h5">
      {children}
    </FormSection>
  );
}

/**
 * What a call awards: the credential template in Bahasa Indonesia and English (both go into the
 * signed credential), its type, KKNI level, SKS and validity, how it is assessed and quality-assured,
 * and the completion rule. Checked with the API's rules as people type; its answer lands on the
 * same fields.
 */
export function AchievementForm({
  call: data,
  onValuesChange,
  onSubmit,
}: {
  call: FragmentOf<typeof AchievementForm_call>;
  /** Lets the page show the credential's elements as they are being filled in. */
  onValuesChange?: (values: AchievementFormValues) => void;
  onSubmit: (input: AchievementInputValues) => Promise<MutationProblem | null>;
}) {
  const { t, locale } = useLocale();
  const call = readFragment(AchievementForm_call, data);
  const submitted = useRef(false);
  const form = useForm<AchievementFormValues>({
    mode: 'controlled',
    initialValues: achievementFormFromCall(call),
    validate: (values) => validateAchievementForm(values, locale),
    ...errorsAfterInput(submitted),
    onValuesChange: (values) => {
      if (submitted.current) form.validate();
      onValuesChange?.(values);
    },
  });
  const values = form.getValues();

  const { handleSubmit, problem, saving } = useApiSubmit({
    form,
    submitted,
    save: (formValues) => onSubmit(toAchievementInput(formValues)),
    onSaved: (formValues) => form.resetDirty(formValues),
    focusFirstError: () => focusFirstInvalid('#achievement-form'),
  });

  const textArea = (field: 'descriptionId' | 'descriptionEn' | 'criteriaId' | 'criteriaEn', min: number) => (
    <LongTextField
      label={t(`admin.delivery.achievement.${field}`)}
      description={t(
        field.startsWith('description')
          ? 'admin.delivery.achievement.descriptionHint'
          : 'admin.delivery.achievement.criteriaHint',
      )}
      min={min}
      lang={field.endsWith('En') ? 'en' : 'id'}
      {...form.getInputProps(field)}
    />
  );

  return (
    <form onSubmit={handleSubmit} noValidate id="achievement-form" aria-labelledby="achievement-title">
      <UnsavedChangesGuard when={() => form.isDirty()} />
      <Stack gap="lg">
        {problem && <ErrorAlert title={t('admin.delivery.achievement.failed')}>{problem}</ErrorAlert>}

        <Section id="achievement-identity" title={t('admin.delivery.achievement.sectionIdentity')}>
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              {(['nameId', 'nameEn'] as const).map((field) => (
                <NameField
                  key={field}
                  label={t(`admin.delivery.achievement.${field}`)}
                  description={t('admin.delivery.achievement.nameHint')}
                  lang={field === 'nameEn' ? 'en' : 'id'}
                  {...form.getInputProps(field)}
                />
              ))}
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              {textArea('descriptionId', 20)}
              {textArea('descriptionEn', 20)}
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              {textArea('criteriaId', 10)}
              {textArea('criteriaEn', 10)}
            </SimpleGrid>
          </Stack>
        </Section>

        <Section id="achievement-level" title={t('admin.delivery.achievement.sectionLevel')}>
          <Stack gap="md">
            <AchievementTypeField {...form.getInputProps('achievementType')} />
            <Grid gap="md">
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <KkniLevelField allowDeselect={false} {...form.getInputProps('kkniLevel')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <NumberInput
                  label={t('admin.delivery.achievement.sks')}
                  description={t('admin.delivery.achievement.sksHint', {
                    sks: formatNumber(call.sksByWorkload, locale),
                    hours: formatNumber(call.trainingHours, locale),
                  })}
                  placeholder={formatNumber(call.sksByWorkload, locale)}
                  min={0}
                  max={24}
                  step={0.5}
                  decimalScale={2}
                  decimalSeparator={locale === 'id' ? ',' : '.'}
                  allowNegative={false}
                  {...form.getInputProps('sks')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <ValidityMonthsField
                  description={t('admin.delivery.achievement.validityHint')}
                  unitSize="xs"
                  rightSectionWidth={60}
                  {...form.getInputProps('validityMonths')}
                />
              </Grid.Col>
            </Grid>
          </Stack>
        </Section>

        <Section id="achievement-assessment" title={t('admin.delivery.achievement.sectionAssessment')}>
          <Stack gap="md">
            <Radio.Group
              label={t('admin.delivery.achievement.assessmentKind')}
              required
              {...form.getInputProps('assessmentKind')}
            >
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mt={6}>
                {assessmentKinds.map((kind) => (
                  <ChoiceCard
                    key={kind}
                    value={kind}
                    label={t(`admin.delivery.achievement.kind.${kind}`)}
                    hint={t(`admin.delivery.achievement.kindHint.${kind}`)}
                  />
                ))}
              </SimpleGrid>
            </Radio.Group>
            {values.assessmentKind === 'COMPETENCY' && call.competencyUnits.length === 0 && (
              <Alert variant="light" color="yellow" icon={<IconAlertTriangle size={18} aria-hidden />}>
                {t('admin.delivery.achievement.noUnitsWarning')}
              </Alert>
            )}
            <Grid gap="md">
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <NumberInput
                  label={t('admin.delivery.achievement.minAttendancePercent')}
                  description={t('admin.delivery.achievement.minAttendanceHint')}
                  required
                  min={0}
                  max={100}
                  allowDecimal={false}
                  allowNegative={false}
                  rightSection={
                    <Text size="sm" c="dimmed" pr={8}>
                      %
                    </Text>
                  }
                  rightSectionPointerEvents="none"
                  {...form.getInputProps('minAttendancePercent')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 8 }}>
                <Textarea
                  label={t('admin.delivery.achievement.assessmentMethod')}
                  description={t('admin.delivery.achievement.assessmentMethodHint')}
                  required
                  autosize
                  minRows={2}
                  maxRows={6}
                  maxLength={1000}
                  {...form.getInputProps('assessmentMethod')}
                />
              </Grid.Col>
            </Grid>
            <Textarea
              label={t('admin.delivery.achievement.qualityAssurance')}
              description={t('admin.delivery.achievement.qualityAssuranceHint')}
              required
              autosize
              minRows={2}
              maxRows={6}
              maxLength={1000}
              {...form.getInputProps('qualityAssurance')}
            />
          </Stack>
        </Section>

        <FormSaveBar
          label={t('admin.delivery.achievement.save')}
          saving={saving}
          status={form.isDirty() ? t('admin.delivery.achievement.unsaved') : ''}
        />
      </Stack>
    </form>
  );
}
