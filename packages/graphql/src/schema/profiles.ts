import { credentialConfig } from '@kmg/core/credentials/config';
import { requireId } from '@kmg/core/ids';
import {
  findPublishedProfile,
  myProfileSettings,
  type ProfileSettings,
  type PublishedProfile,
  setCredentialVisibility,
  updateProfileSettings,
} from '@kmg/core/profiles/public-profile';
import { profileCredentialsWhere } from '@kmg/core/rules/credentials';
import { db } from '@kmg/db';
import { findProvince } from '@kmg/domain';
import { builder } from '#builder.ts';
import { CredentialRef } from '#schema/credentials.ts';
import { refetchQuery } from '#schema/ids.ts';

const profileUrl = (slug: string) => `${credentialConfig().publicUrl}/guru/${slug}`;

builder.prismaObjectFields(CredentialRef, (t) => ({
  isPublic: t.boolean({
    nullable: true,
    description:
      "Listed on the holder's public profile; for the holder only (null for anyone else). Private credentials still verify by their id.",
    select: { isPublic: true, teacherId: true },
    resolve: (c, _args, ctx) => (ctx.viewer?.id === c.teacherId ? c.isPublic : null),
  }),
}));

const PublicProfileSchoolRef = builder
  .objectRef<{ name: string; city: string | null; province: string | null }>('PublicProfileSchool')
  .implement({
    fields: (t) => ({
      name: t.exposeString('name'),
      city: t.exposeString('city', { nullable: true }),
      provinceName: t.string({
        nullable: true,
        resolve: (school) => (school.province ? (findProvince(school.province)?.name ?? null) : null),
      }),
    }),
  });

export const PublicProfileRef = builder.objectRef<PublishedProfile>('PublicProfile').implement({
  description:
    "A teacher's public profile page, published by the teacher: their name, school and the credentials they left public. Nothing else of the account (no NUPTK, no email).",
  fields: (t) => ({
    slug: t.exposeString('slug'),
    url: t.string({ resolve: (profile) => profileUrl(profile.slug) }),
    name: t.exposeString('name'),
    school: t.field({ type: PublicProfileSchoolRef, nullable: true, resolve: (profile) => profile.school }),
    credentials: t.prismaField({
      type: [CredentialRef],
      description: 'Training credentials the teacher left public (not revoked or suspended), newest first.',
      resolve: (query, profile) =>
        db().credential.findMany({
          ...query,
          where: { AND: [profileCredentialsWhere(profile.userId), { kind: 'TRAINING' }] },
          orderBy: [{ validFrom: 'desc' }, { revision: 'desc' }],
        }),
    }),
    pathways: t.prismaField({
      type: [CredentialRef],
      description: 'Pathway credentials (completed pathways) the teacher left public, newest first.',
      resolve: (query, profile) =>
        db().credential.findMany({
          ...query,
          where: { AND: [profileCredentialsWhere(profile.userId), { kind: 'PATHWAY' }] },
          orderBy: { validFrom: 'desc' },
        }),
    }),
  }),
});

const PublicProfileSettingsRef = builder.objectRef<ProfileSettings>('PublicProfileSettings').implement({
  description: "The signed-in teacher's public profile settings (off until they turn it on).",
  fields: (t) => ({
    slug: t.exposeString('slug'),
    isPublished: t.exposeBoolean('isPublished'),
    url: t.string({ resolve: (settings) => profileUrl(settings.slug) }),
  }),
});

const PublicProfileSettingsInput = builder.inputType('PublicProfileSettingsInput', {
  fields: (t) => ({
    isPublished: t.boolean({ required: true }),
    slug: t.string({ description: 'The address after /guru/; omitted keeps the current one.' }),
  }),
});

builder.queryFields((t) => ({
  publicProfile: t.field({
    type: PublicProfileRef,
    nullable: true,
    description: 'A published profile by its address; null when there is none or it is not published.',
    args: { slug: t.arg.string({ required: true }) },
    resolve: (_root, { slug }) => findPublishedProfile(slug),
  }),
  myPublicProfile: t.field({
    type: PublicProfileSettingsRef,
    authScopes: { teacher: true },
    resolve: (_root, _args, ctx) => myProfileSettings(ctx),
  }),
}));

builder.mutationFields((t) => ({
  updateMyPublicProfile: t.field({
    type: PublicProfileSettingsRef,
    description: 'Turns the public profile on or off and sets its address.',
    authScopes: { teacher: true },
    errors: {},
    args: { input: t.arg({ type: PublicProfileSettingsInput, required: true }) },
    resolve: (_root, { input }, ctx) => updateProfileSettings(ctx, { input }),
  }),
  setCredentialVisibility: t.prismaField({
    type: CredentialRef,
    description:
      "Lists a credential on the holder's public profile, or not. The holder only; it still verifies either way.",
    authScopes: { teacher: true },
    errors: {},
    args: {
      id: t.arg.globalID({ for: [CredentialRef], required: true }),
      isPublic: t.arg.boolean({ required: true }),
    },
    resolve: async (query, _root, { id, isPublic }, ctx) => {
      const credentialId = requireId(id.id, ['id']);
      await setCredentialVisibility(ctx, { credentialId, isPublic });
      return db().credential.findUniqueOrThrow({ ...refetchQuery(query), where: { id: credentialId } });
    },
  }),
}));
