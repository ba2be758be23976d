import type { CalendarOverrides } from '@weiquan/calendar';
import { invalid, LocalizedException } from '@weiquan/core';
import type { Sql } from '@weiquan/core';
import { mergeRefusal } from '../report-merge.rules';
import { startClock } from '../deadline';
import type { CasePeriods } from '../rule-set';
import { normaliseTrackingNo } from '../tracking-number';
import { lockMergeTarget, restartDecisionClock } from './case-merge.repository';
import type { CaseRow } from './cases.repository';

/**
 * The earlier report's side of `merge-into` (Order 121 Art. 35), in the action's transaction: the report
 * named is checked (`mergeRefusal`) and its decision period counts again, in full, from the merged
 * report's day of receipt, with the extension available again and any pause cleared. The merged report's
 * own transition (to `duplicate`) is written by `CaseHandlingService.act`.
 */
export async function mergeInto(
  sql: Sql,
  source: CaseRow,
  o: {
    mergeInto: string;
    periods: CasePeriods;
    cal: CalendarOverrides;
    actor: { userId: string; unitCode: string };
    note: string;
  },
): Promise<{ id: string; trackingNo: string; decisionDue: string }> {
  const no = normaliseTrackingNo(o.mergeInto);
  const target = no ? await lockMergeTarget(sql, no) : null;
  const refused = mergeRefusal(
    {
      id: source.id,
      track: source.track,
      status: source.status,
      ruleSet: source.ruleSet,
      assigneeCode: source.assigneeCode,
      reporter: source.consumerPhoneHash.toString('hex'),
      respondentKey: source.respondentKey,
      receivedAt: source.receivedAt,
    },
    target,
  );
  if (refused) {
    const problem = { field: 'mergeInto', message: refused.message };
    throw refused.status === 400 ? invalid([problem]) : new LocalizedException(409, refused.message, [problem]);
  }
  const t = target!;
  const decision = o.periods.decision;
  const clock = startClock('decision', source.receivedOn, decision.days, o.cal, decision.count);
  const restarted = await restartDecisionClock(sql, {
    caseId: t.id,
    status: t.status,
    clock,
    actor: o.actor,
    note: o.note,
    data: { merged: source.trackingNo, mergedId: source.id, decisionDue: clock.dueOn, countsFrom: clock.countsFrom },
  });
  if (!restarted)
    throw new LocalizedException(409, {
      zh: '被并入的举报状态已变化，请刷新后重试',
      en: 'that report changed meanwhile; reload and try again',
    });
  return { id: t.id, trackingNo: t.trackingNo, decisionDue: clock.dueOn };
}
