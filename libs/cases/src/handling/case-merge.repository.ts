import type { Sql } from '@weiquan/core';
import type { MergeParty } from '../report-merge.rules';
import type { Clock } from '../deadline';

/** The earlier report a report is merged into, locked: what `mergeRefusal` compares, and its tracking number. */
export interface MergeTarget extends MergeParty {
  trackingNo: string;
}

/**
 * The writes of a merge (Order 121 Art. 35) beyond the merged report's own transition, in the caller's
 * transaction: the report named, locked; its decision period restarted, with its history event.
 */
export async function lockMergeTarget(sql: Sql, trackingNo: string): Promise<MergeTarget | null> {
  const [row] = await sql.query<MergeTarget>(
    `select id::text as id, tracking_no as "trackingNo", track, status, rule_set as "ruleSet", assignee_code as "assigneeCode",
            encode(consumer_phone_hash, 'hex') as reporter, respondent_key as "respondentKey", received_at as "receivedAt"
       from cases where tracking_no = $1 for update`,
    [trackingNo],
  );
  return row ?? null;
}

/**
 * Restarts the report's first clock (the decision clock on the case row): counted from `clock.countsFrom`
 * for its full period, any pause cleared, the extension available again. False if the report moved.
 */
export async function restartDecisionClock(
  sql: Sql,
  w: {
    caseId: string;
    status: string;
    clock: Clock;
    actor: { userId: string; unitCode: string };
    note: string;
    data: Record<string, unknown>;
  },
): Promise<boolean> {
  const rows = await sql.query<{ id: string }>(
    `update cases set acceptance_due = $3::date, acceptance_due_provisional = $4, first_clock_counts_from = $5::date,
            first_clock_days = $6, first_clock_paused_on = null, first_clock_met_on = null, decision_extended = false, updated_at = now()
      where id = $1 and status = $2
      returning id`,
    [w.caseId, w.status, w.clock.dueOn, w.clock.provisional, w.clock.countsFrom, w.clock.days],
  );
  if (!rows.length) return false;
  await sql.query(
    `insert into case_event (case_id, type, actor_type, actor_id, unit_code, from_status, to_status, action, note, public, data)
     values ($1, 'merged-in', 'staff', $2, $3, $4, $4, 'merged-in', $5, true, $6)`,
    [w.caseId, w.actor.userId, w.actor.unitCode, w.status, w.note, JSON.stringify(w.data)],
  );
  return true;
}
