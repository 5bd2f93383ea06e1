import { SignInForm, useLocale } from '@kmg/ui';
import { Anchor, Text } from '@mantine/core';
import { Link, Navigate, useLocation, useSearchParams } from 'react-router';
import { AccountCard, ForgotPasswordLink } from '#components/AccountCard.tsx';
import { homePathFor } from '#lib/home-path.ts';
import { safeNextPath, withNext } from '#lib/next-path.ts';
import { usePageTitle } from '#lib/page-title.ts';
import { useRenewSession } from '#lib/session.tsx';
import { useViewer } from '#lib/viewer.tsx';

/**
 * Email or NUPTK and password; afterwards back to where the person was going (`?next=`), or to
 * their home: principals who do not teach land on "Sekolah saya".
 */
export function SignInPage() {
  const { t } = useLocale();
  const renewSession = useRenewSession();
  const viewerState = useViewer();
  const [searchParams] = useSearchParams();
  const asked = searchParams.get('next');
  // Set by the reset page once a new password is saved.
  const isPasswordChanged = (useLocation().state as { passwordChanged?: boolean } | null)?.passwordChanged;
  usePageTitle(t('common.signIn'));

  // Signed in (now, or already): once the layout knows who this is, go on.
  if (viewerState.status === 'ready' && viewerState.viewer) {
    const next = asked ? safeNextPath(asked) : homePathFor(viewerState.viewer);
    return <Navigate to={next} replace />;
  }

  return (
    <AccountCard title={t('common.signInTitle')} lead={t('learner.signIn.lead')}>
      <SignInForm
        onSignedIn={renewSession}
        forgotPasswordLink={ForgotPasswordLink}
        isPasswordChanged={isPasswordChanged === true}
        footer={
          <Text ta="center" size="sm" mt="xs">
            {t('learner.signIn.noAccount')}{' '}
            <Anchor component={Link} to={withNext('/daftar', safeNextPath(asked))} fw={600}>
              {t('learner.signIn.register')}
            </Anchor>
          </Text>
        }
      />
    </AccountCard>
  );
}
