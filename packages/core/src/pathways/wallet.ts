// A teacher's wallet as the pathway engine reads it: every credential KMG issued them (training
// credentials and pathway awards) and every credential they imported, in the engine's terms.
import type { OpenBadgeInput } from '@kmg/credentials';
import type { Prisma } from '@kmg/db';
import { type LocalDate, localDateAt, type PathwayCredential } from '@kmg/domain';
import { type Client, issuerIdOf } from '#credentials/config.ts';

/** Dates on credentials are read in Indonesia's western zone, as the certificates print them. */
const CREDENTIAL_TIME_ZONE = 'Asia/Jakarta';

export const walletCredentialSelect = {
  id: true,
  kind: true,
  teacherId: true,
  validFrom: true,
  validUntil: true,
  revokedAt: true,
  suspendedAt: true,
  source: true,
  issuer: { select: { code: true } },
  achievement: { select: { id: true, code: true, version: true, kkniLevel: true } },
  application: { select: { call: { select: { skillArea: { select: { code: true } } } } } },
  pathwayVersion: { select: { pathway: { select: { code: true } } } },
} satisfies Prisma.CredentialSelect;

type WalletRow = Prisma.CredentialGetPayload<{ select: typeof walletCredentialSelect }>;

export const externalCredentialSelect = {
  id: true,
  teacherId: true,
  achievementUri: true,
  issuerUri: true,
  validFrom: true,
  validUntil: true,
  hours: true,
  sksHundredths: true,
  document: true,
} satisfies Prisma.ExternalCredentialSelect;

type ExternalRow = Prisma.ExternalCredentialGetPayload<{ select: typeof externalCredentialSelect }>;

function dateOf(instant: Date | string): LocalDate {
  return localDateAt(new Date(instant), CREDENTIAL_TIME_ZONE);
}

/** The last day a credential is valid, from the instant it stops being valid. */
function lastValidDay(validUntil: Date | null): LocalDate | null {
  return validUntil ? dateOf(new Date(validUntil.getTime() - 1)) : null;
}

/** A KMG credential in the engine's terms: what it certifies is read from what it was built from. */
export function toPathwayCredential(row: WalletRow): PathwayCredential {
  const source = row.source as unknown as OpenBadgeInput;
  const achievement = source.achievement;
  return {
    id: row.id,
    kind: row.kind === 'PATHWAY' ? 'PATHWAY' : 'TRAINING',
    achievementId: row.achievement?.id ?? null,
    achievementCode: row.achievement?.code ?? null,
    achievementVersion: row.achievement?.version ?? null,
    issuerId: issuerIdOf(row.issuer.code),
    skillAreaCode: row.application?.call.skillArea.code ?? null,
    kkniLevel: row.achievement?.kkniLevel ?? achievement?.kkni?.level ?? null,
    units: (achievement?.skkniUnits ?? []).flatMap((unit) =>
      unit.result
        ? [{ code: unit.code, decision: unit.result === 'K' ? 'KOMPETEN' : 'BELUM_KOMPETEN' } as const]
        : [],
    ),
    // A pathway credential's hours and SKS are its components' sum: counting them again in an
    // hours or SKS group would count the same training twice. It counts as a pathway item.
    hours: row.kind === 'PATHWAY' ? 0 : (achievement?.workloadHours ?? 0),
    sksHundredths:
      row.kind === 'PATHWAY' ? 0 : Math.round((source.creditsEarned ?? achievement?.credits ?? 0) * 100),
    awardedDate: dateOf(source.awardedDate ?? row.validFrom),
    validUntil: lastValidDay(row.validUntil),
    isRevoked: row.revokedAt != null,
    isSuspended: row.suspendedAt != null,
    pathwayCode: row.pathwayVersion?.pathway.code ?? null,
  };
}

/** An imported credential in the engine's terms: it fills items that name its achievement and issuer. */
export function toExternalPathwayCredential(row: ExternalRow): PathwayCredential {
  const document = row.document as { awardedDate?: string; credentialSubject?: { awardedDate?: string } };
  return {
    id: row.id,
    kind: 'EXTERNAL',
    achievementId: row.achievementUri,
    achievementCode: null,
    achievementVersion: null,
    issuerId: row.issuerUri,
    skillAreaCode: null,
    kkniLevel: null,
    units: [],
    hours: row.hours,
    sksHundredths: row.sksHundredths,
    awardedDate: dateOf(document.awardedDate ?? document.credentialSubject?.awardedDate ?? row.validFrom),
    validUntil: lastValidDay(row.validUntil),
    // Status was checked at import; an issuer's later revocation is found when it is imported again.
    isRevoked: false,
    isSuspended: false,
    pathwayCode: null,
  };
}

/** The wallets of these teachers (every teacher when null), grouped by teacher. */
export async function loadWallets(
  client: Client,
  teacherIds: readonly string[] | null,
): Promise<Map<string, PathwayCredential[]>> {
  const where = teacherIds ? { teacherId: { in: [...teacherIds] } } : {};
  const [issued, imported] = await Promise.all([
    client.credential.findMany({
      where: { ...where, kind: { in: ['TRAINING', 'PATHWAY'] } },
      select: walletCredentialSelect,
      orderBy: { id: 'asc' },
    }),
    client.externalCredential.findMany({ where, select: externalCredentialSelect, orderBy: { id: 'asc' } }),
  ]);
  const wallets = new Map<string, PathwayCredential[]>();
  for (const id of teacherIds ?? []) wallets.set(id, []);
  const add = (teacherId: string, credential: PathwayCredential) => {
    const wallet = wallets.get(teacherId);
    if (wallet) wallet.push(credential);
    else wallets.set(teacherId, [credential]);
  };
  for (const row of issued) add(row.teacherId, toPathwayCredential(row));
  for (const row of imported) add(row.teacherId, toExternalPathwayCredential(row));
  return wallets;
}
