// Where teachers send their students for work and apprenticeships, per skill area (data, edited by
// program managers and admins; nothing is fetched from the platforms).
import { db } from '@kmg/db';
import { jobLinksSchema } from '@kmg/domain';
import type { Actor } from '#actor.ts';
import { hasRole } from '#actor.ts';
import { requireViewer } from '#applications/common.ts';
import { recordAudit } from '#audit.ts';
import { NotAllowedError, NotFoundError, parseInput } from '#errors.ts';
import { inTransaction } from '#transaction.ts';

/** Replaces a skill area's job links (in the order given). Program managers and admins. */
export async function setSkillAreaJobLinks(
  ctx: Actor,
  { skillAreaId, links }: { skillAreaId: string; links: unknown },
): Promise<{ id: string }> {
  const viewer = requireViewer(ctx);
  if (!hasRole(viewer, 'ADMIN') && !hasRole(viewer, 'PROGRAM_MANAGER'))
    throw new NotAllowedError('FORBIDDEN');
  const data = parseInput(jobLinksSchema, links, ['links']);
  return inTransaction(async (tx) => {
    const area = await tx.skillArea.findUnique({ where: { id: skillAreaId }, select: { id: true } });
    if (!area) throw new NotFoundError();
    await tx.skillAreaJobLink.deleteMany({ where: { skillAreaId } });
    await tx.skillAreaJobLink.createMany({
      data: data.map((link, index) => ({ ...link, skillAreaId, sortOrder: index })),
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: 'skill_area.job_links_changed',
      details: { skillAreaId, links: data.map((link) => link.url) },
      occurredAt: ctx.now,
    });
    return { id: skillAreaId };
  });
}

export function findSkillAreaJobLinks(skillAreaId: string) {
  return db().skillAreaJobLink.findMany({ where: { skillAreaId }, orderBy: { sortOrder: 'asc' } });
}
