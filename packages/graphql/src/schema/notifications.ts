import { decodeId } from '@kmg/core/ids';
import { applicationsWhere } from '@kmg/core/rules/applications';
import { canSeeNotification, notificationsWhere } from '@kmg/core/rules/notifications';
import { rplApplicationsWhere } from '@kmg/core/rules/rpl';
import { db } from '@kmg/db';
import { type MessageParams, type NoticeKind, notices, renderNotice } from '@kmg/domain';
import { builder } from '#builder.ts';

const NotificationRef = builder.prismaNode('Notification', {
  id: { field: 'id' },
  authScopes: (notification, ctx) => canSeeNotification(ctx, notification),
  fields: (t) => ({
    kind: t.exposeString('kind'),
    title: t.string({ resolve: (n, _args, ctx) => text(n.kind, n.params, ctx.locale).title }),
    body: t.string({ resolve: (n, _args, ctx) => text(n.kind, n.params, ctx.locale).body }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    readAt: t.expose('readAt', { type: 'DateTime', nullable: true }),
    application: t.prismaField({
      type: 'Application',
      nullable: true,
      description: 'The application it is about, while the reader may still see it.',
      resolve: async (query, n, _args, ctx) =>
        n.applicationId
          ? db().application.findFirst({
              ...query,
              where: { AND: [{ id: n.applicationId }, await applicationsWhere(ctx, 'see')] },
            })
          : null,
    }),
    rplApplication: t.prismaField({
      type: 'RplApplication',
      nullable: true,
      description: 'The RPL application it is about, while the reader may still see it.',
      resolve: async (query, n, _args, ctx) =>
        n.subjectType === 'RPL_APPLICATION' && n.subjectId
          ? db().rplApplication.findFirst({
              ...query,
              where: {
                id: n.subjectId,
                AND: [await rplApplicationsWhere(ctx, 'see')],
              },
            })
          : null,
    }),
  }),
});

function text(kind: string, params: unknown, locale: 'id' | 'en') {
  if (!(kind in notices)) return { title: kind, body: '' };
  return renderNotice(kind as NoticeKind, locale, (params ?? {}) as MessageParams);
}

builder.queryFields((t) => ({
  notifications: t.prismaConnection(
    {
      type: NotificationRef,
      cursor: 'id',
      description: "The signed-in user's notices, newest first.",
      authScopes: { signedIn: true },
      resolve: (query, _root, _args, ctx) =>
        db().notification.findMany({
          ...query,
          where: notificationsWhere(ctx),
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        }),
    },
    { name: 'NotificationConnection' },
    { name: 'NotificationEdge' },
  ),
  unreadNotificationCount: t.int({
    authScopes: { signedIn: true },
    resolve: (_root, _args, ctx) =>
      db().notification.count({ where: { AND: [notificationsWhere(ctx), { readAt: null }] } }),
  }),
}));

builder.mutationFields((t) => ({
  markNotificationsRead: t.int({
    description:
      "Marks the signed-in user's notices read (all of them when no ids are given); returns how many changed.",
    authScopes: { signedIn: true },
    args: { ids: t.arg.globalIDList({ for: [NotificationRef] }) },
    resolve: async (_root, { ids }, ctx) => {
      const where = {
        AND: [
          notificationsWhere(ctx),
          { readAt: null },
          ...(ids ? [{ id: { in: ids.flatMap((id) => decodeId(id.id) ?? []) } }] : []),
        ],
      };
      return (await db().notification.updateMany({ where, data: { readAt: ctx.now } })).count;
    },
  }),
}));
