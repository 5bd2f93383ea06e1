import {
  createStaffAccount,
  registerTeacher,
  setLocale,
  updateTeacherProfile,
} from '@kmg/core/accounts/accounts';
import { decodeId } from '@kmg/core/ids';
import { canSeeUser, usersWhere } from '@kmg/core/rules/users';
import { containsText, db } from '@kmg/db';
import { builder } from '#builder.ts';
import { EmploymentStatusEnum, GenderEnum, LocaleEnum, RoleEnum } from '#schema/enums.ts';
import { refetchQuery } from '#schema/ids.ts';
import { OrganizationRef } from '#schema/reference.ts';

export const TeacherProfileRef = builder.prismaObject('TeacherProfile', {
  fields: (t) => ({
    nuptk: t.exposeString('nuptk'),
    school: t.relation('school', { type: OrganizationRef }),
    subject: t.exposeString('subject'),
    employmentStatus: t.expose('employmentStatus', { type: EmploymentStatusEnum }),
    teachingSince: t.expose('teachingSince', { type: 'LocalDate' }),
    birthDate: t.expose('birthDate', { type: 'LocalDate', nullable: true }),
    gender: t.expose('gender', { type: GenderEnum, nullable: true, description: 'Null: not stated.' }),
  }),
});

export const UserRef = builder.prismaNode('User', {
  id: { field: 'id' },
  // Whoever may see the person by the user rules, whichever path reaches them.
  authScopes: (user, ctx) => canSeeUser(ctx, user),
  fields: (t) => ({
    name: t.exposeString('name'),
    email: t.exposeString('email'),
    roles: t.field({ type: [RoleEnum], resolve: (user) => user.roles }),
    locale: t.expose('locale', { type: LocaleEnum }),
    organization: t.relation('organization', { type: OrganizationRef, nullable: true }),
    teacherProfile: t.relation('teacherProfile', { type: TeacherProfileRef, nullable: true }),
  }),
});

/** What the new teacher just registered (they are not signed in yet, so not the viewer). */
const RegistrationRef = builder
  .objectRef<{ email: string; nuptk: string; schoolName: string }>('Registration')
  .implement({
    fields: (t) => ({
      email: t.exposeString('email'),
      nuptk: t.exposeString('nuptk'),
      schoolName: t.exposeString('schoolName'),
    }),
  });

const TeacherRegistrationInput = builder.inputType('TeacherRegistrationInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    nuptk: t.string({ required: true }),
    npsn: t.string({ required: true, description: "The school's NPSN." }),
    email: t.string({ required: true }),
    password: t.string({ required: true }),
    subject: t.string({ required: true, description: 'Subject or skill programme taught.' }),
    employmentStatus: t.field({ type: EmploymentStatusEnum, required: true }),
    teachingSince: t.field({ type: 'LocalDate', required: true }),
    birthDate: t.field({ type: 'LocalDate', required: true }),
    gender: t.field({ type: GenderEnum, required: false, description: 'Optional; null: not stated.' }),
  }),
});

const TeacherProfileInput = builder.inputType('TeacherProfileInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    subject: t.string({ required: true }),
    employmentStatus: t.field({ type: EmploymentStatusEnum, required: true }),
    teachingSince: t.field({ type: 'LocalDate', required: true }),
    birthDate: t.field({ type: 'LocalDate', required: true }),
    gender: t.field({ type: GenderEnum, required: false, description: 'Optional; null: not stated.' }),
  }),
});

const StaffAccountInput = builder.inputType('StaffAccountInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    email: t.string({ required: true }),
    password: t.string({ required: true }),
    roles: t.field({ type: [RoleEnum], required: true }),
    organizationId: t.globalID({ for: [OrganizationRef] }),
  }),
});

const UserFilter = builder.inputType('UserFilter', {
  fields: (t) => ({
    role: t.field({ type: RoleEnum }),
    organizationId: t.globalID({ for: [OrganizationRef] }),
    search: t.string({ description: 'Name, email or NUPTK.' }),
  }),
});

