import { ResetPasswordForm, useLocale } from '@kmg/ui';
import { Anchor, Card, Container, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { usePageTitle } from '#lib/page-title.ts';

function RequestAgainLink({ children }: { children?: ReactNode }) {
  return (
    <Anchor component={Link} to="/forgot-password" inherit>
      {children}
    </Anchor>
  );
}

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
    <Container size={440} px="md" py="xl">
      <Card withBorder radius="md" padding="lg">
        <Stack gap="lg">
          <Stack gap={4}>
            <Title order={1} fz={26}>
              {t('account.reset.title')}
            </Title>
            <Text c="gray.7">{t('account.reset.lead')}</Text>
          </Stack>
          <ResetPasswordForm
            token={searchParams.get('token')}
            requestAgainLink={RequestAgainLink}
            // Replace: the token is spent, and Back should not bring its page again.
            onReset={() => navigate('/masuk', { replace: true, state: { passwordChanged: true } })}
          />
        </Stack>
      </Card>
    </Container>
  );
}
