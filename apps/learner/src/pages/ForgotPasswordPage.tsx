import { ForgotPasswordForm, useLocale } from '@kmg/ui';
import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { AccountCard } from '#components/AccountCard.tsx';
import { usePageTitle } from '#lib/page-title.ts';

/** "Lupa kata sandi?" from the sign-in form (both apps'): a reset link by email. */
export function ForgotPasswordPage() {
  const { t } = useLocale();
  usePageTitle(t('account.forgot.title'));
  return (
    <AccountCard title={t('account.forgot.title')} lead={t('account.forgot.lead')}>
      <ForgotPasswordForm />
      <Text ta="center" size="sm">
        <Anchor component={Link} to="/masuk" fw={600}>
          {t('account.backToSignIn')}
        </Anchor>
      </Text>
    </AccountCard>
  );
}
