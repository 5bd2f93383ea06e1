import { formatInstant, useLocale } from '@kmg/ui';
import { Alert, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconCertificate, IconCloudOff, IconFileImport } from '@tabler/icons-react';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import {
  CredentialCard,
  CredentialCard_credential,
  CredentialCardSkeleton,
} from '#components/CredentialCard.tsx';
import { DownloadJsonButton } from '#components/DownloadJsonButton.tsx';
import { EmptyList } from '#components/EmptyList.tsx';
import { ImportedCredentials } from '#components/ImportedCredentials.tsx';
import { LockedNotice } from '#components/LockedNotice.tsx';
import { Page } from '#components/Page.tsx';
import { PublicProfileCard, PublicProfileCard_settings } from '#components/PublicProfileCard.tsx';
import { QueryFallback } from '#components/QueryState.tsx';
import { RequireSignIn } from '#components/RequireSignIn.tsx';
import { RplRecognitionCard, RplRecognitionCard_credential } from '#components/RplRecognitionCard.tsx';
import { graphql, type ResultOf } from '#graphql.ts';
import { useViewer } from '#lib/viewer.tsx';
import { type WalletEntry, walletEntries } from '#lib/wallet.ts';
import { readWalletCopy, saveWalletCopy, type WalletCopy } from '#lib/wallet-copy.ts';

const CredentialsPageQuery = graphql(
  `
    query CredentialsPage {
      myCredentials {
        id
        kind
        status
        validFrom
        ...CredentialCard_credential
      }
      myRplApplications {
        id
        programme {
          id
          name
        }
        recognitionCredential {
          id
          credentialId
          status
          validFrom
          ...RplRecognitionCard_credential
        }
      }
      myPublicProfile {
        ...PublicProfileCard_settings
      }
    }
  `,
  [CredentialCard_credential, RplRecognitionCard_credential, PublicProfileCard_settings],
);

const skeleton = (
  <Stack gap="md">
    <CredentialCardSkeleton />
  </Stack>
);

/** The whole wallet as one signed CLR 2.0 bundle (a download, for the signed-in teacher). */
const walletClrUrl = '/api/wallet/clr.json';

type WalletData = ResultOf<typeof CredentialsPageQuery>;

/**
 * The teacher's wallet: every credential they hold, newest first (pathway credentials and the
 * universities' RPL recognitions among them); revoked ones apart, below; then the credentials they
 * imported from other issuers. Offline, the copy saved on this device at the last visit.
 */
export function CredentialsPage() {
  const { t } = useLocale();
  const viewerState = useViewer();
  // Offline we cannot ask who is signed in: the copy is of the last person signed in here.
  const saved =
    viewerState.status === 'failed' && viewerState.isNetworkError ? readWalletCopy<WalletData>() : null;
  return (
    <Page title={t('learner.credentials.title')} lead={t('learner.credentials.lead')} size="sm">
      {saved ? (
        <SavedWallet copy={saved} />
      ) : (
        <RequireSignIn fallback={skeleton}>
          {(viewer) =>
            viewer.isTeacher ? (
              <CredentialList viewerId={viewer.id} />
            ) : (
              <LockedNotice>{t('learner.credentials.teachersOnly')}</LockedNotice>
            )
          }
        </RequireSignIn>
      )}
    </Page>
  );
}

function CredentialList({ viewerId }: { viewerId: string }) {
  const [{ data, error, stale }, reexecute] = useQuery({
    query: CredentialsPageQuery,
    // Credentials are issued in the background after results are approved: look again on each visit.
    requestPolicy: 'cache-and-network',
  });
  useEffect(() => {
    if (data && !stale) saveWalletCopy(viewerId, data);
  }, [viewerId, data, stale]);
  if (!data) {
    const saved = error?.networkError ? readWalletCopy<WalletData>(viewerId) : null;
    if (saved) return <SavedWallet copy={saved} />;
    return <QueryFallback error={error} reexecute={reexecute} skeleton={skeleton} />;
  }
  return <Wallet data={data} isOnline />;
}

