import { enqueueInTransaction, type PrismaClient, queueNames } from '@kmg/db';
import { formatMessage, type Locale } from '@kmg/domain';

/** How long a reset link works; better-auth expires the token, the email says so. */
export const RESET_LINK_MINUTES = 60;

/**
 * Reset emails one account receives per window, whoever asks and from however many addresses: the
 * per-address rate limit alone would let a botnet fill someone's inbox. Further requests are
 * answered as usual and send nothing (a new token is still stored and expires unused).
 */
const EMAILS_PER_ACCOUNT = 3;
const ACCOUNT_WINDOW_MINUTES = 10;

const resetEmail = {
  id: {
    subject: '[KMG] Atur ulang kata sandi',
    text: [
      'Halo {name},',
      'Ada permintaan untuk mengatur ulang kata sandi akun KMG Anda. Buka tautan ini dalam {minutes} menit untuk membuat kata sandi baru:',
      '{url}',
      'Dengan kata sandi baru Anda dapat langsung masuk, juga bila akun sedang dikunci karena terlalu banyak percobaan masuk.',
      'Bila Anda tidak memintanya, abaikan email ini: kata sandi Anda tidak berubah.',
      '— Kredensial Mikro Guru SMK',
    ],
  },
  en: {
    subject: '[KMG] Reset your password',
    text: [
      'Hello {name},',
      'Someone asked to reset the password of your KMG account. Open this link within {minutes} minutes to choose a new password:',
      '{url}',
      'With the new password you can sign in at once, even while the account is locked after too many failed sign-ins.',
      'If you did not ask for this, ignore this email: your password has not changed.',
      '— Vocational Teacher Micro-credentials (KMG)',
    ],
  },
} as const satisfies Record<Locale, { subject: string; text: readonly string[] }>;

/** The learner app's reset page, which posts the token with the new password. */
export function resetPasswordLink(publicUrl: string, token: string): string {
  return `${publicUrl}/reset-password?token=${encodeURIComponent(token)}`;
}

/**
 * Writes the reset email to the outbox, in `locale` (chosen on the page) or else the account's own
 * language, and queues its delivery in
 * the same transaction: the job exists exactly when the message does, and the queue retries a
 * failed delivery. better-auth has stored the token (outside this transaction) when it calls us.
 */
export async function queuePasswordResetEmail(
  prisma: PrismaClient,
  {
    userId,
    token,
    publicUrl,
    locale,
  }: { userId: string; token: string; publicUrl: string; locale?: Locale | null },
): Promise<void> {
  const identifier = `reset-password:${token}`;
  await prisma.$transaction(async (tx) => {
    const [user, stored] = await Promise.all([
      tx.user.findUnique({ where: { id: userId }, select: { email: true, name: true, locale: true } }),
      tx.verification.findFirst({ where: { identifier }, select: { createdAt: true } }),
    ]);
    if (!user || !stored) return;
    // Counted up to this token, not up to now, so emails sent in parallel decide alike.
    const requests = await tx.verification.count({
      where: {
        value: userId,
        identifier: { startsWith: 'reset-password:' },
        createdAt: {
          gt: new Date(stored.createdAt.getTime() - ACCOUNT_WINDOW_MINUTES * 60_000),
          lte: stored.createdAt,
        },
      },
    });
    if (requests > EMAILS_PER_ACCOUNT) return;
    const language = locale ?? user.locale;
    const template = resetEmail[language];
    const email = await tx.emailMessage.create({
      data: {
        toAddress: user.email,
        subject: template.subject,
        text: formatMessage(template.text.join('\n\n'), language, {
          name: user.name,
          minutes: RESET_LINK_MINUTES,
          url: resetPasswordLink(publicUrl, token),
        }),
      },
      select: { id: true },
    });
    await enqueueInTransaction(tx, queueNames.email, { emailId: email.id }, { singletonKey: email.id });
  });
}
