import { enqueueInTransaction, type Prisma, queueNames } from '@kmg/db';
import { type MessageParams, type NoticeKind, renderNotice } from '@kmg/domain';
import { type Subject, subjectColumns } from '#subject.ts';

export type Notice = {
  userId: string;
  kind: NoticeKind;
  params: MessageParams;
  /** What the notice is about; its application, else its call, when not given. */
  subject?: Subject | null;
  callId?: string | null;
  applicationId?: string | null;
};

/**
 * Tells people what changed: an in-app notice for each, and an email through the transactional
 * outbox (written in this transaction, delivered by the job queue once it commits), in each
 * recipient's own language.
 */
export async function notify(tx: Prisma.TransactionClient, notices: Notice[]): Promise<void> {
  if (notices.length === 0) return;
  const users = await tx.user.findMany({
    where: { id: { in: [...new Set(notices.map((notice) => notice.userId))] } },
    select: { id: true, email: true, locale: true },
  });
  const byId = new Map(users.map((user) => [user.id, user]));
  await tx.notification.createMany({
    data: notices.map((notice) => ({
      userId: notice.userId,
      kind: notice.kind,
      params: notice.params as Prisma.InputJsonValue,
      callId: notice.callId ?? null,
      applicationId: notice.applicationId ?? null,
      ...subjectColumns(notice),
    })),
  });
  for (const notice of notices) {
    const user = byId.get(notice.userId);
    if (!user) continue;
    const text = renderNotice(notice.kind, user.locale, notice.params);
    const email = await tx.emailMessage.create({
      data: {
        toAddress: user.email,
        subject: `[KMG] ${text.title}`,
        text: `${text.body}\n\n— Kredensial Mikro Guru SMK`,
      },
      select: { id: true },
    });
    await enqueueInTransaction(tx, queueNames.email, { emailId: email.id }, { singletonKey: email.id });
  }
}
