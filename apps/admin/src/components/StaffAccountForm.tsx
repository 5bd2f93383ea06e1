import { ErrorAlert, errorsAfterInput, PasswordField, toFormErrors, useLocale } from '@kmg/ui';
import { Button, Group, MultiSelect, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconDice5, IconUserPlus } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';
import type { MutationProblem } from '#lib/mutation-result.ts';
import { useRoleLabel } from '#lib/role-label.ts';
import {
  emptyStaffAccount,
  generatePassword,
  needsOrganization,
  organizationKindOrder,
  type StaffAccountValues,
  staffRoles,
  validateStaffAccount,
} from '#lib/staff-account.ts';

export const StaffAccountForm_organization = graphql(`
  fragment StaffAccountForm_organization on Organization {
    id
    name
    shortName
    kind
  }
`);

/**
 * A new account for a manager, provider staff, principal, reviewer or admin. Resolves `onSubmit`
 * to what went wrong, or null when the account exists (the form then starts afresh).
 */
export function StaffAccountForm({
  organizations: organizationData,
  onSubmit,
}: {
  organizations: readonly FragmentOf<typeof StaffAccountForm_organization>[];
  onSubmit: (values: StaffAccountValues) => Promise<MutationProblem | null>;
}) {
  const { t, locale } = useLocale();
  const roleLabel = useRoleLabel();
  const organizations = organizationData.map((organization) =>
    readFragment(StaffAccountForm_organization, organization),
  );
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [passwordVisible, setPasswordVisible] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);

  const form = useForm<StaffAccountValues>({
    mode: 'controlled',
    initialValues: emptyStaffAccount,
    validate: (values) => validateStaffAccount(values, locale),
    ...errorsAfterInput(),
  });
  const values = form.getValues();

  const organizationOptions = organizationKindOrder(values.roles)
    .map((kind) => ({
      group: t(`admin.accounts.kind.${kind}`),
      items: organizations
        .filter((organization) => organization.kind === kind)
        .map((organization) => ({
          value: organization.id,
          label: organization.shortName
            ? `${organization.name} (${organization.shortName})`
            : organization.name,
        })),
    }))
    .filter((group) => group.items.length > 0);

  const focusFirstError = () =>
    requestAnimationFrame(() => document.querySelector<HTMLElement>('form [aria-invalid="true"]')?.focus());

  return (
    <form
      noValidate
      onSubmit={form.onSubmit(
        async (submitted) => {
          setProblem(null);
          setSaving(true);
          const found = await onSubmit(submitted);
          setSaving(false);
          if (!found) {
            form.reset();
            setPasswordVisible(false);
            nameInput.current?.focus();
            return;
          }
          const fieldErrors = toFormErrors(found.fieldErrors);
          form.setErrors(fieldErrors);
          if (Object.keys(fieldErrors).length === 0 || found.fieldErrors.length === 0)
            setProblem(found.message);
          focusFirstError();
        },
        () => focusFirstError(),
      )}
    >
      <Stack gap="md">
        {problem && <ErrorAlert title={t('admin.accounts.failed')}>{problem}</ErrorAlert>}
        <TextInput
          ref={nameInput}
          label={t('admin.accounts.name')}
          required
          autoComplete="off"
          maxLength={120}
          {...form.getInputProps('name')}
        />
        <TextInput
          label={t('admin.accounts.email')}
          type="email"
          required
          autoComplete="off"
          spellCheck={false}
          {...form.getInputProps('email')}
        />
        <div>
          <PasswordField
            label={t('admin.accounts.password')}
            description={t('admin.accounts.passwordDescription')}
            required
            autoComplete="new-password"
            visible={passwordVisible}
            onVisibilityChange={setPasswordVisible}
            {...form.getInputProps('password')}
          />
          <Button
            variant="subtle"
            size="compact-sm"
            mt={6}
            leftSection={<IconDice5 size={16} aria-hidden />}
            onClick={() => {
              form.setFieldValue('password', generatePassword());
              setPasswordVisible(true);
            }}
          >
            {t('admin.accounts.generatePassword')}
          </Button>
        </div>
        <MultiSelect
          size="md"
          label={t('admin.accounts.roles')}
          placeholder={values.roles.length === 0 ? t('admin.accounts.rolesPlaceholder') : undefined}
          required
          data={staffRoles.map((role) => ({ value: role, label: roleLabel(role) }))}
          {...form.getInputProps('roles')}
        />
        <Select
          size="md"
          label={t('admin.accounts.organization')}
          description={t('admin.accounts.organizationDescription')}
          placeholder={t('admin.accounts.organizationPlaceholder')}
          required={needsOrganization(values.roles)}
          searchable
          clearable
          data={organizationOptions}
          {...form.getInputProps('organizationId')}
        />
        <Group>
          <Button
            type="submit"
            size="md"
            loading={saving}
            leftSection={<IconUserPlus size={18} aria-hidden />}
          >
            {t('admin.accounts.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
