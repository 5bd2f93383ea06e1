import { useLocale } from '@kmg/ui';
import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Paper,
  Radio,
  type RadioCardProps,
  Text,
  type TextProps,
  Title,
  type TitleOrder,
} from '@mantine/core';
import {
  DatePickerInput,
  type DatePickerInputProps,
  DateTimePicker,
  type DateTimePickerProps,
} from '@mantine/dates';
import { IconCalendar, IconClock, IconDeviceFloppy, IconPlus, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useCalendarLabels } from '#components/use-calendar-labels.ts';

// The pieces the admin's long forms (call, selection settings, achievement, unit assessment) share.

/** One bordered part of a long form, under its heading. */
export function FormSection({
  id,
  title,
  order,
  size,
  children,
}: {
  id: string;
  title: string;
  order: TitleOrder;
  size: string;
  children: ReactNode;
}) {
  return (
    // Not a named region: "Program dan penyelenggara" must not answer to the "Program" field's name.
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section">
      <Title order={order} size={size} id={id} mb="md">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** A list-level message (too few criteria), shown above the rows it is about. */
export function ListError({ error }: { error: ReactNode }) {
  if (typeof error !== 'string') return null;
  return (
    <Text size="sm" c="red.8" mb="sm" role="alert">
      {error}
    </Text>
  );
}

/** A radio choice as a card: its name, and a line on what choosing it means. */
export function ChoiceCard({
  label,
  hint,
  hintId,
  hintSize = 'xs',
  ...props
}: RadioCardProps & { label: string; hint: string; hintId?: string; hintSize?: TextProps['size'] }) {
  return (
    <Radio.Card radius="md" p="sm" className="choice-card" {...props}>
      <Group wrap="nowrap" align="flex-start" gap="sm">
        <Radio.Indicator />
        <div>
          <Text fw={600} size="sm">
            {label}
          </Text>
          <Text size={hintSize} c="dimmed" id={hintId}>
            {hint}
          </Text>
        </div>
      </Group>
    </Radio.Card>
  );
}

/** Removes one row of a repeated group; `label` names the row ("Hapus capaian 2"). */
export function RemoveRowButton({
  label,
  onClick,
  disabled,
  mt,
}: {
  label: string;
  onClick: () => void;
  disabled?: boolean;
  mt?: number;
}) {
  return (
    <ActionIcon
      variant="subtle"
      color="red"
      size="lg"
      mt={mt}
      aria-label={label}
      disabled={disabled}
      onClick={onClick}
    >
      <IconTrash size={18} aria-hidden />
    </ActionIcon>
  );
}

/** Adds a row to a repeated group, then moves focus to the new row's first field. */
export function AddRowButton({
  children,
  disabled,
  onAdd,
  newRowField,
  size = 'sm',
  mt,
}: {
  children: ReactNode;
  disabled: boolean;
  onAdd: () => void;
  /** The new row's first field, looked up once the row is rendered. */
  newRowField: () => HTMLElement | null;
  size?: 'xs' | 'sm';
  mt?: string;
}) {
  return (
    <Button
      variant="light"
      size={size}
      mt={mt}
      leftSection={<IconPlus size={16} aria-hidden />}
      disabled={disabled}
      onClick={() => {
        onAdd();
        requestAnimationFrame(() => newRowField()?.focus());
      }}
    >
      {children}
    </Button>
  );
}

/** The venue's time zone beside a time entered on its clock ("WITA"). */
export function ZoneBadge({ zone }: { zone: string }) {
  return (
    <Badge variant="light" size="sm" radius="sm" aria-hidden>
      {zone}
    </Badge>
  );
}

/** A required date and time, entered on the venue's clock, whose zone it shows. */
export function VenueDateTimeInput({ zone, ...props }: DateTimePickerProps & { zone: string }) {
  const { t, locale } = useLocale();
  const calendar = useCalendarLabels();
  return (
    <DateTimePicker
      {...calendar.dateTime}
      placeholder={t('admin.form.pickDateTime')}
      required
      // Indonesian writes times with a full stop ("23.59"), as every other time in the console.
      valueFormat={locale === 'id' ? 'D MMMM YYYY HH.mm' : 'D MMMM YYYY HH:mm'}
      leftSection={<IconClock size={18} aria-hidden />}
      rightSection={<ZoneBadge zone={zone} />}
      rightSectionWidth={56}
      rightSectionPointerEvents="none"
      {...props}
    />
  );
}

/** A calendar date ("17 Agustus 2025"), picked from a calendar with named controls. */
export function CalendarDateInput(props: DatePickerInputProps) {
  const { t } = useLocale();
  const calendar = useCalendarLabels();
  return (
    <DatePickerInput
      {...calendar.date}
      placeholder={t('admin.form.pickDate')}
      valueFormat="D MMMM YYYY"
      leftSection={<IconCalendar size={18} aria-hidden />}
      {...props}
    />
  );
}

/** The submit button at the foot of a long form, with "unsaved changes" beside it while dirty. */
export function FormSaveBar({ label, saving, status }: { label: string; saving: boolean; status: string }) {
  return (
    <Group gap="sm">
      <Button type="submit" loading={saving} leftSection={<IconDeviceFloppy size={18} aria-hidden />}>
        {label}
      </Button>
      <Text size="sm" c="dimmed" aria-live="polite">
        {status}
      </Text>
    </Group>
  );
}
