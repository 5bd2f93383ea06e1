import { type RplCaseRole, rplCaseRoles } from '@kmg/domain';
import { ErrorAlert, useLocale } from '@kmg/ui';
import { Alert, Button, Checkbox, Fieldset, Group, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconDeviceFloppy } from '@tabler/icons-react';
import { useRef } from 'react';
import { ListError } from '#components/FormParts.tsx';
import { useApiSubmit } from '#components/use-api-submit.ts';
import { focusFirstInvalid } from '#lib/form-errors.ts';
import type { MutationProblem } from '#lib/mutation-result.ts';
import {
  AFFILIATION_MAX,
  EMPLOYEE_NUMBER_MAX,
  fourEyesPairs,
  heldRoles,
  type StaffFormValues,
  staffFormErrors,
  validateStaffForm,
} from '#lib/rpl-staff-form.ts';

export type ProgrammeOption = { id: string; code: string; name: string };

/**
 * One person's RPL roles (each for every programme or for chosen ones), affiliation and employee
 * number. Resolves `onSubmit` to what went wrong, or null once saved.
 */
export function RplStaffEditor({
  initialValues,
  programmes,
  onSubmit,
  onCancel,
}: {
  initialValues: StaffFormValues;
  programmes: readonly ProgrammeOption[];
  onSubmit: (values: StaffFormValues) => Promise<MutationProblem | null>;
  onCancel: () => void;
}) {
  const { t, locale } = useLocale();
  const submitted = useRef(false);
  const form = useForm<StaffFormValues>({
    mode: 'controlled',
    initialValues,
    validate: (values) => validateStaffForm(values, locale),
    onValuesChange: () => {
      if (submitted.current) form.validate();
    },
  });
  const values = form.getValues();
  const { handleSubmit, problem, saving } = useApiSubmit({
    form,
    submitted,
    save: onSubmit,
    toFieldErrors: (fieldErrors) => staffFormErrors(fieldErrors, heldRoles(form.getValues())),
    focusFirstError: () => focusFirstInvalid('#rpl-staff-form'),
  });
  const conflicts = fourEyesPairs(values);
  const roleName = (role: RplCaseRole) => t(`admin.rplAdmin.role.${role}`);

  return (
    <form id="rpl-staff-form" onSubmit={handleSubmit} noValidate>
      <Stack gap="md">
        {problem && <ErrorAlert title={t('admin.rplAdmin.staff.failed')}>{problem}</ErrorAlert>}
        <Fieldset legend={t('admin.rplAdmin.staff.rolesLegend')} variant="unstyled">
          <ListError error={form.errors.grants} />
          <Stack gap="sm">
            {rplCaseRoles.map((role) => {
              const grant = values.grants[role];
              const scopeError = form.errors[`grants.${role}.programmeIds`];
              return (
                <div key={role}>
                  <Checkbox
                    label={roleName(role)}
                    description={t(`admin.rplAdmin.roleHint.${role}`)}
                    {...form.getInputProps(`grants.${role}.held`, { type: 'checkbox' })}
                  />
                  {grant.held && programmes.length > 0 && (
                    <Stack gap={6} mt={6} ml={32}>
                      <Radio.Group
                        aria-label={t('admin.rplAdmin.staff.scopeLabel', { role: roleName(role) })}
                        value={grant.scope}
                        onChange={(scope) =>
                          form.setFieldValue(`grants.${role}.scope`, scope as 'ALL' | 'SOME')
                        }
                      >
                        <Group gap="md">
                          <Radio value="ALL" label={t('admin.rplAdmin.staff.allProgrammes')} size="sm" />
                          <Radio value="SOME" label={t('admin.rplAdmin.staff.someProgrammes')} size="sm" />
                        </Group>
                      </Radio.Group>
                      {grant.scope === 'SOME' && (
                        <Checkbox.Group
                          aria-label={t('admin.rplAdmin.staff.programmesLabel', { role: roleName(role) })}
                          value={grant.programmeIds}
                          onChange={(ids) => form.setFieldValue(`grants.${role}.programmeIds`, ids)}
                          error={scopeError}
                        >
                          <Stack gap={4} mt={2}>
                            {programmes.map((programme) => (
                              <Checkbox
                                key={programme.id}
                                value={programme.id}
                                size="sm"
                                label={`${programme.name} (${programme.code})`}
                              />
                            ))}
                          </Stack>
                        </Checkbox.Group>
                      )}
                    </Stack>
                  )}
                </div>
              );
            })}
          </Stack>
        </Fieldset>
        {conflicts.length > 0 && (
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />}>
            {conflicts.map(([first, second]) => (
              <Text key={`${first}-${second}`} size="sm">
                {t('admin.rplAdmin.staff.conflict', { first: roleName(first), second: roleName(second) })}
              </Text>
            ))}
          </Alert>
        )}
        <TextInput
          size="sm"
          label={t('admin.rplAdmin.staff.affiliation')}
          description={t('admin.rplAdmin.staff.affiliationHint')}
          maxLength={AFFILIATION_MAX}
          {...form.getInputProps('affiliation')}
        />
        <TextInput
          size="sm"
          label={t('admin.rplAdmin.staff.employeeNumber')}
          description={t('admin.rplAdmin.staff.employeeNumberHint')}
          maxLength={EMPLOYEE_NUMBER_MAX}
          spellCheck={false}
          inputMode="numeric"
          {...form.getInputProps('employeeNumber')}
        />
        <Group gap="sm">
          <Button type="submit" loading={saving} leftSection={<IconDeviceFloppy size={18} aria-hidden />}>
            {t('admin.rplAdmin.staff.save')}
          </Button>
          <Button variant="default" onClick={onCancel} disabled={saving}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
