import { enqueueInTransaction, type Prisma, queueNames } from '@kmg/db';
import { type Locale, type MessageParams, type NoticeKind, renderNotice } from '@kmg/domain';
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

/** Whom a notice reaches, as the users table says at the time it is written. */
export type Recipient = { id: string; email: string; locale: Locale };

/**
 * Tells people what changed: an in-app notice for each, and an email through the transactional
 * outbox (written in this transaction, delivered by the job queue once it commits), in each
 * recipient's own language.
 */
export async function notify(tx: Prisma.TransactionClient, notices: Notice[]): Promise<void> {
  if (notices.length === 0) return;
  const recipients = await tx.user.findMany({
    where: { id: { in: [...new Set(notices.map((notice) => notice.userId))] } },
    select: { id: true, email: true, locale: true },
  });
  await tx.notification.createMany({ data: notices.map(notificationRow) });
  for (const email of emailRows(notices, recipients)) {
    const { id } = await tx.emailMessage.create({ data: email, select: { id: true } });
    await enqueueInTransaction(tx, queueNames.email, { emailId: id }, { singletonKey: id });
  }
}

/** The in-app notice row of a notice. */
export function notificationRow(notice: Notice) {
  return {
    userId: notice.userId,
    kind: notice.kind,
    params: notice.params as Prisma.InputJsonValue,
    callId: notice.callId ?? null,
    applicationId: notice.applicationId ?? null,
    ...subjectColumns(notice),
  };
}

/** The outbox emails of notices, each in its recipient's language (none for a user who is gone). */
export function emailRows(notices: Notice[], recipients: Recipient[]) {
  const byId = new Map(recipients.map((recipient) => [recipient.id, recipient]));
  return notices.flatMap((notice) => {
    const recipient = byId.get(notice.userId);
    if (!recipient) return [];
    const text = renderNotice(notice.kind, recipient.locale, notice.params);
    return [
      {
        toAddress: recipient.email,
        subject: `[KMG] ${text.title}`,
        text: `${text.body}\n\n— Kredensial Mikro Guru SMK`,
      },
    ];
  });
}