/** The wallet as saved at the last visit, saying so: the signed credentials, without a connection. */
function SavedWallet({ copy }: { copy: WalletCopy<WalletData> }) {
  const { t, locale } = useLocale();
  return (
    <Stack gap="md">
      <Alert color="yellow" variant="light" icon={<IconCloudOff size={20} aria-hidden />} role="status">
        {t('learner.credentials.offlineCopy', { date: formatInstant(copy.savedAt, locale) })}
      </Alert>
      <Wallet data={copy.data} isOnline={false} />
    </Stack>
  );
}

function Wallet({ data, isOnline }: { data: WalletData; isOnline: boolean }) {
  const { t } = useLocale();
  const entries = walletEntries(data);

  if (entries.length === 0) {
    return (
      <Stack gap="md">
        <EmptyList
          icon={IconCertificate}
          title={t('learner.credentials.emptyTitle')}
          description={t('learner.credentials.emptyText')}
          actions={
            <Group gap="sm" justify="center">
              <Button component={Link} to="/" size="md">
                {t('learner.credentials.browse')}
              </Button>
              <Button component={Link} to="/pendaftaran" size="md" variant="default">
                {t('learner.credentials.seeApplications')}
              </Button>
              <ImportCredentialButton />
            </Group>
          }
        >
          <List type="ordered" spacing={6} ta="left" size="sm" maw={420} mx="auto" c="gray.8">
            <List.Item>{t('learner.credentials.emptyStep1')}</List.Item>
            <List.Item>{t('learner.credentials.emptyStep2')}</List.Item>
            <List.Item>{t('learner.credentials.emptyStep3')}</List.Item>
          </List>
        </EmptyList>
        {isOnline && <ImportedCredentials />}
      </Stack>
    );
  }

  const current = entries.filter((entry) => entry.status !== 'REVOKED');
  const revoked = entries.filter((entry) => entry.status === 'REVOKED');

  return (
    <Stack gap="md">
      {isOnline && <WalletActions />}
      {isOnline && <PublicProfileCard settings={data.myPublicProfile} />}
      {current.map((entry) => (
        <WalletCard key={entry.id} entry={entry} />
      ))}
      {revoked.length > 0 && (
        <Stack gap="md" component="section" aria-labelledby="revoked-heading" mt={current.length ? 'lg' : 0}>
          <div>
            <Title order={2} fz="lg" id="revoked-heading">
              {t('learner.credentials.revokedHeading')}
            </Title>
            <Text size="sm" c="gray.7">
              {t('learner.credentials.revokedHint')}
            </Text>
          </div>
          {revoked.map((entry) => (
            <WalletCard key={entry.id} entry={entry} />
          ))}
        </Stack>
      )}
      {isOnline && <ImportedCredentials />}
    </Stack>
  );
}

type PageEntry = WalletEntry<
  NonNullable<ResultOf<typeof CredentialsPageQuery>>['myCredentials'][number],
  NonNullable<
    NonNullable<ResultOf<typeof CredentialsPageQuery>>['myRplApplications'][number]['recognitionCredential']
  >
>;

function WalletCard({ entry }: { entry: PageEntry }) {
  return entry.kind === 'recognition' ? (
    <RplRecognitionCard credential={entry.credential} programmeName={entry.programmeName} />
  ) : (
    <CredentialCard credential={entry.credential} />
  );
}

/** What the teacher does with the wallet as a whole: take it all away as one file, bring one in. */
function WalletActions() {
  const { t } = useLocale();
  return (
    <Card withBorder radius="md" padding="md" bg="gray.0">
      <Stack gap="sm">
        <Text size="sm" c="gray.8">
          {t('learner.credentials.downloadAllHint')}
        </Text>
        <Group gap="sm" align="flex-start">
          <DownloadJsonButton url={walletClrUrl} filename="kmg-dompet-clr.json" variant="light" size="md">
            {t('learner.credentials.downloadAll')}
          </DownloadJsonButton>
          <ImportCredentialButton />
        </Group>
      </Stack>
    </Card>
  );
}

/** To the page that brings a credential from another issuer into the wallet. */
function ImportCredentialButton() {
  const { t } = useLocale();
  return (
    <Button
      component={Link}
      to="/kredensial/impor"
      size="md"
      variant="default"
      leftSection={<IconFileImport size={20} aria-hidden />}
    >
      {t('learner.imports.action')}
    </Button>
  );
}
