import { CredentialStatusBadge, useLocale } from '@kmg/ui';
import { Anchor, Card, Group, Stack } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import { useId } from 'react';
import { Link } from 'react-router';
import { CredentialActions, CredentialActions_credential } from '#components/CredentialActions.tsx';
import { CredentialStatusNotice } from '#components/CredentialCard.tsx';
import { RplRecognitionView } from '#components/RplRecognitionView.tsx';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';
import { recognitionOfRecord } from '#lib/rpl-recognition.ts';

export const RplRecognitionCard_credential = graphql(
  `
    fragment RplRecognitionCard_credential on Credential {
      id
      credentialId
      kind
      status
      document
      revocationReason
      suspensionReason
      ...CredentialActions_credential
    }
  `,
  [CredentialActions_credential],
);

/**
 * A university's RPL recognition in the wallet: what it recognises (programme, university, SKS,
 * per course), the decree, and the same actions as any credential (its link, its file, what a
 * verifier sees). Nothing when the record is no recognition.
 */
export function RplRecognitionCard({
  credential: data,
  programmeName,
}: {
  credential: FragmentOf<typeof RplRecognitionCard_credential>;
  /** The programme's name in the reader's language (from the application). */
  programmeName?: string | null;
}) {
  const credential = readFragment(RplRecognitionCard_credential, data);
  const { t, locale } = useLocale();
  const headingId = useId();
  const recognition = recognitionOfRecord(credential, locale);
  if (!recognition) return null;
  const link = `/kredensial/${encodeURIComponent(credential.credentialId)}`;

  return (
    <Card component="article" withBorder radius="md" padding="md" aria-labelledby={headingId}>
      <Stack gap="md">
        <RplRecognitionView
          recognition={recognition}
          programmeName={programmeName}
          titleLink={link}
          headingId={headingId}
          badge={<CredentialStatusBadge status={credential.status} size="sm" />}
        />
        <CredentialStatusNotice
          status={credential.status}
          revocationReason={credential.revocationReason}
          suspensionReason={credential.suspensionReason}
        />
        <CredentialActions credential={credential} compact />
        <Anchor component={Link} to={link} size="sm" fw={600} style={{ alignSelf: 'flex-start' }}>
          <Group gap={2} component="span">
            {t('learner.credentials.details')}
            <IconChevronRight size={16} aria-hidden />
          </Group>
        </Anchor>
      </Stack>
    </Card>
  );
}
