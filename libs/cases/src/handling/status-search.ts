import type { Bilingual } from '@weiquan/core';
import type { CaseStatus } from '../case-status';
import { CASE_STATUSES, STATUS_TEXT } from '../case-status';

/**
 * Which statuses a word typed into the queue's search names: "调解" finds the cases in mediation
 * (调解中, 调解暂停计时, 调解成功, 终止调解). Statuses are matched by the names people read, the
 * console's short ones and the API's long ones, in either language; never by code. Pure.
 */

/** The console's short names (apps/web/src/staff/common.tsx STATUS_LABEL), so what is on screen is what is found. */
const SHORT: Record<CaseStatus, Bilingual> = {
  received: { zh: '待分派', en: 'Awaiting assignment' },
  settling: { zh: '待接手（协商和解）', en: 'Settlement: awaiting take-up' },
  negotiating: { zh: '协商中', en: 'Settlement: negotiating' },
  offered: { zh: '方案待消费者确认', en: 'Settlement: offer made' },
  settled: { zh: '已和解办结', en: 'Settled at the source' },
  duplicate: { zh: '重复提交', en: 'Duplicate' },
  assigned: { zh: '待受理', en: 'Awaiting acceptance' },
  accepted: { zh: '已受理', en: 'Accepted' },
  mediating: { zh: '调解中', en: 'In mediation' },
  paused: { zh: '暂停计时（检测鉴定）', en: 'Paused for testing' },
  resolved: { zh: '调解成功', en: 'Resolved' },
  terminated: { zh: '终止调解', en: 'Mediation terminated' },
  refused: { zh: '不予受理', en: 'Not accepted' },
  transferred: { zh: '已移送', en: 'Transferred' },
  deciding: { zh: '核查中', en: 'Under review' },
  'case-opened': { zh: '已立案', en: 'Case opened' },
  'not-opened': { zh: '不予立案', en: 'No case opened' },
  closed: { zh: '已办结', en: 'Closed' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

/** Spaces and full-width forms aside, lower case: how names and the search are compared. */
function fold(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

const NAMES: [CaseStatus, string[]][] = CASE_STATUSES.map((s) => [
  s,
  [SHORT[s].zh, SHORT[s].en, STATUS_TEXT[s].zh, STATUS_TEXT[s].en].map(fold),
]);

/** The statuses whose name contains the search (at least two characters; digits are tracking numbers, not names). */
export function statusesNamed(q: string): CaseStatus[] {
  const word = fold(q);
  if ([...word].length < 2 || /^[\d\s-]+$/.test(word)) return [];
  return NAMES.filter(([, names]) => names.some((n) => n.includes(word))).map(([s]) => s);
}
