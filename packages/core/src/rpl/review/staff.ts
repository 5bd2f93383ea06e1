// A university's RPL people and settings, kept by its university admin (platform admins may too):
// who holds which role for which programmes, and how decrees are numbered, headed and signed, the
// appeal window and the step deadlines.
import { db, type RplStaffRole } from '@kmg/db';
import { type CaseStep, checkDecreeNumberPattern, isLocalDate, rplCaseRoles, textSchema } from '@kmg/domain';
import { z } from 'zod';
import { type Actor, hasRole } from '#actor.ts';
import { requireViewer } from '#applications/common.ts';
import { recordAudit } from '#audit.ts';
import { NotAllowedError, NotFoundError, parseInput, ValidationError } from '#errors.ts';
import { decodeId } from '#ids.ts';
import { loadUniversitySettings } from '#rpl/review/decrees.ts';
import { inTransaction } from '#transaction.ts';

/** Whether the viewer keeps this university's RPL people and settings. */
export async function canAdministerUniversity(ctx: Actor, universityId: string): Promise<boolean> {
  const viewer = ctx.viewer;
  if (!viewer) return false;
  if (hasRole(viewer, 'ADMIN')) return true;
  if (!hasRole(viewer, 'RPL_REVIEWER') || viewer.organizationId !== universityId) return false;
  return (
    (await db().rplStaffMember.count({
      where: { userId: viewer.id, universityId, role: 'UNIVERSITY_ADMIN' },
    })) > 0
  );
}

/** Whether the id names a university (anything else, or no id at all, is not found). */
export async function isUniversity(universityId: string | null | undefined): Promise<boolean> {
  if (!universityId || !decodeId(universityId)) return false;
  const organization = await db().organization.findUnique({
    where: { id: universityId },
    select: { kind: true },
  });
  return organization?.kind === 'UNIVERSITY';
}

export async function requireUniversityAdmin(ctx: Actor, universityId: string) {
  requireViewer(ctx);
  if (!(await isUniversity(universityId))) throw new NotFoundError();
  if (!(await canAdministerUniversity(ctx, universityId))) {
    const viewer = ctx.viewer;
    if (viewer && hasRole(viewer, 'RPL_REVIEWER') && viewer.organizationId === universityId)
      throw new NotAllowedError('FORBIDDEN');
    throw new NotFoundError();
  }
}

const staffInputSchema = z.object({
  userId: z.string().uuid(),
  roles: z
    .array(
      z.object({
        role: z.enum(rplCaseRoles),
        programmeIds: z.array(z.string().uuid()).max(100).default([]),
      }),
    )
    .max(rplCaseRoles.length),
  affiliation: textSchema
    .trim()
    .max(200)
    .nullish()
    .transform((v) => v || null),
  employeeNumber: textSchema
    .trim()
    .max(40)
    .nullish()
    .transform((v) => v || null),
});

/**
 * Sets every RPL role of one person at the university (replacing what they held). The person must
 * be the university's RPL staff. A university keeps at least one university admin.
 */
