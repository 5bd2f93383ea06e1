// A teacher imports an Open Badges 3.0 credential issued elsewhere (a file, pasted JSON or a URL):
// it is verified (proof, issuer, status, validity, and that it is theirs), kept exactly as received
// with the checks, and their pathways are evaluated again. A refused import writes nothing.
import { type ImportSource, type ImportVerification, verifyImportedCredential } from '@kmg/credentials';
import { db, type Prisma } from '@kmg/db';
import type { ErrorCode } from '@kmg/domain';
import type { Actor } from '#actor.ts';
import { credentialConfig } from '#credentials/config.ts';
import { platformDocumentLoader } from '#credentials/issuers.ts';
import { AppError, NotAllowedError, ValidationError } from '#errors.ts';
import { queuePathwayEvaluation } from '#pathways/award.ts';
import { inTransaction } from '#transaction.ts';

/** The credential was checked and refused; `code` says why (IMPORT_<reason>). */
export class ImportRefusedError extends AppError {}

export type ImportOptions = Pick<
  Parameters<typeof verifyImportedCredential>[1],
  'fetch' | 'insecureHosts' | 'resolveDid' | 'timeoutMs'
>;

let importOptions: ImportOptions = {};

/** Settings for fetching credentials and issuers (tests point them at a local server). */
export function configureImports(options: ImportOptions): void {
  importOptions = options;
}

type Verified = Extract<ImportVerification, { kind: 'verified' }>;

/** Hours from the EU micro-credential tag our badges (and others following the tag) carry. */
function workloadHours(credential: Record<string, unknown>): number {
  const achievement = (credential.credentialSubject as { achievement?: { tag?: unknown } } | undefined)
    ?.achievement;
  const tags = Array.isArray(achievement?.tag) ? achievement.tag : [];
  for (const tag of tags) {
    const match = typeof tag === 'string' ? /^mc:workload-hours=(\d+)$/.exec(tag) : null;
    if (match) return Number(match[1]);
  }
  return 0;
}

function creditsEarned(verified: Verified): number {
  const subject = verified.credential.credentialSubject as { creditsEarned?: unknown } | undefined;
  const earned = typeof subject?.creditsEarned === 'number' ? subject.creditsEarned : null;
  const credits = earned ?? verified.achievement.creditsAvailable ?? 0;
  return Math.max(0, Math.round(credits * 100));
}

export async function importExternalCredential(
  ctx: Actor,
  { document, url }: { document?: string | null; url?: string | null },
) {
  const viewer = ctx.viewer;
  if (!viewer) throw new NotAllowedError('UNAUTHENTICATED');
  const source: ImportSource | null = url?.trim()
    ? { kind: 'url', url: url.trim() }
    : document?.trim()
      ? { kind: 'text', text: document }
      : null;
  if (!source) throw new ValidationError([{ path: ['document'], code: 'REQUIRED' }]);
  const profile = await db().teacherProfile.findUnique({
    where: { userId: viewer.id },
    select: { nuptk: true },
  });
  const result = await verifyImportedCredential(source, {
    ...importOptions,
    teacher: { nuptk: profile?.nuptk ?? null, email: viewer.email },
    now: ctx.now,
    platform: { publicBaseUrl: credentialConfig().publicUrl, documentLoader: platformDocumentLoader() },
  });
  if (result.kind === 'refused') throw new ImportRefusedError(`IMPORT_${result.reason}` as ErrorCode);
  const credentialUri =
    result.credentialId ?? `urn:kmg:import:${result.achievement.id}:${result.validFrom.toISOString()}`;
  const data = {
    document: result.credential as Prisma.InputJsonValue,
    achievementUri: result.achievement.id,
    achievementName: result.achievement.name,
    issuerUri: result.issuer.id,
    issuerName: result.issuer.name ?? result.issuer.id,
    validFrom: result.validFrom,
    validUntil: result.validUntil,
    hours: workloadHours(result.credential),
    sksHundredths: creditsEarned(result),
    sourceUrl: source.kind === 'url' ? source.url : null,
    verification: JSON.parse(JSON.stringify(result.checks)) as Prisma.InputJsonValue,
  };
  return inTransaction(async (tx) => {
    // Importing the same credential again refreshes it (its status may have changed).
    const stored = await tx.externalCredential.upsert({
      where: { teacherId_credentialUri: { teacherId: viewer.id, credentialUri } },
      create: { teacherId: viewer.id, credentialUri, ...data },
      update: { ...data, importedAt: ctx.now },
    });
    await queuePathwayEvaluation(tx, viewer.id);
    return stored;
  });
}

/**
 * Checks an Open Badges file a teacher attaches as evidence (not imported into the wallet): the
 * same verification as an import, reported rather than refused.
 */
export async function checkBadgeFile(ctx: Actor, text: string): Promise<Prisma.InputJsonValue> {
  const viewer = ctx.viewer;
  if (!viewer) throw new NotAllowedError('UNAUTHENTICATED');
  const profile = await db().teacherProfile.findUnique({
    where: { userId: viewer.id },
    select: { nuptk: true },
  });
  const result = await verifyImportedCredential(
    { kind: 'text', text },
    {
      ...importOptions,
      teacher: { nuptk: profile?.nuptk ?? null, email: viewer.email },
      now: ctx.now,
      platform: { publicBaseUrl: credentialConfig().publicUrl, documentLoader: platformDocumentLoader() },
    },
  );
  if (result.kind === 'refused') return { kind: 'refused', code: `IMPORT_${result.reason}` };
  return {
    kind: 'verified',
    achievement: result.achievement.name,
    issuer: result.issuer.name ?? result.issuer.id,
    validFrom: result.validFrom.toISOString(),
    validUntil: result.validUntil?.toISOString() ?? null,
    checks: JSON.parse(JSON.stringify(result.checks)) as Prisma.InputJsonValue,
  };
}
