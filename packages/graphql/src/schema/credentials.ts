import { changeCredentialStatus } from '@kmg/core/credentials/change-credential-status';
import { CERTIFICATE_TIME_ZONE, verificationUrl } from '@kmg/core/credentials/config';
import { rotateIssuerKey } from '@kmg/core/credentials/issuers';
import { type PlatformVerification, verifyCredentialDocument } from '@kmg/core/credentials/verify-credential';
import { retryFailedIssuance } from '@kmg/core/delivery/delivery';
import { InvalidStateError, ValidationError } from '@kmg/core/errors';
import { decodeId, requireId } from '@kmg/core/ids';
import { ownCredentialsWhere } from '@kmg/core/rules/credentials';
import { db } from '@kmg/db';
import { readCredentialDates, yearMonthAt } from '@kmg/domain';
import { builder } from '#builder.ts';
import { ApplicationRef } from '#schema/applications.ts';
import { TrainingCallRef } from '#schema/calls.ts';
import { refetchQuery } from '#schema/ids.ts';
import { OrganizationRef } from '#schema/reference.ts';

const CredentialKindEnum = builder.enumType('CredentialKind', {
  values: ['TRAINING', 'PATHWAY', 'CLR', 'EXTERNAL'] as const,
});

const ImportedComponentRef = builder
  .objectRef<{ id: string; achievementName: string; issuerName: string; credentialUri: string }>(
    'ImportedComponent',
  )
  .implement({
    fields: (t) => ({
      id: t.exposeString('id'),
      achievementName: t.exposeString('achievementName'),
      issuerName: t.exposeString('issuerName'),
      credentialUri: t.exposeString('credentialUri'),
    }),
  });

export const CredentialStatusEnum = builder.enumType('CredentialStatus', {
  values: ['ACTIVE', 'SUSPENDED', 'REVOKED', 'EXPIRED'] as const,
});

type Source = {
  achievement?: {
    name?: { id?: string; en?: string };
    achievementType?: string;
    workloadHours?: number;
    credits?: number;
  };
  issuer?: { name?: string; parentOrg?: { name?: string } };
  learner?: { name?: string };
};

