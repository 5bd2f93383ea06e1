// Verifiable credentials: issuing Open Badges 3.0 credentials signed by the provider's key, the
// issuer's DID document and status list, revocation and suspension, and verification.
//
// Status: OB 3.0 allows one `credentialStatus` entry per credential (its schema rejects an
// array), so every credential carries a revocation entry that any verifier checks. Suspension is
// recorded here and shown by KMG's own verifier (page and API), but has no entry of its own.
import { randomUUID } from 'node:crypto';
import {
  achievementBadgeSvg,
  buildOpenBadgeCredential,
  buildStatusEntry,
  buildStatusListCredential,
  type CertificateFonts,
  type Credential as CredentialDocument,
  type CredentialVerification,
  createDocumentLoader,
  createIdentitySalt,
  createStatusList,
  generateIssuerKey,
  type IssuerDidDocument,
  issuerDid,
  issuerDidDocument,
  issuerSlugFromDid,
  type JsonObject,
  type KeyEncryptionKey,
  type OpenBadgeInput,
  renderCertificatePdf,
  setStatus,
  signCredential,
  statusListCredentialUrl,
  unlockIssuerKey,
  verifyCredential,
} from '@kmg/credentials';
import { type Credential, db, type Prisma } from '@kmg/db';
import {
  callTimeZone,
  credentialReasonSchema,
  evaluateCompletion,
  sksByWorkload,
  startOfLocalDate,
  type UnitDecision,
} from '@kmg/domain';
import { canRunCall } from '#access.ts';
import type { Context } from '#context.ts';
import { InvalidStateError, NotAllowedError, NotFoundError, parseInput } from '#errors.ts';
import { recordAudit } from '#services/audit.ts';
import { notify } from '#services/notify.ts';

type Tx = Prisma.TransactionClient;
type Client = Tx | ReturnType<typeof db>;

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

function credentialConfig(): CredentialConfig {
  if (!config) throw new Error('Credentials are not configured (configureCredentials).');
  return config;
}

const STATUS_LIST_SIZE = 131_072;

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

/** The issuer's DID document: every key it has used, so old credentials keep verifying. */
export async function issuerDidDocumentFor(client: Client, slug: string): Promise<IssuerDidDocument | null> {
  const organization = await client.organization.findUnique({
    where: { code: slug },
    include: { issuerKeys: true },
  });
  if (!organization || organization.issuerKeys.length === 0) return null;
  return issuerDidDocument({
    issuerId: issuerIdOf(slug),
    keys: organization.issuerKeys.map((key) => ({
      keyId: key.keyId,
      publicKeyMultibase: key.publicKeyMultibase,
    })),
  });
}

