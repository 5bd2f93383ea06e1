import { type Locale, toFieldIssues, translateError } from '@kmg/domain';

/** A domain schema's issues as form errors in the person's language, one per field (`links.0.url`). */
export function issuesToErrors(
  issues: Parameters<typeof toFieldIssues>[0],
  locale: Locale,
  prefix: readonly string[] = [],
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of toFieldIssues(issues, prefix)) {
    errors[issue.path.join('.')] ??= translateError(issue.code, locale, issue.params);
  }
  return errors;
}

/**
 * Where the API's field errors go: on the form's own fields when the first segment of the path
 * names one of them (`competencyUnits.2.code` lands on that row), and otherwise into the message
 * shown above the form, after the API's own message.
 */
export function placeFieldErrors(
  message: string,
  fieldErrors: Record<string, string>,
  fields: readonly string[],
): { onFields: Record<string, string>; message: string } {
  const onFields: Record<string, string> = {};
  const elsewhere: string[] = [];
  for (const [path, text] of Object.entries(fieldErrors)) {
    if (fields.includes(path.split('.')[0] ?? '')) onFields[path] = text;
    else elsewhere.push(text);
  }
  return { onFields, message: [message, ...elsewhere].join(' ') };
}

/**
 * Moves focus to the first field marked invalid inside `scope` (a CSS selector), after the form
 * has rendered its messages; `otherwise` runs when no field is marked.
 */
export function focusFirstInvalid(scope: string, otherwise?: () => void) {
  requestAnimationFrame(() => {
    const field = document.querySelector<HTMLElement>(`${scope} [aria-invalid="true"]`);
    if (field) field.focus();
    else otherwise?.();
  });
}
