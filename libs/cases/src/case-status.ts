import type { Bilingual } from '@weiquan/core';

/**
 * Case statuses of both tracks. Intake knows the first ones; the handling workflow (accept, mediate,
 * decide…) adds its transitions in case-state.ts.
 */
export const CASE_STATUSES = [
  'received', // 已接收，待分派
  'settling', // 协商和解：已分派给服务站，待接手
  'negotiating', // 协商和解：服务站已接手，协商中
  'offered', // 协商和解：商家已提出方案，待消费者确认
  'settled', // 协商和解成功（源头化解），已办结
  'duplicate', // 重复提交，已关联到首次提交的案件（投诉或举报）
  'assigned', // 已分派，待受理
  'accepted', // 已受理
  'mediating', // 调解中
  'paused', // 调解暂停计时（检测鉴定）
  'resolved', // 调解成功
  'terminated', // 终止调解
  'refused', // 不予受理
  'transferred', // 已移送
  'deciding', // 举报：核查中
  'case-opened', // 举报：已立案
  'not-opened', // 举报：不予立案
  'closed', // 已办结
  'withdrawn', // 已撤回
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const STATUS_TEXT: Record<CaseStatus, Bilingual> = {
  received: { zh: '已接收，等待分派', en: 'received, awaiting assignment' },
  settling: { zh: '协商和解：等待服务站接手', en: 'settlement: waiting for the station to take it up' },
  negotiating: { zh: '协商和解：服务站正在协助协商', en: 'settlement: the station is helping both sides negotiate' },
  offered: {
    zh: '协商和解：商家已提出和解方案，待消费者确认',
    en: 'settlement: the business made an offer; the consumer accepts or rejects it',
  },
  settled: { zh: '和解成功（源头化解），已办结', en: 'settled at the source, closed' },
  duplicate: { zh: '重复提交，已并入首次提交的案件', en: 'duplicate, linked to the first filing' },
  assigned: { zh: '已分派，等待受理', en: 'assigned, awaiting acceptance' },
  accepted: { zh: '已受理', en: 'accepted' },
  mediating: { zh: '调解中', en: 'in mediation' },
  paused: { zh: '调解暂停计时（检测、鉴定期间）', en: 'mediation paused (testing or appraisal)' },
  resolved: { zh: '调解成功', en: 'resolved by mediation' },
  terminated: { zh: '终止调解', en: 'mediation terminated' },
  refused: { zh: '不予受理', en: 'not accepted' },
  transferred: { zh: '已移送有管辖权的部门', en: 'transferred to the competent authority' },
  deciding: { zh: '核查中', en: 'under review' },
  'case-opened': { zh: '已立案', en: 'enforcement case opened' },
  'not-opened': { zh: '不予立案', en: 'no enforcement case' },
  closed: { zh: '已办结', en: 'closed' },
  withdrawn: { zh: '已撤回', en: 'withdrawn' },
};

/** The settlement stage (协商和解) while it is open: a station helps the two sides agree, no statutory clock runs. */
export const SETTLEMENT_OPEN: readonly CaseStatus[] = ['settling', 'negotiating', 'offered'];

/** Statuses in which a case holds a place in its unit's load (routing balances stations on it). */
export const HOLDING_STATUSES: readonly CaseStatus[] = ['assigned', 'accepted', 'mediating', 'paused', 'deciding', ...SETTLEMENT_OPEN];

/** The consumer may withdraw until the case is finished. */
export function canWithdraw(status: CaseStatus): boolean {
  return ![
    'closed',
    'settled',
    'withdrawn',
    'refused',
    'transferred',
    'duplicate',
    'resolved',
    'terminated',
    'case-opened',
    'not-opened',
  ].includes(status);
}

/** Rating is for a finished complaint: closed by the department, or settled at the source. */
export function canRate(status: CaseStatus, track: 'complaint' | 'report'): boolean {
  return track === 'complaint' && (status === 'closed' || status === 'settled');
}
