import { rplCaseRoleLabels } from '@kmg/domain';
import { ErrorAlert, errorsAfterInput, formatLocalDate, useLocale } from '@kmg/ui';
import {
  ActionIcon,
  Box,
  Button,
  Checkbox,
  Grid,
  MultiSelect,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
} from '@mantine/core';
import { type UseFormReturnType, useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { type ReactNode, useId, useRef } from 'react';
import { CalendarDateInput, FormSaveBar } from '#components/FormParts.tsx';
import { useApiSubmit } from '#components/use-api-submit.ts';
import { focusFirstInvalid } from '#lib/form-errors.ts';
import type { MutationProblem } from '#lib/mutation-result.ts';
import {
  accreditations,
  courseKinds,
  defaultRolePairs,
  degreeLevels,
  describeLimit,
  type LimitKey,
  type LimitMode,
  labelRolePairs,
  limitDefinitions,
  nextRolePair,
  type ProfileFormValues,
  profileFieldErrors,
  type RolePairSetting,
  rplCaseRoles,
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

/**
 * A limit's value for a table cell: the words of `useDescribeLimit`, role pairs one per line.
 */
function useLimitValue() {
  const { locale } = useLocale();
  const describe = useDescribeLimit();
  return (key: LimitKey, value: unknown): ReactNode => {
    const isPairs = limitDefinitions.some(
      (definition) => definition.key === key && definition.kind === 'pairs',
    );
    if (!isPairs || !Array.isArray(value) || value.length === 0) return describe(key, value);
    return (
      <Stack component="ul" gap={6} m={0} p={0} style={{ listStyle: 'none' }}>
        {labelRolePairs(value, locale).map(([first, second]) => (
          // A narrow column breaks a pair after its "+", never inside a role's name.
          <li key={`${first}+${second}`}>
            <span style={{ whiteSpace: 'nowrap' }}>{first} +</span>{' '}
            <span style={{ whiteSpace: 'nowrap' }}>{second}</span>
          </li>
        ))}
      </Stack>
    );
  };
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
    ...errorsAfterInput(submitted),
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
      case 'pairs':
        return <RolePairsInput form={form} limit={key} />;
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
                  {/* Pairs need the width of two selects side by side. */}
                  <Grid.Col span={{ base: 12, md: kind === 'pairs' ? 8 : 4 }}>
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

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The four-eyes pairs a layer sets: per pair two selects of case roles and a remove button, then
 * "add pair" (the next pair not yet listed) and "use the default pairs". A pair's message (the
 * same role twice) shows on its second select.
 */
function RolePairsInput({ form, limit }: { form: UseFormReturnType<ProfileFormValues>; limit: LimitKey }) {
  const { t, locale } = useLocale();
  const idBase = useId();
  const path = `limits.${limit}.pairs`;
  const pairs = form.getValues().limits[limit].pairs;
  const next = nextRolePair(pairs);
  const roleOptions = rplCaseRoles.map((role) => ({
    value: role,
    label: capitalise(rplCaseRoleLabels[role][locale]),
  }));
  const replacePairs = (replacement: RolePairSetting[]) => {
    form.setFieldValue(path, replacement);
    // The old pairs' messages would otherwise stay on the new rows until the next check.
    form.setErrors(
      Object.fromEntries(Object.entries(form.errors).filter(([field]) => !field.startsWith(`${path}.`))),
    );
  };

  return (
    <Stack gap="sm">
      {pairs.length === 0 && (
        <Text size="xs" c="orange.9">
          {t('admin.rpl.limits.pairs.empty')}
        </Text>
      )}
      {pairs.map((pair, index) => {
        const number = index + 1;
        const error = form.errors[`${path}.${index}`];
        const secondId = `${idBase}-${index}-second`;
        return (
          <Box
            // Rows are positions in the list: a removed pair's row is reused by the next one.
            key={index}
            role="group"
            aria-label={t('admin.rpl.limits.pairs.pair', { index: number })}
            // The bar holds a pair's two roles together where the selects stack (phones).
            style={{
              display: 'flex',
              gap: 6,
              alignItems: 'flex-start',
              borderLeft: '3px solid var(--mantine-color-gray-3)',
              paddingLeft: 6,
            }}
          >
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" verticalSpacing={4} style={{ flex: 1 }}>
              {([0, 1] as const).map((side) => (
                <Select
                  key={side}
                  id={side === 1 ? secondId : undefined}
                  // The message shows once, under the second role; the first role points to it.
                  aria-describedby={side === 0 && error ? `${secondId}-error` : undefined}
                  aria-label={t(
                    side === 0 ? 'admin.rpl.limits.pairs.first' : 'admin.rpl.limits.pairs.second',
                    {
                      index: number,
                    },
                  )}
                  data={roleOptions}
                  value={pair[side]}
                  allowDeselect={false}
                  error={side === 1 ? error : Boolean(error)}
                  onChange={(role) => form.setFieldValue(`${path}.${index}.${side}`, role)}
                  onBlur={() => form.validateField(`${path}.${index}`)}
                  comboboxProps={{ withinPortal: true }}
                />
              ))}
            </SimpleGrid>
            <ActionIcon
              variant="subtle"
              color="gray"
              size="lg"
              mt={2}
              aria-label={t('admin.rpl.limits.pairs.remove', { index: number })}
              onClick={() => form.removeListItem(path, index)}
            >
              <IconTrash size={18} aria-hidden />
            </ActionIcon>
          </Box>
        );
      })}
      {form.errors[path] && (
        <Text size="xs" c="red.8" role="alert">
          {form.errors[path]}
        </Text>
      )}
      <Box style={{ display: 'flex', flexWrap: 'wrap', gap: 'var(--mantine-spacing-xs)' }}>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlus size={14} aria-hidden />}
          disabled={!next}
          onClick={() => next && form.insertListItem(path, next)}
        >
          {t('admin.rpl.limits.pairs.add')}
        </Button>
        <Button size="xs" variant="subtle" onClick={() => replacePairs(defaultRolePairs())}>
          {t('admin.rpl.limits.pairs.useDefaults')}
        </Button>
      </Box>
      {!next && (
        <Text size="xs" c="dimmed">
          {t('admin.rpl.limits.pairs.allListed')}
        </Text>
      )}
    </Stack>
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
  const limitValue = useLimitValue();
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
                      {value === undefined ? '—' : limitValue(key, value)}
                    </Table.Td>
                  );
                })}
                {effective && (
                  <Table.Td>
                    <Stack gap={0}>
                      <Text size="sm" fw={600} component="div">
                        {limitValue(key, effective[key].value)}
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
