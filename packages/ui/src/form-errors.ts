/** A field error as the API returns it (`FieldError`). */
export type ApiFieldError = { path: readonly string[]; message: string };

/**
 * Turns the API's field errors into Mantine form errors: `["input", "learningOutcomes", "0"]`
 * becomes `learningOutcomes.0` when the prefix `input` is dropped.
 */
export function toFormErrors(
  fieldErrors: readonly ApiFieldError[],
  dropPrefix = 'input',
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const error of fieldErrors) {
    const path = error.path[0] === dropPrefix ? error.path.slice(1) : error.path;
    const key = path.join('.');
    errors[key] ??= error.message;
  }
  return errors;
}

/**
 * `useForm` options under which a field shows its message only once the person has changed it and
 * left it, or has tried to save (`submitted`, or a message already shown): passing through an
 * empty field says nothing yet.
 */
export function errorsAfterInput(submitted: { readonly current: boolean } = { current: false }) {
  return {
    validateInputOnBlur: false,
    enhanceGetInputProps: ({
      field,
      form,
    }: {
      field: string;
      form: {
        isDirty(path: string): boolean;
        errors: Record<string, unknown>;
        validateField(path: string): unknown;
      };
    }) => ({
      onBlur: () => {
        if (submitted.current || form.isDirty(field) || form.errors[field]) form.validateField(field);
      },
    }),
  };
}
