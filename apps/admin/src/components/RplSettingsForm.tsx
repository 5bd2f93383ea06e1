import { caseStepLabels, defaultDeadlineTargets } from '@kmg/domain';
import { ErrorAlert, errorsAfterInput, formatLocalDate, useLocale } from '@kmg/ui';
import {
  ActionIcon,
  Badge,
  Box,
  Button,
  Grid,
  Group,
  NumberInput,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type UseFormReturnType, useForm } from '@mantine/form';
import { IconX } from '@tabler/icons-react';
import { type ReactNode, useRef, useState } from 'react';
import {
  AddRowButton,
  CalendarDateInput,
  ChoiceCard,
  FormSaveBar,
  FormSection,
  ListError,
  RemoveRowButton,
} from '#components/FormParts.tsx';
import { UnsavedChangesGuard } from '#components/UnsavedChangesGuard.tsx';
import { useApiSubmit } from '#components/use-api-submit.ts';
import { focusFirstInvalid } from '#lib/form-errors.ts';
import type { MutationProblem } from '#lib/mutation-result.ts';
import {
  caseSteps,
  decreeNumberTokens,
  emptySignatory,
  insertToken,
  previewDecreeNumber,
  type SettingsFormValues,
  settingsLimits,
  stepDaysMax,
  tokenKey,
  validateSettingsForm,
} from '#lib/rpl-settings-form.ts';

/** What the number preview fills the pattern's codes with. */
export type PreviewValues = { date: string; programmeCode: string; universityCode: string };

/** Lines of a letterhead (address, contacts): up to four, each removable. */
function LinesField({
  form,
  path,
  legend,
  addLabel,
  lineLabel,
  max,
}: {
  form: UseFormReturnType<SettingsFormValues>;
  path: 'letterhead.address' | 'letterhead.contacts';
  legend: string;
  addLabel: string;
  lineLabel: (index: number) => string;
  max: number;
}) {
  const { t } = useLocale();
  const lines =
    path === 'letterhead.address'
      ? form.getValues().letterhead.address
      : form.getValues().letterhead.contacts;
  const listId = path.replace('.', '-');
  return (
    <Box component="fieldset" m={0} p={0} style={{ border: 0, minWidth: 0 }}>
      <Text component="legend" size="sm" fw={700} mb={4}>
        {legend}
      </Text>
      <ListError error={form.errors[path]} />
      <Stack gap="xs" id={listId}>
        {lines.map((_line, index) => (
          <Group key={index} gap="xs" wrap="nowrap" align="flex-start">
            <TextInput
              size="sm"
              style={{ flex: 1 }}
              aria-label={lineLabel(index + 1)}
              {...form.getInputProps(`${path}.${index}`)}
            />
            <RemoveRowButton
              label={t('admin.rplAdmin.settings.removeLine', { line: lineLabel(index + 1) })}
              onClick={() => form.removeListItem(path, index)}
            />
          </Group>
        ))}
      </Stack>
      <AddRowButton
        mt="xs"
        disabled={lines.length >= max}
        onAdd={() => form.insertListItem(path, '')}
        newRowField={() => document.querySelector<HTMLInputElement>(`#${listId} > div:last-child input`)}
      >
        {addLabel}
      </AddRowButton>
    </Box>
  );
}

