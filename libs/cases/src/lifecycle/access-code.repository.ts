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
   * Locks the cases (one, or both of a "both" filing, which share a code) and counts the codes
   * reissued on them today (China time), so two requests at once cannot both pass the daily limit.
   */
  async lockAndCountToday(tx: Sql, caseIds: readonly string[]): Promise<number> {
    await tx.query(`select 1 from cases where id = any($1::bigint[]) order by id for update`, [caseIds]);
    // A reissue writes one event on each case of a pair: the busier case's count is the pair's.
    const [{ n }] = await tx.query<{ n: number }>(
      `select coalesce(max(n), 0)::int as n from (
         select count(*) as n from case_event
          where case_id = any($1::bigint[]) and type = 'access-code-reissued'
            and (at at time zone 'Asia/Shanghai')::date = (now() at time zone 'Asia/Shanghai')::date
          group by case_id
       ) per_case`,
      [caseIds],
    );
    return n;
  }

  /**
   * One statement: the new hashes (each case's; the old code stops working at commit), a public event
   * on each case, one SMS (on the first) and its outbox row. Unsent messages of the cases that still
   * hold a code (a receipt or an earlier reissue waiting for the provider) are settled as not sent:
   * they would carry a code that no longer works. The new SMS names every case it is for, so a
   * receipt superseded this way loses nothing.
   */
  async reissue(tx: Sql, cases: readonly { caseId: string; accessCodeHash: Buffer }[], sms: AccessCodeSms): Promise<void> {
    await tx.query(
      `with x as (
              select * from jsonb_to_recordset($1::jsonb) as x("caseId" bigint, hash text, ord int)
            ),
            u as (
              update cases c set access_code_hash = decode(x.hash, 'base64'), updated_at = now()
                from x where c.id = x."caseId" returning c.id, x.ord
            ),
            old as (
              update notification set sent_at = now(), secret_enc = null, last_error = 'not sent: superseded by a new access code'
               where case_id in (select id from u) and sent_at is null and secret_enc is not null
            ),
            e as (
              insert into case_event (case_id, type, actor_type, public)
              select id, 'access-code-reissued', 'consumer', true from u order by ord
              returning id, case_id
            ),
            n as (
              insert into notification (case_id, kind, channel, dedupe_key, text, params, secret_enc)
              select e.case_id, 'access-code', 'sms', e.id::text, $2, $3, $4 from e join u on u.id = e.case_id where u.ord = 0
              returning id
            )
       insert into outbox (topic, payload) select 'notification.created', jsonb_build_object('notificationId', id::text) from n`,
      [
        JSON.stringify(cases.map((c, ord) => ({ caseId: c.caseId, hash: c.accessCodeHash.toString('base64'), ord }))),
        sms.text,
        sms.params,
        sms.secretEnc,
      ],
    );
  }
}
