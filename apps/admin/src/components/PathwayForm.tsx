import { ErrorAlert, errorsAfterInput, useLocale } from '@kmg/ui';
import { Alert, Box, Checkbox, Grid, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle } from '@tabler/icons-react';
import { type ReactNode, useMemo, useRef, useState } from 'react';
import {
  AchievementTypeField,
  KkniLevelField,
  LongTextField,
  NameField,
  ValidityMonthsField,
} from '#components/AchievementFields.tsx';
import { FormSaveBar, FormSection } from '#components/FormParts.tsx';
import { PathwayOrderRules } from '#components/PathwayOrderRules.tsx';
import { PathwayPreview } from '#components/PathwayPreview.tsx';
import { PathwayTreeEditor, type TreeLookups } from '#components/PathwayTreeEditor.tsx';
import { UnsavedChangesGuard } from '#components/UnsavedChangesGuard.tsx';
import { useApiSubmit } from '#components/use-api-submit.ts';
import { graphql } from '#graphql.ts';
import { focusFirstInvalid } from '#lib/form-errors.ts';
import type { MutationProblem } from '#lib/mutation-result.ts';
import {
  PATHWAY_MAX_DEPTH,
  type PathwayFormValues,
  pathwayFieldErrors,
  treeItems,
  validatePathwayForm,
} from '#lib/pathway-form.ts';
import { itemLabel, type LabelSources } from '#lib/pathway-labels.ts';

/**
 * A saved version's content and requirements, as the builder and the version page read them.
 * Unmasked: `pathwayFormFromVersion` reads the fields directly.
 */
export const PathwayForm_version = graphql(`
  fragment PathwayForm_version on PathwayVersion @_unmask {
    id
    version
    status
    code
    title
    titleId
    titleEn
    descriptionId
    descriptionEn
    kkniLevel
    achievementType
    validityMonths
    recencyYears
    allowCredentialReuse
    definition
    items { itemId groupId kind label reference }
  }
`);

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <FormSection id={id} title={title} order={2} size="h4">
      {children}
    </FormSection>
  );
}

/**
 * The pathway builder: content in both languages, the requirement tree, order and age rules, with
 * the teacher's view beside it. Checked with the API's own rules as people type; the API's answer
 * lands on the same fields (a requirement it cannot find lands on that requirement's picker).
 */
