import type { ErrorCode } from '@kmg/domain';
import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { signIn } from '#auth-client.ts';
import { ErrorAlert, useErrorMessage } from '#components.tsx';
import { useLocale } from '#i18n.ts';

/**
 * Email or NUPTK and password; better-auth sets the session cookie. In a file of its own so the
 * auth client (better-auth) loads with the sign-in page, not with every app's first page.
 */
export function SignInForm({ onSignedIn, footer }: { onSignedIn: () => void; footer?: ReactNode }) {
  const { t } = useLocale();
  const message = useErrorMessage();
  const [identifier, setIdentifier] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ErrorCode | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await signIn(identifier, password);
      if (result.ok) onSignedIn();
      else setError(result.code);
    } catch {
      setError('INTERNAL');
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {error && <ErrorAlert title={t('common.signInFailed')}>{message(error)}</ErrorAlert>}
        <TextInput
          label={t('common.emailOrNuptk')}
          name="identifier"
          autoComplete="username"
          required
          value={identifier}
          onChange={(event) => setIdentifier(event.currentTarget.value)}
        />
        <PasswordInput
          label={t('common.password')}
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
        />
        <Button type="submit" loading={busy} fullWidth>
          {t('common.signIn')}
        </Button>
        {footer}
      </Stack>
    </form>
  );
}
