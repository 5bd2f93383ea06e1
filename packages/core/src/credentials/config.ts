import { type CertificateFonts, issuerDid, type KeyEncryptionKey } from '@kmg/credentials';
import type { db, Prisma } from '@kmg/db';

export type Tx = Prisma.TransactionClient;

export type Client = Tx | ReturnType<typeof db>;

export type CredentialConfig = {
  /** The platform's public origin; issuer DIDs, status lists and verification pages hang off it. */
  publicUrl: string;
  /** Key-encryption keys: the first seals new issuer keys, all of them open existing ones. */
  keks: KeyEncryptionKey[];
  /** Fonts for the PDF certificate when the bundled package files are not reachable. */
  fonts?: CertificateFonts;
  /** Organization code of the directorate named as every issuer's parent organization. */
  parentOrganizationCode: string;
};

let config: CredentialConfig | undefined;

export function configureCredentials(next: CredentialConfig): void {
  config = next;
}

export function credentialConfig(): CredentialConfig {
  if (!config) throw new Error('Credentials are not configured (configureCredentials).');
  return config;
}

/** The organization every credential names as its issuer's parent (`issuer.parentOrg`). */
export function parentOrganizationCode(): string {
  return credentialConfig().parentOrganizationCode;
}

export function issuerIdOf(slug: string): string {
  return issuerDid({ publicBaseUrl: credentialConfig().publicUrl, slug });
}

export function verificationUrl(credentialId: string): string {
  return `${credentialConfig().publicUrl}/verify/${credentialId}`;
}

/**
 * The calendar a credential's dates are read on where no reader's own zone applies (the PDF
 * certificate, the LinkedIn link): Western Indonesian Time, in which KMG dates its credentials.
 */
export const CERTIFICATE_TIME_ZONE = 'Asia/Jakarta';
