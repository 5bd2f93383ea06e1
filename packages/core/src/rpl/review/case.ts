// The RPL case as the university works it: who holds which role (the university's staff, and the
// roles each person held on this case), and one move of the case machine, recorded in the audit
// trail (the case's append-only history), in the caller's transaction.
import type { Prisma, RplStaffRole } from '@kmg/db';
import {
  type CaseActionPlan,
  defaultForbiddenRolePairs,
  type PlanCaseActionInput,
  planCaseAction,
  type RolePair,
  type RplCaseAction,
  type RplCaseActorRole,
  type RplCaseStatus,
  rplCaseActionRoles,
} from '@kmg/domain';
import { type Actor, hasRole } from '#actor.ts';
import { recordAudit } from '#audit.ts';
import { InvalidStateError, NotAllowedError, NotFoundError } from '#errors.ts';
import type { SubmittedProposal } from '#rpl/equivalence.ts';

export type Tx = Prisma.TransactionClient;
type Client = Tx | { rplStaffMember: Tx['rplStaffMember'] };

export const caseSelect = {
  id: true,
  status: true,
  teacherId: true,
  intakeId: true,
  programmeId: true,
  proposal: true,
  proposedSks: true,
  submittedAt: true,
  decidedAt: true,
  decreeId: true,
  recognisedSks: true,
  recognitionCredentialId: true,
  updatedAt: true,
  programme: { select: { universityId: true, code: true, nameId: true, nameEn: true } },
  participants: { select: { userId: true, role: true } },
} satisfies Prisma.RplApplicationSelect;

/**
 * A case's reference as people write it: `RPL-` and the last eight hex digits of its id (the
 * random part of a UUIDv7; its first digits are the creation time, the same for a batch).
 */
export function caseReference(applicationId: string): string {
  return `RPL-${applicationId.replaceAll('-', '').slice(-8).toUpperCase()}`;
}

export type CaseRow = Prisma.RplApplicationGetPayload<{ select: typeof caseSelect }>;

/** The case, locked for this transaction; not found unless it was submitted. */
export async function lockCase(tx: Tx, applicationId: string): Promise<CaseRow> {
  await tx.$executeRaw`SELECT id FROM rpl_applications WHERE id = ${applicationId}::uuid FOR UPDATE`;
  const row = await tx.rplApplication.findUnique({ where: { id: applicationId }, select: caseSelect });
  if (!row || row.submittedAt === null) throw new NotFoundError();
  return row;
}

/** The proposal snapshot stored at the last submission. */
export function proposalOf(row: { proposal: Prisma.JsonValue }): SubmittedProposal {
  if (!row.proposal) throw new InvalidStateError('STATUS_CHANGED');
  return row.proposal as unknown as SubmittedProposal;
}

/** The RPL roles a person holds at a university, each for its programmes (empty: all of them). */
export async function staffRolesOf(
  client: Client,
  userId: string,
  universityId: string,
): Promise<{ role: RplStaffRole; programmeIds: string[] }[]> {
  return client.rplStaffMember.findMany({
    where: { userId, universityId },
    select: { role: true, programmeIds: true },
  });
}

export function coversProgramme(member: { programmeIds: string[] }, programmeId: string): boolean {
  return member.programmeIds.length === 0 || member.programmeIds.includes(programmeId);
}

/** The viewer's staff roles for this case's programme (none for anyone outside the university). */
export async function viewerStaffRoles(client: Client, ctx: Actor, row: CaseRow): Promise<RplStaffRole[]> {
  const viewer = ctx.viewer;
  if (!viewer || !hasRole(viewer, 'RPL_REVIEWER') || viewer.organizationId !== row.programme.universityId)
    return [];
  const roles = await staffRolesOf(client, viewer.id, row.programme.universityId);
  return roles.filter((member) => coversProgramme(member, row.programmeId)).map((member) => member.role);
}

/** Roles the person has held on this case (assigned, or acted in). */
export function heldRoles(row: CaseRow, userId: string): RplStaffRole[] {
  return row.participants.filter((p) => p.userId === userId).map((p) => p.role);
}

/**
 * The regulation's four-eyes pairs for this case: the profile in force at submission may replace
 * the defaults (see `RegulationLimits.forbiddenRolePairs`).
 */
export function forbiddenPairsOf(row: CaseRow): readonly RolePair[] {
  const regulation = (row.proposal as unknown as SubmittedProposal | null)?.input.regulation as
    | { forbiddenRolePairs?: { value: readonly RolePair[] } }
    | undefined;
  return regulation?.forbiddenRolePairs?.value ?? defaultForbiddenRolePairs;
}

export type CaseActor = {
  /** The role the viewer acts in (the first of the action's roles they hold), or TEACHER. */
  actingRole: RplCaseActorRole;
  /** The acting role and every role the viewer held on the case before. */
  roles: RplCaseActorRole[];
};

/**
 * Who the viewer is on this case for `action`: the applicant, or a staff member acting in one of
 * the roles the action allows. Anyone else gets NOT_FOUND (they do not see the case) or the
 * machine's refusal naming the roles that may act.
 */
