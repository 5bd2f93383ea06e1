// Certificate branding: each issuer's logo and signatory, and the programme's logo (held by the
// parent organization every credential names, the ministry directorate). Who may set it is in
// rules/branding.ts.
//
// A certificate shows the branding as it stood when the credential was issued: the PDF is
// rendered again on every request, and a certificate signed by last year's director must not
// start carrying this year's name and signature. So issuance copies the signatory and the image
// ids onto the credential (`brandingSnapshot`), images are never changed or deleted once stored
// (a trigger), and a credential issued before any branding was set keeps printing none.
import { db } from '@kmg/db';
import { certificateBrandingSchema } from '@kmg/domain';
import type { Actor } from '#actor.ts';
import { requireViewer } from '#applications/common.ts';
import { recordAudit } from '#audit.ts';
import { type Client, credentialConfig, type Tx } from '#credentials/config.ts';
import { AppError, NotAllowedError, NotFoundError, parseInput, ValidationError } from '#errors.ts';
import { canManageBranding } from '#rules/branding.ts';
import { inTransaction } from '#transaction.ts';

export type BrandingSlot = 'logo' | 'signature';

/** Organizations that issue no certificate have nothing to brand. */
const nonIssuingKinds = new Set(['SCHOOL', 'UNIVERSITY']);

/**
 * Refuses, before anything is read or stored, whoever may not set this organization's branding.
 * Upload routes call it before reading the request body.
 */
export async function assertMaySetBranding(ctx: Actor, organizationId: string): Promise<void> {
  requireViewer(ctx);
  const organization = await db().organization.findUnique({
    where: { id: organizationId },
    select: { kind: true },
  });
  if (!organization) throw new NotFoundError();
  if (!canManageBranding(ctx, organizationId)) throw new NotAllowedError('FORBIDDEN');
  if (nonIssuingKinds.has(organization.kind)) throw new AppError('BRANDING_NOT_AN_ISSUER');
}

/** An organization's branding as set now (an empty one when nothing is set yet). */
export async function brandingOf(client: Client, organizationId: string) {
  const branding = await client.organizationBranding.findUnique({ where: { organizationId } });
  return (
    branding ?? {
      organizationId,
      logoId: null,
      signatoryName: null,
      signatoryPosition: null,
      signatureImageId: null,
      updatedById: null,
      updatedAt: null,
    }
  );
}

/** Stores an uploaded logo or signature (its type and size already checked) and puts it in use. */
export async function setBrandingImage(
  ctx: Actor,
  {
    organizationId,
    slot,
    bytes,
    mimeType,
  }: { organizationId: string; slot: BrandingSlot; bytes: Uint8Array; mimeType: string },
): Promise<{ imageId: string }> {
  await assertMaySetBranding(ctx, organizationId);
  const viewer = requireViewer(ctx);
  return inTransaction(async (tx) => {
    const current = await brandingOf(tx, organizationId);
    // A signature belongs to a named signatory (a CHECK says so too).
    if (slot === 'signature' && !current.signatoryName)
      throw new ValidationError([{ path: ['signatoryName'], code: 'REQUIRED' }]);
    const image = await tx.brandingImage.create({
      data: { mimeType, bytes: new Uint8Array(bytes), size: bytes.length, uploadedById: viewer.id },
      select: { id: true },
    });
    const field = slot === 'logo' ? { logoId: image.id } : { signatureImageId: image.id };
    await tx.organizationBranding.upsert({
      where: { organizationId },
      create: { organizationId, updatedById: viewer.id, ...field },
      update: { updatedById: viewer.id, ...field },
    });
    await recordBrandingAudit(tx, ctx, organizationId, { slot, imageId: image.id });
    return { imageId: image.id };
  });
}

/** Takes the logo or the signature off future certificates (those issued keep theirs). */
export async function removeBrandingImage(
  ctx: Actor,
  { organizationId, slot }: { organizationId: string; slot: BrandingSlot },
): Promise<void> {
  await assertMaySetBranding(ctx, organizationId);
  const viewer = requireViewer(ctx);
  await inTransaction(async (tx) => {
    const field = slot === 'logo' ? { logoId: null } : { signatureImageId: null };
    await tx.organizationBranding.upsert({
      where: { organizationId },
      create: { organizationId, updatedById: viewer.id },
      update: { updatedById: viewer.id, ...field },
    });
    await recordBrandingAudit(tx, ctx, organizationId, { slot, imageId: null });
  });
}

/** Sets (or, both left empty, removes) the signatory printed on future certificates. */
export async function updateSignatory(
  ctx: Actor,
  { organizationId, input }: { organizationId: string; input: unknown },
): Promise<void> {
  await assertMaySetBranding(ctx, organizationId);
  const viewer = requireViewer(ctx);
  const data = parseInput(certificateBrandingSchema, input, ['input']);
  await inTransaction(async (tx) => {
    const signatory = {
      signatoryName: data.signatoryName,
      signatoryPosition: data.signatoryPosition,
      // No signatory, no signature: the image would belong to no one.
      ...(data.signatoryName ? {} : { signatureImageId: null }),
    };
    await tx.organizationBranding.upsert({
      where: { organizationId },
      create: { organizationId, updatedById: viewer.id, ...signatory },
      update: { updatedById: viewer.id, ...signatory },
    });
    await recordBrandingAudit(tx, ctx, organizationId, {
      signatoryName: data.signatoryName,
      signatoryPosition: data.signatoryPosition,
    });
  });
}

function recordBrandingAudit(
  tx: Tx,
  ctx: Actor,
  organizationId: string,
  details: Record<string, string | null>,
) {
  return recordAudit(tx, {
    actorId: ctx.viewer?.id ?? null,
    action: 'CERTIFICATE_BRANDING_SET',
    subject: { type: 'ORGANIZATION', id: organizationId },
    details,
    occurredAt: ctx.now,
  });
}

export type BrandingSnapshot = {
  signatoryName: string | null;
  signatoryPosition: string | null;
  signatureImageId: string | null;
  issuerLogoId: string | null;
  programmeLogoId: string | null;
};

/** What a credential issued now by `issuerId` records of the branding (see the top of this file). */
export async function brandingSnapshot(tx: Tx, issuerId: string): Promise<BrandingSnapshot> {
  const issuer = await tx.organizationBranding.findUnique({ where: { organizationId: issuerId } });
  const programme = await tx.organizationBranding.findFirst({
    where: { organization: { code: credentialConfig().parentOrganizationCode } },
  });
  return {
    signatoryName: issuer?.signatoryName ?? null,
    signatoryPosition: issuer?.signatoryPosition ?? null,
    signatureImageId: issuer?.signatoryName ? (issuer.signatureImageId ?? null) : null,
    issuerLogoId: issuer?.logoId ?? null,
    programmeLogoId: programme?.logoId ?? null,
  };
}

/** A stored image: public, as it is printed on public certificates. */
export async function brandingImage(id: string) {
  return db().brandingImage.findUnique({ where: { id }, select: { mimeType: true, bytes: true } });
}
