import { Injectable, Logger } from '@nestjs/common';
import { AppConfig, JobPayloads, JobQueue, maskEmail, maskPhone, PersonalDataCipher } from '@weiquan/core';
import { EmailGateway } from './gateways/email.gateway';
import { SmsGateway } from './gateways/sms.gateway';
import { NotificationMetrics } from './notification.metrics';
import { emailSubject } from './notification.templates';
import { NOTIFICATION_MAX_ATTEMPTS, NotificationsRepository, NotificationToSend } from './notifications.repository';
import { renderSms, SECRET_MASK, smsVariables } from './sms/sms-templates';

/** An unsent notification older than this is re-enqueued (its job may have been lost with Redis). */
const NOTIFICATION_RECONCILE_AFTER_SECONDS = 60;
const RECONCILE_LIMIT = 5_000;

export type SendOutcome = 'sent' | 'not-sent' | 'skipped';

/** Recipients never reach a log or the database in clear: addresses and phone numbers in an error are masked. */
export function safeError(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message
    .replace(/[^\s<>"'(),;:]+@[^\s<>"'(),;:]+/g, (m) => maskEmail(m))
    .replace(/(?<!\d)1\d{10}(?!\d)/g, (m) => maskPhone(m))
    .slice(0, 1_000);
}

/**
 * Sends notifications, exactly once each: the row is locked (FOR UPDATE SKIP LOCKED) while it is
 * sent, and marked sent, with its public history event, in the same transaction. A row already sent
 * is skipped; a row being sent by another worker is skipped (that worker owns it). A send that
 * throws records the attempt and the error, then throws so the queue retries.
 *
 * A crash after the gateway accepted a message but before the commit would send it again on retry:
 * no gateway offers a transaction to join, so this is the one at-least-once edge.
 */
@Injectable()
export class NotificationSender {
  private readonly logger = new Logger(NotificationSender.name);

  constructor(
    private readonly repo: NotificationsRepository,
    private readonly cipher: PersonalDataCipher,
    private readonly sms: SmsGateway,
    private readonly email: EmailGateway,
    private readonly jobs: JobQueue,
    private readonly config: AppConfig,
    private readonly metrics: NotificationMetrics,
  ) {}

  async send(notificationId: string): Promise<SendOutcome> {
    const result = await this.repo.transaction(async (sql) => {
      const row = await this.repo.lockUnsent(sql, notificationId);
      if (!row) return { outcome: 'skipped' as const };
      let said: string | undefined;
      try {
        said = await this.deliver(row);
      } catch (err) {
        const error = safeError(err);
        await this.repo.recordFailure(sql, row.id, error);
        return { outcome: 'failed' as const, error, channel: row.channel };
      }
      // Settled either way; a message no provider carried is recorded as not sent, never as sent.
      const delivered = row.channel !== 'sms' || this.sms.delivers;
      await this.repo.markSent(sql, row.id, delivered, delivered ? said : undefined);
      return { outcome: delivered ? ('sent' as const) : ('not-sent' as const), channel: row.channel };
    });
    if (result.outcome !== 'skipped') this.metrics.settled(result.channel, result.outcome);
    if (result.outcome === 'failed') throw new Error(`notification ${notificationId} not sent: ${result.error}`);
    return result.outcome;
  }

  /** Sends it; answers what the consumer's timeline records it said (an SMS: the template filled in, access code masked). */
  private async deliver(n: NotificationToSend): Promise<string | undefined> {
    if (n.unitCode !== null) {
      // Thrown like a refused send: retried, and left unsent with the reason if the address stays gone.
      if (!n.unitEmail) throw new Error(`unit ${n.unitCode} has no alert email`);
      await this.email.send(n.unitEmail, n.subject, n.text);
      return undefined;
    }
    if (!n.recipientEnc) throw new Error(`the case has no ${n.channel === 'sms' ? 'phone number' : 'email address'}`);
    // Decrypted only here, only to send; never logged or stored.
    const recipient = this.cipher.decrypt(Buffer.from(n.recipientEnc));
    if (n.channel === 'email') {
      await this.email.send(recipient, emailSubject(n.kind), n.text);
      return undefined;
    }
    const context = { track: n.track, trackingNo: n.trackingNo, params: n.params };
    const secret = n.secretEnc ? this.cipher.decrypt(Buffer.from(n.secretEnc)) : undefined;
    await this.sms.send({ phone: recipient, kind: n.kind, text: n.text, variables: smsVariables(n.kind, { ...context, secret }) });
    return renderSms(n.kind, smsVariables(n.kind, { ...context, secret: SECRET_MASK }), this.config.sms.signName);
  }

  /** Re-enqueues what PostgreSQL says is still unsent: a flushed Redis loses no notification. */
  async reconcile(): Promise<number> {
    const due = await this.repo.unsent(NOTIFICATION_RECONCILE_AFTER_SECONDS, NOTIFICATION_MAX_ATTEMPTS, RECONCILE_LIMIT);
    if (!due.length) return 0;
    await this.jobs.enqueueMany(
      due.map((r) => {
        // Never tried: the relay's job id (held once if that job still exists). Tried and failed:
        // a new id per attempt count, so a job that failed for good does not block a later retry.
        const payload: JobPayloads['notifications.send'] =
          r.attempts > 0 ? { notificationId: r.id, retry: r.attempts } : { notificationId: r.id };
        return { name: 'notifications.send' as const, payload };
      }),
    );
    this.logger.log({ notifications: due.length }, 'unsent notifications re-enqueued');
    return due.length;
  }
}
