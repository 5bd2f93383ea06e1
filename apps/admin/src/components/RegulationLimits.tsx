import { ErrorAlert, formatLocalDate, useLocale } from '@kmg/ui';
import {
  Box,
  Checkbox,
  Grid,
  MultiSelect,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useRef } from 'react';
import { CalendarDateInput, FormSaveBar } from '#components/FormParts.tsx';
import { useApiSubmit } from '#components/use-api-submit.ts';
import { focusFirstInvalid } from '#lib/form-errors.ts';
import type { MutationProblem } from '#lib/mutation-result.ts';
import {
  accreditations,
  courseKinds,
  degreeLevels,
  describeLimit,
  type LimitKey,
  type LimitMode,
  limitDefinitions,
  type ProfileFormValues,
  profileFieldErrors,
  validateProfileForm,
} from '#lib/rpl-limits.ts';

/** A limit's value in words, in the console's language. */
export function useDescribeLimit() {
  const { t, locale } = useLocale();
  const labels = {
    none: t('admin.rpl.limits.noLimit'),
    yes: t('admin.rpl.limits.yes'),
    no: t('admin.rpl.limits.no'),
    emptyList: t('admin.rpl.limits.emptyList'),
    item: (key: LimitKey, item: string) =>
      key === 'excludedCourseKinds'
        ? t(`admin.rpl.courseKind.${item as 'REGULAR'}`)
        : key === 'minAccreditation'
          ? t(`admin.rpl.accreditation.${item as 'A'}`)
          : item,
  };
  return (key: LimitKey, value: unknown) => describeLimit(key, value, labels, locale);
}

/** One profile version's facts: version, citation, dates. */
export function ProfileCaption({
  profile,
}: {
  profile: { version: number; citation: string; effectiveFrom: string; effectiveTo: string | null };
}) {
  const { t, locale } = useLocale();
  return (
    <Text size="xs" c="dimmed">
      {t('admin.rpl.limits.versionLine', {
        version: profile.version,
        from: formatLocalDate(profile.effectiveFrom, locale, 'medium'),
      })}
      {profile.effectiveTo && ` – ${formatLocalDate(profile.effectiveTo, locale, 'medium')}`}
      <br />
      {profile.citation}
    </Text>
  );
}

const modeOptions = (nullable: boolean, t: (key: string) => string) => [
  { value: 'inherit', label: t('admin.rpl.limits.mode.inherit') },
  { value: 'set', label: t('admin.rpl.limits.mode.set') },
  ...(nullable ? [{ value: 'none', label: t('admin.rpl.limits.mode.none') }] : []),
];

/**
 * The next version of one layer's profile: its citation and dates, and per limit whether it
 * follows the layer below, sets a value, or lifts the limit. `inherited` says what applies
 * without this layer, so nobody sets a limit to what already holds without seeing it.
 */
