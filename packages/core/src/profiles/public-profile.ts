// A teacher's public profile (/guru/<slug>) and which of their credentials it lists. The rule
// for "public or private" is written once, in rules/credentials.ts.
import { randomBytes } from 'node:crypto';
import { db, type Prisma } from '@kmg/db';
import { isProfileSlug, publicProfileSettingsSchema, slugFromName } from '@kmg/domain';
import type { Actor } from '#actor.ts';
import { isUniqueViolation, requireViewer } from '#applications/common.ts';
import { NotAllowedError, NotFoundError, parseInput, ValidationError } from '#errors.ts';
import { credentialRule } from '#rules/credentials.ts';
import { inTransaction } from '#transaction.ts';

type Tx = Prisma.TransactionClient;

export type ProfileSettings = { slug: string; isPublished: boolean };

/** Lists a credential on the holder's public profile, or takes it off. The holder only. */
export async function setCredentialVisibility(
  ctx: Actor,
  { credentialId, isPublic }: { credentialId: string; isPublic: boolean },
): Promise<{ id: string }> {
  requireViewer(ctx);
  return inTransaction(async (tx) => {
    const credential = await tx.credential.findUnique({
      where: { id: credentialId },
      select: { id: true, teacherId: true, application: { select: { call: true } } },
    });
    if (!credential) throw new NotFoundError();
    // Staff who manage the credential still may not choose for its holder.
    if (!(await credentialRule(ctx, 'own').allows(credential))) throw new NotAllowedError('FORBIDDEN');
    await tx.credential.update({ where: { id: credential.id }, data: { isPublic } });
    return { id: credential.id };
  });
}

/** A free slug starting from `base`: itself, then `base-2` … `base-9`, then a random suffix. */
async function freeSlug(client: Tx | ReturnType<typeof db>, base: string, ownerId: string): Promise<string> {
  const candidates = [base, ...Array.from({ length: 8 }, (_, index) => `${base}-${index + 2}`)];
  const taken = await client.publicProfile.findMany({
    where: { slug: { in: candidates }, NOT: { userId: ownerId } },
    select: { slug: true },
  });
  const used = new Set(taken.map((row) => row.slug));
  return candidates.find((slug) => !used.has(slug)) ?? `${base}-${randomBytes(3).toString('hex')}`;
}

async function requireTeacher(client: Tx | ReturnType<typeof db>, userId: string) {
  const user = await client.user.findUnique({
    where: { id: userId },
    select: { name: true, teacherProfile: { select: { userId: true } } },
  });
  if (!user?.teacherProfile) throw new NotAllowedError('NOT_A_TEACHER');
  return user;
}

/**
 * The viewer's profile settings. Before the teacher first saves them: off, with an address made
 * from their name (not reserved until saved).
 */
export async function myProfileSettings(ctx: Actor): Promise<ProfileSettings> {
  const viewer = requireViewer(ctx);
  const profile = await db().publicProfile.findUnique({ where: { userId: viewer.id } });
  if (profile) return { slug: profile.slug, isPublished: profile.isPublished };
  const user = await requireTeacher(db(), viewer.id);
  return { slug: await freeSlug(db(), slugFromName(user.name), viewer.id), isPublished: false };
}

/** Turns the profile on or off and sets its address. Teachers, for themselves only. */
export async function updateProfileSettings(
  ctx: Actor,
  { input }: { input: unknown },
): Promise<ProfileSettings> {
  const viewer = requireViewer(ctx);
  const data = parseInput(publicProfileSettingsSchema, input, ['input']);
  const slugTaken = () => new ValidationError([{ path: ['input', 'slug'], code: 'PROFILE_SLUG_TAKEN' }]);
  try {
    return await inTransaction(async (tx) => {
      const user = await requireTeacher(tx, viewer.id);
      const current = await tx.publicProfile.findUnique({ where: { userId: viewer.id } });
      let slug = data.slug ?? current?.slug ?? null;
      if (slug && slug !== current?.slug) {
        const owner = await tx.publicProfile.findUnique({ where: { slug }, select: { userId: true } });
        if (owner && owner.userId !== viewer.id) throw slugTaken();
      }
      slug ??= await freeSlug(tx, slugFromName(user.name), viewer.id);
      const saved = await tx.publicProfile.upsert({
        where: { userId: viewer.id },
        create: { userId: viewer.id, slug, isPublished: data.isPublished },
        update: { slug, isPublished: data.isPublished },
      });
      return { slug: saved.slug, isPublished: saved.isPublished };
    });
  } catch (error) {
    // Two teachers saving the same address at once: the unique key decides, the second is told.
    if (isUniqueViolation(error)) throw slugTaken();
    throw error;
  }
}

export type PublishedProfile = {
  userId: string;
  slug: string;
  name: string;
  school: { name: string; city: string | null; province: string | null } | null;
};

/**
 * A profile anyone may read: only while its holder publishes it. It names the teacher and their
 * school and nothing else of the account (no NUPTK, no email).
 */
export async function findPublishedProfile(slug: string): Promise<PublishedProfile | null> {
  const normalized = slug.trim().toLowerCase();
  if (!isProfileSlug(normalized)) return null;
  const profile = await db().publicProfile.findUnique({
    where: { slug: normalized },
    select: {
      slug: true,
      isPublished: true,
      user: {
        select: {
          id: true,
          name: true,
          teacherProfile: { select: { school: { select: { name: true, city: true, province: true } } } },
        },
      },
    },
  });
  if (!profile?.isPublished) return null;
  return {
    userId: profile.user.id,
    slug: profile.slug,
    name: profile.user.name,
    school: profile.user.teacherProfile?.school ?? null,
  };
}
