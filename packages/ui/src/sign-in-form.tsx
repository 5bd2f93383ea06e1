import { type ErrorCode, translateError } from '@kmg/domain';
import { Button, Stack, TextInput } from '@mantine/core';
import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { signIn } from '#auth-client.ts';
import { ErrorAlert, useErrorMessage } from '#components.tsx';
import { useLocale } from '#i18n.ts';
import { PasswordField } from '#password-field.tsx';

/**
 * Email or NUPTK and password; better-auth sets the session cookie. In a file of its own so the
 * auth client (better-auth) loads with the sign-in page, not with every app's first page.
 */
export function SignInForm({ onSignedIn, footer }: { onSignedIn: () => void; footer?: ReactNode }) {
  const { t, locale } = useLocale();
  const message = useErrorMessage();
  const [identifier, setIdentifier] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ErrorCode | null>(null);
  const [missing, setMissing] = useState({ identifier: false, password: false });
  const [busy, setBusy] = useState(false);
  const identifierRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const required = translateError('REQUIRED', locale);

  async function submit(event: FormEvent) {
    event.preventDefault();
    // An empty field is said on the field itself, before anything is sent.
    const empty = { identifier: identifier.trim() === '', password: password === '' };
    setMissing(empty);
    if (empty.identifier || empty.password) {
      setError(null);
      (empty.identifier ? identifierRef : passwordRef).current?.focus();
      return;
    }
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
          ref={identifierRef}
          value={identifier}
          error={missing.identifier && required}
          onChange={(event) => {
            setIdentifier(event.currentTarget.value);
            setMissing((current) => ({ ...current, identifier: false }));
          }}
        />
        <PasswordField
          label={t('common.password')}
          name="password"
          autoComplete="current-password"
          required
          ref={passwordRef}
          value={password}
          error={missing.password && required}
          onChange={(event) => {
            setPassword(event.currentTarget.value);
            setMissing((current) => ({ ...current, password: false }));
          }}
        />
        <Button type="submit" loading={busy} fullWidth>
          {t('common.signIn')}
        </Button>
        {footer}
      </Stack>
    </form>
  );
}
