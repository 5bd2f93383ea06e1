import { ResetPasswordForm, useLocale } from '@kmg/ui';
import { useNavigate, useSearchParams } from 'react-router';
import { AccountCard, ForgotPasswordLink } from '#components/AccountCard.tsx';
import { usePageTitle } from '#lib/page-title.ts';

/**
 * Where the reset email's link lands (`/reset-password?token=…`, for staff too): a new password,
 * then the sign-in page, which says it worked.
 */
export function ResetPasswordPage() {
  const { t } = useLocale();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  usePageTitle(t('account.reset.title'));
  return (
    <AccountCard title={t('account.reset.title')} lead={t('account.reset.lead')}>
      <ResetPasswordForm
        token={searchParams.get('token')}
        requestAgainLink={ForgotPasswordLink}
        // Replace: the token is spent, and Back should not bring its page again.
        onReset={() => navigate('/masuk', { replace: true, state: { passwordChanged: true } })}
      />
    </AccountCard>
  );
}