export async function setRplStaffRoles(
  ctx: Actor,
  { universityId, input }: { universityId: string; input: unknown },
) {
  const viewer = requireViewer(ctx);
  await requireUniversityAdmin(ctx, universityId);
  const data = parseInput(staffInputSchema, input, ['input']);
  const roles = new Set(data.roles.map((r) => r.role));
  if (roles.size !== data.roles.length)
    throw new ValidationError([{ path: ['input', 'roles'], code: 'RPL_DECISION_DUPLICATE' }]);
  return inTransaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`rpl-staff:${universityId}`}))`;
    const person = await tx.user.findUnique({
      where: { id: data.userId },
      select: { id: true, roles: true, organizationId: true },
    });
    if (!person || person.organizationId !== universityId || !person.roles.includes('RPL_REVIEWER'))
      throw new ValidationError([{ path: ['input', 'userId'], code: 'RPL_NOT_UNIVERSITY_STAFF' }]);
    const programmes = await tx.studyProgramme.findMany({ where: { universityId }, select: { id: true } });
    data.roles.forEach((role, index) => {
      role.programmeIds.forEach((id, p) => {
        if (!programmes.some((programme) => programme.id === id))
          throw new ValidationError([
            { path: ['input', 'roles', String(index), 'programmeIds', String(p)], code: 'NOT_FOUND' },
          ]);
      });
    });
    await tx.rplStaffMember.deleteMany({ where: { userId: data.userId, universityId } });
    await tx.rplStaffMember.createMany({
      data: data.roles.map((role) => ({
        userId: data.userId,
        universityId,
        role: role.role as RplStaffRole,
        programmeIds: role.programmeIds,
        affiliation: data.affiliation,
        employeeNumber: data.employeeNumber,
      })),
    });
    const admins = await tx.rplStaffMember.count({ where: { universityId, role: 'UNIVERSITY_ADMIN' } });
    if (admins === 0)
      throw new ValidationError([{ path: ['input', 'roles'], code: 'RPL_LAST_UNIVERSITY_ADMIN' }]);
    await recordAudit(tx, {
      actorId: viewer.id,
      action: 'RPL_STAFF_ROLES_SET',
      subject: { type: 'ORGANIZATION', id: universityId },
      occurredAt: ctx.now,
      details: { userId: data.userId, roles: data.roles },
    });
    return { userId: data.userId };
  });
}

/** The university's RPL staff (every RPL reviewer account of it) with their roles. */
export async function listRplStaff(ctx: Actor, universityId: string) {
  requireViewer(ctx);
  const viewer = ctx.viewer;
  if (!(await isUniversity(universityId))) throw new NotFoundError();
  const own = viewer && hasRole(viewer, 'RPL_REVIEWER') && viewer.organizationId === universityId;
  if (!own && !(viewer && hasRole(viewer, 'ADMIN'))) throw new NotFoundError();
  const users = await db().$queryRaw<{ id: string; name: string; email: string }[]>`
    SELECT id, name, email FROM users
    WHERE organization_id = ${universityId}::uuid AND 'RPL_REVIEWER'::"Role" = ANY(roles) ORDER BY name`;
  const members = await db().rplStaffMember.findMany({ where: { universityId } });
  return users.map((user) => {
    const mine = members.filter((m) => m.userId === user.id);
    return {
      ...user,
      affiliation: mine[0]?.affiliation ?? null,
      employeeNumber: mine[0]?.employeeNumber ?? null,
      roles: mine.map((m) => ({ role: m.role, programmeIds: m.programmeIds })),
    };
  });
}

const optionalText = (max: number) =>
  textSchema
    .trim()
    .max(max)
    .nullish()
    .transform((v) => v || null);

const stepTargets = z
  .object({
    administrativeCheck: z.number().int().min(1).max(90),
    assessment: z.number().int().min(1).max(90),
    committee: z.number().int().min(1).max(90),
    validation: z.number().int().min(1).max(90),
    decree: z.number().int().min(1).max(90),
    appealDecision: z.number().int().min(1).max(90),
    wholeCase: z.number().int().min(1).max(180),
  } satisfies Record<CaseStep, z.ZodType>)
  .partial();

const settingsSchema = z.object({
  decreeNumberPattern: textSchema.trim().min(1).max(120),
  decreeScope: z.enum(['CASE', 'INTAKE']),
  authority: z.enum(['RECTOR', 'DEAN']),
  facultyId: optionalText(200),
  facultyEn: optionalText(200),
  letterhead: z.object({
    ministryId: optionalText(200),
    ministryEn: optionalText(200),
    unitId: optionalText(200),
    unitEn: optionalText(200),
    address: z.array(textSchema.trim().min(1).max(200)).max(4).default([]),
    contacts: z.array(textSchema.trim().min(1).max(120)).max(4).default([]),
  }),
  signatories: z
    .array(
      z.object({
        name: textSchema.trim().min(1).max(200),
        positionId: textSchema.trim().min(1).max(200),
        positionEn: optionalText(200),
        employeeNumber: optionalText(40),
        employeeNumberLabel: optionalText(10),
      }),
    )
    .min(1)
    .max(4),
  place: textSchema.trim().min(1).max(100),
  appealDays: z.number().int().min(0).max(365),
  deadlineTargets: stepTargets.default({}),
  workingDays: z.boolean(),
  holidays: z.array(z.string().refine(isLocalDate)).max(60).default([]),
  autoAssign: z.boolean(),
});

/** Saves the university's RPL settings (the numbering pattern checked as the domain reads it). */
export async function saveRplUniversitySettings(
  ctx: Actor,
  { universityId, input }: { universityId: string; input: unknown },
) {
  const viewer = requireViewer(ctx);
  await requireUniversityAdmin(ctx, universityId);
  const data = parseInput(settingsSchema, input, ['input']);
  const issues = checkDecreeNumberPattern(data.decreeNumberPattern).map((issue) => ({
    ...issue,
    path: ['input', 'decreeNumberPattern', ...issue.path],
  }));
  if (data.authority === 'DEAN' && !data.facultyId)
    issues.push({ path: ['input', 'facultyId'], code: 'REQUIRED' });
  if (issues.length > 0) throw new ValidationError(issues);
  return inTransaction(async (tx) => {
    await loadUniversitySettings(tx, universityId);
    const saved = await tx.rplUniversitySettings.update({ where: { universityId }, data });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: 'RPL_SETTINGS_SAVED',
      subject: { type: 'ORGANIZATION', id: universityId },
      occurredAt: ctx.now,
    });
    return saved;
  });
}

/** Stores the logo's storage key (the file route checked and stored the image). */
export async function setRplUniversityLogo(
  ctx: Actor,
  {
    universityId,
    storageKey,
    mimeType,
  }: { universityId: string; storageKey: string | null; mimeType: string | null },
) {
  const viewer = requireViewer(ctx);
  await requireUniversityAdmin(ctx, universityId);
  return inTransaction(async (tx) => {
    const before = await loadUniversitySettings(tx, universityId);
    await tx.rplUniversitySettings.update({
      where: { universityId },
      data: { logoStorageKey: storageKey, logoMimeType: mimeType },
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: 'RPL_LOGO_SET',
      subject: { type: 'ORGANIZATION', id: universityId },
      occurredAt: ctx.now,
    });
    return { previousKey: before.logoStorageKey };
  });
}
