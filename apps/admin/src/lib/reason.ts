// Reasons people write for others to read: why a credential is suspended or revoked
// (`credentialReasonSchema`), why submitted results go back to the provider (`returnReasonSchema`).
// The rules are the API's own, from @kmg/domain.
import { type credentialReasonSchema, type Locale, toFieldIssues, translateError } from '@kmg/domain';

/** A reason rule: trimmed text between a minimum and a maximum length. */
export type ReasonRule = typeof credentialReasonSchema;

/** The lengths a rule allows, for the field's counter and `maxLength`. */
export function reasonLimits(rule: ReasonRule): { min: number; max: number } {
  return { min: rule.minLength ?? 0, max: rule.maxLength ?? Number.MAX_SAFE_INTEGER };
}

/** What is wrong with a reason, in the API's words; an empty one reads "required". Null when fine. */
export function checkReason(rule: ReasonRule, value: string, locale: Locale): string | null {
  if (value.trim() === '') return translateError('REQUIRED', locale);
  const parsed = rule.safeParse(value);
  const [issue] = parsed.success ? [] : toFieldIssues(parsed.error.issues);
  return issue ? translateError(issue.code, locale, issue.params) : null;
}
