import { employmentStatuses, provinces, schoolStatuses } from '@kmg/domain';
import { ErrorAlert, errorsAfterInput, useLocale } from '@kmg/ui';
import {
  Alert,
  Button,
  Checkbox,
  Grid,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Radio,
  Select,
  Stack,
  Switch,
  Table,
  TagsInput,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconDeviceFloppy } from '@tabler/icons-react';
import { type ReactNode, useRef } from 'react';
import {
  AddRowButton,
  CalendarDateInput,
  ChoiceCard,
  ListError,
  RemoveRowButton,
  VenueDateTimeInput,
} from '#components/FormParts.tsx';
import { RubricLevelsEditor } from '#components/RubricLevelsEditor.tsx';
import { UnsavedChangesGuard } from '#components/UnsavedChangesGuard.tsx';
import { useApiSubmit } from '#components/use-api-submit.ts';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';
import { focusFirstInvalid } from '#lib/form-errors.ts';
import type { MutationProblem } from '#lib/mutation-result.ts';
import { assignRubricKeys } from '#lib/rubric-keys.ts';
import {
  criterionShares,
  MAX_CRITERIA,
  MAX_PROVINCE_ROWS,
  newRubricRow,
  type SelectionSettingsValues,
  selectionSettingsFromCall,
  settingsFieldErrors,
  toSelectionSettingsInput,
  validateSelectionSettings,
} from '#lib/selection-settings.ts';
import { zoneAbbreviation } from '#lib/venue-time.ts';

/** Everything the settings form starts from, and the call fields its rules read. */
export const SelectionSettingsForm_call = graphql(`
  fragment SelectionSettingsForm_call on TrainingCall {
    id
    timeZone
    applicationClosesAt
    startDate
    programme { id year }
    selectionMode
    requiresEndorsement
    endorsementDeadline
    confirmationDays
    eligibilityRules {
      subjects
      employmentStatuses
      minTeachingYears
      maxAge
      ageReferenceDate
      provinces { code }
      schoolStatuses
      centreOfExcellenceOnly
    }
    rubric { key nameId nameEn weight maxScore levels { score descriptionId descriptionEn } }
    minScore
    maxPerSchool
    seatsPerProvince { province { code } seats }
    reviewProgress { complete }
  }
`);

export type SelectionSettingsInput = ReturnType<typeof toSelectionSettingsInput>;

function Part({
  id,
  title,
  hint,
  children,
}: {
  id: string;
  title: string;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id}>
      <Title order={4} size="h5" id={id} mb={hint ? 2 : 'sm'}>
        {title}
      </Title>
      {hint && (
        <Text size="sm" c="dimmed" mb="sm">
          {hint}
        </Text>
      )}
      {children}
    </section>
  );
}

/**
 * How a call selects its teachers: mode, endorsement, who may apply, the scoring rubric and the
 * caps, checked with the API's rules as the manager types. The endorsement deadline is entered on
 * the venue's clock.
 */
