import { type ErrorCode, PASSWORD_MIN_LENGTH, teacherRegistrationSchema } from '@kmg/domain';
import { Alert, Button, Stack, Text, TextInput } from '@mantine/core';
import { IconMailCheck } from '@tabler/icons-react';
import { type ComponentType, type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { RESET_LINK_MINUTES, requestPasswordReset, resetPassword } from '#auth-client.ts';
import { ErrorAlert } from '#components.tsx';
import { useErrorMessage } from '#error-message.ts';
import { useLocale } from '#i18n.ts';
import { PasswordField } from '#password-field.tsx';
import { schemaErrors } from '#schema-errors.ts';

// The rules registration and staff accounts use, so a reset asks for exactly what they asked for.
const emailRule = teacherRegistrationSchema.shape.email;
const passwordRule = teacherRegistrationSchema.shape.password;

/**
 * Asks for a reset link by email or NUPTK, then says it was sent whether or not an account has
 * that address (the API answers alike, so nobody learns who has an account here).
 */
export function ForgotPasswordForm() {
  const { t, locale } = useLocale();
  const message = useErrorMessage();
  const [identifier, setIdentifier] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [problem, setProblem] = useState<ErrorCode | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldRef = useRef<HTMLInputElement>(null);
  const sentRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (sentTo) sentRef.current?.focus();
  }, [sentTo]);

  /** Digits are read as a NUPTK, anything else as an email, each with its own message. */
  function check(value: string): string | null {
    const id = value.trim();
    if (!id) return message('REQUIRED');
    if (/^\d+$/.test(id)) return id.length === 16 ? null : message('NUPTK_FORMAT');
    return schemaErrors(emailRule, id, locale, ['email']).email ?? null;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const error = check(identifier);
    setFieldError(error);
    setProblem(null);
    if (error) {
      fieldRef.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const result = await requestPasswordReset(identifier);
      if (result.ok) setSentTo(identifier.trim());
      else if (result.code === 'INVALID_EMAIL') {
        setFieldError(message('INVALID_EMAIL'));
        fieldRef.current?.focus();
      } else setProblem(result.code);
    } catch {
      setProblem('INTERNAL');
    } finally {
      setBusy(false);
    }
  }

  if (sentTo) {
    return (
      <Stack gap="md">
        <Alert
          ref={sentRef}
          tabIndex={-1}
          color="green"
          variant="light"
          icon={<IconMailCheck size={18} />}
          title={t('account.forgot.sentTitle')}
          role="status"
        >
          <Stack gap="xs">
            <Text size="sm">
              {t('account.forgot.sent', { identifier: sentTo, minutes: RESET_LINK_MINUTES })}
            </Text>
            <Text size="sm">{t('account.forgot.spamHint')}</Text>
          </Stack>
        </Alert>
        <Button variant="default" fullWidth onClick={() => setSentTo(null)}>
          {t('account.forgot.again')}
        </Button>
      </Stack>
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {problem && <ErrorAlert title={t('account.forgot.failed')}>{message(problem)}</ErrorAlert>}
        <TextInput
          label={t('common.emailOrNuptk')}
          name="identifier"
          autoComplete="username"
          required
          ref={fieldRef}
          value={identifier}
          error={fieldError}
          onChange={(event) => {
            setIdentifier(event.currentTarget.value);
            setFieldError(null);
          }}
          onBlur={() => identifier.trim() && setFieldError(check(identifier))}
        />
        <Button type="submit" loading={busy} fullWidth>
          {t('account.forgot.submit')}
        </Button>
      </Stack>
    </form>
  );
}

type Errors = { password?: string | null; confirm?: string | null };

/**
 * A new password, typed twice, for the token in the emailed link (`?token=`). A missing, expired or
 * used token says so and offers a new link instead of the form.
 */
export function ResetPasswordForm({
  token,
  onReset,
  requestAgainLink: RequestAgainLink,
}: {
  token: string | null;
  /** The password is saved: go to the sign-in page. */
  onReset: () => void;
  /** A link to the page that asks for a new reset link, as the app's router makes one. */
  requestAgainLink: ComponentType<{ children?: ReactNode }>;
}) {
  const { t, locale } = useLocale();
  const message = useErrorMessage();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [problem, setProblem] = useState<ErrorCode | null>(null);
  const [isTokenInvalid, setTokenInvalid] = useState(!token);
  const [busy, setBusy] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);

  const checkPassword = (value: string) =>
    value ? (schemaErrors(passwordRule, value, locale, ['password']).password ?? null) : message('REQUIRED');
  const checkConfirm = (value: string, first = password) =>
    !value ? message('REQUIRED') : value === first ? null : t('account.reset.mismatch');

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = { password: checkPassword(password), confirm: checkConfirm(confirm) };
    setErrors(found);
    setProblem(null);
    if (found.password || found.confirm) {
      (found.password ? passwordRef : confirmRef).current?.focus();
      return;
    }
    if (!token) return;
    setBusy(true);
    try {
      const result = await resetPassword(token, password);
      if (result.ok) onReset();
      else if (result.code === 'INVALID_TOKEN') setTokenInvalid(true);
      else if (result.code === 'PASSWORD_TOO_SHORT' || result.code === 'TOO_LONG') {
        setErrors({ password: message(result.code, { min: PASSWORD_MIN_LENGTH, max: 128 }) });
        passwordRef.current?.focus();
      } else setProblem(result.code);
    } catch {
      setProblem('INTERNAL');
    } finally {
      setBusy(false);
    }
  }

  if (isTokenInvalid) {
    return (
      <ErrorAlert title={t('account.reset.invalidTitle')}>
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{t('account.reset.invalid', { minutes: RESET_LINK_MINUTES })}</Text>
          <Text size="sm" fw={600}>
            <RequestAgainLink>{t('account.reset.requestAgain')}</RequestAgainLink>
          </Text>
        </Stack>
      </ErrorAlert>
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {problem && <ErrorAlert title={t('account.reset.failed')}>{message(problem)}</ErrorAlert>}
        <PasswordField
          label={t('account.reset.newPassword')}
          description={t('account.reset.hint', { min: PASSWORD_MIN_LENGTH })}
          name="new-password"
          autoComplete="new-password"
          required
          ref={passwordRef}
          value={password}
          error={errors.password}
          onChange={(event) => {
            const value = event.currentTarget.value;
            setPassword(value);
            setErrors((current) => ({
              password: null,
              // A confirmation already typed is checked again against what it must now match.
              confirm: current.confirm && confirm ? checkConfirm(confirm, value) : current.confirm,
            }));
          }}
          onBlur={() =>
            password && setErrors((current) => ({ ...current, password: checkPassword(password) }))
          }
        />
        <PasswordField
          label={t('account.reset.confirm')}
          name="confirm-password"
          autoComplete="new-password"
          required
          ref={confirmRef}
          value={confirm}
          error={errors.confirm}
          onChange={(event) => {
            setConfirm(event.currentTarget.value);
            setErrors((current) => ({ ...current, confirm: null }));
          }}
          onBlur={() => confirm && setErrors((current) => ({ ...current, confirm: checkConfirm(confirm) }))}
        />
        <Button type="submit" loading={busy} fullWidth>
          {t('account.reset.submit')}
        </Button>
      </Stack>
    </form>
  );
}
