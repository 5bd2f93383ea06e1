import { deliveryModes, provinces, travelSupportKinds } from '@kmg/domain';
import { CharacterCount, ErrorAlert, errorsAfterInput, useLocale } from '@kmg/ui';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  Fieldset,
  Grid,
  Group,
  List,
  NumberInput,
  Radio,
  Select,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { Link } from 'react-router';
import {
  AddRowButton,
  CalendarDateInput,
  FormSection,
  ListError,
  RemoveRowButton,
  VenueDateTimeInput,
} from '#components/FormParts.tsx';
import { UnsavedChangesGuard } from '#components/UnsavedChangesGuard.tsx';
import { useApiSubmit } from '#components/use-api-submit.ts';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';
import {
  type CallFormValues,
  callFormWarnings,
  formTimeZone,
  normalizeUnitCode,
  toCallInput,
  validateCallForm,
} from '#lib/call-form.ts';
import { focusFirstInvalid } from '#lib/form-errors.ts';
import type { MutationProblem } from '#lib/mutation-result.ts';
import { zoneAbbreviation } from '#lib/venue-time.ts';

export const CallForm_programme = graphql(`
  fragment CallForm_programme on Programme {
    id
    name
    year
    isManagedByViewer
  }
`);

export const CallForm_provider = graphql(`
  fragment CallForm_provider on Organization {
    id
    name
    shortName
  }
`);

export const CallForm_skillArea = graphql(`
  fragment CallForm_skillArea on SkillArea {
    id
    nameId
    nameEn
  }
`);

/** What an edit form starts from: every field of the call as the API returns it. */
export const CallForm_call = graphql(`
  fragment CallForm_call on TrainingCall {
    id
    status
    title
    description
    learningOutcomes
    competencyUnits { code title }
    mode
    venueName
    address
    city
    province { code }
    timeZone
    startDate
    endDate
    trainingHours
    seats
    applicationOpensAt
    applicationClosesAt
    whatToBring
    accommodationProvided
    accommodationNote
    travelSupport
    travelSupportMaxRupiah
    travelSupportNote
    programme { id }
    provider { id }
    skillArea { id }
  }
`);

export type CallInputValues = ReturnType<typeof toCallInput>;

const MAX_OUTCOMES = 20;
const MAX_UNITS = 40;

/** Fields whose rules read other fields: when one changes, the others' messages must follow. */
const linkedFields = [
  'startDate',
  'endDate',
  'applicationOpensAt',
  'applicationClosesAt',
  'venueName',
] as const;

function Legend({ children }: { children: ReactNode }) {
  return (
    <Text component="span" fw={600} size="md">
      {children}
    </Text>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <FormSection id={id} title={title} order={2} size="h4">
      {children}
    </FormSection>
  );
}

/**
 * Every field of a training call, checked with the API's own rules as the manager types, and the
 * API's answer shown on the same fields. The application window is entered on the venue's clock.
 */
