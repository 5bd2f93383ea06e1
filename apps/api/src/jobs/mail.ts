import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { db } from '@kmg/db';
import nodemailer, { type Transporter } from 'nodemailer';

export type MailConfig =
  /** A real SMTP server: smtp://user:pass@host:587 (or smtps://). */
  | { kind: 'smtp'; url: string; from: string }
  /** Development and tests: each message is written as an .eml file to a folder. */
  | { kind: 'folder'; dir: string; from: string };

export function createMailer(config: MailConfig) {
  const transport: Transporter =
    config.kind === 'smtp'
      ? nodemailer.createTransport(config.url)
      : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return async (message: { id: string; to: string; subject: string; text: string }) => {
    const info = await transport.sendMail({
      from: config.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
    });
    if (config.kind === 'folder') {
      await mkdir(config.dir, { recursive: true });
      await writeFile(join(config.dir, `${message.id}.eml`), (info as { message: Buffer }).message);
    }
  };
}

export const EMAIL_ATTEMPTS = 6;

/**
 * Delivers one outbox message. Idempotent (a sent message is not sent again); a failure is
 * recorded and rethrown so the queue retries with backoff, and marked failed after the last try.
 */
export async function deliverEmail(send: ReturnType<typeof createMailer>, emailId: string): Promise<void> {
  const email = await db().emailMessage.findUnique({ where: { id: emailId } });
  if (!email || email.status === 'SENT') return;
  try {
    await send({ id: email.id, to: email.toAddress, subject: email.subject, text: email.text });
    await db().emailMessage.update({
      where: { id: emailId },
      data: { status: 'SENT', sentAt: new Date(), attempts: { increment: 1 } },
    });
  } catch (error) {
    const attempts = email.attempts + 1;
    await db().emailMessage.update({
      where: { id: emailId },
      data: {
        attempts,
        lastError: String(error).slice(0, 1000),
        status: attempts >= EMAIL_ATTEMPTS ? 'FAILED' : 'PENDING',
      },
    });
    throw error;
  }
}
