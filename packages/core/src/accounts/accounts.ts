import { db, type Locale, type Prisma } from '@kmg/db';
import { staffAccountSchema, teacherProfileSchema, teacherRegistrationSchema } from '@kmg/domain';
import { hashPassword } from 'better-auth/crypto';
import type { Actor } from '#actor.ts';
import { isUniqueViolation } from '#applications/common.ts';
import { storedDate } from '#dates.ts';
import { NotAllowedError, parseInput, ValidationError } from '#errors.ts';
import { canManageAccounts } from '#rules/users.ts';

/** better-auth's credential account: the password hash lives on `accounts`, keyed by the user id. */
function credentialAccount(userId: string, passwordHash: string): Prisma.AccountUncheckedCreateInput {
  return { userId, accountId: userId, providerId: 'credential', password: passwordHash };
}

function takenFieldErrors(
  error: unknown,
  fields: Record<string, { path: string[]; code: 'NUPTK_TAKEN' | 'EMAIL_TAKEN' }>,
) {
  if (!isUniqueViolation(error)) return null;
  const target = JSON.stringify((error as { meta?: unknown }).meta ?? '');
  const issues = Object.entries(fields)
    .filter(([column]) => target.includes(column))
    .map(([, issue]) => issue);
  return new ValidationError(issues.length > 0 ? issues : Object.values(fields));
}

/** A teacher signs up with NUPTK, school NPSN, email and password; all of it in one transaction. */
export async function registerTeacher(
  ctx: Actor,
  { input }: { input: unknown },
): Promise<{ id: string; email: string; nuptk: string; schoolName: string }> {
  const data = parseInput(teacherRegistrationSchema, input, ['input']);
  const passwordHash = await hashPassword(data.password);
  try {
    return await db().$transaction(async (tx) => {
      const [school, nuptkOwner, emailOwner] = await Promise.all([
        tx.organization.findFirst({
          where: { npsn: data.npsn, kind: 'SCHOOL' },
          select: { id: true, name: true },
        }),
        tx.user.findFirst({
          where: { OR: [{ username: data.nuptk }, { teacherProfile: { nuptk: data.nuptk } }] },
          select: { id: true },
        }),
        tx.user.findUnique({ where: { email: data.email }, select: { id: true } }),
      ]);
      const issues = [
        !school && { path: ['input', 'npsn'], code: 'UNKNOWN_SCHOOL' as const },
        nuptkOwner && { path: ['input', 'nuptk'], code: 'NUPTK_TAKEN' as const },
        emailOwner && { path: ['input', 'email'], code: 'EMAIL_TAKEN' as const },
      ].filter((issue) => !!issue);
      if (issues.length > 0 || !school) throw new ValidationError(issues);
      const user = await tx.user.create({
        data: {
          name: data.name,
          email: data.email,
          username: data.nuptk,
          displayUsername: data.nuptk,
          roles: ['TEACHER'],
          locale: ctx.locale,
          organizationId: school.id,
          teacherProfile: {
            create: {
              nuptk: data.nuptk,
              schoolId: school.id,
              subject: data.subject,
              employmentStatus: data.employmentStatus,
              teachingSince: storedDate(data.teachingSince),
              birthDate: storedDate(data.birthDate),
              gender: data.gender ?? null,
            },
          },
        },
        select: { id: true },
      });
      await tx.account.create({ data: credentialAccount(user.id, passwordHash) });
      return { id: user.id, email: data.email, nuptk: data.nuptk, schoolName: school.name };
    });
  } catch (error) {
    throw (
      takenFieldErrors(error, {
        username: { path: ['input', 'nuptk'], code: 'NUPTK_TAKEN' },
        nuptk: { path: ['input', 'nuptk'], code: 'NUPTK_TAKEN' },
        email: { path: ['input', 'email'], code: 'EMAIL_TAKEN' },
      }) ?? error
    );
  }
}

/** An admin creates an account for a manager, provider staff, principal, reviewer or admin. */
export async function createStaffAccount(
  ctx: Actor,
  { input, organizationId }: { input: unknown; organizationId: string | null },
): Promise<{ id: string }> {
  if (!canManageAccounts(ctx)) throw new NotAllowedError('FORBIDDEN');
  const data = parseInput(staffAccountSchema, input, ['input']);
  const passwordHash = await hashPassword(data.password);
  try {
    return await db().$transaction(async (tx) => {
      const organization = organizationId
        ? await tx.organization.findUnique({ where: { id: organizationId }, select: { id: true } })
        : null;
      const needsOrganization = data.roles.some((role) => role !== 'ADMIN');
      if (needsOrganization && !organization) {
        throw new ValidationError([
          { path: ['input', 'organizationId'], code: organizationId ? 'UNKNOWN_ORGANIZATION' : 'REQUIRED' },
        ]);
      }
      if (await tx.user.findUnique({ where: { email: data.email }, select: { id: true } })) {
        throw new ValidationError([{ path: ['input', 'email'], code: 'EMAIL_TAKEN' }]);
      }
      const user = await tx.user.create({
        data: {
          name: data.name,
          email: data.email,
          emailVerified: true,
          roles: data.roles,
          organizationId: organization?.id ?? null,
        },
        select: { id: true },
      });
      await tx.account.create({ data: credentialAccount(user.id, passwordHash) });
      return user;
    });
  } catch (error) {
    throw takenFieldErrors(error, { email: { path: ['input', 'email'], code: 'EMAIL_TAKEN' } }) ?? error;
  }
}

export async function setLocale(ctx: Actor, { locale }: { locale: Locale }): Promise<{ id: string }> {
  if (!ctx.viewer) throw new NotAllowedError('UNAUTHENTICATED');
  return db().user.update({ where: { id: ctx.viewer.id }, data: { locale }, select: { id: true } });
}

/** A teacher corrects their own profile; NUPTK, school and email stay as registered. */
export async function updateTeacherProfile(
  ctx: Actor,
  { input }: { input: unknown },
): Promise<{ id: string }> {
  if (!ctx.viewer) throw new NotAllowedError('UNAUTHENTICATED');
  const data = parseInput(teacherProfileSchema, input, ['input']);
  const userId = ctx.viewer.id;
  return db().$transaction(async (tx) => {
    const profile = await tx.teacherProfile.findUnique({ where: { userId }, select: { userId: true } });
    if (!profile) throw new NotAllowedError('NOT_A_TEACHER');
    await tx.user.update({ where: { id: userId }, data: { name: data.name } });
    await tx.teacherProfile.update({
      where: { userId },
      data: {
        subject: data.subject,
        employmentStatus: data.employmentStatus,
        teachingSince: storedDate(data.teachingSince),
        birthDate: storedDate(data.birthDate),
        gender: data.gender ?? null,
      },
    });
    return { id: userId };
  });
}