/** A document loader over our own issuers and status lists, from the database: nothing is fetched. */
export function platformDocumentLoader(client: Client = db()) {
  return createDocumentLoader({
    resolveDid: async (did) => {
      const slug = issuerSlugFromDid({ publicBaseUrl: credentialConfig().publicUrl, did });
      return slug ? issuerDidDocumentFor(client, slug) : null;
    },
    resolveStatusListCredential: async (url) => {
      const match = /\/issuers\/([^/]+)\/status\/([^/?#]+)$/.exec(url);
      if (!match || !url.startsWith(credentialConfig().publicUrl)) return null;
      return statusListCredentialFor(client, match[1] as string, match[2] as string);
    },
  });
}

/** The issuer's current signing key, created (and sealed) the first time it is needed. */
async function signingKeyFor(tx: Tx, organization: { id: string; code: string }) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`issuer-key:${organization.id}`}))`;
  let key = await tx.issuerKey.findFirst({
    where: { organizationId: organization.id, retiredAt: null },
    orderBy: { createdAt: 'desc' },
  });
  if (!key) {
    const [kek] = credentialConfig().keks;
    if (!kek) throw new Error('No key-encryption key configured.');
    const generated = await generateIssuerKey({ kek });
    key = await tx.issuerKey.create({ data: { organizationId: organization.id, ...generated } });
  }
  return unlockIssuerKey({ issuerId: issuerIdOf(organization.code), key, kek: credentialConfig().keks });
}

/**
 * Retires the issuer's current key: new credentials are signed with a new key; the retired one
 * stays in the issuer's DID document, so every credential it signed still verifies.
 */
export async function rotateIssuerKey(ctx: Context, { organizationId }: { organizationId: string }) {
  return db().$transaction(async (tx) => {
    const organization = await tx.organization.findUnique({ where: { id: organizationId } });
    if (!organization) throw new NotFoundError();
    await tx.issuerKey.updateMany({
      where: { organizationId, retiredAt: null },
      data: { retiredAt: ctx.now },
    });
    const key = await signingKeyFor(tx, organization);
    await recordAudit(tx, {
      actorId: ctx.viewer?.id ?? null,
      action: 'issuer.key_rotated',
      details: { organization: organization.code, keyId: key.keyId },
    });
    // Status lists are re-signed on their next request with the new key (their cache is keyed on it).
    return { keyId: key.keyId };
  });
}

/** A random free index on the issuer's current revocation list (a new list when it is full). */
async function allocateStatus(tx: Tx, organizationId: string): Promise<{ listId: string; index: number }> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`status-list:${organizationId}`}))`;
  let list = await tx.statusList.findFirst({
    where: { organizationId, purpose: 'revocation' },
    orderBy: { updatedAt: 'desc' },
  });
  if (list && (await tx.credential.count({ where: { revocationListId: list.id } })) >= list.size / 2)
    list = null;
  if (!list) {
    list = await tx.statusList.create({
      data: {
        organizationId,
        purpose: 'revocation',
        size: STATUS_LIST_SIZE,
        encodedList: await createStatusList({ length: STATUS_LIST_SIZE }),
      },
    });
  }
  // Random positions: a verifier fetching the list learns nothing about issue order.
  for (;;) {
    const index = Math.floor(Math.random() * list.size);
    const taken = await tx.credential.findFirst({
      where: { revocationListId: list.id, statusIndex: index },
      select: { id: true },
    });
    if (!taken) return { listId: list.id, index };
  }
}

const signedListCache = new Map<string, { version: string; document: CredentialDocument }>();

/**
 * The signed BitstringStatusListCredential, built from the database: a revoked credential's bit
 * is set. Cached per list until a revocation or a key change alters it.
 */
export async function statusListCredentialFor(
  client: Client,
  slug: string,
  listId: string,
): Promise<CredentialDocument | null> {
  if (!/^[0-9a-f-]{36}$/i.test(listId)) return null;
  const list = await client.statusList.findUnique({ where: { id: listId }, include: { organization: true } });
  if (!list || list.organization.code !== slug) return null;
  const revoked = await client.credential.findMany({
    where: { revocationListId: listId, revokedAt: { not: null } },
    select: { statusIndex: true, revokedAt: true },
  });
  const key = await client.issuerKey.findFirst({
    where: { organizationId: list.organizationId, retiredAt: null },
    orderBy: { createdAt: 'desc' },
  });
  const version = `${key?.keyId}:${revoked.length}:${revoked
    .map((row) => row.statusIndex)
    .sort((a, b) => a - b)
    .join(',')}`;
  const cached = signedListCache.get(listId);
  if (cached?.version === version) return cached.document;
  const encodedList = await setStatus({
    encodedList: await createStatusList({ length: list.size }),
    updates: revoked.map((row) => ({ index: row.statusIndex, value: true })),
  });
  const unsigned = buildStatusListCredential({
    id: statusListCredentialUrl({ publicBaseUrl: credentialConfig().publicUrl, slug, listId }),
    issuerId: issuerIdOf(slug),
    statusPurpose: 'revocation',
    encodedList,
    // Valid from the moment this state began (the latest revocation or key change), never from
    // the moment it was signed: a verifier whose clock reads the request's start must not see a
    // list from its own future.
    validFrom: new Date(
      Math.max(0, key?.createdAt.getTime() ?? 0, ...revoked.map((row) => row.revokedAt?.getTime() ?? 0)),
    ),
  });
  const sign = async (tx: Tx) =>
    signCredential({
      credential: unsigned,
      key: await signingKeyFor(tx, list.organization),
      documentLoader: platformDocumentLoader(tx),
    });
  // Inside a caller's transaction use it (PGlite has one connection); otherwise open one.
  const document = '$transaction' in client ? await client.$transaction(sign) : await sign(client);
  signedListCache.set(listId, { version, document });
  return document;
}

