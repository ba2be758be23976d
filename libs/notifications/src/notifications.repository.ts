import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { pgTransaction } from '@weiquan/core';
import type { Sql } from '@weiquan/core';
import { DataSource } from 'typeorm';
import type { CaseTrack, NotificationKind, NotificationParams } from './notification.templates';

/** A consumer's notification about a case. */
interface CaseNotificationToSend {
  id: string;
  caseId: string;
  unitCode: null;
  kind: NotificationKind;
  channel: 'sms' | 'email';
  text: string;
  /** What the text was composed from: an SMS template's variables are made from them. */
  params: NotificationParams;
  track: CaseTrack;
  trackingNo: string;
  /** The access code of a filing receipt, encrypted; erased once the notification is settled. */
  secretEnc: Buffer | null;
  /** The case's encrypted recipient for this channel (null if it has none). */
  recipientEnc: Buffer | null;
}

/** A unit's email (the clock sweep's digest), sent to the unit's alert email as it stands when sent. */
interface UnitNotificationToSend {
  id: string;
  caseId: null;
  unitCode: string;
  kind: string;
  channel: 'email';
  text: string;
  subject: string;
  /** The unit's alert email in the directory (null if it has none any more). */
  unitEmail: string | null;
}

export type NotificationToSend = CaseNotificationToSend | UnitNotificationToSend;

/** After this many attempts in all a notification is left unsent, with its last error, for an operator. */
export const NOTIFICATION_MAX_ATTEMPTS = 25;

export interface UnsentNotification {
  id: string;
  attempts: number;
}

/** Every query of sending notifications (the writer's one statement lives with the writer). */
@Injectable()
export class NotificationsRepository {
  private readonly sql: Sql;

  constructor(@InjectDataSource() private readonly db: DataSource) {
    this.sql = db;
  }

  transaction<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
    return pgTransaction(this.db, work);
  }

  /**
   * The notification if it is still unsent, locked until this transaction ends. A row another
   * worker is sending right now is skipped (SKIP LOCKED): that worker sends it, or records why not.
   */
  async lockUnsent(sql: Sql, id: string): Promise<NotificationToSend | null> {
    const [row] = await sql.query<NotificationToSend>(
      `select n.id::text as id, n.case_id::text as "caseId", n.unit_code as "unitCode", n.kind, n.channel, n.text, n.params,
              n.subject, n.secret_enc as "secretEnc", c.track, c.tracking_no as "trackingNo",
              case n.channel when 'sms' then c.consumer_phone_enc else c.consumer_email_enc end as "recipientEnc",
              coalesce((select alert_email from station where code = n.unit_code),
                       (select alert_email from regulator where code = n.unit_code)) as "unitEmail"
         from notification n left join cases c on c.id = n.case_id
        where n.id = $1 and n.sent_at is null
          for update of n skip locked`,
      [id],
    );
    return row ?? null;
  }

  /**
   * Settles a notification, in the transaction that holds the row: sent, or (`delivered` false: no SMS
   * provider carried it) recorded as not sent, with its public history event saying which and what it
   * said (`said`: the SMS as the phone shows it, access code masked; else the composed text); a
   * unit's email has no case, so no event. `sent_at` marks it settled, so it is not retried; the
   * access code it carried is erased.
   */
  async markSent(sql: Sql, id: string, delivered = true, said?: string): Promise<void> {
    await sql.query(
      `with u as (
         update notification set sent_at = now(), attempts = attempts + 1, secret_enc = null,
                last_error = case when $2 then last_error else 'not sent: no SMS provider configured' end
          where id = $1 and sent_at is null
         returning case_id, kind, channel, coalesce($3, text) as text
       )
       insert into case_event (case_id, type, actor_type, note, public, data)
       select case_id, 'notified', 'system', text, true,
              jsonb_build_object('channel', channel, 'kind', kind) || case when $2 then '{}'::jsonb else '{"delivered": false}'::jsonb end
         from u where case_id is not null`,
      [id, delivered, said ?? null],
    );
  }

  async recordFailure(sql: Sql, id: string, error: string): Promise<void> {
    await sql.query(`update notification set attempts = attempts + 1, last_error = $2 where id = $1 and sent_at is null`, [id, error]);
  }

  /** Unsent notifications older than `olderThanSeconds` that have not used up their attempts. */
  unsent(olderThanSeconds: number, maxAttempts: number, limit: number): Promise<UnsentNotification[]> {
    return this.sql.query<UnsentNotification>(
      `select id::text as id, attempts from notification
        where sent_at is null and created_at < now() - make_interval(secs => $1) and attempts < $2
        order by created_at, id limit $3`,
      [olderThanSeconds, maxAttempts, limit],
    );
  }

  /** Unsent notifications: still retrying, and failed for good (every attempt used). */
  async unsentCounts(): Promise<{ retrying: number; failed: number }> {
    const [row] = await this.sql.query<{ retrying: number; failed: number }>(
      `select count(*) filter (where attempts < $1)::int as retrying, count(*) filter (where attempts >= $1)::int as failed
         from notification where sent_at is null`,
      [NOTIFICATION_MAX_ATTEMPTS],
    );
    return row;
  }
}
