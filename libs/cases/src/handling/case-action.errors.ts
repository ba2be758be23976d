import { LocalizedException } from '@weiquan/core';
import type { CaseStatus } from '../case-status';
import { STATUS_TEXT } from '../case-status';

/** Why an action on a case did not happen, in the caller's language (403, 409). */

/**
 * Two actions that lock the same two cases in opposite orders (two reports merged into each other at
 * the same instant): PostgreSQL aborts one as a deadlock. That one changed nothing, and is told so.
 */
export function lockConflictAsMovedAway(err: unknown): never {
  const code =
    (err as { code?: string; driverError?: { code?: string } }).code ?? (err as { driverError?: { code?: string } }).driverError?.code;
  if (code === '40P01' || code === '40001') throw movedAway();
  throw err;
}

/** A station asking for a department's decision (受理, 不予受理, mediation…), or a department for a station's step. */
export function notYours(unitType: 'station' | 'regulator' | 'business', action: string) {
  return new LocalizedException(
    403,
    unitType === 'business'
      ? {
          zh: `经营者在协商和解阶段答复消费者（接收、答复和解方案、不同意、退回），正式投诉阶段可提交说明；不能执行 ${action}`,
          en: `a business answers the consumer in the settlement stage (take up, offer, refuse, hand back) and may submit a statement in the formal stage; it cannot ${action}`,
        }
      : unitType === 'station'
        ? {
            zh: `服务站协助当事人协商和解，不能执行 ${action}：受理、不予受理、调解、终止调解、立案等由有管辖权的市场监管部门依法作出`,
            en: `a station helps the parties negotiate and cannot ${action}: acceptance, refusal, mediation, termination and enforcement are decisions of the department with jurisdiction`,
          }
        : {
            zh: `${action} 是服务站在协商和解阶段的操作，监管部门不适用`,
            en: `${action} is a station's step in the settlement stage, not a department's`,
          },
  );
}

export function movedAway() {
  return new LocalizedException(409, {
    zh: '案件已不在本单位或状态已变化，请刷新后重试',
    en: 'the case has left your unit or changed meanwhile; reload and try again',
  });
}

export function notAllowed(action: string, status: CaseStatus, allowed: string[]) {
  const st = STATUS_TEXT[status];
  return new LocalizedException(
    409,
    {
      zh: `案件当前状态为"${st?.zh ?? status}"，不能执行 ${action}；可执行：${allowed.join('、') || '无'}`,
      en: `"${action}" is not allowed while the case is ${st?.en ?? status}; allowed: ${allowed.join(', ') || 'none'}`,
    },
    [],
    { allowed },
  );
}
