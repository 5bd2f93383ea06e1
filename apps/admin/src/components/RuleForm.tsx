import { ErrorAlert, errorsAfterInput, useLocale } from '@kmg/ui';
import {
  Checkbox,
  Grid,
  Group,
  NumberInput,
  Paper,
  Radio,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type FormErrors, type UseFormReturnType, useForm } from '@mantine/form';
import { useRef } from 'react';
import {
  AddRowButton,
  CalendarDateInput,
  FormSaveBar,
  FormSection,
  ListError,
  RemoveRowButton,
} from '#components/FormParts.tsx';
import { AchievementPicker, SkkniUnitPicker } from '#components/PathwayPickers.tsx';
import { UnsavedChangesGuard } from '#components/UnsavedChangesGuard.tsx';
import { useApiSubmit } from '#components/use-api-submit.ts';
import { focusFirstInvalid } from '#lib/form-errors.ts';
import type { MutationProblem } from '#lib/mutation-result.ts';
import {
  newRequirementRow,
  type RequirementKind,
  type RuleFormValues,
  requirementKinds,
  ruleFieldErrors,
  validateRuleForm,
} from '#lib/rpl-rule-form.ts';

export type RuleCourse = {
  id: string;
  code: string;
  name: string;
  sks: number;
  semester: number;
  kind: string;
  outcomes: readonly { id: string; code: string; text: string; weight: number }[];
};

/**
 * An equivalence rule: which course, what evidence (all requirements must hold), which CPMK it
 * covers and how much must be covered, the SKS, the rationale in both languages and the dates.
 */