export function CallForm({
  initialValues,
  programmes: programmeData,
  providers: providerData,
  skillAreas: skillAreaData,
  cancelTo,
  onSubmit,
}: {
  initialValues: CallFormValues;
  programmes: readonly FragmentOf<typeof CallForm_programme>[];
  providers: readonly FragmentOf<typeof CallForm_provider>[];
  skillAreas: readonly FragmentOf<typeof CallForm_skillArea>[];
  cancelTo: string;
  /** Saves; resolves to what went wrong, or null once the caller has moved on. */
  onSubmit: (input: CallInputValues) => Promise<MutationProblem | null>;
}) {
  const { t, locale } = useLocale();
  const programmes = programmeData
    .map((programme) => readFragment(CallForm_programme, programme))
    .filter((programme) => programme.isManagedByViewer || programme.id === initialValues.programmeId);
  const providers = providerData.map((provider) => readFragment(CallForm_provider, provider));
  const skillAreas = skillAreaData.map((area) => readFragment(CallForm_skillArea, area));

  const submitted = useRef(false);
  const saved = useRef(false);

  const form = useForm<CallFormValues>({
    mode: 'controlled',
    initialValues,
    validate: (values) => validateCallForm(values, locale),
    ...errorsAfterInput(submitted),
    onValuesChange: () => {
      // After a first attempt to save, every message stays current; before it, only those shown.
      if (submitted.current) {
        form.validate();
        return;
      }
      for (const field of linkedFields) {
        // Only fields the manager has filled in: a date not yet entered says nothing.
        if (form.isDirty(field) || form.errors[field]) form.validateField(field);
      }
    },
  });

  const { handleSubmit, problem, saving } = useApiSubmit({
    form,
    submitted,
    save: async (values) => {
      saved.current = true;
      const found = await onSubmit(toCallInput(values));
      if (found) saved.current = false;
      return found;
    },
    focusFirstError: () => focusFirstInvalid('form'),
  });

  const values = form.getValues();
  // Unlikely combinations, once the manager has entered what they read (or tried to save).
  const [now] = useState(() => new Date());
  const [confirmedWarnings, setConfirmedWarnings] = useState<string | null>(null);
  const [confirmRequired, setConfirmRequired] = useState(false);
  const warnings = callFormWarnings(values, locale, now).filter(
    (warning) => submitted.current || form.isDirty(warning.field),
  );
  const warningsKey = warnings.map((warning) => warning.message).join('|');
  const isConfirmed = warnings.length === 0 || confirmedWarnings === warningsKey;
  const submit = (event?: FormEvent<HTMLFormElement>) => {
    if (!isConfirmed) {
      event?.preventDefault();
      submitted.current = true;
      form.validate();
      setConfirmRequired(true);
      requestAnimationFrame(() => document.getElementById('call-warnings-confirm')?.focus());
      return;
    }
    handleSubmit(event);
  };
  const timeZone = formTimeZone(values);
  const zone = zoneAbbreviation(timeZone);
  const provinceName = provinces.find((province) => province.code === values.province)?.name;
  const windowDescription = values.province
    ? t('admin.form.windowZone', { zone, name: provinceName ?? '' })
    : t('admin.form.windowZoneUnset');

  return (
    <form onSubmit={submit} noValidate>
      <UnsavedChangesGuard when={() => form.isDirty() && !saved.current} />
      <Stack gap="lg" maw={980}>
        {problem && <ErrorAlert title={t('admin.form.failed')}>{problem}</ErrorAlert>}

        <Section id="section-programme" title={t('admin.form.sectionProgramme')}>
          <Grid gap="md" align="flex-end">
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Select
                size="md"
                label={t('admin.form.programme')}
                description={t('admin.form.programmeDescription')}
                required
                data={programmes.map((programme) => ({ value: programme.id, label: programme.name }))}
                {...form.getInputProps('programmeId')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Select
                size="md"
                label={t('admin.form.skillArea')}
                required
                searchable
                data={skillAreas.map((area) => ({
                  value: area.id,
                  label: locale === 'en' ? area.nameEn : area.nameId,
                }))}
                {...form.getInputProps('skillAreaId')}
              />
            </Grid.Col>
            <Grid.Col span={12}>
              <Select
                size="md"
                label={t('admin.form.provider')}
                required
                searchable
                data={providers.map((provider) => ({
                  value: provider.id,
                  label: provider.shortName ? `${provider.name} (${provider.shortName})` : provider.name,
                }))}
                {...form.getInputProps('providerId')}
              />
            </Grid.Col>
          </Grid>
        </Section>

        <Section id="section-content" title={t('admin.form.sectionContent')}>
          <Stack gap="lg">
            <TextInput
              size="md"
              label={t('admin.form.title')}
              description={t('admin.form.titleDescription')}
              required
              maxLength={200}
              {...form.getInputProps('title')}
            />
            <div>
              <Textarea
                size="md"
                label={t('admin.form.description')}
                description={t('admin.form.descriptionHint')}
                required
                autosize
                minRows={4}
                maxRows={14}
                {...form.getInputProps('description')}
              />
              {values.description.length > 0 && (
                <CharacterCount value={values.description} min={20} max={5000} />
              )}
            </div>

            <Fieldset legend={<Legend>{t('admin.form.learningOutcomes')}</Legend>} variant="unstyled" p={0}>
              <Text size="sm" c="dimmed" mb="sm">
                {t('admin.form.learningOutcomesHint')}
              </Text>
              <ListError error={form.errors.learningOutcomes} />
              <Stack gap="sm">
                {values.learningOutcomes.map((_, index) => {
                  const n = index + 1;
                  return (
                    <Group key={index} align="flex-start" gap="xs" wrap="nowrap">
                      <TextInput
                        size="md"
                        label={t('admin.form.learningOutcome', { n })}
                        required
                        style={{ flex: 1 }}
                        maxLength={300}
                        {...form.getInputProps(`learningOutcomes.${index}`)}
                      />
                      <RemoveRowButton
                        mt={28}
                        label={t('admin.form.removeOutcome', { n })}
                        disabled={values.learningOutcomes.length <= 1}
                        onClick={() => form.removeListItem('learningOutcomes', index)}
                      />
                    </Group>
                  );
                })}
              </Stack>
              <AddRowButton
                mt="sm"
                disabled={values.learningOutcomes.length >= MAX_OUTCOMES}
                onAdd={() => form.insertListItem('learningOutcomes', '')}
                newRowField={() => form.getInputNode(`learningOutcomes.${values.learningOutcomes.length}`)}
              >
                {t('admin.form.addOutcome')}
              </AddRowButton>
            </Fieldset>

            <Fieldset legend={<Legend>{t('admin.form.competencyUnits')}</Legend>} variant="unstyled" p={0}>
              <Text size="sm" c="dimmed" mb="sm">
                {t('admin.form.competencyUnitsHint')}
              </Text>
              <Stack gap="sm">
                {values.competencyUnits.length === 0 && (
                  <Text size="sm" c="dimmed" fs="italic">
                    {t('admin.form.noUnits')}
                  </Text>
                )}
                {values.competencyUnits.map((_, index) => {
                  const n = index + 1;
                  const codeProps = form.getInputProps(`competencyUnits.${index}.code`);
                  return (
                    <Group key={index} align="flex-start" gap="xs" wrap="nowrap">
                      <TextInput
                        size="md"
                        label={t('admin.form.unitCode', { n })}
                        placeholder="C.282000.011.01"
                        required
                        w={210}
                        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
                        autoCapitalize="characters"
                        spellCheck={false}
                        {...codeProps}
                        onBlur={(event) => {
                          const code = values.competencyUnits[index]?.code ?? '';
                          if (code && code !== normalizeUnitCode(code)) {
                            form.setFieldValue(`competencyUnits.${index}.code`, normalizeUnitCode(code));
                          }
                          codeProps.onBlur?.(event);
                        }}
                      />
                      <TextInput
                        size="md"
                        label={t('admin.form.unitTitle', { n })}
                        required
                        style={{ flex: 1 }}
                        maxLength={300}
                        {...form.getInputProps(`competencyUnits.${index}.title`)}
                      />
                      <RemoveRowButton
                        mt={28}
                        label={t('admin.form.removeUnit', { n })}
                        onClick={() => form.removeListItem('competencyUnits', index)}
                      />
                    </Group>
                  );
                })}
              </Stack>
              <AddRowButton
                mt="sm"
                disabled={values.competencyUnits.length >= MAX_UNITS}
                onAdd={() => form.insertListItem('competencyUnits', { code: '', title: '' })}
                newRowField={() => form.getInputNode(`competencyUnits.${values.competencyUnits.length}.code`)}
              >
                {t('admin.form.addUnit')}
              </AddRowButton>
            </Fieldset>
          </Stack>
        </Section>

        <Section id="section-place" title={t('admin.form.sectionPlace')}>
          <Stack gap="md">
            <Radio.Group label={t('admin.form.mode')} required size="md" {...form.getInputProps('mode')}>
              <Group gap="lg" mt={6}>
                {deliveryModes.map((mode) => (
                  <Radio key={mode} value={mode} label={t(`status.mode.${mode}`)} size="md" />
                ))}
              </Group>
            </Radio.Group>
            <Grid gap="md">
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <TextInput
                  size="md"
                  label={t('admin.form.venueName')}
                  required={values.mode !== 'ONLINE'}
                  description={values.mode === 'ONLINE' ? t('admin.form.venueOptional') : undefined}
                  maxLength={200}
                  {...form.getInputProps('venueName')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <TextInput
                  size="md"
                  label={t('admin.form.address')}
                  maxLength={500}
                  {...form.getInputProps('address')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <TextInput
                  size="md"
                  label={t('admin.form.city')}
                  required
                  maxLength={100}
                  {...form.getInputProps('city')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <Select
                  size="md"
                  label={t('admin.form.province')}
                  description={
                    values.mode === 'ONLINE'
                      ? t('admin.form.provinceOnlineDescription')
                      : t('admin.form.provinceDescription')
                  }
                  required
                  searchable
                  data={provinces.map((province) => ({
                    value: province.code,
                    label: `${province.name} (${zoneAbbreviation(province.timeZone)})`,
                  }))}
                  {...form.getInputProps('province')}
                />
              </Grid.Col>
            </Grid>
          </Stack>
        </Section>

        <Section id="section-schedule" title={t('admin.form.sectionSchedule')}>
          <Grid gap="md">
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <CalendarDateInput
                size="md"
                label={t('admin.form.startDate')}
                required
                {...form.getInputProps('startDate')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <CalendarDateInput
                size="md"
                label={t('admin.form.endDate')}
                required
                defaultDate={values.startDate ?? undefined}
                {...form.getInputProps('endDate')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <NumberInput
                size="md"
                label={t('admin.form.trainingHours')}
                description={t('admin.form.trainingHoursDescription')}
                required
                min={1}
                max={2000}
                clampBehavior="none"
                allowDecimal={false}
                {...form.getInputProps('trainingHours')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <NumberInput
                size="md"
                label={t('admin.form.seats')}
                description={t('admin.form.seatsDescription')}
                required
                min={1}
                max={10000}
                clampBehavior="none"
                allowDecimal={false}
                {...form.getInputProps('seats')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <VenueDateTimeInput
                size="md"
                zone={zone}
                label={t('admin.form.opensAt')}
                description={windowDescription}
                defaultTimeValue="00:00"
                {...form.getInputProps('applicationOpensAt')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <VenueDateTimeInput
                size="md"
                zone={zone}
                label={t('admin.form.closesAt')}
                description={windowDescription}
                defaultTimeValue="23:59"
                defaultDate={values.applicationOpensAt?.slice(0, 10)}
                {...form.getInputProps('applicationClosesAt')}
              />
            </Grid.Col>
          </Grid>
        </Section>

        <Section id="section-practical" title={t('admin.form.sectionPractical')}>
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              {t('admin.form.practicalIntro')}
            </Text>
            <Textarea
              size="md"
              label={t('admin.form.whatToBring')}
              description={t('admin.form.whatToBringHint')}
              autosize
              minRows={2}
              maxRows={8}
              maxLength={2000}
              {...form.getInputProps('whatToBring')}
            />
            <Grid gap="md" align="flex-end">
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <Switch
                  size="md"
                  label={t('admin.form.accommodationProvided')}
                  {...form.getInputProps('accommodationProvided', { type: 'checkbox' })}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 8 }}>
                <TextInput
                  size="md"
                  label={t('admin.form.accommodationNote')}
                  maxLength={500}
                  {...form.getInputProps('accommodationNote')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <Select
                  size="md"
                  label={t('admin.form.travelSupport')}
                  data={[
                    { value: '', label: t('admin.form.travelSupportUnset') },
                    ...travelSupportKinds.map((kind) => ({
                      value: kind,
                      label: t(`admin.form.travelSupportKinds.${kind}`),
                    })),
                  ]}
                  allowDeselect={false}
                  {...form.getInputProps('travelSupport')}
                />
              </Grid.Col>
              {values.travelSupport === 'REIMBURSED_UP_TO' && (
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <NumberInput
                    size="md"
                    label={t('admin.form.travelSupportMax')}
                    required
                    min={1}
                    clampBehavior="none"
                    allowDecimal={false}
                    thousandSeparator="."
                    decimalSeparator=","
                    {...form.getInputProps('travelSupportMaxRupiah')}
                  />
                </Grid.Col>
              )}
              <Grid.Col span={12}>
                <TextInput
                  size="md"
                  label={t('admin.form.travelSupportNote')}
                  maxLength={500}
                  {...form.getInputProps('travelSupportNote')}
                />
              </Grid.Col>
            </Grid>
          </Stack>
        </Section>

        {warnings.length > 0 && (
          <Alert
            color="yellow"
            variant="light"
            icon={<IconAlertTriangle size={20} aria-hidden />}
            title={t('admin.form.warningsTitle')}
            role="group"
            aria-label={t('admin.form.warningsTitle')}
          >
            <Stack gap="sm">
              <List size="sm" spacing={4}>
                {warnings.map((warning) => (
                  <List.Item key={warning.code}>{warning.message}</List.Item>
                ))}
              </List>
              <Checkbox
                id="call-warnings-confirm"
                label={t('admin.form.warningsConfirm')}
                checked={isConfirmed}
                error={confirmRequired && !isConfirmed ? t('admin.form.warningsConfirmRequired') : undefined}
                onChange={(event) => {
                  setConfirmedWarnings(event.currentTarget.checked ? warningsKey : null);
                  setConfirmRequired(false);
                }}
              />
            </Stack>
          </Alert>
        )}

        <Box>
          <Group gap="sm">
            <Button type="submit" loading={saving} size="md">
              {t('admin.form.submit')}
            </Button>
            <Button component={Link} to={cancelTo} variant="default" size="md">
              {t('admin.form.cancel')}
            </Button>
          </Group>
        </Box>
      </Stack>
    </form>
  );
}
