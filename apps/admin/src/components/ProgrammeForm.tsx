import { ErrorAlert, errorsAfterInput, useLocale } from '@kmg/ui';
import { Checkbox, Grid, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useRef } from 'react';
import { CalendarDateInput, FormSaveBar, FormSection } from '#components/FormParts.tsx';
import { UnsavedChangesGuard } from '#components/UnsavedChangesGuard.tsx';
import { useApiSubmit } from '#components/use-api-submit.ts';
import { focusFirstInvalid } from '#lib/form-errors.ts';
import type { MutationProblem } from '#lib/mutation-result.ts';
import {
  accreditations,
  degreeLevels,
  type ProgrammeFormValues,
  studyModes,
  validateProgrammeForm,
} from '#lib/rpl-catalogue-form.ts';

/**
 * A study programme's catalogue entry: code, names in both languages, degree, accreditation, SKS.
 * With `universities` (an admin creating one) it starts by asking whose programme it is.
 */
export function ProgrammeForm({
  initialValues,
  saveLabel,
  universities,
  onSubmit,
}: {
  initialValues: ProgrammeFormValues;
  saveLabel: string;
  universities?: readonly { value: string; label: string }[];
  onSubmit: (values: ProgrammeFormValues) => Promise<MutationProblem | null>;
}) {
  const { t, locale } = useLocale();
  const submitted = useRef(false);
  const saved = useRef(false);
  const form = useForm<ProgrammeFormValues>({
    mode: 'controlled',
    initialValues,
    validate: (values) => validateProgrammeForm(values, { locale, needsUniversity: Boolean(universities) }),
    ...errorsAfterInput(submitted),
    onValuesChange: () => {
      if (submitted.current) form.validate();
    },
  });
  const values = form.getValues();
  const { handleSubmit, problem, saving } = useApiSubmit({
    form,
    submitted,
    save: async (formValues) => {
      saved.current = true;
      const found = await onSubmit(formValues);
      if (found) saved.current = false;
      return found;
    },
    onSaved: (formValues) => form.resetDirty(formValues),
    focusFirstError: () => focusFirstInvalid('#programme-form'),
  });

  return (
    <form id="programme-form" onSubmit={handleSubmit} noValidate>
      <UnsavedChangesGuard when={() => form.isDirty() && !saved.current} />
      <Stack gap="lg" maw={880}>
        {problem && <ErrorAlert title={t('admin.rpl.form.failed')}>{problem}</ErrorAlert>}
        <FormSection
          id="programme-identity"
          title={t('admin.rpl.programmeForm.sectionIdentity')}
          order={2}
          size="h4"
        >
          <Grid gap="md">
            {universities && (
              <Grid.Col span={12}>
                <Select
                  label={t('admin.rpl.programmeForm.university')}
                  description={t('admin.rpl.programmeForm.universityHint')}
                  placeholder={t('admin.rpl.programmeForm.universityPlaceholder')}
                  required
                  searchable
                  nothingFoundMessage={t('admin.rpl.programmeForm.universityNone')}
                  data={[...universities]}
                  {...form.getInputProps('universityId')}
                />
              </Grid.Col>
            )}
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput
                size="sm"
                label={t('admin.rpl.programmeForm.code')}
                description={t('admin.rpl.programmeForm.codeHint')}
                required
                maxLength={40}
                spellCheck={false}
                {...form.getInputProps('code')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <Select
                label={t('admin.rpl.programmeForm.degree')}
                required
                allowDeselect={false}
                data={degreeLevels.map((degree) => ({
                  value: degree,
                  label: t(`admin.rpl.degree.${degree}`),
                }))}
                {...form.getInputProps('degree')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <Select
                label={t('admin.rpl.programmeForm.mode')}
                required
                allowDeselect={false}
                data={studyModes.map((mode) => ({ value: mode, label: t(`admin.rpl.mode.${mode}`) }))}
                {...form.getInputProps('mode')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                size="sm"
                label={t('admin.rpl.programmeForm.nameId')}
                required
                lang="id"
                {...form.getInputProps('nameId')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                size="sm"
                label={t('admin.rpl.programmeForm.nameEn')}
                required
                lang="en"
                {...form.getInputProps('nameEn')}
              />
            </Grid.Col>
          </Grid>
        </FormSection>
        <FormSection
          id="programme-study"
          title={t('admin.rpl.programmeForm.sectionStudy')}
          order={2}
          size="h4"
        >
          <Grid gap="md">
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Select
                label={t('admin.rpl.programmeForm.accreditation')}
                placeholder={t('admin.rpl.programme.notAccredited')}
                clearable
                data={accreditations.map((grade) => ({
                  value: grade,
                  label: t(`admin.rpl.accreditation.${grade}`),
                }))}
                {...form.getInputProps('accreditation')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <CalendarDateInput
                label={t('admin.rpl.programmeForm.accreditationExpiresOn')}
                clearable
                disabled={!values.accreditation}
                {...form.getInputProps('accreditationExpiresOn')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <NumberInput
                label={t('admin.rpl.programmeForm.totalSks')}
                required
                min={1}
                max={400}
                allowDecimal={false}
                allowNegative={false}
                {...form.getInputProps('totalSks')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <NumberInput
                label={t('admin.rpl.programmeForm.semesters')}
                required
                min={1}
                max={16}
                allowDecimal={false}
                allowNegative={false}
                {...form.getInputProps('semesters')}
              />
            </Grid.Col>
            <Grid.Col span={12}>
              <Checkbox
                label={t('admin.rpl.programmeForm.rplOffered')}
                description={t('admin.rpl.programmeForm.rplOfferedHint')}
                {...form.getInputProps('rplOffered', { type: 'checkbox' })}
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
