import { type ApiFieldError, schemaErrors, toFormErrors, useErrorMessage, useLocale } from '@kmg/ui';

type Schema = Parameters<typeof schemaErrors>[0];

/**
 * Checks a teacher's details form (registration, profile) with the domain schema. A blank field reads
 * "Wajib diisi." rather than "Format tidak valid.": blanks go to the schema as missing, and a status
 * not yet picked is reported the same way.
 */
export function useTeacherFormValidation(schema: Schema) {
  const { locale } = useLocale();
  const message = useErrorMessage();
  return (values: Record<string, string> & { employmentStatus: string }) => {
    const errors = schemaErrors(
      schema,
      Object.fromEntries(
        Object.entries(values).map(([key, value]) => [key, value.trim() ? value : undefined]),
      ),
      locale,
    );
    if (!values.employmentStatus) errors.employmentStatus = message('REQUIRED');
    return errors;
  };
}

/** Moves the focus to the first field in error, once the errors are on screen. */
export function focusFirstError() {
  requestAnimationFrame(() => {
    document.querySelector<HTMLElement>('form [aria-invalid="true"]')?.focus();
  });
}

/**
 * Puts the API's field errors on the form and focuses the first. Returns the API's message when no
 * error belongs to a field, for the form's alert; otherwise null.
 */
export function showFieldErrors(
  form: { setErrors: (errors: Record<string, string>) => void },
  outcome: { fieldErrors: readonly ApiFieldError[]; message: string },
): string | null {
  const errors = toFormErrors(outcome.fieldErrors);
  form.setErrors(errors);
  focusFirstError();
  return Object.keys(errors).length === 0 ? outcome.message : null;
}
