// What a shared link to a credential shows before anyone opens it (WhatsApp, LinkedIn and the like
// read Open Graph tags and run no scripts): only what its public verification page shows.
import { type Locale, readCredentialDates } from '@kmg/domain';
import { type Client, credentialConfig, verificationUrl } from '#credentials/config.ts';

export type CredentialPreview =
  | {
      kind: 'credential';
      name: string;
      learnerName: string;
      issuerName: string;
      /** When it was awarded (ISO 8601), by the rule every other surface reads. */
      awardedAt: string;
      url: string;
      /** The achievement's seal as a PNG (crawlers take no SVG). */
      imageUrl: string;
    }
  /** Unknown, revoked or suspended: the page says so itself; a preview names nobody. */
  | { kind: 'generic'; url: string };

type Source = {
  achievement?: { name?: { id?: string; en?: string } };
  issuer?: { name?: string };
  learner?: { name?: string };
};

/** The seal of an achievement as a PNG (`/achievements/<id>/image.png`). */
export function achievementPngUrl(achievementId: string): string {
  return `${credentialConfig().publicUrl}/achievements/${achievementId}/image.png`;
}

/** The preview of the credential `id` (a uuid already checked), in `locale`. */
export async function credentialPreviewFor(
  client: Client,
  id: string,
  { locale, now }: { locale: Locale; now: Date },
): Promise<CredentialPreview> {
  const url = verificationUrl(id);
  const credential = await client.credential.findUnique({
    where: { id },
    select: {
      kind: true,
      achievementId: true,
      source: true,
      document: true,
      validFrom: true,
      revokedAt: true,
      suspendedAt: true,
    },
  });
  if (
    !credential?.achievementId ||
    credential.kind === 'CLR' ||
    (credential.revokedAt && credential.revokedAt <= now) ||
    (credential.suspendedAt && credential.suspendedAt <= now)
  )
    return { kind: 'generic', url };
  const source = credential.source as Source;
  const name = (locale === 'en' ? source.achievement?.name?.en : null) ?? source.achievement?.name?.id;
  if (!name) return { kind: 'generic', url };
  return {
    kind: 'credential',
    name,
    learnerName: source.learner?.name ?? '',
    issuerName: source.issuer?.name ?? '',
    awardedAt: readCredentialDates(credential.document)?.awarded ?? credential.validFrom.toISOString(),
    url,
    imageUrl: achievementPngUrl(credential.achievementId),
  };
}
