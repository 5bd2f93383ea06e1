import { type Locale, toFieldIssues, translateError } from '@kmg/domain';

type Issues = Parameters<typeof toFieldIssues>[0];
type Schema = {
  safeParse(value: unknown): { success: true } | { success: false; error: { issues: Issues } };
};

/**
 * Form errors (`{ "field.path": message }`, Mantine's shape) from one of the domain's input schemas,
 * worded exactly as the API words the same rule, so a teacher reads one message before and after
 * submitting. `path` prefixes every key, e.g. `['motivation']` for a schema over a single string.
 */
export function schemaErrors(
  schema: Schema,
  value: unknown,
  locale: Locale,
  path: readonly string[] = [],
): Record<string, string> {
  const result = schema.safeParse(value);
  if (result.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of toFieldIssues(result.error.issues, path)) {
    errors[issue.path.join('.')] = translateError(issue.code, locale, issue.params);
  }
  return errors;
}
