import { translateError } from '@kmg/domain';
import { Alert, Anchor, Button, Group, Stack, TextInput } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { type ComponentType, type FormEvent, type ReactNode, useRef, useState } from 'react';
import { Trans } from 'react-i18next';
import { type SignInResult, signIn } from '#auth-client.ts';
import { ErrorAlert } from '#components.tsx';
import { useErrorMessage } from '#error-message.ts';
import { useLocale } from '#i18n.ts';
import { PasswordField } from '#password-field.tsx';

/** A link to the page where a reset link is asked for, as the app's router makes one. */
export type ForgotPasswordLink = ComponentType<{ children?: ReactNode }>;

/** The learner app's page, by a plain link: the admin console has none of its own. */
function LearnerForgotPasswordLink({ children }: { children?: ReactNode }) {
  return (
    <Anchor href="/forgot-password" inherit>
      {children}
    </Anchor>
  );
}

type Failure = Exclude<SignInResult, { ok: true }>;

/**
 * Email or NUPTK and password; better-auth sets the session cookie. In a file of its own so the
 * auth client (better-auth) loads with the sign-in page, not with every app's first page.
 */
export function SignInForm({
  onSignedIn,
  footer,
  forgotPasswordLink: ForgotLink = LearnerForgotPasswordLink,
  isPasswordChanged = false,
}: {
  onSignedIn: () => void;
  footer?: ReactNode;
  forgotPasswordLink?: ForgotPasswordLink;
  /** Just came from setting a new password: say it worked. */
  isPasswordChanged?: boolean;
}) {
  const { t, locale } = useLocale();
  const message = useErrorMessage();
  const [identifier, setIdentifier] = useState('');
  const [password, setPassword] = useState('');
  const [failure, setFailure] = useState<Failure | null>(null);
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
      setFailure(null);
      (empty.identifier ? identifierRef : passwordRef).current?.focus();
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const result = await signIn(identifier, password);
      if (result.ok) onSignedIn();
      else setFailure(result);
    } catch {
      setFailure({ ok: false, code: 'INTERNAL' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {isPasswordChanged && !failure && (
          <Alert color="green" variant="light" icon={<IconCircleCheck size={18} />} role="status">
            {t('account.passwordChanged')}
          </Alert>
        )}
        {failure && (
          <ErrorAlert title={t('common.signInFailed')}>
            {failure.code === 'ACCOUNT_LOCKED' ? (
              <Trans
                i18nKey="account.locked"
                values={{ wait: waitText(t, failure.retryAfter) }}
                components={{ reset: <ForgotLink /> }}
              />
            ) : (
              message(failure.code)
            )}
          </ErrorAlert>
        )}
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
        <Stack gap={4}>
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
          <Group justify="flex-end" fz="sm" className="kmg-forgot-password">
            <ForgotLink>{t('account.forgotPassword')}</ForgotLink>
          </Group>
        </Stack>
        <Button type="submit" loading={busy} fullWidth>
          {t('common.signIn')}
        </Button>
        {footer}
      </Stack>
    </form>
  );
}

/** "30 detik", "2 minutes": the API's wording of a lock, in the reader's language. */
function waitText(t: ReturnType<typeof useLocale>['t'], seconds: number): string {
  return seconds < 60
    ? t('account.waitSeconds', { count: seconds })
    : t('account.waitMinutes', { count: Math.ceil(seconds / 60) });
}