export function PathwayForm({
  initialValues,
  issuers,
  identity,
  notice,
  lookups,
  savedLabels,
  saveLabel,
  onSubmit,
}: {
  initialValues: PathwayFormValues;
  /** Offered when creating: the ministry directorate and funders. Absent when editing. */
  issuers?: readonly { id: string; name: string }[];
  /** Shown instead of the code and issuer fields when editing ("Kode X · diterbitkan oleh Y"). */
  identity?: string;
  /** What saving does (a new version draft, or the open draft). */
  notice?: ReactNode;
  lookups: TreeLookups;
  /** The API's labels of the saved version's requirements, by `labelKey`. */
  savedLabels: ReadonlyMap<string, string>;
  saveLabel: string;
  onSubmit: (values: PathwayFormValues) => Promise<MutationProblem | null>;
}) {
  const { t, locale } = useLocale();
  const isNew = issuers !== undefined;
  const submitted = useRef(false);
  const saved = useRef(false);
  const [picked, setPicked] = useState<ReadonlyMap<string, string>>(new Map());
  const form = useForm<PathwayFormValues>({
    mode: 'controlled',
    initialValues,
    validate: (values) => validatePathwayForm(values, { locale, isNew }),
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
    toFieldErrors: (fieldErrors) => pathwayFieldErrors(fieldErrors, form.getValues()),
    onSaved: (formValues) => form.resetDirty(formValues),
    focusFirstError: () => focusFirstInvalid('#pathway-form'),
  });

  const sources: LabelSources = useMemo(
    () => ({
      saved: savedLabels,
      picked,
      skillAreas: new Map(lookups.skillAreas.map((area) => [area.code, area.name])),
      pathways: new Map(lookups.pathways.map((pathway) => [pathway.code, pathway.title])),
    }),
    [savedLabels, picked, lookups],
  );
  const items = treeItems(values.requirements);
  const numbers = new Map(items.map(({ item }, index) => [item.id, index + 1]));
  const orderItems = items.map(({ item }, index) => ({
    id: item.id,
    label: `${t('admin.pathwayBuilder.itemNumber', { n: index + 1 })} · ${itemLabel(item.match, sources, t)}`,
  }));

  return (
    <form id="pathway-form" onSubmit={handleSubmit} noValidate>
      <UnsavedChangesGuard when={() => form.isDirty() && !saved.current} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="lg">
            {notice}
            {problem && <ErrorAlert title={t('admin.pathwayBuilder.failed')}>{problem}</ErrorAlert>}

            <Section id="pathway-identity" title={t('admin.pathwayBuilder.sectionIdentity')}>
              {isNew ? (
                <Grid gap="md">
                  <Grid.Col span={{ base: 12, sm: 6 }}>
                    <TextInput
                      label={t('admin.pathwayBuilder.code')}
                      description={t('admin.pathwayBuilder.codeHint')}
                      required
                      maxLength={40}
                      autoCapitalize="characters"
                      spellCheck={false}
                      {...form.getInputProps('code')}
                      onChange={(event) =>
                        form.setFieldValue('code', event.currentTarget.value.toUpperCase())
                      }
                    />
                  </Grid.Col>
                  <Grid.Col span={{ base: 12, sm: 6 }}>
                    <Select
                      label={t('admin.pathwayBuilder.issuer')}
                      description={t('admin.pathwayBuilder.issuerHint')}
                      placeholder={t('admin.pathwayBuilder.pickIssuer')}
                      required
                      data={issuers.map((issuer) => ({ value: issuer.id, label: issuer.name }))}
                      {...form.getInputProps('issuerId')}
                      comboboxProps={{ withinPortal: true }}
                    />
                  </Grid.Col>
                </Grid>
              ) : (
                <Text size="sm">{identity}</Text>
              )}
            </Section>

            <Section id="pathway-content" title={t('admin.pathwayBuilder.sectionContent')}>
              <Stack gap="md">
                <Grid gap="md">
                  {(['titleId', 'titleEn'] as const).map((field) => (
                    <Grid.Col key={field} span={{ base: 12, sm: 6 }}>
                      <NameField
                        label={t(`admin.pathwayBuilder.${field}`)}
                        description={t('admin.pathwayBuilder.titleHint')}
                        lang={field === 'titleEn' ? 'en' : 'id'}
                        {...form.getInputProps(field)}
                      />
                    </Grid.Col>
                  ))}
                </Grid>
                {(['descriptionId', 'descriptionEn'] as const).map((field) => (
                  <LongTextField
                    key={field}
                    label={t(`admin.pathwayBuilder.${field}`)}
                    description={t('admin.pathwayBuilder.descriptionHint')}
                    min={20}
                    lang={field === 'descriptionEn' ? 'en' : 'id'}
                    {...form.getInputProps(field)}
                  />
                ))}
              </Stack>
            </Section>

            <Section id="pathway-level" title={t('admin.pathwayBuilder.sectionLevel')}>
              <Stack gap="md">
                <AchievementTypeField {...form.getInputProps('achievementType')} />
                <Grid gap="md">
                  <Grid.Col span={{ base: 12, sm: 6 }}>
                    <KkniLevelField
                      {...form.getInputProps('kkniLevel')}
                      comboboxProps={{ withinPortal: true }}
                    />
                  </Grid.Col>
                  <Grid.Col span={{ base: 12, sm: 6 }}>
                    <ValidityMonthsField
                      description={t('admin.pathwayBuilder.validityHint')}
                      unitSize="sm"
                      rightSectionWidth={64}
                      {...form.getInputProps('validityMonths')}
                    />
                  </Grid.Col>
                </Grid>
              </Stack>
            </Section>

            <Section id="pathway-requirements" title={t('admin.pathwayBuilder.sectionRequirements')}>
              <Text size="sm" c="dimmed" mb="sm">
                {t('admin.pathwayBuilder.requirementsIntro', { max: PATHWAY_MAX_DEPTH })}
              </Text>
              <PathwayTreeEditor
                form={form}
                lookups={lookups}
                sources={sources}
                numbers={numbers}
                onPicked={(key, name) => setPicked((current) => new Map(current).set(key, name))}
              />
            </Section>

            <Section id="pathway-order" title={t('admin.pathwayBuilder.sectionOrder')}>
              <Stack gap="lg">
                <div>
                  <Text fw={600} size="sm" mb={4}>
                    {t('admin.pathwayBuilder.order.title')}
                  </Text>
                  <PathwayOrderRules form={form} items={orderItems} />
                </div>
                <NumberInput
                  label={t('admin.pathwayBuilder.recencyYears')}
                  description={t('admin.pathwayBuilder.recencyHint')}
                  maw={360}
                  min={1}
                  max={50}
                  allowDecimal={false}
                  allowNegative={false}
                  rightSection={
                    <Text size="sm" c="dimmed" pr={8}>
                      {t('admin.pathwayBuilder.years')}
                    </Text>
                  }
                  rightSectionWidth={64}
                  rightSectionPointerEvents="none"
                  {...form.getInputProps('recencyYears')}
                />
                <Checkbox
                  label={t('admin.pathwayBuilder.allowReuse')}
                  description={t('admin.pathwayBuilder.allowReuseHint')}
                  {...form.getInputProps('allowCredentialReuse', { type: 'checkbox' })}
                />
              </Stack>
            </Section>

            <FormSaveBar
              label={saveLabel}
              saving={saving}
              status={form.isDirty() ? t('admin.pathwayBuilder.unsaved') : ''}
            />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Box pos={{ base: 'static', lg: 'sticky' }} top={80}>
            <PathwayPreview values={values} sources={sources} />
          </Box>
        </Grid.Col>
      </Grid>
    </form>
  );
}

/** "Saving drafts version 3" and the like, above the form. */
export function PathwayFormNotice({ children }: { children: ReactNode }) {
  return (
    <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} aria-hidden />}>
      {children}
    </Alert>
  );
}
