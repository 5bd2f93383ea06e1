import { JOB_LINKS_MAX } from '@kmg/domain';
import { ErrorAlert, errorsAfterInput, useLocale } from '@kmg/ui';
import { Button, Grid, Group, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useRef } from 'react';
import { AddRowButton, FormSaveBar, RemoveRowButton } from '#components/FormParts.tsx';
import { UnsavedChangesGuard } from '#components/UnsavedChangesGuard.tsx';
import { useApiSubmit } from '#components/use-api-submit.ts';
import { focusFirstInvalid } from '#lib/form-errors.ts';
import { type JobLinksFormValues, jobLinkRow, validateJobLinksForm } from '#lib/job-links-form.ts';
import type { MutationProblem } from '#lib/mutation-result.ts';

/**
 * One skill area's job platforms, in the order teachers see them: name, https address and a line
 * in each language. Saving replaces the area's list.
 */
export function JobLinksForm({
  formId,
  areaName,
  initialValues,
  onSubmit,
  onCancel,
}: {
  formId: string;
  areaName: string;
  initialValues: JobLinksFormValues;
  onSubmit: (values: JobLinksFormValues) => Promise<MutationProblem | null>;
  onCancel: () => void;
}) {
  const { t, locale } = useLocale();
  const submitted = useRef(false);
  const saved = useRef(false);
  const form = useForm<JobLinksFormValues>({
    mode: 'controlled',
    initialValues,
    validate: (values) => validateJobLinksForm(values, locale),
    ...errorsAfterInput(submitted),
    onValuesChange: () => {
      if (submitted.current) form.validate();
    },
  });
  // Messages already shown follow a change of language.
  useEffect(() => {
    if (submitted.current) form.validate();
  }, [locale]);
  const { links } = form.getValues();
  const { handleSubmit, problem, saving } = useApiSubmit({
    form,
    submitted,
    save: async (values) => {
      saved.current = true;
      const found = await onSubmit(values);
      if (found) saved.current = false;
      return found;
    },
    focusFirstError: () => focusFirstInvalid(`#${formId}`),
  });

  return (
    <form id={formId} onSubmit={handleSubmit} noValidate>
      <UnsavedChangesGuard when={() => form.isDirty() && !saved.current} />
      <Stack gap="sm">
        {problem && <ErrorAlert title={t('admin.jobLinks.failed')}>{problem}</ErrorAlert>}
        {links.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('admin.jobLinks.noneHint')}
          </Text>
        )}
        <Stack gap="sm" data-rows>
          {links.map((link, index) => (
            <Paper key={link.key} withBorder radius="md" p="sm" data-row>
              <Group justify="space-between" mb={4} wrap="nowrap">
                <Title order={3} size="h6">
                  {t('admin.jobLinks.link', { number: index + 1 })}
                </Title>
                <RemoveRowButton
                  label={t('admin.jobLinks.remove', { number: index + 1, area: areaName })}
                  onClick={() => form.removeListItem('links', index)}
                />
              </Group>
              <Grid gap="sm">
                <Grid.Col span={{ base: 12, sm: 4 }}>
                  <TextInput
                    size="sm"
                    label={t('admin.jobLinks.name')}
                    description={t('admin.jobLinks.nameHint')}
                    required
                    maxLength={80}
                    {...form.getInputProps(`links.${index}.name`)}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 8 }}>
                  <TextInput
                    size="sm"
                    type="url"
                    label={t('admin.jobLinks.url')}
                    description={t('admin.jobLinks.urlHint')}
                    required
                    maxLength={500}
                    spellCheck={false}
                    autoCapitalize="off"
                    {...form.getInputProps(`links.${index}.url`)}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <Textarea
                    size="sm"
                    label={t('admin.jobLinks.descriptionId')}
                    required
                    lang="id"
                    autosize
                    minRows={2}
                    maxLength={300}
                    {...form.getInputProps(`links.${index}.descriptionId`)}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <Textarea
                    size="sm"
                    label={t('admin.jobLinks.descriptionEn')}
                    required
                    lang="en"
                    autosize
                    minRows={2}
                    maxLength={300}
                    {...form.getInputProps(`links.${index}.descriptionEn`)}
                  />
                </Grid.Col>
              </Grid>
            </Paper>
          ))}
        </Stack>
        <AddRowButton
          disabled={links.length >= JOB_LINKS_MAX}
          onAdd={() => form.insertListItem('links', jobLinkRow())}
          newRowField={() =>
            document.querySelector<HTMLInputElement>(`#${formId} [data-rows] > [data-row]:last-child input`)
          }
        >
          {t('admin.jobLinks.add')}
        </AddRowButton>
        <Group gap="sm" justify="space-between">
          <FormSaveBar
            label={t('admin.jobLinks.save')}
            saving={saving}
            status={form.isDirty() ? t('admin.jobLinks.unsaved') : ''}
          />
          <Button variant="default" onClick={onCancel} disabled={saving}>
            {t('admin.jobLinks.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
