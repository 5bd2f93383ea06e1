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
