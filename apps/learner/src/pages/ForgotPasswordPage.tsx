import { ForgotPasswordForm, useLocale } from '@kmg/ui';
import { Anchor, Card, Container, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { usePageTitle } from '#lib/page-title.ts';

/** "Lupa kata sandi?" from the sign-in form (both apps'): a reset link by email. */
export function ForgotPasswordPage() {
  const { t } = useLocale();
  usePageTitle(t('account.forgot.title'));
  return (
    <Container size={440} px="md" py="xl">
      <Card withBorder radius="md" padding="lg">
        <Stack gap="lg">
          <Stack gap={4}>
            <Title order={1} fz={26}>
              {t('account.forgot.title')}
            </Title>
            <Text c="gray.7">{t('account.forgot.lead')}</Text>
          </Stack>
          <ForgotPasswordForm />
          <Text ta="center" size="sm">
            <Anchor component={Link} to="/masuk" fw={600}>
              {t('account.backToSignIn')}
            </Anchor>
          </Text>
        </Stack>
      </Card>
    </Container>
  );
}
