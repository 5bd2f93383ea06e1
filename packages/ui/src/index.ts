// The auth client (better-auth) is re-exported for apps that have not moved to `@kmg/ui/auth`;
// with `"sideEffects"` declared, a bundle only carries it where one of its exports is used.
export { authClient, type SignInResult, signIn, signOut } from '#auth-client.ts';
export { type CharacterBand, CharacterCount, characterBand } from '#character-count.tsx';
export {
  ApplicationStatusBadge,
  applicationStatusColors,
  CallStatusBadge,
  ErrorAlert,
  KmgProvider,
  LanguageSwitch,
  TeacherCallBadge,
} from '#components.tsx';
export {
  type CredentialStatus,
  CredentialStatusBadge,
  credentialStatusColors,
  credentialStatuses,
  credentialStatusLabels,
} from '#credential-status-badge.tsx';
export { useErrorMessage } from '#error-message.ts';
export { type ApiFieldError, errorsAfterInput, toFormErrors } from '#form-errors.ts';
export {
  formatDateRange,
  formatInstant,
  formatLocalDate,
  formatNumber,
  formatRatingAverage,
  viewerTimeZone,
} from '#format.ts';
export {
  type CompactGraphcacheSchema,
  expandGraphcacheSchema,
  type GraphcacheSchema,
  graphcacheKeysFor,
} from '#graphcache-keys.ts';
export {
  type AppMessages,
  createI18n,
  initialLocale,
  loadLocale,
  loadMoreMessages,
  type MoreMessages,
  rememberLocale,
  rememberSignedOutChoice,
  useLocale,
} from '#i18n.ts';
export { LoadError } from '#load-error.tsx';
export { commonMessages, withCommonMessages } from '#messages.ts';
export { PasswordField } from '#password-field.tsx';
export { ForgotPasswordForm, ResetPasswordForm } from '#password-reset.tsx';
export { schemaErrors } from '#schema-errors.ts';
export { type ForgotPasswordLink, SignInForm } from '#sign-in-form.tsx';
export { accessibleColors, cssVariablesResolver, localizedTheme, theme } from '#theme.ts';
