import { hasRole } from '@kmg/core/actor';
import { brandingOf, removeBrandingImage, updateSignatory } from '@kmg/core/credentials/branding';
import { credentialConfig } from '@kmg/core/credentials/config';
import { decodeId, requireId } from '@kmg/core/ids';
import { canManageBranding } from '@kmg/core/rules/branding';
import { db } from '@kmg/db';
import { builder } from '#builder.ts';
import { OrganizationRef } from '#schema/reference.ts';

type Branding = Awaited<ReturnType<typeof brandingOf>>;

const imageUrl = (id: string | null) => (id ? `/api/branding-images/${id}` : null);

const BrandingImageSlotEnum = builder.enumType('BrandingImageSlot', {
  values: ['LOGO', 'SIGNATURE'] as const,
});

export const CertificateBrandingRef = builder.objectRef<Branding>('CertificateBranding').implement({
  description:
    "What an organization's certificates carry from now on: its logo and its signatory. Certificates already issued keep the branding they were issued with.",
  fields: (t) => ({
    organization: t.prismaField({
      type: OrganizationRef,
      resolve: (query, branding) =>
        db().organization.findUniqueOrThrow({ ...query, where: { id: branding.organizationId } }),
    }),
    isProgramme: t.boolean({
      description:
        "The programme's parent organization: its logo is the programme (ministry) logo on every certificate.",
      resolve: async (branding) =>
        (
          await db().organization.findUnique({
            where: { id: branding.organizationId },
            select: { code: true },
          })
        )?.code === credentialConfig().parentOrganizationCode,
    }),
    logoUrl: t.string({ nullable: true, resolve: (branding) => imageUrl(branding.logoId) }),
    signatureUrl: t.string({ nullable: true, resolve: (branding) => imageUrl(branding.signatureImageId) }),
    signatoryName: t.exposeString('signatoryName', { nullable: true }),
    signatoryPosition: t.exposeString('signatoryPosition', { nullable: true }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', nullable: true }),
  }),
});

const SignatoryInput = builder.inputType('CertificateSignatoryInput', {
  fields: (t) => ({
    signatoryName: t.string(),
    signatoryPosition: t.string(),
  }),
});

const brandingScopes = { $any: { admin: true, programManager: true, providerStaff: true } };

builder.queryFields((t) => ({
  brandableOrganizations: t.field({
    type: [CertificateBrandingRef],
    description:
      "The organizations whose certificate branding the viewer sets: provider staff their own; admins and program managers the programme's parent organization and every provider.",
    authScopes: brandingScopes,
    resolve: async (_root, _args, ctx) => {
      const viewer = ctx.viewer;
      const isProgrammeStaff = hasRole(viewer, 'ADMIN') || hasRole(viewer, 'PROGRAM_MANAGER');
      const organizations = await db().organization.findMany({
        where: isProgrammeStaff
          ? {
              OR: [{ code: credentialConfig().parentOrganizationCode }, { kind: 'PROVIDER' }],
            }
          : {
              id: viewer?.organizationId ?? '00000000-0000-0000-0000-000000000000',
              kind: { notIn: ['SCHOOL', 'UNIVERSITY'] },
            },
        select: { id: true, code: true, name: true },
        orderBy: { name: 'asc' },
      });
      // The programme first, then the providers by name.
      const parentCode = credentialConfig().parentOrganizationCode;
      organizations.sort((a, b) => Number(b.code === parentCode) - Number(a.code === parentCode));
      return Promise.all(organizations.map((organization) => brandingOf(db(), organization.id)));
    },
  }),
  certificateBranding: t.field({
    type: CertificateBrandingRef,
    nullable: true,
    description: "One organization's certificate branding, for those who may set it (else null).",
    authScopes: brandingScopes,
    args: { organizationId: t.arg.globalID({ for: [OrganizationRef], required: true }) },
    resolve: async (_root, { organizationId }, ctx) => {
      const id = decodeId(organizationId.id);
      if (!id || !canManageBranding(ctx, id)) return null;
      const exists = await db().organization.findUnique({ where: { id }, select: { id: true } });
      return exists ? brandingOf(db(), id) : null;
    },
  }),
}));

builder.mutationFields((t) => ({
  updateCertificateSignatory: t.field({
    type: CertificateBrandingRef,
    description:
      'Sets the signatory printed on the certificates the organization issues from now on (both fields empty: none).',
    authScopes: brandingScopes,
    errors: {},
    args: {
      organizationId: t.arg.globalID({ for: [OrganizationRef], required: true }),
      input: t.arg({ type: SignatoryInput, required: true }),
    },
    resolve: async (_root, { organizationId, input }, ctx) => {
      const id = requireId(organizationId.id, ['organizationId']);
      await updateSignatory(ctx, { organizationId: id, input });
      return brandingOf(db(), id);
    },
  }),
  removeCertificateBrandingImage: t.field({
    type: CertificateBrandingRef,
    description: 'Takes the logo or the signature off future certificates (issued ones keep theirs).',
    authScopes: brandingScopes,
    errors: {},
    args: {
      organizationId: t.arg.globalID({ for: [OrganizationRef], required: true }),
      slot: t.arg({ type: BrandingImageSlotEnum, required: true }),
    },
    resolve: async (_root, { organizationId, slot }, ctx) => {
      const id = requireId(organizationId.id, ['organizationId']);
      await removeBrandingImage(ctx, { organizationId: id, slot: slot === 'LOGO' ? 'logo' : 'signature' });
      return brandingOf(db(), id);
    },
  }),
}));
