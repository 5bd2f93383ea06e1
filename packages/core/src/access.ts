// Row visibility as Prisma `where` fragments (Keystone's "rules"): every list and lookup of these
// records goes through one of them, so no path can show a row its viewer may not see.
import type { Prisma } from '@kmg/db';
import type { CallOwnership } from '#actor.ts';
import { type Actor, hasRole, type Viewer } from '#actor.ts';

/** Published calls (anything past draft) are public. */
export const publishedCallsWhere: Prisma.TrainingCallWhereInput = { status: { not: 'DRAFT' } };

const nothing: Prisma.TrainingCallWhereInput = { id: { in: [] } };
/**
 * Every call, spelled out: an empty `{}` inside `OR` matches nothing in Prisma, so an admin's
 * "all calls" given as `{}` silently hid every draft.
 */
const everything: Prisma.TrainingCallWhereInput = { NOT: nothing };

/** Calls the viewer runs: their programmes' (managers), their organization's (provider staff), all (admin). */
export async function managedCallsWhere(ctx: Actor): Promise<Prisma.TrainingCallWhereInput> {
  const viewer = ctx.viewer;
  if (hasRole(viewer, 'ADMIN')) return everything;
  const or: Prisma.TrainingCallWhereInput[] = [];
  const programmeIds = await ctx.managedProgrammeIds();
  if (programmeIds.size > 0) or.push({ programmeId: { in: [...programmeIds] } });
  if (hasRole(viewer, 'PROVIDER_STAFF') && viewer?.organizationId)
    or.push({ providerId: viewer.organizationId });
  return or.length > 0 ? { OR: or } : nothing;
}

/** What the viewer may see: published calls plus the drafts they run. */
export async function visibleCallsWhere(ctx: Actor): Promise<Prisma.TrainingCallWhereInput> {
  if (!ctx.viewer) return publishedCallsWhere;
  const managed = await managedCallsWhere(ctx);
  if (managed === everything) return everything;
  return managed === nothing ? publishedCallsWhere : { OR: [publishedCallsWhere, managed] };
}

/**
 * Applications the viewer may see: their own, those to calls they run, their school's (principals)
 * and the endorsed ones of calls they review.
 */
export async function visibleApplicationsWhere(ctx: Actor): Promise<Prisma.ApplicationWhereInput> {
  const viewer = ctx.viewer;
  if (!viewer) return { id: { in: [] } };
  const or: Prisma.ApplicationWhereInput[] = [
    { teacherId: viewer.id },
    { call: await managedCallsWhere(ctx) },
  ];
  if (hasRole(viewer, 'PRINCIPAL') && viewer.organizationId) or.push({ schoolId: viewer.organizationId });
  const reviewed = await ctx.reviewedCallIds();
  if (reviewed.size > 0)
    or.push({
      callId: { in: [...reviewed] },
      status: { notIn: ['SUBMITTED', 'NOT_ENDORSED', 'ENDORSEMENT_EXPIRED'] },
    });
  return { OR: or };
}

/** Program managers of the programme and admins edit and move a call; provider staff only deliver it. */
export async function canRunCall(ctx: Actor, call: CallOwnership): Promise<boolean> {
  if (hasRole(ctx.viewer, 'ADMIN')) return true;
  return (await ctx.managedProgrammeIds()).has(call.programmeId);
}

/** Roles that handle other people's applications and so see their names and profiles. */
export function isStaff(viewer: Viewer | null): boolean {
  return ['ADMIN', 'PROGRAM_MANAGER', 'PROVIDER_STAFF', 'SELECTION_REVIEWER'].some((role) =>
    viewer?.roles.includes(role as never),
  );
}
