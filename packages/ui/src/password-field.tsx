import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import type { Ref } from 'react';
import { useLocale } from '#i18n.ts';

/**
 * Mantine's password input with its show/hide button named in the reader's language (Mantine's own
 * name is English). The button says whether it is on through `aria-pressed`.
 */
export function PasswordField({ ref, ...props }: PasswordInputProps & { ref?: Ref<HTMLInputElement> }) {
  const { t } = useLocale();
  return (
    <PasswordInput
      ref={ref}
      {...props}
      visibilityToggleButtonProps={{
        'aria-label': t('common.showPassword'),
        ...props.visibilityToggleButtonProps,
      }}
    />
  );
}
