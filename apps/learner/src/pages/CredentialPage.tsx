import { CredentialStatusBadge, formatNumber, useLocale } from '@kmg/ui';
import { Anchor, Card, Container, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { CardSkeleton } from '#components/CardSkeleton.tsx';
import { CredentialActions, CredentialActions_credential } from '#components/CredentialActions.tsx';
import { ClrDownloadButton, CredentialOrigin, CredentialStatusNotice } from '#components/CredentialCard.tsx';
import {
  CredentialComponents,
  CredentialComponents_credential,
  walletLink,
} from '#components/CredentialComponents.tsx';
import { CredentialDetails, CredentialDetails_credential } from '#components/CredentialDetails.tsx';
import { JobLinks, JobLinks_skillArea } from '#components/JobLinks.tsx';
import { NotFound } from '#components/NotFound.tsx';
import { QueryFallback } from '#components/QueryState.tsx';
import { RateTraining, RateTraining_credential } from '#components/RateTraining.tsx';
import { RequireSignIn } from '#components/RequireSignIn.tsx';
import { RplRecognitionView } from '#components/RplRecognitionView.tsx';
import { type FragmentOf, graphql } from '#graphql.ts';
import { usePageTitle } from '#lib/page-title.ts';
import { pathwayPath } from '#lib/pathway-links.ts';
import { recognitionOfRecord } from '#lib/rpl-recognition.ts';

// The wallet holds a handful of credentials: reading them all keeps this page to the owner's own
// and opens it at once from the wallet, whose list is already in the cache.
const CredentialPageQuery = graphql(
  `
    query CredentialPage {
      myCredentials {
        id
        credentialId
        name
        status
        revocationReason
        suspensionReason
        clrUrl
        pathwayVersion {
          id
          code
          title
        }
        ...CredentialDetails_credential
        ...CredentialActions_credential
        ...CredentialComponents_credential
        ...RateTraining_credential
        call {
          id
          skillArea {
            id
            ...JobLinks_skillArea
          }
        }
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
          kind
          status
          document
          revocationReason
          suspensionReason
          ...CredentialActions_credential
        }
      }
    }
  `,
  [
    CredentialDetails_credential,
    CredentialActions_credential,
    CredentialComponents_credential,
    RateTraining_credential,
    JobLinks_skillArea,
  ],
);

const skeleton = (
  <CardSkeleton padding="lg" gap="md">
    <Skeleton height={52} width={52} radius="md" />
    <Skeleton height={28} width="80%" />
    <Skeleton height={20} width="50%" />
    <Skeleton height={96} radius="md" />
    <Skeleton height={240} radius="md" />
  </CardSkeleton>
);

/** One of the teacher's credentials in full, with everything they can do with it. */
export function CredentialPage() {
  const { t } = useLocale();
  return (
    <Container size="sm" px="md" py="lg">
      <Stack gap="md">
        <Anchor component={Link} to="/kredensial" size="sm" fw={600} style={{ alignSelf: 'flex-start' }}>
          <Group gap={4} component="span">
            <IconArrowLeft size={16} aria-hidden />
            {t('learner.credentials.back')}
          </Group>
        </Anchor>
        <RequireSignIn fallback={skeleton}>{() => <CredentialContent />}</RequireSignIn>
      </Stack>
    </Container>
  );
}

function CredentialContent() {
  const { id = '' } = useParams();
  const { t } = useLocale();
  const [{ data, error }, reexecute] = useQuery({ query: CredentialPageQuery });
  const credential = data?.myCredentials.find((entry) => entry.credentialId === id.toLowerCase());
  // A university's RPL recognition is read from the application it decided (see `walletEntries`).
  const application = data?.myRplApplications.find(
    (entry) => entry.recognitionCredential?.credentialId === id.toLowerCase(),
  );
  usePageTitle(credential?.name);

  if (!data) return <QueryFallback error={error} reexecute={reexecute} skeleton={skeleton} />;
  if (!credential && application?.recognitionCredential) {
    return (
      <RecognitionContent
        credential={application.recognitionCredential}
        programmeName={application.programme.name}
      />
    );
  }
  if (!credential) {
    return (
      <NotFound
        title={t('learner.credentials.notFound')}
        description={t('learner.credentials.notFoundHint')}
      />
    );
  }

  return (
    <Card withBorder radius="md" padding="lg" component="article">
      <CredentialDetails
        credential={credential}
        headingOrder={1}
        badge={<CredentialStatusBadge status={credential.status} />}
      >
        <Stack gap="md">
          <CredentialStatusNotice
            status={credential.status}
            revocationReason={credential.revocationReason}
            suspensionReason={credential.suspensionReason}
          />
          {credential.pathwayVersion && (
            <CredentialOrigin
              label={t('learner.credentials.fromPathway')}
              to={pathwayPath(credential.pathwayVersion.code)}
              title={credential.pathwayVersion.title}
            />
          )}
          <CredentialComponents credential={credential} linkOf={walletLink} headingOrder={2} />
          <RateTraining credential={credential} />
          {credential.call && <JobLinks skillArea={credential.call.skillArea} showContacts />}
          <section aria-labelledby="share-heading">
            <Title order={2} fz="md" id="share-heading">
              {t('learner.credentials.share')}
            </Title>
            <Text size="sm" c="gray.7" mb="sm">
              {t('learner.credentials.shareHint')}
            </Text>
            <Stack gap="xs">
              <CredentialActions credential={credential} />
              {credential.clrUrl && credential.status !== 'REVOKED' && (
                <ClrDownloadButton url={credential.clrUrl} credentialId={credential.credentialId}>
                  {t('learner.credentials.downloadClrFull')}
                </ClrDownloadButton>
              )}
            </Stack>
          </section>
        </Stack>
      </CredentialDetails>
    </Card>
  );
}

/** A university's RPL recognition in full: what it recognises, per course, and what to do with it. */
function RecognitionContent({
  credential,
  programmeName,
}: {
  credential: {
    credentialId: string;
    kind: string;
    status: string;
    document: string;
    revocationReason: string | null;
    suspensionReason: string | null;
  } & FragmentOf<typeof CredentialActions_credential>;
  programmeName: string;
}) {
  const { t, locale } = useLocale();
  const recognition = recognitionOfRecord(credential, locale);
  usePageTitle(
    recognition
      ? t('learner.rplResult.recognition.title', {
          programme: programmeName,
          university: recognition.universityName ?? '',
          sks: formatNumber(recognition.totalSks, locale),
        })
      : null,
  );
  if (!recognition) {
    return (
      <NotFound
        title={t('learner.credentials.notFound')}
        description={t('learner.credentials.notFoundHint')}
      />
    );
  }
  return (
    <Card withBorder radius="md" padding="lg" component="article">
      <Stack gap="lg">
        <RplRecognitionView
          recognition={recognition}
          programmeName={programmeName}
          headingOrder={1}
          credentialId={credential.credentialId}
          badge={<CredentialStatusBadge status={credential.status} />}
        >
          <CredentialStatusNotice
            status={credential.status}
            revocationReason={credential.revocationReason}
            suspensionReason={credential.suspensionReason}
          />
          <Text size="sm" c="gray.8">
            {t('learner.rplResult.recognition.about')}
          </Text>
        </RplRecognitionView>
        <section aria-labelledby="share-heading">
          <Title order={2} fz="md" id="share-heading">
            {t('learner.credentials.share')}
          </Title>
          <Text size="sm" c="gray.7" mb="sm">
            {t('learner.credentials.shareHint')}
          </Text>
          <CredentialActions credential={credential} />
        </section>
      </Stack>
    </Card>
  );
}
