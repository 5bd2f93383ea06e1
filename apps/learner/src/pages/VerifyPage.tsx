import { useLocale } from '@kmg/ui';
import { Anchor, Button, Card, Container, EmptyState, Group, Title } from '@mantine/core';
import { IconFileSearch, IconFileTypePdf, IconJson, IconShieldSearch } from '@tabler/icons-react';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { BundleResult, BundleResult_verification } from '#components/BundleResult.tsx';
import { ComponentChecks, ComponentChecks_credential } from '#components/ComponentChecks.tsx';
import { CredentialActions, CredentialActions_credential } from '#components/CredentialActions.tsx';
import { Page } from '#components/Page.tsx';
import { QueryLoadError } from '#components/QueryState.tsx';
import { RplRecognitionPanel } from '#components/RplRecognitionView.tsx';
import {
  VerificationResult,
  VerificationResult_verification,
  VerificationResultSkeleton,
} from '#components/VerificationResult.tsx';
import { graphql } from '#graphql.ts';
import { readClrBundle } from '#lib/clr.ts';
import { credentialActions } from '#lib/credential-view.ts';
import { usePageTitle } from '#lib/page-title.ts';
import { readRplRecognition } from '#lib/rpl-recognition.ts';

const VerifyPageQuery = graphql(
  `
    query VerifyPage($id: String!) {
      verifyCredential(id: $id) {
        kind
        credentialId
        credential {
          id
          name
          kind
          status
          jsonUrl
          pdfUrl
          viewerIsHolder
          document
          ...ComponentChecks_credential
          ...CredentialActions_credential
        }
        ...VerificationResult_verification
        ...BundleResult_verification
      }
    }
  `,
  [
    VerificationResult_verification,
    ComponentChecks_credential,
    BundleResult_verification,
    CredentialActions_credential,
  ],
);

/**
 * The public page behind a credential's verification link (`/verify/<uuid>`): anyone, signed in or
 * not, sees whether it holds and what it certifies, in Indonesian or English.
 */
export function VerifyPage() {
  const { id = '' } = useParams();
  const { t, locale } = useLocale();
  const [{ data, error, fetching }, reexecute] = useQuery({
    query: VerifyPageQuery,
    variables: { id },
    // A revocation must show the moment it happened: always ask the API.
    requestPolicy: 'network-only',
  });
  const verification = data?.verifyCredential;
  // When the answer arrived: the moment the checks describe.
  const checkedAt = useMemo(() => new Date(), [verification]);
  // A CLR bundle KMG holds (an RPL recognition) is told from its signed file: KMG's record of a
  // bundle names no achievement of its own.
  const bundleDocument = useMemo(() => {
    const record = verification?.credential;
    if (verification?.kind !== 'ClrCredential' || !record) return null;
    try {
      return JSON.parse(record.document) as unknown;
    } catch {
      return null;
    }
  }, [verification]);
  const bundle = bundleDocument ? readClrBundle(bundleDocument) : null;
  const recognition = bundleDocument ? readRplRecognition(bundleDocument, locale) : null;
  const name = recognition
    ? t('learner.rplResult.recognition.title', {
        programme: recognition.programme ?? '',
        university: recognition.universityName ?? '',
        sks: recognition.totalSks,
      })
    : (bundle?.name ?? verification?.credential?.name);
  usePageTitle(name ? `${t('learner.verify.title')}: ${name}` : null);

  if (!data || fetching) {
    if (error && !fetching) {
      return (
        <Page title={t('learner.verify.title')} size="sm">
          <QueryLoadError error={error} reexecute={reexecute} />
        </Page>
      );
    }
    return (
      <Page title={t('learner.verify.title')} lead={t('learner.verify.lead')} size="sm">
        <VerificationResultSkeleton />
      </Page>
    );
  }

  if (!verification) {
    return (
      <Container size="sm" px="md" py="xl">
        <EmptyState icon={<IconShieldSearch size={30} aria-hidden />} withIndicatorBackground py="xl">
          <EmptyState.Title order={1}>{t('learner.verify.notFound')}</EmptyState.Title>
          <EmptyState.Description>{t('learner.verify.notFoundHint')}</EmptyState.Description>
          <EmptyState.Actions>
            <Button
              component={Link}
              to="/verify"
              size="md"
              leftSection={<IconFileSearch size={20} aria-hidden />}
            >
              {t('learner.verify.verifyFile')}
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      </Container>
    );
  }

  // Sharing is the holder's (signed in as the teacher it was awarded to); a revoked or suspended
  // credential is not passed around, a CLR bundle has no certificate.
  const record = verification.credential;
  const isShareable = record ? credentialActions(record.status).canShare : false;
  const holderCredential = record?.viewerIsHolder && isShareable ? record : null;
  const publicPdfUrl =
    record && !record.viewerIsHolder && isShareable && record.kind !== 'CLR' ? record.pdfUrl : null;

  return (
    <Page title={t('learner.verify.title')} lead={t('learner.verify.lead')} size="sm">
      {bundle ? (
        <VerificationResult
          verification={verification}
          document={bundleDocument}
          checkedAt={checkedAt}
          isBundle
          afterContent={
            <>
              {recognition && <RplRecognitionPanel recognition={recognition} />}
              <BundleResult
                bundle={bundle}
                verification={verification}
                checkedAt={checkedAt}
                isSummaryShown={!recognition}
              />
            </>
          }
        />
      ) : (
        <VerificationResult
          verification={verification}
          checkedAt={checkedAt}
          afterContent={verification.credential && <ComponentChecks credential={verification.credential} />}
        />
      )}
      {holderCredential && (
        <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="holder-actions">
          <Title order={2} fz="lg" id="holder-actions" mb="sm">
            {t('learner.credentials.holderActions')}
          </Title>
          <CredentialActions credential={holderCredential} onVerifyPage />
        </Card>
      )}
      <Group gap="lg">
        {/* Anyone may print what verifies publicly; the holder has it among the actions above. */}
        {publicPdfUrl && (
          <Anchor href={publicPdfUrl} download size="sm" fw={600}>
            <Group gap={4} component="span">
              <IconFileTypePdf size={18} aria-hidden />
              {t('learner.credentials.downloadPdfFull')}
            </Group>
          </Anchor>
        )}
        {verification.credential && (
          <Anchor href={verification.credential.jsonUrl} download size="sm" fw={600}>
            <Group gap={4} component="span">
              <IconJson size={18} aria-hidden />
              {t('learner.verify.downloadJson')}
            </Group>
          </Anchor>
        )}
        <Anchor component={Link} to="/verify" size="sm" fw={600}>
          <Group gap={4} component="span">
            <IconFileSearch size={18} aria-hidden />
            {t('learner.verify.verifyAnother')}
          </Group>
        </Anchor>
      </Group>
    </Page>
  );
}
