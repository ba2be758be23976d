import { Injectable } from '@nestjs/common';
import type { Sql } from '@weiquan/core';

/** The SMS that carries a reissued access code: its composed text (no code), its parameters, and the code encrypted. */
export interface AccessCodeSms {
  text: string;
  params: Record<string, unknown>;
  secretEnc: Buffer;
}

/**
 * The case lifecycle's write for a consumer who lost the access code (libs/complaints checks the
 * phone and decides; see consumer/access-code-recovery.ts): the new code's hash replaces the old one,
 * with its public history event and the SMS that carries it, in the caller's transaction.
 */
@Injectable()
export class AccessCodeRepository {
  /**
   * Locks the case and counts the codes reissued on it today (China time), so two requests at once
   * cannot both pass the daily limit.
   */
  async lockAndCountToday(tx: Sql, caseId: string): Promise<number> {
    await tx.query(`select 1 from cases where id = $1 for update`, [caseId]);
    const [{ n }] = await tx.query<{ n: number }>(
      `select count(*)::int as n from case_event
        where case_id = $1 and type = 'access-code-reissued'
          and (at at time zone 'Asia/Shanghai')::date = (now() at time zone 'Asia/Shanghai')::date`,
      [caseId],
    );
    return n;
  }

  /**
   * One statement: the new hash (the old code stops working at commit), the event, the SMS and its
   * outbox row. Unsent messages of the case that still hold a code (a receipt or an earlier reissue
   * waiting for the provider) are settled as not sent: they would carry a code that no longer works.
   */
  async reissue(tx: Sql, c: { caseId: string; accessCodeHash: Buffer; sms: AccessCodeSms }): Promise<void> {
    await tx.query(
      `with u as (update cases set access_code_hash = $2, updated_at = now() where id = $1 returning id),
            old as (
              update notification set sent_at = now(), secret_enc = null, last_error = 'not sent: superseded by a new access code'
               where case_id = (select id from u) and sent_at is null and secret_enc is not null
            ),
            e as (
              insert into case_event (case_id, type, actor_type, public)
              select id, 'access-code-reissued', 'consumer', true from u
              returning id, case_id
            ),
            n as (
              insert into notification (case_id, kind, channel, dedupe_key, text, params, secret_enc)
              select case_id, 'access-code', 'sms', id::text, $3, $4, $5 from e
              returning id
            )
       insert into outbox (topic, payload) select 'notification.created', jsonb_build_object('notificationId', id::text) from n`,
      [c.caseId, c.accessCodeHash, c.sms.text, c.sms.params, c.sms.secretEnc],
    );
  }
}
