import { type CertificateBranding, type OpenBadgeInput, renderCertificatePdf } from '@kmg/credentials';
import { type Credential, db } from '@kmg/db';
import { CERTIFICATE_TIME_ZONE, credentialConfig, verificationUrl } from '#credentials/config.ts';

type BrandedCredential = Pick<
  Credential,
  | 'id'
  | 'source'
  | 'issuerId'
  | 'signatoryName'
  | 'signatoryPosition'
  | 'signatureImageId'
  | 'issuerLogoId'
  | 'programmeLogoId'
>;

/** The columns `certificatePdf` reads, for the caller's `select`. */
export const certificateSelect = {
  id: true,
  source: true,
  issuerId: true,
  signatoryName: true,
  signatoryPosition: true,
  signatureImageId: true,
  issuerLogoId: true,
  programmeLogoId: true,
} as const;

/** The branding recorded at issuance, with its images' bytes (see credentials/branding.ts). */
async function brandingOf(credential: BrandedCredential): Promise<CertificateBranding> {
  const ids = [credential.issuerLogoId, credential.programmeLogoId, credential.signatureImageId].filter(
    (id): id is string => id !== null,
  );
  const images =
    ids.length > 0
      ? await db().brandingImage.findMany({ where: { id: { in: ids } }, select: { id: true, bytes: true } })
      : [];
  const bytesOf = (id: string | null) => images.find((image) => image.id === id)?.bytes;
  const issuerLogo = bytesOf(credential.issuerLogoId);
  // The issuer may be the parent organization itself (a pathway credential): one logo, once.
  const programmeLogo =
    credential.programmeLogoId !== credential.issuerLogoId ? bytesOf(credential.programmeLogoId) : undefined;
  const signature = bytesOf(credential.signatureImageId);
  return {
    ...(issuerLogo ? { issuerLogo } : {}),
    ...(programmeLogo ? { programmeLogo } : {}),
    ...(credential.signatoryName && credential.signatoryPosition
      ? {
          signatory: {
            name: credential.signatoryName,
            position: credential.signatoryPosition,
            ...(signature ? { signature } : {}),
          },
        }
      : {}),
  };
}

/** The PDF certificate, rendered from what the credential was built from and issued with. */
export async function certificatePdf(
  credential: BrandedCredential,
  timeZone = CERTIFICATE_TIME_ZONE,
): Promise<Buffer> {
  const settings = credentialConfig();
  return renderCertificatePdf({
    input: credential.source as unknown as OpenBadgeInput,
    verificationUrl: verificationUrl(credential.id),
    timeZone,
    branding: await brandingOf(credential),
    ...(settings.fonts ? { fonts: settings.fonts } : {}),
  });
}
