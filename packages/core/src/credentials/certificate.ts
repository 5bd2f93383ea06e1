import { type OpenBadgeInput, renderCertificatePdf } from '@kmg/credentials';
import type { Credential } from '@kmg/db';
import { CERTIFICATE_TIME_ZONE, credentialConfig, verificationUrl } from '#credentials/config.ts';

/** The PDF certificate, rendered from what the credential was built from. */
export async function certificatePdf(
  credential: Pick<Credential, 'id' | 'source' | 'issuerId'>,
  timeZone = CERTIFICATE_TIME_ZONE,
): Promise<Buffer> {
  const settings = credentialConfig();
  return renderCertificatePdf({
    input: credential.source as unknown as OpenBadgeInput,
    verificationUrl: verificationUrl(credential.id),
    timeZone,
    ...(settings.fonts ? { fonts: settings.fonts } : {}),
  });
}
