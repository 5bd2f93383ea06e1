import { achievementBadgeSvg, type JsonObject } from '@kmg/credentials';
import { type Client, credentialConfig } from '#credentials/config.ts';

/** Where an achievement's picture is served (its own image, else the seal drawn for it). */
export function achievementImageUrl(achievementId: string): string {
  return `${credentialConfig().publicUrl}/achievements/${achievementId}/image.svg`;
}

/**
 * The seal drawn for an achievement (`achievementBadgeSvg`), or null when there is none. Its year
 * is the programme year of the first call that awards (or awarded) this version; the year it was
 * made when no call does.
 */
export async function achievementImageFor(client: Client, id: string): Promise<string | null> {
  const [achievement, firstCall] = await Promise.all([
    client.achievement.findUnique({
      where: { id },
      select: { nameId: true, achievementType: true, kkniLevel: true, createdAt: true },
    }),
    client.trainingCall.findFirst({
      where: {
        OR: [
          { achievementId: id },
          { applications: { some: { credentials: { some: { achievementId: id } } } } },
        ],
      },
      orderBy: [{ startDate: 'asc' }, { id: 'asc' }],
      select: { programme: { select: { year: true } } },
    }),
  ]);
  if (!achievement) return null;
  return achievementBadgeSvg({
    name: achievement.nameId,
    achievementType: achievement.achievementType,
    kkniLevel: achievement.kkniLevel,
    year: firstCall?.programme.year ?? achievement.createdAt.getUTCFullYear(),
  });
}

/**
 * The achievement a credential's `achievement.id` names, as the issuer signed it in its newest
 * credential (with the contexts to read it alone), so the URL in every credential resolves. Null
 * until a credential of it has been issued.
 */
export async function achievementDocumentFor(client: Client, id: string): Promise<JsonObject | null> {
  const credential = await client.credential.findFirst({
    where: { achievementId: id },
    orderBy: { createdAt: 'desc' },
    select: { document: true },
  });
  const document = credential?.document as JsonObject | undefined;
  const subject = document?.credentialSubject as JsonObject | undefined;
  const achievement = subject?.achievement as JsonObject | undefined;
  if (!document || !achievement) return null;
  return { '@context': document['@context'] ?? null, ...achievement };
}
