// A university's catalogue: study programmes, their RPL intakes and curricula (imported from a
// file after a preview). Staff change only their own university's; everyone reads it.
import {
  type CurriculumCourse,
  isLocalDate,
  rplIntakeInputSchema,
  studyProgrammeInputSchema,
} from '@kmg/domain';
import type { Actor } from '#actor.ts';
import { requireViewer } from '#applications/common.ts';
import { recordAudit } from '#audit.ts';
import type { Client } from '#credentials/config.ts';
import { AppError, NotAllowedError, NotFoundError, parseInput, ValidationError } from '#errors.ts';
import { toDateColumn } from '#rpl/engine-input.ts';
import { canManageUniversity, staffUniversityId } from '#rules/rpl.ts';
import { inTransaction } from '#transaction.ts';

/** The programme, if the actor may manage it (else a refusal that does not say whether it exists). */
export async function requireManagedProgramme(client: Client, ctx: Actor, programmeId: string) {
  requireViewer(ctx);
  const programme = await client.studyProgramme.findUnique({
    where: { id: programmeId },
    select: { id: true, universityId: true, totalSks: true },
  });
  if (!programme) throw new NotFoundError();
  if (!canManageUniversity(ctx, programme.universityId)) throw new NotAllowedError('FORBIDDEN');
  return programme;
}

function programmeData(input: ReturnType<typeof studyProgrammeInputSchema.parse>) {
  return {
    ...input,
    accreditationExpiresOn: input.accreditationExpiresOn ? toDateColumn(input.accreditationExpiresOn) : null,
  };
}

/** A new programme of the staff member's university (admins name the university). */
export async function createStudyProgramme(
  ctx: Actor,
  { universityId, input }: { universityId?: string | null; input: unknown },
) {
  const viewer = requireViewer(ctx);
  const university = universityId ?? staffUniversityId(ctx);
  if (!university || !canManageUniversity(ctx, university)) throw new NotAllowedError('FORBIDDEN');
  const data = parseInput(studyProgrammeInputSchema, input);
  return inTransaction(async (tx) => {
    const org = await tx.organization.findUnique({ where: { id: university }, select: { kind: true } });
    if (org?.kind !== 'UNIVERSITY') throw new NotFoundError();
    const taken = await tx.studyProgramme.findUnique({
      where: { universityId_code: { universityId: university, code: data.code } },
      select: { id: true },
    });
    if (taken) throw new ValidationError([{ path: ['code'], code: 'CODE_TAKEN', params: {} }]);
    const programme = await tx.studyProgramme.create({
      data: { ...programmeData(data), universityId: university },
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: 'STUDY_PROGRAMME_CREATED',
      subject: { type: 'STUDY_PROGRAMME', id: programme.id },
    });
    return programme;
  });
}

export async function updateStudyProgramme(
  ctx: Actor,
  { programmeId, input }: { programmeId: string; input: unknown },
) {
  const viewer = requireViewer(ctx);
  const data = parseInput(studyProgrammeInputSchema, input);
  return inTransaction(async (tx) => {
    const programme = await requireManagedProgramme(tx, ctx, programmeId);
    const taken = await tx.studyProgramme.findFirst({
      where: { universityId: programme.universityId, code: data.code, id: { not: programmeId } },
      select: { id: true },
    });
    if (taken) throw new ValidationError([{ path: ['code'], code: 'CODE_TAKEN', params: {} }]);
    const updated = await tx.studyProgramme.update({ where: { id: programmeId }, data: programmeData(data) });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: 'STUDY_PROGRAMME_UPDATED',
      subject: { type: 'STUDY_PROGRAMME', id: programmeId },
    });
    return updated;
  });
}

export async function createRplIntake(
  ctx: Actor,
  { programmeId, input }: { programmeId: string; input: unknown },
) {
  const viewer = requireViewer(ctx);
  const data = parseInput(rplIntakeInputSchema, input);
  return inTransaction(async (tx) => {
    await requireManagedProgramme(tx, ctx, programmeId);
    const taken = await tx.rplIntake.findUnique({
      where: { programmeId_code: { programmeId, code: data.code } },
      select: { id: true },
    });
    if (taken) throw new ValidationError([{ path: ['code'], code: 'CODE_TAKEN', params: {} }]);
    const intake = await tx.rplIntake.create({
      data: {
        ...data,
        programmeId,
        cutoffDate: toDateColumn(data.cutoffDate),
        startsOn: toDateColumn(data.startsOn),
      },
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: 'RPL_INTAKE_CREATED',
      subject: { type: 'STUDY_PROGRAMME', id: programmeId },
      details: { intakeId: intake.id },
    });
    return intake;
  });
}

/** Writes a curriculum version with its courses, CPMK and CPL codes, in one transaction. */
export async function saveCurriculum(
  ctx: Actor,
  {
    programmeId,
    version,
    effectiveFrom,
    sourceFileName,
    courses,
  }: {
    programmeId: string;
    version: string;
    effectiveFrom: string;
    sourceFileName: string | null;
    courses: CurriculumCourse[];
  },
) {
  const viewer = requireViewer(ctx);
  const trimmed = version.trim();
  if (!/^[A-Za-z0-9][A-Za-z0-9._ -]{0,39}$/.test(trimmed))
    throw new ValidationError([{ path: ['version'], code: 'INVALID_FORMAT', params: {} }]);
  if (!isLocalDate(effectiveFrom))
    throw new ValidationError([{ path: ['effectiveFrom'], code: 'INVALID_DATE', params: {} }]);
  return inTransaction(
    async (tx) => {
      await requireManagedProgramme(tx, ctx, programmeId);
      const taken = await tx.curriculum.findUnique({
        where: { programmeId_version: { programmeId, version: trimmed } },
        select: { id: true },
      });
      if (taken) throw new AppError('CURRICULUM_VERSION_EXISTS', { version: trimmed });
      const curriculum = await tx.curriculum.create({
        data: {
          programmeId,
          version: trimmed,
          effectiveFrom: toDateColumn(effectiveFrom),
          sourceFileName,
          importedById: viewer.id,
        },
      });
      const cplCodes = [...new Set(courses.flatMap((course) => course.outcomes.flatMap((o) => o.cplCodes)))];
      if (cplCodes.length > 0)
        await tx.graduateOutcome.createMany({
          data: cplCodes.map((code) => ({ curriculumId: curriculum.id, code })),
        });
      for (const [position, course] of courses.entries()) {
        await tx.course.create({
          data: {
            curriculumId: curriculum.id,
            code: course.code,
            nameId: course.nameId,
            nameEn: course.nameEn ?? course.nameId,
            sks: course.sks,
            semester: course.semester,
            kind: course.kind,
            position,
            outcomes: {
              createMany: {
                data: course.outcomes.map((outcome, index) => ({
                  code: outcome.code,
                  textId: outcome.textId,
                  textEn: outcome.textEn,
                  weight: outcome.weight,
                  cplCodes: outcome.cplCodes,
                  position: index,
                })),
              },
            },
          },
        });
      }
      await recordAudit(tx, {
        actorId: viewer.id,
        action: 'CURRICULUM_IMPORTED',
        subject: { type: 'STUDY_PROGRAMME', id: programmeId },
        details: { curriculumId: curriculum.id, version: trimmed, courses: courses.length, sourceFileName },
      });
      return curriculum;
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}
