// Regulation profiles: the national one (program managers), a university's overrides and a
// programme's (its staff). Each save is a new version with its citation; nothing is edited in place.
import type { ProfileLayer } from '@kmg/db';
import { regulationProfileInputSchema } from '@kmg/domain';
import type { Actor } from '#actor.ts';
import { recordAudit } from '#audit.ts';
import { NotAllowedError, NotFoundError, parseInput } from '#errors.ts';
import { toDateColumn } from '#rpl/engine-input.ts';
import { canManageNationalRegulation, canManageUniversity } from '#rules/rpl.ts';
import { inTransaction } from '#transaction.ts';

export type ProfileScope =
  | { layer: 'NATIONAL' }
  | { layer: 'UNIVERSITY'; universityId: string }
  | { layer: 'PROGRAMME'; programmeId: string };

/** Saves the next version of a layer's profile. */
export async function saveRegulationProfile(
  ctx: Actor,
  { scope, input }: { scope: ProfileScope; input: unknown },
) {
  const viewer = ctx.viewer;
  if (!viewer) throw new NotAllowedError('UNAUTHENTICATED');
  const data = parseInput(regulationProfileInputSchema, input);
  return inTransaction(async (tx) => {
    let where: { layer: ProfileLayer; universityId?: string | null; programmeId?: string | null };
    let auditSubject: { type: 'STUDY_PROGRAMME' | 'ORGANIZATION'; id: string } | null = null;
    switch (scope.layer) {
      case 'NATIONAL':
        if (!canManageNationalRegulation(ctx)) throw new NotAllowedError('FORBIDDEN');
        where = { layer: 'NATIONAL', universityId: null, programmeId: null };
        break;
      case 'UNIVERSITY': {
        const org = await tx.organization.findUnique({
          where: { id: scope.universityId },
          select: { kind: true },
        });
        if (org?.kind !== 'UNIVERSITY') throw new NotFoundError();
        if (!canManageUniversity(ctx, scope.universityId)) throw new NotAllowedError('FORBIDDEN');
        where = { layer: 'UNIVERSITY', universityId: scope.universityId, programmeId: null };
        auditSubject = { type: 'ORGANIZATION', id: scope.universityId };
        break;
      }
      case 'PROGRAMME': {
        const programme = await tx.studyProgramme.findUnique({
          where: { id: scope.programmeId },
          select: { universityId: true },
        });
        if (!programme) throw new NotFoundError();
        if (!canManageUniversity(ctx, programme.universityId)) throw new NotAllowedError('FORBIDDEN');
        where = { layer: 'PROGRAMME', universityId: null, programmeId: scope.programmeId };
        auditSubject = { type: 'STUDY_PROGRAMME', id: scope.programmeId };
        break;
      }
    }
    // Versions of one scope are numbered under a lock on the scope (two saves never share a number).
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`regulation:${where.layer}:${where.universityId ?? ''}:${where.programmeId ?? ''}`}))`;
    const last = await tx.regulationProfile.findFirst({
      where,
      orderBy: { version: 'desc' },
      select: { version: true },
    });
    const profile = await tx.regulationProfile.create({
      data: {
        ...where,
        version: (last?.version ?? 0) + 1,
        citation: data.citation,
        effectiveFrom: toDateColumn(data.effectiveFrom),
        effectiveTo: data.effectiveTo ? toDateColumn(data.effectiveTo) : null,
        limits: data.limits,
        createdById: viewer.id,
      },
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: 'REGULATION_PROFILE_SAVED',
      subject: auditSubject,
      details: { profileId: profile.id, layer: where.layer, version: profile.version },
    });
    return profile;
  });
}
