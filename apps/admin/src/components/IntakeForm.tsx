import { ErrorAlert, errorsAfterInput, useLocale, viewerTimeZone } from '@kmg/ui';
import { Button, Grid, Group, NumberInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useRef } from 'react';
import { CalendarDateInput, VenueDateTimeInput } from '#components/FormParts.tsx';
import { useApiSubmit } from '#components/use-api-submit.ts';
import { focusFirstInvalid } from '#lib/form-errors.ts';
import type { MutationProblem } from '#lib/mutation-result.ts';
import { emptyIntakeForm, type IntakeFormValues, validateIntakeForm } from '#lib/rpl-catalogue-form.ts';
import { zoneAbbreviation } from '#lib/venue-time.ts';

/** A new intake (gelombang): code, names, application window, cut-off date, study start, quota. */
export function IntakeForm({
  onSubmit,
  onCancel,
}: {
  onSubmit: (values: IntakeFormValues, timeZone: string) => Promise<MutationProblem | null>;
  onCancel: () => void;
}) {
  const { t, locale } = useLocale();
  const timeZone = viewerTimeZone();
  const submitted = useRef(false);
  const form = useForm<IntakeFormValues>({
    mode: 'controlled',
    initialValues: emptyIntakeForm,
    validate: (values) => validateIntakeForm(values, { locale, timeZone }),
    ...errorsAfterInput(submitted),
    onValuesChange: () => {
      if (submitted.current) form.validate();
    },
  });
  const { handleSubmit, problem, saving } = useApiSubmit({
    form,
    submitted,
    save: (values) => onSubmit(values, timeZone),
    focusFirstError: () => focusFirstInvalid('#intake-form'),
  });
  const zone = zoneAbbreviation(timeZone);
  return (
    <form id="intake-form" onSubmit={handleSubmit} noValidate>
      <Stack gap="md">
        {problem && <ErrorAlert title={t('admin.rpl.form.failed')}>{problem}</ErrorAlert>}
        <Grid gap="md">
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput
              size="sm"
              label={t('admin.rpl.intakeForm.code')}
              required
              maxLength={40}
              spellCheck={false}
              {...form.getInputProps('code')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 8 }}>
            <NumberInput
              label={t('admin.rpl.intakeForm.quota')}
              description={t('admin.rpl.intakeForm.quotaHint')}
              min={1}
              max={10000}
              allowDecimal={false}
              allowNegative={false}
              {...form.getInputProps('quota')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              size="sm"
              label={t('admin.rpl.intakeForm.nameId')}
              required
              lang="id"
              {...form.getInputProps('nameId')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              size="sm"
              label={t('admin.rpl.intakeForm.nameEn')}
              required
              lang="en"
              {...form.getInputProps('nameEn')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <VenueDateTimeInput
              zone={zone}
              label={t('admin.rpl.intakeForm.opensAt')}
              {...form.getInputProps('opensAt')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <VenueDateTimeInput
              zone={zone}
              label={t('admin.rpl.intakeForm.closesAt')}
              {...form.getInputProps('closesAt')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <CalendarDateInput
              label={t('admin.rpl.intakeForm.cutoffDate')}
              description={t('admin.rpl.intakeForm.cutoffHint')}
              required
              {...form.getInputProps('cutoffDate')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <CalendarDateInput
              label={t('admin.rpl.intakeForm.startsOn')}
              required
              {...form.getInputProps('startsOn')}
            />
          </Grid.Col>
        </Grid>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} disabled={saving}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={saving}>
            {t('admin.rpl.intakeForm.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
