import { Injectable } from '@nestjs/common';
import type { Sql } from '@weiquan/core';
import { HOLDING_STATUSES } from '../case-status';
import { releaseLoad } from './unit-load.sql';

/**
 * The case lifecycle's writes for the consumer's own steps (no account: the tracking number and
 * access code are checked by the caller): withdrawing, adding to the case, rating the outcome.
 */
@Injectable()
export class ConsumerStepsRepository {
  /** Changes the status only if it is still `from`, with its history event, in the caller's transaction. */
  async transition(tx: Sql, c: { id: string; from: string; to: string; type: string; note?: string | null }): Promise<boolean> {
    const [{ n }] = await tx.query<{ n: number }>(
      `with u as (update cases set status = $3, updated_at = now() where id = $1 and status = $2 returning id, assignee_code),
            e as (insert into case_event (case_id, type, actor_type, from_status, to_status, note, public)
                  select id, $4, 'consumer', $2, $3, $5, true from u),
            -- A case that leaves its unit's queue frees its place in the unit's load.
            l as (${releaseLoad('(select assignee_code from u)', '$2 = any($6::text[]) and not ($3 = any($6::text[]))')})
       select count(*)::int as n from u`,
      [c.id, c.from, c.to, c.type, c.note ?? null, HOLDING_STATUSES],
    );
    return n === 1;
  }

  /** A public history event of the consumer's (a supplement, an attachment, a rating). */
  /** A public event of the consumer's (or, for a file a business added with its answer, the business's). */
  async addEvent(
    tx: Sql,
    caseId: string,
    type: string,
    note: string | null,
    data: Record<string, unknown> = {},
    actor?: { type: 'staff'; id: string; unitCode: string },
  ): Promise<void> {
    await tx.query(
      `insert into case_event (case_id, type, actor_type, actor_id, unit_code, note, public, data) values ($1, $2, $3, $4, $5, $6, true, $7)`,
      [caseId, type, actor?.type ?? 'consumer', actor?.id ?? null, actor?.unitCode ?? null, note, JSON.stringify(data)],
    );
  }

  /** The consumer's rating, once. */
  async rate(tx: Sql, caseId: string, rating: string, comment: string | null): Promise<boolean> {
    const r = await tx.query<{ n: number }>(
      `with u as (update cases set rating = $2, rating_comment = $3, rated_at = now(), updated_at = now()
                   where id = $1 and rating is null returning id)
       select count(*)::int as n from u`,
      [caseId, rating, comment],
    );
    return r[0].n === 1;
  }
}
