// What the links inside every credential point at, for anyone who follows them without signing in:
// the issuer (`issuer.url`, `parentOrg.id`) and the SKKNI units a credential is aligned with.

import { issuerIdOf, parentOrganizationCode } from '@kmg/core/credentials/config';
import { publishedCallsWhere } from '@kmg/core/rules/calls';
import { findPublicSkkniUnit } from '@kmg/core/skkni-units';
import { db, type Organization } from '@kmg/db';
import { z } from 'zod';
import { builder } from '#builder.ts';
import { TrainingCallRef } from '#schema/calls.ts';
import { OrganizationKindEnum, ProvinceRef, provinceField } from '#schema/reference.ts';

type IssuerRow = Organization & { parent: { code: string; name: string } | null };

const IssuerRef = builder.objectRef<IssuerRow>('Issuer').implement({
  description: 'An organization that issues KMG credentials, or their parent organization. Public.',
  fields: (t) => ({
    slug: t.exposeString('code'),
    name: t.exposeString('name'),
    kind: t.expose('kind', { type: OrganizationKindEnum }),
    city: t.exposeString('city', { nullable: true }),
    province: t.field({ type: ProvinceRef, nullable: true, resolve: (org) => provinceField(org.province) }),
    website: t.exposeString('website', { nullable: true }),
    parentName: t.string({ nullable: true, resolve: (org) => org.parent?.name ?? null }),
    parentSlug: t.string({ nullable: true, resolve: (org) => org.parent?.code ?? null }),
    did: t.string({
      description: 'The did:web that signs its credentials (the `issuer.id` in each).',
      resolve: (org) => issuerIdOf(org.code),
    }),
    didDocumentUrl: t.string({ resolve: (org) => `/issuers/${org.code}/did.json` }),
    credentialCount: t.int({
      description: 'Credentials it has issued that are not revoked.',
      resolve: (org) => db().credential.count({ where: { issuerId: org.id, revokedAt: null } }),
    }),
  }),
});

type SkkniUnitRow = { code: string; title: string };

const SkkniUnitRef = builder.objectRef<SkkniUnitRow>('SkkniUnit').implement({
  description: 'An SKKNI competency unit as KMG trainings teach and assess it. Public.',
  fields: (t) => ({
    code: t.exposeString('code'),
    title: t.exposeString('title'),
    trainings: t.prismaField({
      type: [TrainingCallRef],
      description: 'Published trainings that teach and assess this unit, newest first.',
      resolve: (query, unit) =>
        db().trainingCall.findMany({
          ...query,
          where: { ...publishedCallsWhere, competencyUnits: { some: { code: unit.code } } },
          orderBy: { startDate: 'desc' },
          take: 20,
        }),
    }),
  }),
});

builder.queryFields((t) => ({
  issuer: t.field({
    type: IssuerRef,
    nullable: true,
    description: 'A credential issuer (a training provider) or the ministry directorate above them.',
    args: { slug: t.arg.string({ required: true, validate: z.string().trim().max(100) }) },
    resolve: async (_root, { slug }): Promise<IssuerRow | null> => {
      const organization = await db().organization.findFirst({
        where: { code: slug.trim(), kind: { in: ['PROVIDER', 'MINISTRY', 'FUNDER'] } },
        include: { parent: { select: { code: true, name: true } } },
      });
      if (!organization || organization.parent || organization.kind !== 'PROVIDER') return organization;
      // Providers sign as themselves under the ministry directorate, as every credential says.
      const parent = await db().organization.findUnique({
        where: { code: parentOrganizationCode() },
        select: { code: true, name: true },
      });
      return { ...organization, parent };
    },
  }),
  skkniUnit: t.field({
    type: SkkniUnitRef,
    nullable: true,
    description: 'An SKKNI unit by its code, as the published trainings that use it name it.',
    args: { code: t.arg.string({ required: true, validate: z.string().trim().max(32) }) },
    resolve: (_root, { code }) => findPublicSkkniUnit(db(), code),
  }),
}));