export function SelectionSettingsForm({
  call: data,
  onSubmit,
}: {
  call: FragmentOf<typeof SelectionSettingsForm_call>;
  /** Saves; resolves to what went wrong, or null when saved. */
  onSubmit: (input: SelectionSettingsInput) => Promise<MutationProblem | null>;
}) {
  const { t, locale } = useLocale();
  const call = readFragment(SelectionSettingsForm_call, data);
  const context = {
    timeZone: call.timeZone,
    applicationClosesAt: call.applicationClosesAt,
    startDate: call.startDate,
  };
  const submitted = useRef(false);

  const form = useForm<SelectionSettingsValues>({
    mode: 'controlled',
    initialValues: selectionSettingsFromCall({ ...call, ...context }),
    validate: (values) => validateSelectionSettings(values, context, locale),
    ...errorsAfterInput(submitted),
    onValuesChange: () => {
      // After a first attempt to save, every message stays current.
      if (submitted.current) form.validate();
      else if (form.isTouched('endorsementDeadline') || form.errors.endorsementDeadline)
        form.validateField('endorsementDeadline');
    },
  });
  const values = form.getValues();
  const zone = zoneAbbreviation(call.timeZone);
  const reviewed = values.selectionMode === 'REVIEWED';
  const keys = assignRubricKeys(values.rubric);
  const shares = criterionShares(values.rubric);

  const problemRef = useRef<HTMLDivElement>(null);
  // The first field to fix, or else the message at the top (it may be far above the button).
  const { handleSubmit, problem, saving } = useApiSubmit({
    form,
    submitted,
    save: (submittedValues) => onSubmit(toSelectionSettingsInput(submittedValues, context)),
    onSaved: (submittedValues) => {
      form.setInitialValues(submittedValues);
      form.resetDirty(submittedValues);
    },
    toFieldErrors: (fieldErrors) => settingsFieldErrors(fieldErrors, form.getValues()),
    focusFirstError: () => focusFirstInvalid('#selection-settings', () => problemRef.current?.focus()),
  });

  const provinceOptions = provinces.map((province) => ({ value: province.code, label: province.name }));

  return (
    <form id="selection-settings" onSubmit={handleSubmit} noValidate>
      <UnsavedChangesGuard when={() => form.isDirty() && !saving} />
      <Stack gap="xl">
        {problem && (
          <div ref={problemRef} tabIndex={-1} style={{ outline: 'none', scrollMarginTop: 80 }}>
            <ErrorAlert title={t('admin.settings.failed')}>{problem}</ErrorAlert>
          </div>
        )}

        <Part id="settings-mode" title={t('admin.settings.modeTitle')}>
          <Radio.Group label={t('admin.settings.mode')} required {...form.getInputProps('selectionMode')}>
            <Group gap="md" mt={6} align="stretch" grow>
              {(['REVIEWED', 'FIRST_COME'] as const).map((mode) => (
                <ChoiceCard
                  key={mode}
                  value={mode}
                  p="md"
                  aria-label={t(`admin.selectionMode.${mode}`)}
                  aria-describedby={`mode-${mode}-hint`}
                  label={t(`admin.selectionMode.${mode}`)}
                  hint={t(`admin.settings.modeHint.${mode}`)}
                  hintId={`mode-${mode}-hint`}
                  hintSize="sm"
                />
              ))}
            </Group>
          </Radio.Group>
        </Part>

        <Part id="settings-endorsement" title={t('admin.settings.endorsementTitle')}>
          <Grid gap="md" align="flex-start">
            <Grid.Col span={12}>
              <Switch
                label={t('admin.settings.requiresEndorsement')}
                description={t('admin.settings.requiresEndorsementHint')}
                {...form.getInputProps('requiresEndorsement', { type: 'checkbox' })}
              />
            </Grid.Col>
            {values.requiresEndorsement && (
              <Grid.Col span={{ base: 12, sm: 7 }}>
                <VenueDateTimeInput
                  zone={zone}
                  label={t('admin.settings.endorsementDeadline')}
                  description={t('admin.settings.endorsementDeadlineHint', { zone })}
                  defaultTimeValue="23:59"
                  {...form.getInputProps('endorsementDeadline')}
                />
              </Grid.Col>
            )}
            <Grid.Col span={{ base: 12, sm: 5 }}>
              <NumberInput
                label={t('admin.settings.confirmationDays')}
                description={t('admin.settings.confirmationDaysHint')}
                required
                min={1}
                max={30}
                allowDecimal={false}
                allowNegative={false}
                clampBehavior="none"
                suffix={` ${t('admin.settings.days')}`}
                {...form.getInputProps('confirmationDays')}
              />
            </Grid.Col>
          </Grid>
        </Part>

        <Part
          id="settings-eligibility"
          title={t('admin.settings.eligibilityTitle')}
          hint={t('admin.settings.eligibilityHint')}
        >
          <Grid gap="md">
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TagsInput
                label={t('admin.settings.subjects')}
                description={t('admin.settings.subjectsHint')}
                placeholder={
                  values.eligibilityRules.subjects.length === 0 ? t('admin.settings.anySubject') : undefined
                }
                splitChars={[',', ';']}
                clearable
                {...form.getInputProps('eligibilityRules.subjects')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <MultiSelect
                label={t('admin.settings.employmentStatuses')}
                description={t('admin.settings.emptyMeansAll')}
                placeholder={
                  values.eligibilityRules.employmentStatuses.length === 0
                    ? t('admin.settings.anyStatus')
                    : undefined
                }
                data={employmentStatuses.map((status) => ({
                  value: status,
                  label: t(`status.employment.${status}`),
                }))}
                clearable
                {...form.getInputProps('eligibilityRules.employmentStatuses')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <NumberInput
                label={t('admin.settings.minTeachingYears')}
                description={t('admin.settings.minTeachingYearsHint')}
                min={0}
                max={40}
                allowDecimal={false}
                allowNegative={false}
                clampBehavior="none"
                {...form.getInputProps('eligibilityRules.minTeachingYears')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <NumberInput
                label={t('admin.settings.maxAge')}
                description={t('admin.settings.maxAgeHint')}
                min={18}
                max={70}
                allowDecimal={false}
                allowNegative={false}
                clampBehavior="none"
                {...form.getInputProps('eligibilityRules.maxAge')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <CalendarDateInput
                label={t('admin.settings.ageReferenceDate')}
                description={t('admin.settings.ageReferenceDateHint')}
                placeholder={t('admin.settings.ageReferenceDefault', { year: call.programme.year })}
                clearable
                {...form.getInputProps('eligibilityRules.ageReferenceDate')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <MultiSelect
                label={t('admin.settings.provinces')}
                description={t('admin.settings.provincesHint')}
                placeholder={
                  values.eligibilityRules.provinces.length === 0 ? t('admin.settings.anyProvince') : undefined
                }
                data={provinceOptions}
                searchable
                clearable
                {...form.getInputProps('eligibilityRules.provinces')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Checkbox.Group
                label={t('admin.settings.schoolStatuses')}
                description={t('admin.settings.emptyMeansAll')}
                {...form.getInputProps('eligibilityRules.schoolStatuses')}
              >
                <Group gap="lg" mt={8}>
                  {schoolStatuses.map((status) => (
                    <Checkbox key={status} value={status} label={t(`admin.schoolStatus.${status}`)} />
                  ))}
                </Group>
              </Checkbox.Group>
              <Switch
                mt="md"
                label={t('admin.settings.centreOfExcellenceOnly')}
                {...form.getInputProps('eligibilityRules.centreOfExcellenceOnly', { type: 'checkbox' })}
              />
            </Grid.Col>
          </Grid>
        </Part>

        {reviewed && (
          <Part
            id="settings-rubric"
            title={t('admin.settings.rubricTitle')}
            hint={t('admin.settings.rubricHint')}
          >
            {call.reviewProgress.complete > 0 && (
              <Alert
                color="yellow"
                variant="light"
                icon={<IconAlertTriangle size={18} aria-hidden />}
                mb="sm"
              >
                {t('admin.settings.rubricScored')}
              </Alert>
            )}
            <ListError error={form.errors.rubric} />
            <Table.ScrollContainer minWidth={760} type="native">
              <Table
                verticalSpacing={6}
                horizontalSpacing={6}
                className="form-table"
                aria-labelledby="settings-rubric"
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={28}>#</Table.Th>
                    <Table.Th>{t('admin.settings.criterionNameId')}</Table.Th>
                    <Table.Th w="27%">{t('admin.settings.criterionNameEn')}</Table.Th>
                    <Table.Th w={92}>{t('admin.settings.weight')}</Table.Th>
                    <Table.Th w={104}>{t('admin.settings.maxScore')}</Table.Th>
                    <Table.Th w={64}>{t('admin.settings.share')}</Table.Th>
                    <Table.Th w={44}>
                      <VisuallyHidden>{t('admin.settings.removeColumn')}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {values.rubric.map((row, index) => {
                    const n = index + 1;
                    return (
                      <Table.Tr key={index}>
                        <Table.Td pt={14} c="dimmed">
                          {n}
                        </Table.Td>
                        <Table.Td>
                          <TextInput
                            aria-label={t('admin.settings.criterionNameIdOf', { n })}
                            required
                            maxLength={120}
                            {...form.getInputProps(`rubric.${index}.nameId`)}
                          />
                          <Text size="xs" c="dimmed" mt={4} ff="monospace">
                            {t('admin.settings.criterionKey', { key: keys[index] })}
                            {row.key === null && ` · ${t('admin.settings.newCriterion')}`}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <TextInput
                            aria-label={t('admin.settings.criterionNameEnOf', { n })}
                            required
                            maxLength={120}
                            {...form.getInputProps(`rubric.${index}.nameEn`)}
                          />
                        </Table.Td>
                        <Table.Td>
                          <NumberInput
                            aria-label={t('admin.settings.weightOf', { n })}
                            required
                            min={1}
                            max={10}
                            allowDecimal={false}
                            allowNegative={false}
                            clampBehavior="none"
                            {...form.getInputProps(`rubric.${index}.weight`)}
                          />
                        </Table.Td>
                        <Table.Td>
                          <NumberInput
                            aria-label={t('admin.settings.maxScoreOf', { n })}
                            required
                            min={1}
                            max={100}
                            allowDecimal={false}
                            allowNegative={false}
                            clampBehavior="none"
                            {...form.getInputProps(`rubric.${index}.maxScore`)}
                          />
                        </Table.Td>
                        <Table.Td pt={14} ta="right">
                          {shares[index] === null ? '–' : `${shares[index]}%`}
                        </Table.Td>
                        <Table.Td>
                          <RemoveRowButton
                            label={t('admin.settings.removeCriterion', { n })}
                            disabled={values.rubric.length <= 1}
                            onClick={() => form.removeListItem('rubric', index)}
                          />
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Group justify="space-between" mt="sm" align="flex-end">
              <AddRowButton
                disabled={values.rubric.length >= MAX_CRITERIA}
                onAdd={() => form.insertListItem('rubric', newRubricRow())}
                newRowField={() => form.getInputNode(`rubric.${values.rubric.length}.nameId`)}
              >
                {t('admin.settings.addCriterion')}
              </AddRowButton>
              <NumberInput
                w={240}
                label={t('admin.settings.minScore')}
                description={t('admin.settings.minScoreHint')}
                min={0}
                max={100}
                decimalScale={2}
                allowNegative={false}
                clampBehavior="none"
                {...form.getInputProps('minScore')}
              />
            </Group>
            <RubricLevelsEditor form={form} />
          </Part>
        )}

        <Part id="settings-caps" title={t('admin.settings.capsTitle')} hint={t('admin.settings.capsHint')}>
          <Grid gap="md" align="flex-start">
            <Grid.Col span={{ base: 12, sm: 5 }}>
              <NumberInput
                label={t('admin.settings.maxPerSchool')}
                description={t('admin.settings.maxPerSchoolHint')}
                min={1}
                max={1000}
                allowDecimal={false}
                allowNegative={false}
                clampBehavior="none"
                {...form.getInputProps('maxPerSchool')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 7 }}>
              <Text size="sm" fw={500} id="province-seats-label">
                {t('admin.settings.seatsPerProvince')}
              </Text>
              <Text size="xs" c="dimmed" mb={8}>
                {t('admin.settings.seatsPerProvinceHint')}
              </Text>
              <ListError error={form.errors.seatsPerProvince} />
              <Stack gap="xs" role="group" aria-labelledby="province-seats-label">
                {values.seatsPerProvince.length === 0 && (
                  <Text size="sm" c="dimmed" fs="italic">
                    {t('admin.settings.noProvinceCaps')}
                  </Text>
                )}
                {values.seatsPerProvince.map((_, index) => {
                  const n = index + 1;
                  return (
                    <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
                      <Select
                        aria-label={t('admin.settings.provinceOf', { n })}
                        placeholder={t('admin.settings.pickProvince')}
                        data={provinceOptions}
                        searchable
                        style={{ flex: 1 }}
                        {...form.getInputProps(`seatsPerProvince.${index}.province`)}
                      />
                      <NumberInput
                        aria-label={t('admin.settings.provinceSeatsOf', { n })}
                        w={110}
                        min={1}
                        allowDecimal={false}
                        allowNegative={false}
                        clampBehavior="none"
                        suffix={` ${t('admin.settings.seatsUnit')}`}
                        {...form.getInputProps(`seatsPerProvince.${index}.seats`)}
                      />
                      <RemoveRowButton
                        mt={1}
                        label={t('admin.settings.removeProvince', { n })}
                        onClick={() => form.removeListItem('seatsPerProvince', index)}
                      />
                    </Group>
                  );
                })}
              </Stack>
              <AddRowButton
                mt="sm"
                disabled={values.seatsPerProvince.length >= MAX_PROVINCE_ROWS}
                onAdd={() => form.insertListItem('seatsPerProvince', { province: null, seats: 1 })}
                newRowField={() =>
                  form.getInputNode(`seatsPerProvince.${values.seatsPerProvince.length}.province`)
                }
              >
                {t('admin.settings.addProvince')}
              </AddRowButton>
            </Grid.Col>
          </Grid>
        </Part>

        <Paper withBorder={false} bg="gray.0" p="sm" radius="md">
          <Group justify="space-between" gap="sm">
            <Text size="sm" c="dimmed">
              {form.isDirty() ? t('admin.settings.unsaved') : t('admin.settings.upToDate')}
            </Text>
            <Button type="submit" loading={saving} leftSection={<IconDeviceFloppy size={18} aria-hidden />}>
              {t('admin.settings.submit')}
            </Button>
          </Group>
        </Paper>
      </Stack>
    </form>
  );
}
