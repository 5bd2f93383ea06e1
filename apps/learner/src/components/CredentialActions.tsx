import { useLocale } from '@kmg/ui';
import { Button, SimpleGrid, Stack, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useClipboard } from '@mantine/hooks';
import {
  IconBrandLinkedin,
  IconBrandWhatsapp,
  IconCheck,
  IconCopy,
  IconFileTypePdf,
  IconJson,
  IconPhotoDown,
  IconShieldCheck,
} from '@tabler/icons-react';
import { Link } from 'react-router';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';
import { credentialActions } from '#lib/credential-view.ts';

export const CredentialActions_credential = graphql(`
  fragment CredentialActions_credential on Credential {
    id
    credentialId
    name
    kind
    status
    issuerName
    jsonUrl
    pdfUrl
    badgeUrl
    verifyUrl
    linkedInUrl
  }
`);

/** A WhatsApp message with the verification link, for the teacher to send to whom they choose. */
export function whatsAppShareUrl(text: string): string {
  return `https://wa.me/?text=${encodeURIComponent(text)}`;
}

/**
 * What the owner does with a credential: download it (PDF certificate, badge PNG with the credential
 * baked in, signed Open Badges JSON), share its verification link, add it to LinkedIn, send it on
 * WhatsApp, see what a verifier sees. `compact` is the wallet card's short labels; the credential's
 * page spells each one out. On the verification page itself (`onVerifyPage`) the page already
 * offers the JSON and is what a verifier sees.
 */
export function CredentialActions({
  credential: data,
  compact = false,
  onVerifyPage = false,
}: {
  credential: FragmentOf<typeof CredentialActions_credential>;
  compact?: boolean;
  onVerifyPage?: boolean;
}) {
  const credential = readFragment(CredentialActions_credential, data);
  const { t } = useLocale();
  const clipboard = useClipboard({ timeout: 3000 });
  const { canShare } = credentialActions(credential.status);
  // A CLR bundle (an RPL recognition) has no certificate to print, and LinkedIn takes one
  // achievement's name, not a bundle's.
  const hasCertificate = canShare && credential.kind !== 'CLR';
  const label = (short: string, full: string) => t(compact ? short : full);
  const whatsApp = whatsAppShareUrl(
    t('learner.credentials.whatsAppText', {
      name: credential.name,
      issuer: credential.issuerName,
      url: credential.verifyUrl,
    }),
  );
  // Labels wrap rather than being cut off: English ones are longer, and phones are narrow.
  const button = {
    size: 'sm',
    fullWidth: true,
    justify: 'flex-start',
    px: 12,
    styles: {
      root: { height: 'auto', minHeight: 44, paddingBlock: 6 },
      label: { whiteSpace: 'normal', lineHeight: 1.25, textAlign: 'left' },
      section: { marginInlineEnd: 8 },
    },
  } as const;

  return (
    <Stack gap="xs" role="group" aria-label={t('learner.credentials.actions', { name: credential.name })}>
      <SimpleGrid cols={{ base: compact ? 2 : 1, xs: 2 }} spacing="xs" verticalSpacing="xs">
        {hasCertificate && (
          <Button
            {...button}
            component="a"
            href={credential.pdfUrl}
            download={`sertifikat-kmg-${credential.credentialId}.pdf`}
            variant="light"
            leftSection={<IconFileTypePdf size={20} aria-hidden />}
          >
            {label('learner.credentials.downloadPdf', 'learner.credentials.downloadPdfFull')}
          </Button>
        )}
        {canShare && (
          <Button
            {...button}
            variant="light"
            color={clipboard.copied ? 'green' : undefined}
            leftSection={
              clipboard.copied ? <IconCheck size={20} aria-hidden /> : <IconCopy size={20} aria-hidden />
            }
            onClick={() => clipboard.copy(credential.verifyUrl)}
          >
            {clipboard.copied
              ? label('learner.credentials.copiedShort', 'learner.credentials.copied')
              : label('learner.credentials.copyLink', 'learner.credentials.copyLinkFull')}
          </Button>
        )}
        {hasCertificate && credential.badgeUrl && (
          <Button
            {...button}
            component="a"
            href={credential.badgeUrl}
            download={`kmg-lencana-${credential.credentialId}.png`}
            variant="default"
            leftSection={<IconPhotoDown size={20} aria-hidden />}
          >
            {label('learner.credentials.downloadBadge', 'learner.credentials.downloadBadgeFull')}
          </Button>
        )}
        {!onVerifyPage && (
          <Button
            {...button}
            component="a"
            href={credential.jsonUrl}
            download={`kmg-${credential.credentialId}.json`}
            variant="default"
            leftSection={<IconJson size={20} aria-hidden />}
          >
            {credential.kind === 'CLR'
              ? label('learner.credentials.downloadJson', 'learner.rplResult.recognition.downloadJson')
              : label('learner.credentials.downloadJson', 'learner.credentials.downloadJsonFull')}
          </Button>
        )}
        {!onVerifyPage && (
          <Button
            {...button}
            component={Link}
            to={`/verify/${encodeURIComponent(credential.credentialId)}`}
            variant="default"
            leftSection={<IconShieldCheck size={20} aria-hidden />}
          >
            {label('learner.credentials.verify', 'learner.credentials.verifyFull')}
          </Button>
        )}
      </SimpleGrid>
      {canShare && (
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" verticalSpacing="xs">
          {hasCertificate && (
            <Button
              {...button}
              component="a"
              href={credential.linkedInUrl}
              target="_blank"
              rel="noopener noreferrer"
              variant="default"
              leftSection={<IconBrandLinkedin size={20} color="#0a66c2" aria-hidden />}
            >
              {t('learner.credentials.linkedIn')}
              <VisuallyHidden> {t('learner.credentials.newTab')}</VisuallyHidden>
            </Button>
          )}
          <Button
            {...button}
            component="a"
            href={whatsApp}
            target="_blank"
            rel="noopener noreferrer"
            variant="default"
            leftSection={<IconBrandWhatsapp size={20} color="#128c7e" aria-hidden />}
          >
            {t('learner.credentials.whatsApp')}
            <VisuallyHidden> {t('learner.credentials.newTab')}</VisuallyHidden>
          </Button>
        </SimpleGrid>
      )}
      <VisuallyHidden role="status">
        {clipboard.copied ? t('learner.credentials.copiedFull') : ''}
      </VisuallyHidden>
      {clipboard.error && (
        <Stack gap={4}>
          <Text size="sm" c="red.9">
            {t('learner.credentials.copyFailed')}
          </Text>
          <TextInput
            readOnly
            value={credential.verifyUrl}
            aria-label={t('learner.credentials.copyLinkFull')}
            onFocus={(event) => event.currentTarget.select()}
          />
        </Stack>
      )}
    </Stack>
  );
}
