import { SignInForm, useLocale } from '@kmg/ui';
import { Anchor, Card, Container, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, Navigate, useLocation, useSearchParams } from 'react-router';
import { homePathFor } from '#lib/home-path.ts';
import { safeNextPath, withNext } from '#lib/next-path.ts';
import { usePageTitle } from '#lib/page-title.ts';
import { useRenewSession } from '#lib/session.tsx';
import { useViewer } from '#lib/viewer.tsx';

function ForgotPasswordLink({ children }: { children?: ReactNode }) {
  return (
    <Anchor component={Link} to="/forgot-password" inherit>
      {children}
    </Anchor>
  );
}

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
    <Container size={440} px="md" py="xl">
      <Card withBorder radius="md" padding="lg">
        <Stack gap="lg">
          <Stack gap={4}>
            <Title order={1} fz={26}>
              {t('common.signInTitle')}
            </Title>
            <Text c="gray.7">{t('learner.signIn.lead')}</Text>
          </Stack>
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
        </Stack>
      </Card>
    </Container>
  );
}