export function ProfileForm({
  initialValues,
  inherited,
  layerNote,
  saveLabel,
  onSubmit,
}: {
  initialValues: ProfileFormValues;
  /** What applies without this layer, per limit (words). */
  inherited?: Partial<Record<LimitKey, string>>;
  layerNote?: string;
  saveLabel: string;
  onSubmit: (values: ProfileFormValues) => Promise<MutationProblem | null>;
}) {
  const { t, locale } = useLocale();
  const submitted = useRef(false);
  const form = useForm<ProfileFormValues>({
    mode: 'controlled',
    initialValues,
    validate: (values) => validateProfileForm(values, locale),
    validateInputOnBlur: true,
    onValuesChange: () => {
      if (submitted.current) form.validate();
    },
  });
  const values = form.getValues();
  const { handleSubmit, problem, saving } = useApiSubmit({
    form,
    submitted,
    save: onSubmit,
    toFieldErrors: profileFieldErrors,
    onSaved: (formValues) => form.resetDirty(formValues),
    focusFirstError: () => focusFirstInvalid('#profile-form'),
  });

  const valueInput = (key: LimitKey, kind: (typeof limitDefinitions)[number]['kind']) => {
    const label = t(`admin.rpl.limits.key.${key}`);
    switch (kind) {
      case 'share':
        return (
          <NumberInput
            aria-label={label}
            min={0}
            max={100}
            decimalScale={2}
            allowNegative={false}
            rightSection={
              <Text size="sm" c="dimmed" pr={8}>
                %
              </Text>
            }
            rightSectionPointerEvents="none"
            {...form.getInputProps(`limits.${key}.amount`)}
          />
        );
      case 'count':
        return (
          <NumberInput
            aria-label={label}
            min={0}
            allowDecimal={false}
            allowNegative={false}
            {...form.getInputProps(`limits.${key}.amount`)}
          />
        );
      case 'kinds':
      case 'degrees':
        return (
          <MultiSelect
            aria-label={label}
            placeholder={t('admin.rpl.limits.emptyList')}
            data={(kind === 'kinds' ? courseKinds : degreeLevels).map((item) => ({
              value: item,
              label: kind === 'kinds' ? t(`admin.rpl.courseKind.${item as 'REGULAR'}`) : item,
            }))}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps(`limits.${key}.list`)}
          />
        );
      case 'accreditation':
        return (
          <Select
            aria-label={label}
            allowDeselect={false}
            data={accreditations.map((grade) => ({
              value: grade,
              label: t(`admin.rpl.accreditation.${grade}`),
            }))}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps(`limits.${key}.choice`)}
          />
        );
      case 'switch':
        return (
          <Checkbox
            label={t('admin.rpl.limits.required')}
            {...form.getInputProps(`limits.${key}.enabled`, { type: 'checkbox' })}
          />
        );
    }
  };

  return (
    <form id="profile-form" onSubmit={handleSubmit} noValidate>
      <Stack gap="md">
        {layerNote && (
          <Text size="sm" c="dimmed">
            {layerNote}
          </Text>
        )}
        {problem && <ErrorAlert title={t('admin.rpl.form.failed')}>{problem}</ErrorAlert>}
        <Grid gap="md">
          <Grid.Col span={12}>
            <Textarea
              label={t('admin.rpl.limits.citation')}
              description={t('admin.rpl.limits.citationHint')}
              required
              autosize
              minRows={2}
              maxLength={500}
              {...form.getInputProps('citation')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <CalendarDateInput
              label={t('admin.rpl.limits.effectiveFrom')}
              required
              {...form.getInputProps('effectiveFrom')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <CalendarDateInput
              label={t('admin.rpl.limits.effectiveTo')}
              description={t('admin.rpl.limits.effectiveToHint')}
              clearable
              {...form.getInputProps('effectiveTo')}
            />
          </Grid.Col>
        </Grid>
        <Stack gap={0}>
          {limitDefinitions.map(({ key, kind, nullable }) => {
            const setting = values.limits[key];
            return (
              <Box
                key={key}
                py="sm"
                style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}
                role="group"
                aria-labelledby={`limit-${key}`}
              >
                <Grid gap="sm" align="center">
                  <Grid.Col span={{ base: 12, md: 4 }}>
                    <Text size="sm" fw={600} id={`limit-${key}`}>
                      {t(`admin.rpl.limits.key.${key}`)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t(`admin.rpl.limits.hint.${key}`)}
                    </Text>
                  </Grid.Col>
                  <Grid.Col span={{ base: 12, md: 5 }}>
                    <SegmentedControl
                      size="xs"
                      fullWidth
                      value={setting.mode}
                      onChange={(mode) => form.setFieldValue(`limits.${key}.mode`, mode as LimitMode)}
                      data={modeOptions(nullable, t)}
                      aria-label={t('admin.rpl.limits.modeLabel', {
                        limit: t(`admin.rpl.limits.key.${key}`),
                      })}
                    />
                    {setting.mode === 'inherit' && inherited?.[key] && (
                      <Text size="xs" c="dimmed" mt={4}>
                        {t('admin.rpl.limits.inheritedValue', { value: inherited[key] })}
                      </Text>
                    )}
                  </Grid.Col>
                  <Grid.Col span={{ base: 12, md: 4 }}>
                    {setting.mode === 'set' && valueInput(key, kind)}
                  </Grid.Col>
                </Grid>
              </Box>
            );
          })}
        </Stack>
        <FormSaveBar
          label={saveLabel}
          saving={saving}
          status={form.isDirty() ? t('admin.rpl.form.unsaved') : ''}
        />
      </Stack>
    </form>
  );
}

/** Limits side by side per layer, with the one that applies and where it comes from. */
export function LayeredLimitsTable({
  columns,
  effective,
}: {
  columns: readonly {
    key: string;
    title: string;
    caption?: React.ReactNode;
    limits: Record<string, unknown> | null;
  }[];
  effective?: Record<LimitKey, { value: unknown; layer: string | null }>;
}) {
  const { t } = useLocale();
  const describe = useDescribeLimit();
  return (
    <Paper withBorder radius="md" px={4}>
      <Table.ScrollContainer minWidth={720} type="native">
        <Table verticalSpacing="xs" fz="sm" className="data-table">
          <Table.Thead>
            <Table.Tr style={{ verticalAlign: 'top' }}>
              <Table.Th w="24%">{t('admin.rpl.limits.column.limit')}</Table.Th>
              {columns.map((column) => (
                <Table.Th key={column.key}>
                  {column.title}
                  {column.caption && <Box fw={400}>{column.caption}</Box>}
                </Table.Th>
              ))}
              {effective && <Table.Th>{t('admin.rpl.limits.column.effective')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {limitDefinitions.map(({ key }) => (
              <Table.Tr key={key}>
                <Table.Td fw={600}>{t(`admin.rpl.limits.key.${key}`)}</Table.Td>
                {columns.map((column) => {
                  const value = column.limits?.[key];
                  return (
                    <Table.Td key={column.key} c={value === undefined ? 'dimmed' : undefined}>
                      {value === undefined ? '—' : describe(key, value)}
                    </Table.Td>
                  );
                })}
                {effective && (
                  <Table.Td>
                    <Stack gap={0}>
                      <Text size="sm" fw={600}>
                        {describe(key, effective[key].value)}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {effective[key].layer
                          ? t(`admin.rpl.limits.layer.${effective[key].layer as 'NATIONAL'}`)
                          : t('admin.rpl.limits.builtIn')}
                      </Text>
                    </Stack>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
