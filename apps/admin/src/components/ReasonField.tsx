import { CharacterCount } from '@kmg/ui';
import { Textarea } from '@mantine/core';
import type { Ref } from 'react';
import { type ReasonRule, reasonLimits } from '#lib/reason.ts';

/**
 * A reason someone else will read, in a dialog: the field (focused when the dialog opens), its
 * message under it, and the count against the rule's bounds (announced when a bound is crossed).
 */
export function ReasonField({
  label,
  description,
  rule,
  value,
  error,
  onChange,
  onBlur,
  inputRef,
}: {
  label: string;
  description: string;
  rule: ReasonRule;
  value: string;
  error: string | null;
  onChange: (value: string) => void;
  onBlur: () => void;
  inputRef?: Ref<HTMLTextAreaElement>;
}) {
  const { min, max } = reasonLimits(rule);
  return (
    <div>
      <Textarea
        ref={inputRef}
        label={label}
        description={description}
        required
        autosize
        minRows={3}
        maxRows={8}
        maxLength={max}
        value={value}
        error={error}
        data-autofocus
        onChange={(event) => onChange(event.currentTarget.value)}
        onBlur={onBlur}
      />
      <CharacterCount value={value} min={min} max={max} />
    </div>
  );
}