export async function caseActorFor(
  tx: Tx,
  ctx: Actor,
  row: CaseRow,
  action: RplCaseAction,
): Promise<CaseActor> {
  const viewer = ctx.viewer;
  if (!viewer) throw new NotAllowedError('UNAUTHENTICATED');
  const held = heldRoles(row, viewer.id) as RplCaseActorRole[];
  if (row.teacherId === viewer.id) return { actingRole: 'TEACHER', roles: ['TEACHER', ...held] };
  const staff = await viewerStaffRoles(tx, ctx, row);
  if (staff.length === 0 && !hasRole(viewer, 'ADMIN') && viewer.organizationId !== row.programme.universityId)
    throw new NotFoundError();
  const allowed = rplCaseActionRoles[action];
  const acting = staff.find((role) => allowed.includes(role)) ?? staff[0];
  // Without a fitting role the plan refuses with RPL_CASE_WRONG_ROLE, naming who may act.
  if (!acting) return { actingRole: 'SYSTEM', roles: [] };
  return { actingRole: acting, roles: [...new Set<RplCaseActorRole>([acting, ...held])] };
}

/** Plans `action` for the viewer and throws the plan's refusal. */
export async function planForViewer(
  tx: Tx,
  ctx: Actor,
  row: CaseRow,
  action: RplCaseAction,
  extra: Omit<PlanCaseActionInput, 'status' | 'action' | 'actorRoles' | 'forbiddenPairs'> = {},
): Promise<{ actor: CaseActor; plan: Extract<CaseActionPlan, { kind: 'allowed' }> }> {
  const actor = await caseActorFor(tx, ctx, row, action);
  const plan = planCaseAction({
    status: row.status as RplCaseStatus,
    action,
    actorRoles: actor.roles,
    forbiddenPairs: forbiddenPairsOf(row),
    ...extra,
  });
  if (plan.kind === 'refused') throw new InvalidStateError(plan.code, plan.params);
  return { actor, plan };
}

const auditAction = (action: RplCaseAction) =>
  `RPL_CASE_${action.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;

/**
 * Moves the case to `to` and appends the move to its history. `actorId` null: the platform moved
 * it. The acting role is recorded as a participant so later four-eyes checks see it.
 */
export async function moveCase(
  tx: Tx,
  {
    row,
    action,
    to,
    actorId,
    actingRole,
    at,
    data = {},
    reason = null,
    details,
  }: {
    row: CaseRow;
    action: RplCaseAction;
    to: RplCaseStatus;
    actorId: string | null;
    actingRole: RplCaseActorRole | null;
    /** The request's clock: deadlines are counted from it. */
    at: Date;
    data?: Prisma.RplApplicationUncheckedUpdateInput;
    reason?: string | null;
    details?: Prisma.InputJsonValue;
  },
) {
  const updated = await tx.rplApplication.update({ where: { id: row.id }, data: { ...data, status: to } });
  if (actorId && actingRole && actingRole !== 'TEACHER' && actingRole !== 'SYSTEM')
    await recordParticipant(tx, row.id, actorId, actingRole);
  await recordAudit(tx, {
    actorId,
    action: auditAction(action),
    subject: { type: 'RPL_APPLICATION', id: row.id },
    fromStatus: row.status,
    toStatus: to,
    reason,
    occurredAt: at,
    details: { role: actingRole ?? 'SYSTEM', ...((details as object | undefined) ?? {}) },
  });
  return updated;
}

export async function recordParticipant(tx: Tx, applicationId: string, userId: string, role: RplStaffRole) {
  await tx.rplCaseParticipant.upsert({
    where: { applicationId_role_userId: { applicationId, role, userId } },
    create: { applicationId, role, userId },
    update: {},
  });
}

/** The people of a university holding `role` for a programme. */
export async function staffWithRole(
  tx: Tx,
  universityId: string,
  programmeId: string,
  role: RplStaffRole,
): Promise<string[]> {
  const rows = await tx.rplStaffMember.findMany({
    where: { universityId, role },
    select: { userId: true, programmeIds: true },
  });
  return rows.filter((row) => coversProgramme(row, programmeId)).map((row) => row.userId);
}

/** The case's status changes, oldest first (for deadlines and time per step). */
export async function statusHistory(
  client: Pick<Tx, 'auditEvent'>,
  applicationIds: readonly string[],
): Promise<Map<string, { status: RplCaseStatus; at: Date }[]>> {
  const rows = await client.auditEvent.findMany({
    where: {
      subjectType: 'RPL_APPLICATION',
      subjectId: { in: [...applicationIds] },
      toStatus: { not: null },
    },
    select: { subjectId: true, toStatus: true, occurredAt: true },
    orderBy: { id: 'asc' },
  });
  const byCase = new Map<string, { status: RplCaseStatus; at: Date }[]>();
  for (const row of rows) {
    if (!row.subjectId || !row.toStatus) continue;
    const list = byCase.get(row.subjectId) ?? [];
    list.push({ status: row.toStatus as RplCaseStatus, at: row.occurredAt });
    byCase.set(row.subjectId, list);
  }
  return byCase;
}