builder.queryFields((t) => ({
  users: t.prismaConnection(
    {
      type: UserRef,
      cursor: 'id',
      description: 'Accounts, for admins: by role, organization or name.',
      authScopes: { admin: true },
      args: { filter: t.arg({ type: UserFilter }) },
      resolve: async (query, _root, { filter }, ctx) =>
        db().user.findMany({
          ...query,
          where: { AND: [usersWhere(ctx), await userWhere(filter)] },
          orderBy: [{ name: 'asc' }, { id: 'asc' }],
        }),
      totalCount: async (_connection, { filter }, ctx) =>
        db().user.count({ where: { AND: [usersWhere(ctx), await userWhere(filter)] } }),
    },
    { name: 'UserConnection' },
    { name: 'UserEdge' },
  ),
  me: t.prismaField({
    type: UserRef,
    nullable: true,
    description: 'The signed-in user, or null.',
    resolve: (query, _root, _args, ctx) =>
      ctx.viewer ? db().user.findUnique({ ...query, where: { id: ctx.viewer.id } }) : null,
  }),
}));

builder.mutationFields((t) => ({
  registerTeacher: t.field({
    type: RegistrationRef,
    description: 'A teacher creates their account; the app then signs in with the NUPTK and password.',
    authScopes: { anonymous: true },
    errors: {},
    args: { input: t.arg({ type: TeacherRegistrationInput, required: true }) },
    resolve: (_root, { input }, ctx) => registerTeacher(ctx, { input }),
  }),
  createStaffAccount: t.prismaField({
    type: UserRef,
    description: 'An admin creates an account for another role.',
    authScopes: { admin: true },
    errors: {},
    args: { input: t.arg({ type: StaffAccountInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const { organizationId, ...rest } = input;
      const { id } = await createStaffAccount(ctx, {
        input: rest,
        organizationId: organizationId
          ? (decodeId(organizationId.id) ?? '00000000-0000-0000-0000-000000000000')
          : null,
      });
      return db().user.findUniqueOrThrow({ ...refetchQuery(query), where: { id } });
    },
  }),
  updateMyProfile: t.prismaField({
    type: UserRef,
    description: 'A teacher corrects their own profile (NUPTK, school and email stay as registered).',
    authScopes: { teacher: true },
    errors: {},
    args: { input: t.arg({ type: TeacherProfileInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const { id } = await updateTeacherProfile(ctx, { input });
      return db().user.findUniqueOrThrow({ ...refetchQuery(query), where: { id } });
    },
  }),
  setMyLocale: t.prismaField({
    type: UserRef,
    description: "Remembers the signed-in user's language.",
    authScopes: { signedIn: true },
    args: { locale: t.arg({ type: LocaleEnum, required: true }) },
    resolve: async (query, _root, { locale }, ctx) => {
      const { id } = await setLocale(ctx, { locale });
      return db().user.findUniqueOrThrow({ ...refetchQuery(query), where: { id } });
    },
  }),
}));

async function userWhere(
  filter:
    | { role?: string | null; organizationId?: { id: string } | null; search?: string | null }
    | null
    | undefined,
) {
  const search = filter?.search?.trim();
  // Role through SQL: PGlite's driver adapter cannot bind Prisma's enum-array `has` filter.
  const withRole = filter?.role
    ? (
        await db().$queryRaw<{ id: string }[]>`SELECT id FROM users WHERE ${filter.role}::"Role" = ANY(roles)`
      ).map((row) => row.id)
    : null;
  return {
    ...(withRole ? { id: { in: withRole } } : {}),
    ...(filter?.organizationId
      ? { organizationId: decodeId(filter.organizationId.id) ?? '00000000-0000-0000-0000-000000000000' }
      : {}),
    ...(search
      ? {
          OR: [
            { name: containsText(search) },
            { email: containsText(search) },
            { username: containsText(search, 'default') },
          ],
        }
      : {}),
  };
}