/** The decree settings: numbering, who decrees and signs, the letterhead, appeals and deadlines. */
export function RplSettingsForm({
  initialValues,
  preview,
  logoField,
  onSubmit,
}: {
  initialValues: SettingsFormValues;
  preview: PreviewValues;
  /** The logo's own control (saved at once, outside this form). */
  logoField: ReactNode;
  onSubmit: (values: SettingsFormValues) => Promise<MutationProblem | null>;
}) {
  const { t, locale } = useLocale();
  const submitted = useRef(false);
  const saved = useRef(false);
  const patternInput = useRef<HTMLInputElement>(null);
  const [holidayPick, setHolidayPick] = useState<string | null>(null);
  const form = useForm<SettingsFormValues>({
    mode: 'controlled',
    initialValues,
    validate: (values) => validateSettingsForm(values, locale),
    ...errorsAfterInput(submitted),
    validateInputOnChange: ['decreeNumberPattern'],
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
    focusFirstError: () => focusFirstInvalid('#rpl-settings-form'),
  });
  const number = previewDecreeNumber(values.decreeNumberPattern, preview, locale);
  const limits = settingsLimits;

  const insert = (token: string) => {
    const input = patternInput.current;
    const selection = input ? { start: input.selectionStart ?? 0, end: input.selectionEnd ?? 0 } : null;
    const next = insertToken(values.decreeNumberPattern, token, selection);
    form.setFieldValue('decreeNumberPattern', next.text);
    requestAnimationFrame(() => {
      input?.focus();
      input?.setSelectionRange(next.cursor, next.cursor);
    });
  };

  return (
    <form id="rpl-settings-form" onSubmit={handleSubmit} noValidate>
      <UnsavedChangesGuard when={() => form.isDirty() && !saved.current} />
      <Stack gap="lg" maw={960}>
        {problem && <ErrorAlert title={t('admin.rplAdmin.settings.failed')}>{problem}</ErrorAlert>}

        <FormSection
          id="settings-numbering"
          title={t('admin.rplAdmin.settings.numbering')}
          order={2}
          size="h4"
        >
          <Stack gap="md">
            <TextInput
              size="sm"
              ref={patternInput}
              label={t('admin.rplAdmin.settings.pattern')}
              description={t('admin.rplAdmin.settings.patternHint')}
              required
              spellCheck={false}
              autoComplete="off"
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              maxLength={limits.patternMax}
              {...form.getInputProps('decreeNumberPattern')}
            />
            <Paper bg="var(--mantine-color-gray-0)" radius="md" p="sm" withBorder>
              <Text size="xs" c="dimmed" fw={600}>
                {t('admin.rplAdmin.settings.previewLabel', {
                  date: formatLocalDate(preview.date, locale, 'long'),
                })}
              </Text>
              <Text aria-live="polite" ff="monospace" fw={700} size="lg" style={{ overflowWrap: 'anywhere' }}>
                {number.kind === 'number' ? number.number : '—'}
              </Text>
              {number.kind === 'invalid' && (
                <Text size="xs" c="dimmed">
                  {t('admin.rplAdmin.settings.previewInvalid')}
                </Text>
              )}
            </Paper>
            <div>
              <Text size="sm" fw={700} id="decree-tokens">
                {t('admin.rplAdmin.settings.tokens')}
              </Text>
              <Text size="xs" c="dimmed" mb="xs">
                {t('admin.rplAdmin.settings.tokensHint')}
              </Text>
              <SimpleGrid
                cols={{ base: 1, sm: 2 }}
                spacing="xs"
                verticalSpacing={6}
                aria-labelledby="decree-tokens"
                role="list"
              >
                {decreeNumberTokens.map((token) => (
                  <Group key={token} gap="xs" wrap="nowrap" role="listitem" align="flex-start">
                    <Button
                      variant="light"
                      size="compact-sm"
                      ff="monospace"
                      miw={124}
                      onClick={() => insert(token)}
                      aria-label={t('admin.rplAdmin.settings.insertToken', { token })}
                    >
                      {token}
                    </Button>
                    <Text size="sm">{t(`admin.rplAdmin.settings.token.${tokenKey(token)}`)}</Text>
                  </Group>
                ))}
              </SimpleGrid>
            </div>
            <Radio.Group
              label={t('admin.rplAdmin.settings.scope')}
              value={values.decreeScope}
              onChange={(scope) => form.setFieldValue('decreeScope', scope as 'CASE' | 'INTAKE')}
            >
              <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="sm">
                <ChoiceCard
                  value="CASE"
                  label={t('admin.rplAdmin.scope.CASE')}
                  hint={t('admin.rplAdmin.settings.scopeCaseHint')}
                />
                <ChoiceCard
                  value="INTAKE"
                  label={t('admin.rplAdmin.scope.INTAKE')}
                  hint={t('admin.rplAdmin.settings.scopeIntakeHint')}
                />
              </SimpleGrid>
            </Radio.Group>
          </Stack>
        </FormSection>

        <FormSection
          id="settings-authority"
          title={t('admin.rplAdmin.settings.authoritySection')}
          order={2}
          size="h4"
        >
          <Stack gap="md">
            <Radio.Group
              label={t('admin.rplAdmin.settings.authority')}
              value={values.authority}
              onChange={(authority) => form.setFieldValue('authority', authority as 'RECTOR' | 'DEAN')}
            >
              <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="sm">
                <ChoiceCard
                  value="RECTOR"
                  label={t('admin.rplAdmin.authority.RECTOR')}
                  hint={t('admin.rplAdmin.settings.rectorHint')}
                />
                <ChoiceCard
                  value="DEAN"
                  label={t('admin.rplAdmin.authority.DEAN')}
                  hint={t('admin.rplAdmin.settings.deanHint')}
                />
              </SimpleGrid>
            </Radio.Group>
            {values.authority === 'DEAN' && (
              <Grid gap="md">
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <TextInput
                    size="sm"
                    label={t('admin.rplAdmin.settings.facultyId')}
                    required
                    lang="id"
                    maxLength={limits.textMax}
                    {...form.getInputProps('facultyId')}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <TextInput
                    size="sm"
                    label={t('admin.rplAdmin.settings.facultyEn')}
                    description={t('admin.rplAdmin.settings.englishFallback')}
                    lang="en"
                    maxLength={limits.textMax}
                    {...form.getInputProps('facultyEn')}
                  />
                </Grid.Col>
              </Grid>
            )}
            <TextInput
              size="sm"
              label={t('admin.rplAdmin.settings.place')}
              description={t('admin.rplAdmin.settings.placeHint')}
              required
              maw={360}
              maxLength={limits.placeMax}
              {...form.getInputProps('place')}
            />
            <Box component="fieldset" m={0} p={0} style={{ border: 0, minWidth: 0 }}>
              <Text component="legend" size="sm" fw={700}>
                {t('admin.rplAdmin.settings.signatories')}
              </Text>
              <Text size="xs" c="dimmed" mb="sm">
                {t('admin.rplAdmin.settings.signatoriesHint', { max: limits.signatories })}
              </Text>
              <ListError error={form.errors.signatories} />
              <Stack gap="sm" id="signatory-rows">
                {values.signatories.map((signatory, index) => (
                  <Paper key={signatory.key} withBorder radius="md" p="sm" data-row>
                    <Group justify="space-between" mb={4} wrap="nowrap">
                      <Title order={3} size="h6">
                        {t('admin.rplAdmin.settings.signatory', { number: index + 1 })}
                      </Title>
                      <RemoveRowButton
                        label={t('admin.rplAdmin.settings.removeSignatory', { number: index + 1 })}
                        disabled={values.signatories.length <= 1}
                        onClick={() => form.removeListItem('signatories', index)}
                      />
                    </Group>
                    <Grid gap="sm">
                      <Grid.Col span={12}>
                        <TextInput
                          size="sm"
                          label={t('admin.rplAdmin.settings.signatoryName')}
                          description={t('admin.rplAdmin.settings.signatoryNameHint')}
                          required
                          maxLength={limits.textMax}
                          {...form.getInputProps(`signatories.${index}.name`)}
                        />
                      </Grid.Col>
                      <Grid.Col span={{ base: 12, sm: 6 }}>
                        <TextInput
                          size="sm"
                          label={t('admin.rplAdmin.settings.positionId')}
                          required
                          lang="id"
                          maxLength={limits.textMax}
                          {...form.getInputProps(`signatories.${index}.positionId`)}
                        />
                      </Grid.Col>
                      <Grid.Col span={{ base: 12, sm: 6 }}>
                        <TextInput
                          size="sm"
                          label={t('admin.rplAdmin.settings.positionEn')}
                          description={t('admin.rplAdmin.settings.englishFallback')}
                          lang="en"
                          maxLength={limits.textMax}
                          {...form.getInputProps(`signatories.${index}.positionEn`)}
                        />
                      </Grid.Col>
                      <Grid.Col span={{ base: 12, xs: 4, sm: 3 }}>
                        <TextInput
                          size="sm"
                          label={t('admin.rplAdmin.settings.employeeNumberLabel')}
                          placeholder="NIP"
                          maxLength={limits.employeeNumberLabelMax}
                          {...form.getInputProps(`signatories.${index}.employeeNumberLabel`)}
                        />
                      </Grid.Col>
                      <Grid.Col span={{ base: 12, xs: 8, sm: 9 }}>
                        <TextInput
                          size="sm"
                          label={t('admin.rplAdmin.settings.signatoryNumber')}
                          spellCheck={false}
                          maxLength={limits.employeeNumberMax}
                          {...form.getInputProps(`signatories.${index}.employeeNumber`)}
                        />
                      </Grid.Col>
                    </Grid>
                  </Paper>
                ))}
              </Stack>
              <AddRowButton
                mt="sm"
                disabled={values.signatories.length >= limits.signatories}
                onAdd={() => form.insertListItem('signatories', emptySignatory())}
                newRowField={() =>
                  document.querySelector<HTMLInputElement>('#signatory-rows > [data-row]:last-child input')
                }
              >
                {t('admin.rplAdmin.settings.addSignatory')}
              </AddRowButton>
            </Box>
          </Stack>
        </FormSection>

        <FormSection
          id="settings-letterhead"
          title={t('admin.rplAdmin.settings.letterhead')}
          order={2}
          size="h4"
        >
          <Stack gap="md">
            {logoField}
            <Grid gap="md">
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <TextInput
                  size="sm"
                  label={t('admin.rplAdmin.settings.ministryId')}
                  lang="id"
                  maxLength={limits.textMax}
                  {...form.getInputProps('letterhead.ministryId')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <TextInput
                  size="sm"
                  label={t('admin.rplAdmin.settings.ministryEn')}
                  lang="en"
                  maxLength={limits.textMax}
                  {...form.getInputProps('letterhead.ministryEn')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <TextInput
                  size="sm"
                  label={t('admin.rplAdmin.settings.unitId')}
                  description={t('admin.rplAdmin.settings.unitHint')}
                  lang="id"
                  maxLength={limits.textMax}
                  {...form.getInputProps('letterhead.unitId')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <TextInput
                  size="sm"
                  label={t('admin.rplAdmin.settings.unitEn')}
                  description={t('admin.rplAdmin.settings.englishFallback')}
                  lang="en"
                  maxLength={limits.textMax}
                  {...form.getInputProps('letterhead.unitEn')}
                />
              </Grid.Col>
            </Grid>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
              <LinesField
                form={form}
                path="letterhead.address"
                legend={t('admin.rplAdmin.settings.address', { max: limits.lines })}
                addLabel={t('admin.rplAdmin.settings.addAddress')}
                lineLabel={(line) => t('admin.rplAdmin.settings.addressLine', { line })}
                max={limits.lines}
              />
              <LinesField
                form={form}
                path="letterhead.contacts"
                legend={t('admin.rplAdmin.settings.contacts', { max: limits.lines })}
                addLabel={t('admin.rplAdmin.settings.addContact')}
                lineLabel={(line) => t('admin.rplAdmin.settings.contactLine', { line })}
                max={limits.lines}
              />
            </SimpleGrid>
          </Stack>
        </FormSection>

        <FormSection
          id="settings-deadlines"
          title={t('admin.rplAdmin.settings.deadlines')}
          order={2}
          size="h4"
        >
          <Stack gap="md">
            <NumberInput
              label={t('admin.rplAdmin.settings.appealDays')}
              description={t('admin.rplAdmin.settings.appealDaysHint')}
              required
              min={0}
              max={limits.appealDaysMax}
              allowDecimal={false}
              allowNegative={false}
              maw={240}
              rightSection={<DaysUnit />}
              rightSectionWidth={52}
              {...form.getInputProps('appealDays')}
            />
            <div>
              <Text size="sm" fw={700} id="deadline-targets">
                {t('admin.rplAdmin.settings.targets')}
              </Text>
              <Text size="xs" c="dimmed" mb="sm">
                {values.workingDays
                  ? t('admin.rplAdmin.settings.targetsHintWorking')
                  : t('admin.rplAdmin.settings.targetsHintCalendar')}
              </Text>
              <SimpleGrid
                cols={{ base: 1, xs: 2, md: 3 }}
                spacing="sm"
                role="group"
                aria-labelledby="deadline-targets"
              >
                {caseSteps.map((step) => (
                  <NumberInput
                    key={step}
                    label={caseStepLabels[step][locale]}
                    description={t('admin.rplAdmin.settings.defaultDays', {
                      count: defaultDeadlineTargets[step],
                    })}
                    required
                    min={1}
                    max={stepDaysMax(step)}
                    allowDecimal={false}
                    allowNegative={false}
                    rightSection={<DaysUnit />}
                    rightSectionWidth={52}
                    {...form.getInputProps(`deadlineTargets.${step}`)}
                  />
                ))}
              </SimpleGrid>
            </div>
            <Switch
              label={t('admin.rplAdmin.settings.workingDays')}
              description={t('admin.rplAdmin.settings.workingDaysHint')}
              {...form.getInputProps('workingDays', { type: 'checkbox' })}
            />
            {values.workingDays && (
              <Box component="fieldset" m={0} p={0} style={{ border: 0, minWidth: 0 }}>
                <Text component="legend" size="sm" fw={700}>
                  {t('admin.rplAdmin.settings.holidays')}
                </Text>
                <Text size="xs" c="dimmed" mb="xs">
                  {t('admin.rplAdmin.settings.holidaysHint', { max: limits.holidays })}
                </Text>
                <ListError error={form.errors.holidays} />
                <CalendarDateInput
                  label={t('admin.rplAdmin.settings.addHoliday')}
                  maw={320}
                  value={holidayPick}
                  disabled={values.holidays.length >= limits.holidays}
                  onChange={(day) => {
                    setHolidayPick(null);
                    if (!day || values.holidays.includes(day)) return;
                    form.setFieldValue('holidays', [...values.holidays, day].sort());
                  }}
                />
                {values.holidays.length > 0 ? (
                  <Group gap={6} mt="sm" component="ul" p={0} style={{ listStyle: 'none' }}>
                    {values.holidays.map((day, index) => (
                      <Badge
                        key={day}
                        component="li"
                        variant="light"
                        color={form.errors[`holidays.${index}`] ? 'red' : 'gray'}
                        size="lg"
                        tt="none"
                        radius="sm"
                        pr={4}
                        rightSection={
                          <ActionIcon
                            size="sm"
                            variant="subtle"
                            color="gray"
                            aria-label={t('admin.rplAdmin.settings.removeHoliday', {
                              date: formatLocalDate(day, locale, 'long'),
                            })}
                            onClick={() => form.removeListItem('holidays', index)}
                          >
                            <IconX size={14} aria-hidden />
                          </ActionIcon>
                        }
                      >
                        {formatLocalDate(day, locale, 'medium')}
                      </Badge>
                    ))}
                  </Group>
                ) : (
                  <Text size="sm" c="dimmed" mt="xs">
                    {t('admin.rplAdmin.settings.noHolidays')}
                  </Text>
                )}
              </Box>
            )}
            <Switch
              label={t('admin.rplAdmin.settings.autoAssign')}
              description={t('admin.rplAdmin.settings.autoAssignHint')}
              {...form.getInputProps('autoAssign', { type: 'checkbox' })}
            />
          </Stack>
        </FormSection>

        <FormSaveBar
          label={t('admin.rplAdmin.settings.save')}
          saving={saving}
          status={form.isDirty() ? t('admin.rpl.form.unsaved') : ''}
        />
      </Stack>
    </form>
  );
}

function DaysUnit() {
  const { t } = useLocale();
  return (
    <Text size="xs" c="dimmed" pr={6} aria-hidden>
      {t('admin.rplAdmin.settings.daysUnit')}
    </Text>
  );
}
