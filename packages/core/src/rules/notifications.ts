/** A notice is read, listed and marked read by the person it was sent to, and by no one else. */
import type { Prisma } from '@kmg/db';
import type { Actor } from '#actor.ts';

type Where = Prisma.NotificationWhereInput;

/** The actor's own notices, as a `where` for lists. */
export function notificationsWhere(actor: Actor): Where {
  return actor.viewer ? { userId: actor.viewer.id } : { id: { in: [] } };
}

export function canSeeNotification(actor: Actor, notification: { userId: string }): boolean {
  return !!actor.viewer && notification.userId === actor.viewer.id;
}
