import { canManageProgramme } from '@kmg/core/rules/calls';
import { db } from '@kmg/db';
import { findProvince, isNpsn, type Province, provinces } from '@kmg/domain';
import { z } from 'zod';
import { builder } from '#builder.ts';

export const ProvinceRef = builder.objectRef<Province>('Province').implement({
  description: 'One of the 38 provinces, keyed by its Kemendagri code.',
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    timeZone: t.exposeString('timeZone', {
      description: 'Asia/Jakarta (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT).',
    }),
  }),
});

export function provinceField(code: string | null): Province | null {
  return code ? (findProvince(code) ?? null) : null;
}

export const OrganizationKindEnum = builder.enumType('OrganizationKind', {
  values: ['FUNDER', 'MINISTRY', 'PROVIDER', 'SCHOOL', 'UNIVERSITY'] as const,
});

export const OrganizationRef = builder.prismaNode('Organization', {
  id: { field: 'id' },
  // Organizations carry addresses, logos and settings; a list of calls needs their names only.
  select: { id: true },
  fields: (t) => ({
    kind: t.expose('kind', { type: OrganizationKindEnum }),
    name: t.exposeString('name'),
    shortName: t.exposeString('shortName', { nullable: true }),
    npsn: t.exposeString('npsn', { nullable: true }),
    province: t.field({
      type: ProvinceRef,
      nullable: true,
      select: { province: true },
      resolve: (org) => provinceField(org.province),
    }),
    city: t.exposeString('city', { nullable: true }),
    parent: t.relation('parent', { nullable: true }),
  }),
});

export const SkillAreaRef = builder.prismaNode('SkillArea', {
  id: { field: 'id' },
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.string({
      description: "In the request's language.",
      resolve: (area, _args, ctx) => (ctx.locale === 'en' ? area.nameEn : area.nameId),
    }),
    nameId: t.exposeString('nameId'),
    nameEn: t.exposeString('nameEn'),
  }),
});

export const ProgrammeRef = builder.prismaNode('Programme', {
  id: { field: 'id' },
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    year: t.exposeInt('year'),
    funder: t.relation('funder'),
    owner: t.relation('owner'),
    isManagedByViewer: t.boolean({
      description: 'Whether the viewer may create and run calls in this programme.',
      resolve: (programme, _args, ctx) => canManageProgramme(ctx, programme),
    }),
  }),
});

builder.queryFields((t) => ({
  provinces: t.field({ type: [ProvinceRef], resolve: () => [...provinces] }),
  skillAreas: t.prismaField({
    type: [SkillAreaRef],
    resolve: (query) => db().skillArea.findMany({ ...query, orderBy: { sortOrder: 'asc' } }),
  }),
  programmes: t.prismaField({
    type: [ProgrammeRef],
    resolve: (query) => db().programme.findMany({ ...query, orderBy: [{ year: 'desc' }, { name: 'asc' }] }),
  }),
  providers: t.prismaField({
    type: [OrganizationRef],
    description: 'Training providers (lembaga penyelenggara).',
    resolve: (query) =>
      db().organization.findMany({ ...query, where: { kind: 'PROVIDER' }, orderBy: { name: 'asc' } }),
  }),
  organizations: t.prismaField({
    type: [OrganizationRef],
    description: 'Organizations of a kind, for the admin console (accounts, calls).',
    authScopes: { $any: { admin: true, programManager: true } },
    args: { kind: t.arg({ type: OrganizationKindEnum }) },
    resolve: (query, _root, { kind }) =>
      db().organization.findMany({
        ...query,
        where: kind ? { kind } : {},
        orderBy: [{ kind: 'asc' }, { name: 'asc' }],
      }),
  }),
  schoolByNpsn: t.prismaField({
    type: OrganizationRef,
    nullable: true,
    description: 'A registered school, for the registration form to confirm the NPSN.',
    args: { npsn: t.arg.string({ required: true, validate: z.string().trim().max(16) }) },
    resolve: (query, _root, { npsn }) => {
      const value = npsn.trim().toUpperCase();
      if (!isNpsn(value)) return null;
      return db().organization.findFirst({ ...query, where: { npsn: value, kind: 'SCHOOL' } });
    },
  }),
}));
