// Industry partners a teacher met during a training, kept for their students' internships.
// Private to the teacher: not their principal's, not the provider's or the programme's. The
// records hold a third person's contact details given to the teacher in person, so they go no
// further than the teacher (who can share them as they see fit).
import { db } from '@kmg/db';
import { industryContactSchema } from '@kmg/domain';
import type { Actor } from '#actor.ts';
import { requireViewer } from '#applications/common.ts';
import { NotFoundError, parseInput, ValidationError } from '#errors.ts';
import { inTransaction } from '#transaction.ts';

/** The viewer's contacts, newest first (anyone else's: none). */
export function myIndustryContactsWhere(ctx: Actor) {
  const viewer = requireViewer(ctx);
  return { teacherId: viewer.id };
}

async function parseContact(input: unknown, teacherId: string) {
  const data = parseInput(industryContactSchema, input, ['input']);
  if (data.applicationId) {
    const application = await db().application.findFirst({
      where: { id: data.applicationId, teacherId },
      select: { id: true },
    });
    if (!application) throw new ValidationError([{ path: ['input', 'applicationId'], code: 'NOT_FOUND' }]);
  }
  return data;
}

export async function createIndustryContact(
  ctx: Actor,
  { input }: { input: unknown },
): Promise<{ id: string }> {
  const viewer = requireViewer(ctx);
  const data = await parseContact(input, viewer.id);
  return inTransaction((tx) =>
    tx.industryContact.create({ data: { ...data, teacherId: viewer.id }, select: { id: true } }),
  );
}

export async function updateIndustryContact(
  ctx: Actor,
  { id, input }: { id: string; input: unknown },
): Promise<{ id: string }> {
  const viewer = requireViewer(ctx);
  const data = await parseContact(input, viewer.id);
  return inTransaction(async (tx) => {
    const { count } = await tx.industryContact.updateMany({ where: { id, teacherId: viewer.id }, data });
    // Another teacher's contact is as good as none.
    if (count === 0) throw new NotFoundError();
    return { id };
  });
}

export async function deleteIndustryContact(ctx: Actor, { id }: { id: string }): Promise<{ id: string }> {
  const viewer = requireViewer(ctx);
  return inTransaction(async (tx) => {
    const { count } = await tx.industryContact.deleteMany({ where: { id, teacherId: viewer.id } });
    if (count === 0) throw new NotFoundError();
    return { id };
  });
}