export function RuleForm({
  initialValues,
  isNew,
  courses,
  pathways,
  saveLabel,
  notice,
  onSubmit,
}: {
  initialValues: RuleFormValues;
  isNew: boolean;
  courses: readonly RuleCourse[];
  pathways: readonly { code: string; title: string }[];
  saveLabel: string;
  notice?: React.ReactNode;
  onSubmit: (values: RuleFormValues) => Promise<MutationProblem | null>;
}) {
  const { t, locale } = useLocale();
  const submitted = useRef(false);
  const saved = useRef(false);
  const courseOf = (id: string | null) => courses.find((course) => course.id === id) ?? null;
  const form = useForm<RuleFormValues>({
    mode: 'controlled',
    initialValues,
    validate: (values) =>
      validateRuleForm(values, { locale, isNew, courseSks: courseOf(values.courseId)?.sks ?? null }),
    ...errorsAfterInput(submitted),
    onValuesChange: () => {
      if (submitted.current) form.validate();
    },
  });
  const values = form.getValues();
  const course = courseOf(values.courseId);
  const { handleSubmit, problem, saving } = useApiSubmit({
    form,
    submitted,
    save: async (formValues) => {
      saved.current = true;
      const found = await onSubmit(formValues);
      if (found) saved.current = false;
      return found;
    },
    toFieldErrors: ruleFieldErrors,
    onSaved: (formValues) => form.resetDirty(formValues),
    focusFirstError: () => focusFirstInvalid('#rule-form'),
  });

  const coveredWeight = course
    ? course.outcomes
        .filter((o) => values.coveredOutcomes.includes(o.code))
        .reduce((sum, o) => sum + o.weight, 0)
    : 0;
  const totalWeight = course?.outcomes.reduce((sum, o) => sum + o.weight, 0) ?? 0;

  return (
    <form id="rule-form" onSubmit={handleSubmit} noValidate>
      <UnsavedChangesGuard when={() => form.isDirty() && !saved.current} />
      <Stack gap="lg" maw={960}>
        {notice}
        {problem && <ErrorAlert title={t('admin.rpl.form.failed')}>{problem}</ErrorAlert>}
        <FormSection id="rule-course" title={t('admin.rpl.ruleForm.sectionCourse')} order={2} size="h4">
          <Grid gap="md">
            <Grid.Col span={{ base: 12, sm: 4 }}>
              {isNew ? (
                <TextInput
                  size="sm"
                  label={t('admin.rpl.ruleForm.code')}
                  description={t('admin.rpl.ruleForm.codeHint')}
                  required
                  maxLength={40}
                  spellCheck={false}
                  {...form.getInputProps('code')}
                />
              ) : (
                <Text size="sm">{t('admin.rpl.ruleForm.codeFixed', { code: values.code })}</Text>
              )}
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 8 }}>
              <Select
                label={t('admin.rpl.ruleForm.course')}
                placeholder={t('admin.rpl.ruleForm.pickCourse')}
                required
                searchable
                allowDeselect={false}
                data={courses.map((c) => ({
                  value: c.id,
                  label: `${c.code} ${c.name} (${t('admin.rpl.ruleForm.courseSks', { sks: c.sks, semester: c.semester })})`,
                }))}
                comboboxProps={{ withinPortal: true }}
                {...form.getInputProps('courseId')}
                onChange={(next) => {
                  form.setFieldValue('courseId', next);
                  // Another course has other CPMK: start its coverage afresh, every outcome ticked.
                  form.setFieldValue('coveredOutcomes', courseOf(next)?.outcomes.map((o) => o.code) ?? []);
                }}
              />
            </Grid.Col>
          </Grid>
        </FormSection>

        <FormSection
          id="rule-requirements"
          title={t('admin.rpl.ruleForm.sectionRequirements')}
          order={2}
          size="h4"
        >
          <Text size="sm" c="dimmed" mb="sm">
            {t('admin.rpl.ruleForm.requirementsIntro')}
          </Text>
          <ListError error={form.errors.requirements} />
          <Stack gap="sm">
            {values.requirements.map((row, index) => (
              <Paper key={row.key} withBorder radius="sm" p="sm" bg="gray.0">
                <Grid gap="sm" align="flex-start">
                  <Grid.Col span={{ base: 12, sm: 4 }}>
                    <Select
                      label={t('admin.rpl.ruleForm.requirementKind', { n: index + 1 })}
                      allowDeselect={false}
                      data={requirementKinds.map((kind) => ({
                        value: kind,
                        label: t(`admin.rpl.ruleForm.kind.${kind}`),
                      }))}
                      comboboxProps={{ withinPortal: true }}
                      value={row.kind}
                      onChange={(kind) => {
                        form.setFieldValue(`requirements.${index}`, {
                          ...newRequirementRow(kind as RequirementKind),
                          key: row.key,
                        });
                      }}
                      data-requirement-first={row.key}
                    />
                  </Grid.Col>
                  <Grid.Col span={{ base: 10, sm: 7 }}>
                    <RequirementValue form={form} index={index} pathways={pathways} />
                  </Grid.Col>
                  <Grid.Col span={{ base: 2, sm: 1 }}>
                    <RemoveRowButton
                      mt={24}
                      label={t('admin.rpl.ruleForm.removeRequirement', { n: index + 1 })}
                      disabled={values.requirements.length <= 1}
                      onClick={() => form.removeListItem('requirements', index)}
                    />
                  </Grid.Col>
                </Grid>
              </Paper>
            ))}
          </Stack>
          <AddRowButton
            mt="sm"
            disabled={values.requirements.length >= 20}
            onAdd={() => form.insertListItem('requirements', newRequirementRow())}
            newRowField={() => {
              const rows = form.getValues().requirements;
              const last = rows[rows.length - 1];
              return last
                ? document.querySelector<HTMLElement>(`[data-requirement-first="${last.key}"]`)
                : null;
            }}
          >
            {t('admin.rpl.ruleForm.addRequirement')}
          </AddRowButton>
        </FormSection>

        <FormSection id="rule-coverage" title={t('admin.rpl.ruleForm.sectionCoverage')} order={2} size="h4">
          <Stack gap="md">
            {course ? (
              <Checkbox.Group
                label={t('admin.rpl.ruleForm.coveredOutcomes')}
                description={t('admin.rpl.ruleForm.coveredHint', {
                  covered: Math.round((coveredWeight / (totalWeight || 1)) * 100),
                })}
                required
                {...form.getInputProps('coveredOutcomes')}
              >
                <Stack gap={6} mt="xs">
                  {course.outcomes.map((outcome) => (
                    <Checkbox
                      key={outcome.id}
                      value={outcome.code}
                      label={`${outcome.code} ${outcome.text}`}
                      description={t('admin.rpl.curriculum.weight', {
                        weight: `${Math.round((outcome.weight / (totalWeight || 1)) * 100)} %`,
                      })}
                    />
                  ))}
                </Stack>
              </Checkbox.Group>
            ) : (
              <Text size="sm" c="dimmed">
                {t('admin.rpl.ruleForm.pickCourseFirst')}
              </Text>
            )}
            <Radio.Group label={t('admin.rpl.ruleForm.coverage')} {...form.getInputProps('coverageKind')}>
              <Stack gap={6} mt="xs">
                <Radio value="ALL" label={t('admin.rpl.ruleForm.coverageAll')} />
                <Radio value="DEFAULT" label={t('admin.rpl.ruleForm.coverageDefault')} />
                <Group gap="sm" align="center">
                  <Radio value="MIN" label={t('admin.rpl.ruleForm.coverageMin')} />
                  {values.coverageKind === 'MIN' && (
                    <NumberInput
                      aria-label={t('admin.rpl.ruleForm.coverageMinLabel')}
                      w={120}
                      min={0}
                      max={100}
                      decimalScale={1}
                      allowNegative={false}
                      rightSection={
                        <Text size="sm" c="dimmed" pr={8}>
                          %
                        </Text>
                      }
                      rightSectionPointerEvents="none"
                      {...form.getInputProps('minCoveragePercent')}
                    />
                  )}
                </Group>
              </Stack>
            </Radio.Group>
            <NumberInput
              label={t('admin.rpl.ruleForm.sks')}
              description={course ? t('admin.rpl.ruleForm.sksHint', { sks: course.sks }) : undefined}
              required
              maw={240}
              min={1}
              max={course?.sks ?? 24}
              allowDecimal={false}
              allowNegative={false}
              {...form.getInputProps('sks')}
            />
          </Stack>
        </FormSection>

        <FormSection id="rule-rationale" title={t('admin.rpl.ruleForm.sectionRationale')} order={2} size="h4">
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Textarea
                label={t('admin.rpl.ruleForm.rationaleId')}
                required
                autosize
                minRows={3}
                lang="id"
                {...form.getInputProps('rationaleId')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Textarea
                label={t('admin.rpl.ruleForm.rationaleEn')}
                autosize
                minRows={3}
                lang="en"
                {...form.getInputProps('rationaleEn')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <CalendarDateInput
                label={t('admin.rpl.ruleForm.effectiveFrom')}
                required
                {...form.getInputProps('effectiveFrom')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <CalendarDateInput
                label={t('admin.rpl.ruleForm.effectiveTo')}
                description={t('admin.rpl.limits.effectiveToHint')}
                clearable
                {...form.getInputProps('effectiveTo')}
              />
            </Grid.Col>
          </Grid>
        </FormSection>
        <FormSaveBar
          label={saveLabel}
          saving={saving}
          status={form.isDirty() ? t('admin.rpl.form.unsaved') : ''}
        />
      </Stack>
    </form>
  );
}

type Form = UseFormReturnType<RuleFormValues, RuleFormValues, (values: RuleFormValues) => FormErrors>;

/** The value a requirement row asks for: a picked credential, unit or pathway, an outcome, or hours. */
function RequirementValue({
  form,
  index,
  pathways,
}: {
  form: Form;
  index: number;
  pathways: readonly { code: string; title: string }[];
}) {
  const { t } = useLocale();
  const row = form.getValues().requirements[index];
  if (!row) return null;
  const codeProps = form.getInputProps(`requirements.${index}.code`);
  const setCode = (code: string) => form.setFieldValue(`requirements.${index}.code`, code);
  switch (row.kind) {
    case 'ACHIEVEMENT':
      return (
        <AchievementPicker
          label={t('admin.rpl.ruleForm.kind.ACHIEVEMENT')}
          value={row.code}
          valueLabel={row.code || undefined}
          error={codeProps.error}
          onChange={setCode}
          onBlur={codeProps.onBlur}
        />
      );
    case 'SKKNI_UNIT':
      return (
        <SkkniUnitPicker
          label={t('admin.rpl.ruleForm.kind.SKKNI_UNIT')}
          value={row.code}
          valueLabel={row.code || undefined}
          error={codeProps.error}
          onChange={setCode}
          onBlur={codeProps.onBlur}
        />
      );
    case 'PATHWAY':
      return (
        <Select
          label={t('admin.rpl.ruleForm.kind.PATHWAY')}
          placeholder={t('admin.rpl.ruleForm.pickPathway')}
          required
          searchable
          data={[
            ...pathways.map((p) => ({ value: p.code, label: `${p.code} ${p.title}` })),
            ...(row.code && !pathways.some((p) => p.code === row.code)
              ? [{ value: row.code, label: row.code }]
              : []),
          ]}
          comboboxProps={{ withinPortal: true }}
          {...codeProps}
          value={row.code || null}
          onChange={(next) => setCode(next ?? '')}
        />
      );
    case 'LEARNING_OUTCOME':
      return (
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 8 }}>
            <AchievementPicker
              label={t('admin.rpl.ruleForm.outcomeAchievement')}
              value={row.code}
              valueLabel={row.code || undefined}
              error={codeProps.error}
              onChange={setCode}
              onBlur={codeProps.onBlur}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput
              size="sm"
              label={t('admin.rpl.ruleForm.outcomeCode')}
              required
              spellCheck={false}
              {...form.getInputProps(`requirements.${index}.outcomeCode`)}
            />
          </Grid.Col>
        </Grid>
      );
    case 'HOURS':
      return (
        <NumberInput
          label={t('admin.rpl.ruleForm.hours')}
          description={t('admin.rpl.ruleForm.hoursHint')}
          required
          min={1}
          max={10000}
          allowDecimal={false}
          allowNegative={false}
          {...form.getInputProps(`requirements.${index}.minimum`)}
        />
      );
  }
}