export const CredentialRef = builder.prismaNode('Credential', {
  id: { field: 'id' },
  description: 'An Open Badges 3.0 credential KMG issued. Anyone with its id can view and verify it.',
  fields: (t) => ({
    credentialId: t.exposeString('id', { description: 'The uuid in `urn:uuid:<id>` and in /verify/<id>.' }),
    revision: t.exposeInt('revision'),
    name: t.string({
      resolve: (c, _args, ctx) => {
        const s = c.source as Source;
        return (ctx.locale === 'en' ? s.achievement?.name?.en : s.achievement?.name?.id) ?? '';
      },
    }),
    achievementType: t.string({ resolve: (c) => (c.source as Source).achievement?.achievementType ?? '' }),
    learnerName: t.string({ resolve: (c) => (c.source as Source).learner?.name ?? '' }),
    issuerName: t.string({ resolve: (c) => (c.source as Source).issuer?.name ?? '' }),
    parentOrganizationName: t.string({ resolve: (c) => (c.source as Source).issuer?.parentOrg?.name ?? '' }),
    workloadHours: t.int({ resolve: (c) => (c.source as Source).achievement?.workloadHours ?? 0 }),
    sks: t.float({ resolve: (c) => (c.source as Source).achievement?.credits ?? 0 }),
    validFrom: t.expose('validFrom', { type: 'DateTime' }),
    validUntil: t.expose('validUntil', { type: 'DateTime', nullable: true }),
    kind: t.expose('kind', { type: CredentialKindEnum }),
    trainingStartDate: t.field({
      type: 'LocalDate',
      nullable: true,
      description: 'First day of the training, as a calendar date (training credentials only).',
      select: { application: { select: { call: { select: { startDate: true } } } } },
      resolve: (c) => c.application?.call.startDate ?? null,
    }),
    trainingEndDate: t.field({
      type: 'LocalDate',
      nullable: true,
      description: 'Last day of the training, as a calendar date (training credentials only).',
      select: { application: { select: { call: { select: { endDate: true } } } } },
      resolve: (c) => c.application?.call.endDate ?? null,
    }),
    call: t.field({
      type: TrainingCallRef,
      nullable: true,
      description: 'The training that awarded it (training credentials only).',
      select: { application: { select: { call: true } } },
      resolve: (c) => c.application?.call ?? null,
    }),
    pathwayVersion: t.relation('pathwayVersion', {
      nullable: true,
      description: 'The pathway version it was awarded under (pathway credentials only).',
    }),
    components: t.prismaField({
      type: ['Credential'],
      description: 'The credentials a pathway credential rests on, as signed (public, like the credential).',
      select: { components: { select: { componentId: true } } },
      resolve: (query, c) =>
        c.components.length > 0
          ? db().credential.findMany({
              ...query,
              where: { id: { in: c.components.map((row) => row.componentId) } },
              orderBy: { validFrom: 'asc' },
            })
          : [],
    }),
    importedComponents: t.field({
      type: [ImportedComponentRef],
      description: 'Imported (external) credentials a pathway credential rests on.',
      select: {
        externalComponents: {
          select: {
            external: { select: { id: true, achievementName: true, issuerName: true, credentialUri: true } },
          },
        },
      },
      resolve: (c) => c.externalComponents.map((row) => row.external),
    }),
    partOfPathways: t.prismaField({
      type: ['Credential'],
      description: 'Pathway credentials this one is a component of.',
      select: { partOf: { select: { credentialId: true } } },
      resolve: (query, c) =>
        c.partOf.length > 0
          ? db().credential.findMany({
              ...query,
              where: { id: { in: c.partOf.map((row) => row.credentialId) }, kind: 'PATHWAY' },
            })
          : [],
    }),
    clrUrl: t.string({
      nullable: true,
      description: 'The CLR 2.0 bundle of a pathway credential and its components.',
      resolve: (c) => (c.kind === 'PATHWAY' ? `/credentials/${c.id}/clr.json` : null),
    }),
    status: t.field({
      type: CredentialStatusEnum,
      resolve: (c, _args, ctx) =>
        c.revokedAt
          ? 'REVOKED'
          : c.suspendedAt
            ? 'SUSPENDED'
            : c.validUntil && c.validUntil <= ctx.now
              ? 'EXPIRED'
              : 'ACTIVE',
    }),
    awardedAt: t.field({
      type: 'DateTime',
      description: 'When it was awarded: the approval of the results (OB `awardedDate`, as signed).',
      resolve: (c) => {
        const dates = readCredentialDates(c.document);
        return dates ? new Date(dates.awarded) : c.validFrom;
      },
    }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
    revocationReason: t.exposeString('revocationReason', { nullable: true }),
    suspendedAt: t.expose('suspendedAt', { type: 'DateTime', nullable: true }),
    suspensionReason: t.exposeString('suspensionReason', { nullable: true }),
    document: t.string({
      description: 'The signed credential (JSON), exactly as issued.',
      resolve: (c) => JSON.stringify(c.document),
    }),
    source: t.string({
      description: 'What it was built from (JSON): units, results, dates.',
      resolve: (c) => {
        const { learner, ...rest } = c.source as Source & { learner?: object };
        return JSON.stringify({
          ...rest,
          learner: { name: (learner as { name?: string } | undefined)?.name },
        });
      },
    }),
    verifyUrl: t.string({ resolve: (c) => verificationUrl(c.id) }),
    jsonUrl: t.string({ resolve: (c) => `/credentials/${c.id}.json` }),
    pdfUrl: t.string({ resolve: (c) => `/credentials/${c.id}/certificate.pdf` }),
    badgeUrl: t.string({
      nullable: true,
      description:
        'The badge as a PNG with the signed credential baked in (Open Badges 3.0), for wallets that take images. Null for a CLR bundle.',
      resolve: (c) => (c.kind === 'CLR' ? null : `/credentials/${c.id}/badge.png`),
    }),
    viewerIsHolder: t.boolean({
      description: 'Whether the signed-in viewer is the teacher it was awarded to (who may share it).',
      resolve: (c, _args, ctx) => ctx.viewer?.id === c.teacherId,
    }),
    linkedInUrl: t.string({
      description: "Adds the credential to the learner's LinkedIn profile (Licenses & certifications).",
      resolve: (c) => {
        const source = c.source as Source;
        // Issued when awarded and expiring as signed, on the calendar the certificate is printed in.
        const dates = readCredentialDates(c.document);
        const issued = yearMonthAt(dates?.awarded ?? c.validFrom, CERTIFICATE_TIME_ZONE);
        const expires = c.validUntil
          ? yearMonthAt(dates?.validUntil ?? c.validUntil, CERTIFICATE_TIME_ZONE)
          : null;
        const params = new URLSearchParams({
          startTask: 'CERTIFICATION_NAME',
          name: source.achievement?.name?.id ?? '',
          organizationName: source.issuer?.name ?? '',
          issueYear: String(issued.year),
          issueMonth: String(issued.month),
          certUrl: verificationUrl(c.id),
          certId: c.id,
          ...(expires
            ? { expirationYear: String(expires.year), expirationMonth: String(expires.month) }
            : {}),
        });
        return `https://www.linkedin.com/profile/add?${params}`;
      },
    }),
  }),
});

type CheckCode = PlatformVerification['checks'][keyof PlatformVerification['checks']]['code'];
const checkCodes = [
  'valid',
  'active',
  'schema_invalid',
  'proof_missing',
  'proof_unsupported',
  'key_unavailable',
  'signature_invalid',
  'verification_error',
  'issuer_missing',
  'issuer_unresolvable',
  'key_not_issuers',
  'key_not_found',
  'key_revoked',
  'key_not_authorized',
  'no_status',
  'revoked',
  'suspended',
  'status_unsupported',
  'status_list_unavailable',
  'status_list_invalid',
  'not_yet_valid',
  'expired',
  'dates_malformed',
] as const satisfies readonly CheckCode[];
// Every code the verifier can return is in the enum (a new one fails type-checking here).
const everyCode: Exclude<CheckCode, (typeof checkCodes)[number]> extends never ? true : false = true;
void everyCode;

const VerificationCheckCodeEnum = builder.enumType('VerificationCheckCode', {
  description: 'Why a check passed or failed: a stable list, for apps to word in their own language.',
  values: checkCodes,
});

const CheckRef = builder
  .objectRef<{ name: string; ok: boolean; code: CheckCode; message: string }>('VerificationCheck')
  .implement({
    fields: (t) => ({
      name: t.exposeString('name', { description: 'schema, signature, issuer, status or validity.' }),
      ok: t.exposeBoolean('ok'),
      code: t.expose('code', { type: VerificationCheckCodeEnum }),
      message: t.exposeString('message', {
        description: 'Technical detail, in English (for logs and support).',
      }),
    }),
  });

const VerificationRef: ReturnType<typeof builder.objectRef<PlatformVerification>> =
  builder.objectRef<PlatformVerification>('CredentialVerification');
VerificationRef.implement({
  description: 'The result of verifying a credential, check by check.',
  fields: (t) => ({
    valid: t.exposeBoolean('valid', {
      description: 'Every check passed (for a CLR bundle: the bundle and every embedded credential).',
    }),
    kind: t.exposeString('kind', { description: '`OpenBadgeCredential`, or `ClrCredential` for a bundle.' }),
    embedded: t.field({
      type: [VerificationRef],
      description: 'For a CLR bundle: each embedded credential, verified on its own.',
      resolve: (result) => result.embedded,
    }),
    credentialId: t.exposeString('credentialId', { nullable: true }),
    issuerId: t.exposeString('issuerId', { nullable: true }),
    checks: t.field({
      type: [CheckRef],
      resolve: (result) =>
        (['schema', 'signature', 'issuer', 'status', 'validity'] as const).map((name) => ({
          name,
          ok: result.checks[name].ok,
          code: result.checks[name].code,
          message: result.checks[name].message,
        })),
    }),
    revocationReason: t.string({
      nullable: true,
      resolve: (result) => result.record?.revocationReason ?? null,
    }),
    suspensionReason: t.string({
      nullable: true,
      resolve: (result) => result.record?.suspensionReason ?? null,
    }),
    credential: t.prismaField({
      type: CredentialRef,
      nullable: true,
      description: 'Our record, when KMG issued it.',
      resolve: (query, result) =>
        result.record ? db().credential.findUnique({ ...query, where: { id: result.record.id } }) : null,
    }),
  }),
});

builder.queryFields((t) => ({
  myCredentials: t.prismaField({
    type: [CredentialRef],
    description: "The signed-in teacher's credentials, newest first (revoked ones included, marked).",
    authScopes: { teacher: true },
    resolve: (query, _root, _args, ctx) =>
      db().credential.findMany({
        ...query,
        where: {
          AND: [
            ownCredentialsWhere(ctx),
            {
              OR: [
                { kind: { in: ['TRAINING', 'PATHWAY'] } },
                // A university's RPL recognition (a CLR 2.0 record) belongs in the wallet too.
                { kind: 'CLR', source: { path: ['kind'], equals: 'rpl-recognition' } },
              ],
            },
          ],
        },
        orderBy: [{ validFrom: 'desc' }, { revision: 'desc' }],
      }),
  }),
  credentialById: t.prismaField({
    type: CredentialRef,
    nullable: true,
    description: 'A credential by its uuid: public, as on its verification page.',
    args: { id: t.arg.string({ required: true }) },
    resolve: (query, _root, { id }) => {
      const credentialId = decodeId(id);
      return credentialId ? db().credential.findUnique({ ...query, where: { id: credentialId } }) : null;
    },
  }),
  verifyCredential: t.field({
    type: VerificationRef,
    nullable: true,
    description: 'Verifies a KMG credential by id, or any credential pasted as JSON. Public.',
    args: {
      id: t.arg.string(),
      document: t.arg.string({ description: 'The credential JSON (at most 1 MB).' }),
    },
    resolve: async (_root, { id, document }, ctx) => {
      if (document) {
        if (document.length > 1_000_000)
          throw new ValidationError([{ path: ['document'], code: 'TOO_LONG', params: { max: 1_000_000 } }]);
        let parsed: unknown;
        try {
          parsed = JSON.parse(document);
        } catch {
          parsed = document;
        }
        return verifyCredentialDocument(parsed, ctx.now);
      }
      const credentialId = id ? decodeId(id) : null;
      if (!credentialId) return null;
      const stored = await db().credential.findUnique({
        where: { id: credentialId },
        select: { document: true },
      });
      return stored ? verifyCredentialDocument(stored.document, ctx.now) : null;
    },
  }),
}));

builder.prismaObjectFields(ApplicationRef, (t) => ({
  credentials: t.relation('credentials', {
    description: 'Credentials issued for this application, newest revision first.',
    query: { orderBy: { revision: 'desc' } },
  }),
}));

// Request scope: roles that manage some call. Which call, the service checks.
const managingRoles = { $any: { programManager: true, admin: true } };

const IssuerKeyRotationRef = builder.objectRef<{ keyId: string }>('IssuerKeyRotation').implement({
  fields: (t) => ({
    keyId: t.exposeString('keyId', { description: 'The new key, as listed in the issuer DID document.' }),
  }),
});

builder.mutationFields((t) => ({
  rotateIssuerKey: t.field({
    type: IssuerKeyRotationRef,
    description:
      "Retires an issuer's signing key (admins): new credentials use a new key; those signed before keep verifying.",
    authScopes: { admin: true },
    errors: {},
    args: { organizationId: t.arg.globalID({ for: [OrganizationRef], required: true }) },
    resolve: (_root, { organizationId }, ctx) =>
      rotateIssuerKey(ctx, { organizationId: requireId(organizationId.id, ['organizationId']) }),
  }),
  revokeCredential: t.prismaField({
    type: CredentialRef,
    description: 'Revokes a credential, with a reason anyone verifying it will read. Permanent.',
    authScopes: managingRoles,
    errors: { types: [InvalidStateError] },
    args: {
      id: t.arg.globalID({ for: [CredentialRef], required: true }),
      reason: t.arg.string({ required: true }),
    },
    resolve: async (query, _root, { id, reason }, ctx) => {
      const credentialId = requireId(id.id, ['id']);
      await changeCredentialStatus(ctx, { id: credentialId, action: 'revoke', reason });
      return db().credential.findUniqueOrThrow({ ...refetchQuery(query), where: { id: credentialId } });
    },
  }),
  suspendCredential: t.prismaField({
    type: CredentialRef,
    description: 'Suspends a credential for now, with a reason.',
    authScopes: managingRoles,
    errors: { types: [InvalidStateError] },
    args: {
      id: t.arg.globalID({ for: [CredentialRef], required: true }),
      reason: t.arg.string({ required: true }),
    },
    resolve: async (query, _root, { id, reason }, ctx) => {
      const credentialId = requireId(id.id, ['id']);
      await changeCredentialStatus(ctx, { id: credentialId, action: 'suspend', reason });
      return db().credential.findUniqueOrThrow({ ...refetchQuery(query), where: { id: credentialId } });
    },
  }),
  reinstateCredential: t.prismaField({
    type: CredentialRef,
    description: 'Lifts a suspension.',
    authScopes: managingRoles,
    errors: { types: [InvalidStateError] },
    args: { id: t.arg.globalID({ for: [CredentialRef], required: true }) },
    resolve: async (query, _root, { id }, ctx) => {
      const credentialId = requireId(id.id, ['id']);
      await changeCredentialStatus(ctx, { id: credentialId, action: 'reinstate' });
      return db().credential.findUniqueOrThrow({ ...refetchQuery(query), where: { id: credentialId } });
    },
  }),
  retryFailedIssuance: t.prismaField({
    type: TrainingCallRef,
    description: 'Queues again the credentials of a call whose issuance failed.',
    authScopes: managingRoles,
    errors: { types: [InvalidStateError] },
    args: { callId: t.arg.globalID({ for: [TrainingCallRef], required: true }) },
    resolve: async (query, _root, { callId }, ctx) => {
      const id = requireId(callId.id, ['callId']);
      await retryFailedIssuance(ctx, { callId: id });
      return db().trainingCall.findUniqueOrThrow({ ...refetchQuery(query), where: { id } });
    },
  }),
}));
