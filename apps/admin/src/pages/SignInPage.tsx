import { SignInForm, signOut, useLocale } from '@kmg/ui';
import { Anchor, Center, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useEffect } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { useClient, useQuery } from 'urql';
import { BareLayout } from '#components/BareLayout.tsx';
import { StaffOnlyNotice } from '#components/StaffOnlyNotice.tsx';
import { graphql } from '#graphql.ts';
import { safeNextPath } from '#lib/navigation.ts';
import { signInPath } from '#lib/urql.ts';
import { canUseConsole } from '#lib/viewer.tsx';

const SignInViewerQuery = graphql(`
  query SignInViewer {
    me { id name roles locale }
  }
`);

export function SignInPage() {
  const { t, locale, setLocale } = useLocale();
  const client = useClient();
  const [params] = useSearchParams();
  const [{ data, fetching }] = useQuery({ query: SignInViewerQuery });
  const me = data?.me;
  useDocumentTitle(`${t('admin.signIn.title')} · ${t('admin.consoleName')}`);
  useEffect(() => {
    if (me?.locale && me.locale !== locale) setLocale(me.locale);
  }, [me?.locale]);

  if (me && canUseConsole(me.roles)) return <Navigate to={safeNextPath(params.get('next'))} replace />;

  return (
    <BareLayout signedIn={!!me}>
      {fetching && !data ? (
        <Center py="xl" role="status">
          <Loader role="status" aria-label={t('common.loading')} />
        </Center>
      ) : me ? (
        <StaffOnlyNotice
          name={me.name}
          roles={me.roles}
          onSignOut={async () => {
            await signOut();
            window.location.assign(signInPath);
          }}
        />
      ) : (
        <Paper withBorder shadow="sm" p={{ base: 'lg', sm: 'xl' }} radius="md">
          <Stack gap="lg">
            <Stack gap={4}>
              <Title order={1} size="h2">
                {t('admin.signIn.title')}
              </Title>
              <Text c="dimmed" size="sm">
                {t('admin.signIn.intro')}
              </Text>
            </Stack>
            <SignInForm
              onSignedIn={() => {
                // Fetch who signed in; the page then goes on, or explains the console is for staff.
                void client.query(SignInViewerQuery, {}, { requestPolicy: 'network-only' }).toPromise();
              }}
              footer={
                <Anchor href="/" size="sm" ta="center">
                  {t('admin.signIn.learnerLink')}
                </Anchor>
              }
            />
          </Stack>
        </Paper>
      )}
    </BareLayout>
  );
}