const localDate = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Issues the credential of one participant whose results were approved. Idempotent: a participant
 * with a valid credential gets no second one. Run by the job queue; a failure is retried there.
 */
export async function issueCredential(
  applicationId: string,
  now = new Date(),
): Promise<{ credentialId: string | null }> {
  const settings = credentialConfig();
  return db().$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT application_id FROM credential_issuances WHERE application_id = ${applicationId}::uuid FOR UPDATE`;
      const current = await tx.credential.findFirst({
        where: { applicationId, revokedAt: null },
        select: { id: true },
      });
      if (current) {
        await tx.credentialIssuance.updateMany({
          where: { applicationId },
          data: { status: 'ISSUED', lastError: null },
        });
        return { credentialId: current.id };
      }
      const application = await tx.application.findUniqueOrThrow({
        where: { id: applicationId },
        include: {
          teacher: { include: { teacherProfile: true } },
          attendance: true,
          assessments: { include: { evidence: true, unit: true } },
          call: {
            include: {
              achievement: true,
              provider: true,
              skillArea: true,
              programme: true,
              competencyUnits: { orderBy: { position: 'asc' } },
              trainingDays: true,
            },
          },
        },
      });
      const { call, teacher } = application;
      const achievement = call.achievement;
      if (!achievement) throw new Error(`call ${call.id} has no achievement`);
      if (call.resultsStatus !== 'APPROVED') throw new Error(`results of call ${call.id} are not approved`);
      const completion = evaluateCompletion(
        {
          attendance: new Map(application.attendance.map((row) => [row.dayId, row.present])),
          decisions: new Map(
            application.assessments.map((row) => [row.unitId, row.decision as UnitDecision]),
          ),
        },
        {
          dayIds: call.trainingDays.map((day) => day.id),
          unitIds: call.competencyUnits.map((unit) => unit.id),
          minAttendancePercent: call.minAttendancePercent,
          assessmentKind: call.assessmentKind,
        },
      );
      if (!completion.passed) throw new Error(`participant ${applicationId} has not passed`);
      const nuptk = teacher.teacherProfile?.nuptk;
      if (!nuptk) throw new Error(`participant ${applicationId} has no NUPTK`);

      const parent = await tx.organization.findUnique({ where: { code: settings.parentOrganizationCode } });
      const key = await signingKeyFor(tx, call.provider);
      const status = await allocateStatus(tx, call.provider.id);
      const credentialId = randomUUID();
      const timeZone = callTimeZone(call.province);
      const decisions = new Map(application.assessments.map((row) => [row.unitId, row.decision]));
      const revision =
        ((await tx.credential.aggregate({ where: { applicationId }, _max: { revision: true } }))._max
          .revision ?? 0) + 1;
      const validUntil = achievement.validityMonths ? addMonths(now, achievement.validityMonths) : null;
      const text = (id: string, en?: string | null) => ({ id, en: en || id });
      const input: OpenBadgeInput = {
        id: `urn:uuid:${credentialId}`,
        issuer: {
          id: issuerIdOf(call.provider.code),
          name: call.provider.name,
          url: call.provider.website ?? `${settings.publicUrl}/issuers/${call.provider.code}`,
          address: {
            ...(call.provider.address ? { streetAddress: call.provider.address } : {}),
            ...(call.provider.city ? { addressLocality: call.provider.city } : {}),
          },
          parentOrg: {
            id: `${settings.publicUrl}/issuers/${settings.parentOrganizationCode}`,
            name: parent ? `${parent.name}` : 'Direktorat Sekolah Menengah Kejuruan',
          },
        },
        validFrom: now,
        validUntil,
        // Awarded when the programme approved the results; signed (validFrom) when the job ran.
        awardedDate: call.resultsApprovedAt ?? now,
        learner: { name: teacher.name, nuptk, salt: createIdentitySalt() },
        activity: {
          startDate: startOfLocalDate(localDate(call.startDate), timeZone),
          endDate: new Date(startOfLocalDate(localDate(call.endDate), timeZone).getTime() + 86_399_000),
        },
        achievement: {
          id: `${settings.publicUrl}/achievements/${achievement.id}`,
          achievementType: achievement.achievementType,
          name: text(achievement.nameId, achievement.nameEn),
          description: text(achievement.descriptionId, achievement.descriptionEn),
          criteria: text(achievement.criteriaId, achievement.criteriaEn),
          learningOutcomes: call.learningOutcomes.map((outcome) => text(outcome)),
          fieldOfStudy: call.skillArea.nameId,
          humanCode: call.code ?? `KMG-${call.programme.year}-${call.id.slice(0, 8).toUpperCase()}`,
          image: {
            id: achievement.imageUrl ?? achievementImageUrl(achievement.id),
            caption: achievement.nameId,
          },
          kkni: {
            level: achievement.kkniLevel ?? 4,
            url: `${settings.publicUrl}/referensi/kkni/${achievement.kkniLevel ?? 4}`,
          },
          skkniUnits: call.competencyUnits.map((unit) => ({
            code: unit.code,
            title: unit.title,
            url: `${settings.publicUrl}/referensi/skkni/${unit.code}`,
            ...(call.assessmentKind === 'COMPETENCY'
              ? { result: decisions.get(unit.id) === 'KOMPETEN' ? ('K' as const) : ('BK' as const) }
              : {}),
          })),
          credits:
            achievement.sksHundredths != null
              ? achievement.sksHundredths / 100
              : sksByWorkload(call.trainingHours),
          workloadHours: call.trainingHours,
          participation: call.mode === 'ONLINE' ? 'online' : call.mode === 'BLENDED' ? 'blended' : 'onsite',
          assessment: {
            code: call.assessmentKind === 'COMPETENCY' ? 'competency-test' : 'attendance',
            text: text(achievement.assessmentMethod),
          },
          qualityAssurance: { code: 'kmg-programme', text: text(achievement.qualityAssurance) },
          tags: [call.skillArea.nameId, call.programme.name],
        },
        creditsEarned:
          achievement.sksHundredths != null
            ? achievement.sksHundredths / 100
            : sksByWorkload(call.trainingHours),
        evidence: application.assessments.flatMap((assessment) =>
          assessment.evidence.map((evidence) => ({
            id:
              evidence.kind === 'LINK' && evidence.url
                ? evidence.url
                : `${settings.publicUrl}/api/evidence/${evidence.id}`,
            name: evidence.name,
            description: `${assessment.unit.code} ${assessment.unit.title}`,
            genre: evidence.kind === 'LINK' ? 'Tautan' : 'Berkas',
          })),
        ),
        credentialStatus: buildStatusEntry({
          statusListCredential: statusListCredentialUrl({
            publicBaseUrl: settings.publicUrl,
            slug: call.provider.code,
            listId: status.listId,
          }),
          statusListIndex: status.index,
          statusPurpose: 'revocation',
        }),
      };
      const document = await signCredential({
        credential: buildOpenBadgeCredential(input),
        key,
        documentLoader: platformDocumentLoader(tx),
        now,
      });
      await tx.credential.create({
        data: {
          id: credentialId,
          applicationId,
          achievementId: achievement.id,
          teacherId: teacher.id,
          issuerId: call.provider.id,
          revision,
          document: document as Prisma.InputJsonValue,
          source: JSON.parse(JSON.stringify(input)) as Prisma.InputJsonValue,
          validFrom: now,
          validUntil,
          revocationListId: status.listId,
          statusIndex: status.index,
        },
      });
      await tx.credentialIssuance.upsert({
        where: { applicationId },
        create: { applicationId, callId: call.id, status: 'ISSUED', attempts: 1 },
        update: { status: 'ISSUED', lastError: null, attempts: { increment: 1 } },
      });
      await recordAudit(tx, {
        actorId: null,
        action: 'credential.issued',
        callId: call.id,
        applicationId,
        details: { credentialId, revision, issuer: call.provider.code },
      });
      await notify(tx, [
        {
          userId: teacher.id,
          kind: 'CREDENTIAL_ISSUED',
          params: { call: call.title, achievement: achievement.nameId },
          callId: call.id,
          applicationId,
        },
      ]);
      return { credentialId };
    },
    { timeout: 60_000 },
  );
}

function addMonths(date: Date, months: number): Date {
  const next = new Date(date);
  next.setUTCMonth(next.getUTCMonth() + months);
  return next;
}

/** Records a failed attempt for the console (the queue retries; after the last try it stays FAILED). */
export async function recordIssuanceFailure(applicationId: string, error: unknown, final: boolean) {
  await db().credentialIssuance.updateMany({
    where: { applicationId },
    data: {
      attempts: { increment: 1 },
      lastError: String(error).slice(0, 1000),
      ...(final ? { status: 'FAILED' } : {}),
    },
  });
}

/** Revokes a credential with a reason anyone verifying it will read. */
export async function revokeInTransaction(
  tx: Tx,
  credential: Credential,
  reason: string,
  now: Date,
  actorId: string | null = null,
) {
  await tx.credential.update({
    where: { id: credential.id },
    data: { revokedAt: now, revocationReason: reason },
  });
  await recordAudit(tx, {
    actorId,
    action: 'credential.revoked',
    applicationId: credential.applicationId,
    reason,
    details: { credentialId: credential.id },
  });
}

async function credentialForChange(tx: Tx, ctx: Context, id: string) {
  await tx.$queryRaw`SELECT id FROM credentials WHERE id = ${id}::uuid FOR UPDATE`;
  const credential = await tx.credential.findUnique({
    where: { id },
    include: { application: { include: { call: true } } },
  });
  if (!credential) throw new NotFoundError();
  if (!(await canRunCall(ctx, credential.application.call))) throw new NotAllowedError('FORBIDDEN');
  return credential;
}

/** The program manager (or an admin) revokes, suspends or reinstates a credential, with a reason. */
export async function changeCredentialStatus(
  ctx: Context,
  { id, action, reason }: { id: string; action: 'revoke' | 'suspend' | 'reinstate'; reason?: string | null },
) {
  const text = action === 'reinstate' ? null : parseInput(credentialReasonSchema, reason ?? '', ['reason']);
  await ctx.managedProgrammeIds();
  return db().$transaction(async (tx) => {
    const credential = await credentialForChange(tx, ctx, id);
    if (credential.revokedAt) throw new InvalidStateError('ALREADY_REVOKED');
    const actorId = ctx.viewer?.id ?? null;
    if (action === 'revoke') {
      await revokeInTransaction(tx, credential, text ?? '', ctx.now, actorId);
    } else {
      await tx.credential.update({
        where: { id },
        data:
          action === 'suspend'
            ? { suspendedAt: ctx.now, suspensionReason: text }
            : { suspendedAt: null, suspensionReason: null },
      });
      await recordAudit(tx, {
        actorId,
        action: action === 'suspend' ? 'credential.suspended' : 'credential.reinstated',
        applicationId: credential.applicationId,
        reason: text,
        details: { credentialId: id },
      });
    }
    await notify(tx, [
      {
        userId: credential.teacherId,
        kind:
          action === 'revoke'
            ? 'CREDENTIAL_REVOKED'
            : action === 'suspend'
              ? 'CREDENTIAL_SUSPENDED'
              : 'CREDENTIAL_REINSTATED',
        params: {
          achievement:
            (credential.source as { achievement?: { name?: { id?: string } } }).achievement?.name?.id ?? '',
          reason: text ?? '',
        },
        applicationId: credential.applicationId,
      },
    ]);
    return { id };
  });
}

export type PlatformVerification = CredentialVerification & {
  /** Our record of the credential, when we issued it. */
  record: {
    id: string;
    revokedAt: Date | null;
    revocationReason: string | null;
    suspendedAt: Date | null;
    suspensionReason: string | null;
  } | null;
};

/**
 * Verifies a credential (ours or pasted in): schema, signature, issuer, status, validity window.
 * A suspension we recorded is reported by the status check too (OB 3.0 has no room for its entry).
 */
export async function verifyCredentialDocument(
  document: unknown,
  now = new Date(),
): Promise<PlatformVerification> {
  const result = await verifyCredential(document, { documentLoader: platformDocumentLoader(), now });
  const id = typeof result.credentialId === 'string' ? result.credentialId.replace(/^urn:uuid:/, '') : null;
  const record =
    id && /^[0-9a-f-]{36}$/i.test(id)
      ? await db().credential.findUnique({
          where: { id },
          select: {
            id: true,
            revokedAt: true,
            revocationReason: true,
            suspendedAt: true,
            suspensionReason: true,
            document: true,
          },
        })
      : null;
  const ours = record;
  if (ours?.suspendedAt && result.checks.status.ok) {
    result.checks.status = {
      ...result.checks.status,
      ok: false,
      code: 'suspended',
      suspended: true,
      message: 'The issuer has suspended this credential.',
    };
    result.valid = false;
  }
  return {
    ...result,
    record: ours
      ? {
          id: ours.id,
          revokedAt: ours.revokedAt,
          revocationReason: ours.revocationReason,
          suspendedAt: ours.suspendedAt,
          suspensionReason: ours.suspensionReason,
        }
      : null,
  };
}

/** Where an achievement's picture is served (its own image, else the seal drawn for it). */
export function achievementImageUrl(achievementId: string): string {
  return `${credentialConfig().publicUrl}/achievements/${achievementId}/image.svg`;
}

/** The seal drawn for an achievement (`achievementBadgeSvg`), or null when there is none. */
export async function achievementImageFor(client: Client, id: string): Promise<string | null> {
  const achievement = await client.achievement.findUnique({
    where: { id },
    select: {
      nameId: true,
      achievementType: true,
      kkniLevel: true,
      call: { select: { programme: { select: { year: true } } } },
    },
  });
  if (!achievement) return null;
  return achievementBadgeSvg({
    name: achievement.nameId,
    achievementType: achievement.achievementType,
    kkniLevel: achievement.kkniLevel,
    year: achievement.call.programme.year,
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

/** The PDF certificate, rendered from what the credential was built from. */
export async function certificatePdf(
  credential: Pick<Credential, 'id' | 'source' | 'issuerId'>,
  timeZone = 'Asia/Jakarta',
): Promise<Buffer> {
  const settings = credentialConfig();
  return renderCertificatePdf({
    input: credential.source as unknown as OpenBadgeInput,
    verificationUrl: verificationUrl(credential.id),
    timeZone,
    ...(settings.fonts ? { fonts: settings.fonts } : {}),
  });
}
