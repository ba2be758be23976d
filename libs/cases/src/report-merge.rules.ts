import type { Bilingual } from '@weiquan/core';
import type { CaseStatus } from './case-status';

/**
 * Merging reports (Order 121 Art. 35): whether a report may be merged into the earlier one a handler
 * names. Pure; the merge itself is the `merge-into` action of case-state.ts and handling/case-merge.ts.
 */

/** What `mergeRefusal` compares of the report being merged and the earlier report named. */
export interface MergeParty {
  id: string;
  track: 'complaint' | 'report';
  status: CaseStatus;
  ruleSet: string;
  assigneeCode: string | null;
  /** The reporter's keyed phone hash, hex. */
  reporter: string;
  respondentKey: string;
  receivedAt: Date;
}

/** Statuses in which the earlier report is still open and undecided, so its period can count again. */
const MERGEABLE: readonly CaseStatus[] = ['assigned', 'deciding'];

/**
 * Why a report cannot be merged into the one named (Order 121 Art. 35: the same reporter, reporting the
 * same respondent again with new facts), or null when it can: 400 when the report named is not one it
 * may be merged into at all, 409 when it is no longer open and undecided or is handled elsewhere.
 */
export function mergeRefusal(source: MergeParty, target: MergeParty | null): { status: 400 | 409; message: Bilingual } | null {
  const no = (status: 400 | 409, zh: string, en: string) => ({ status, message: { zh, en } });
  if (!target || target.track !== 'report') return no(400, '没有该查询编号的举报', 'no report has this tracking number');
  if (target.id === source.id) return no(400, '不能与本件自身合并', 'a report cannot be merged into itself');
  if (target.ruleSet !== 'order121')
    return no(
      409,
      '该举报不适用《市场监督管理投诉举报处理办法》（总局令第121号），不能合并处理',
      'that report is not under Order 121; it cannot take a merge',
    );
  if (target.assigneeCode === null || target.assigneeCode !== source.assigneeCode)
    return no(409, '该举报不由本单位办理，不能合并', 'that report is not handled by your unit');
  if (target.reporter !== source.reporter) return no(400, '该举报不是同一举报人提出的', 'that report is from another reporter');
  if (target.respondentKey !== source.respondentKey) return no(400, '该举报的被举报人不同', 'that report is about another respondent');
  if (target.receivedAt > source.receivedAt)
    return no(400, '只能将后收到的举报并入先收到的举报', 'merge the later report into the earlier one, not the other way');
  if (!MERGEABLE.includes(target.status))
    return no(409, '该举报已作出立案决定或已结束，不能再合并处理', 'that report is no longer open and undecided (assigned or deciding)');
  return null;
}
