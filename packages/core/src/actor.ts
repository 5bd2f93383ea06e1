import { db, type Role } from '@kmg/db';
import type { Locale } from '@kmg/domain';
import DataLoader from 'dataloader';

/** The signed-in person, as every resolver and service sees them. */
export type Viewer = {
  id: string;
  name: string;
  email: string;
  roles: Role[];
  organizationId: string | null;
  locale: Locale;
};

export type Actor = {
  viewer: Viewer | null;
  /** The language of this request's messages: the Accept-Language the app sends. */
  locale: Locale;
  /** The instant the request started; every rule in one request sees the same time. */
  now: Date;
  /** Programmes this viewer manages as a program manager (loaded once per request, on demand). */
  managedProgrammeIds(): Promise<ReadonlySet<string>>;
  /** Calls this viewer is assigned to review (loaded once per request, on demand). */
  reviewedCallIds(): Promise<ReadonlySet<string>>;
  /** Which programme and provider a call belongs to, batched per request for authorization. */
  callOwnership: DataLoader<string, CallOwnership | null>;
  /**
   * Computes a value once per request: for results that hold for a whole call (every
   * participant's completion) and would otherwise be recomputed per row.
   */
  once<T>(key: string, load: () => Promise<T>): Promise<T>;
};

export type CallOwnership = { programmeId: string; providerId: string };

function createCallOwnershipLoader() {
  return new DataLoader<string, CallOwnership | null>(async (ids) => {
    const rows = await db().trainingCall.findMany({
      where: { id: { in: [...ids] } },
      select: { id: true, programmeId: true, providerId: true },
    });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** Whether a person (the viewer, or a user row) holds a role. */
export function hasRole(user: { roles: readonly Role[] } | null | undefined, role: Role): boolean {
  return user?.roles.includes(role) ?? false;
}

export function createActor({
  viewer,
  locale,
  now = new Date(),
}: {
  viewer: Viewer | null;
  locale: Locale;
  now?: Date;
}): Actor {
  let managed: Promise<ReadonlySet<string>> | undefined;
  let reviewed: Promise<ReadonlySet<string>> | undefined;
  const computed = new Map<string, Promise<unknown>>();
  return {
    viewer,
    locale,
    now,
    managedProgrammeIds() {
      managed ??= loadManagedProgrammeIds(viewer);
      return managed;
    },
    reviewedCallIds() {
      reviewed ??= loadReviewedCallIds(viewer);
      return reviewed;
    },
    callOwnership: createCallOwnershipLoader(),
    once<T>(key: string, load: () => Promise<T>): Promise<T> {
      let value = computed.get(key) as Promise<T> | undefined;
      if (!value) {
        value = load();
        computed.set(key, value);
      }
      return value;
    },
  };
}

/** A program manager manages the programmes their organization funds or runs. */
async function loadManagedProgrammeIds(viewer: Viewer | null): Promise<ReadonlySet<string>> {
  if (!viewer?.organizationId || !hasRole(viewer, 'PROGRAM_MANAGER')) return new Set();
  const orgId = viewer.organizationId;
  const rows = await db().programme.findMany({
    where: { OR: [{ funderId: orgId }, { ownerId: orgId }] },
    select: { id: true },
  });
  return new Set(rows.map((row) => row.id));
}

async function loadReviewedCallIds(viewer: Viewer | null): Promise<ReadonlySet<string>> {
  if (!viewer || !hasRole(viewer, 'SELECTION_REVIEWER')) return new Set();
  const rows = await db().callReviewer.findMany({ where: { userId: viewer.id }, select: { callId: true } });
  return new Set(rows.map((row) => row.callId));
}

/** Loads the viewer for a user id (after the session is resolved), or null if the user is gone. */
export async function loadViewer(userId: string): Promise<Viewer | null> {
  const user = await db().user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, email: true, roles: true, organizationId: true, locale: true },
  });
  return user;
}
