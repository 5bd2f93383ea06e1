import { type ApiFieldError, toFormErrors } from '@kmg/ui';
import type { UseFormReturnType } from '@mantine/form';
import { type RefObject, useState } from 'react';
import { placeFieldErrors } from '#lib/form-errors.ts';
import type { MutationProblem } from '#lib/mutation-result.ts';

/**
 * Sends a checked form to the API. A refusal puts its field errors on the fields and the rest in
 * `problem`, then `focusFirstError` runs; so does a form that fails its own checks. Either sets
 * `submitted`, which the form reads to keep every message current from then on; a save clears it.
 */
export function useApiSubmit<Values extends Record<string, unknown>>({
  form,
  submitted,
  save,
  onSaved,
  toFieldErrors = toFormErrors,
  focusFirstError,
}: {
  form: UseFormReturnType<Values>;
  submitted: RefObject<boolean>;
  /** Resolves to what went wrong, or null when saved. */
  save: (values: Values) => Promise<MutationProblem | null>;
  onSaved?: (values: Values) => void;
  /** Maps the API's field paths to the form's. */
  toFieldErrors?: (fieldErrors: readonly ApiFieldError[]) => Record<string, string>;
  focusFirstError: () => void;
}) {
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const handleSubmit = form.onSubmit(
    async (values) => {
      setProblem(null);
      setSaving(true);
      const found = await save(values);
      setSaving(false);
      if (!found) {
        submitted.current = false;
        onSaved?.(values);
        return;
      }
      submitted.current = true;
      const placed = placeFieldErrors(found.message, toFieldErrors(found.fieldErrors), Object.keys(values));
      form.setErrors(placed.onFields);
      setProblem(placed.message);
      focusFirstError();
    },
    () => {
      submitted.current = true;
      focusFirstError();
    },
  );
  return { handleSubmit, problem, saving };
}
