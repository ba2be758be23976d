import type { CaseAction, CaseStatus, Remedy } from '@weiquan/cases';
import { REMEDY_TEXT } from '@weiquan/cases';
import type { Bilingual, Lang } from '@weiquan/core';
import { fenToYuan, maskName } from '@weiquan/core';
import type { BusinessCaseRow, NoticeRow } from './business-case.repository';

/**
 * What a business reads of a complaint against it, as pure functions: its own words for the state
 * (never the department's internals: no clocks, no routing, no reason codes), the notices it is
 * owed, and the consumer as they agreed to be seen.
 */

/** The state as the business needs to know it: whether it must answer, and where the complaint is. */
export function businessStatus(stage: 'settlement' | 'formal', status: string): Bilingual {
  if (stage === 'settlement') {
    switch (status) {
      case 'settling':
        return { zh: '待答复', en: 'waiting for your answer' };
      case 'negotiating':
        return { zh: '协商中', en: 'negotiating' };
      case 'offered':
        return { zh: '已答复，待消费者确认', en: 'answered; waiting for the consumer' };
      case 'settled':
        return { zh: '已和解', en: 'settled' };
      case 'withdrawn':
        return { zh: '消费者已撤回', en: 'withdrawn by the consumer' };
    }
  }
  switch (status) {
    case 'received':
    case 'assigned':
      return { zh: '已转为向市场监管部门投诉', en: 'with the market regulator as a formal complaint' };
    case 'accepted':
    case 'mediating':
    case 'paused':
      return { zh: '监管部门调解中', en: 'in the regulator’s mediation' };
    case 'resolved':
      return { zh: '调解达成协议', en: 'mediation reached an agreement' };
    case 'terminated':
      return { zh: '调解终止', en: 'mediation ended without agreement' };
    case 'withdrawn':
      return { zh: '消费者已撤回', en: 'withdrawn by the consumer' };
    default:
      return { zh: '已结束', en: 'finished' };
  }
}

/** Escalation causes in the business's words (the consumer's reason itself is for the department). */
const ESCALATED: Record<string, Bilingual> = {
  consumer: { zh: '消费者选择向市场监管部门正式投诉', en: 'the consumer chose to complain to the market regulator' },
  'offer-rejected': {
    zh: '消费者未接受和解方案，已转为向市场监管部门正式投诉',
    en: 'the consumer rejected the offer and complained to the regulator',
  },
  'business-declined': {
    zh: '贵单位不同意消费者诉求，投诉已转为向市场监管部门正式投诉',
    en: 'you did not agree; the complaint went to the regulator',
  },
  'no-answer': {
    zh: '贵单位未在期限内答复，投诉已转为向市场监管部门正式投诉',
    en: 'you did not answer in time; the complaint went to the regulator',
  },
  'not-delivered': {
    zh: '消费者反映贵单位未履行和解方案，投诉已转为向市场监管部门正式投诉',
    en: 'the consumer says you did not deliver the offer; the complaint went to the regulator',
  },
};
const ESCALATED_OTHER: Bilingual = {
  zh: '协商未达成和解，投诉已转为向市场监管部门正式投诉',
  en: 'no settlement was reached; the complaint went to the regulator',
};

const text = (v: unknown) => (typeof v === 'string' ? v : '');
const unitName = (d: Record<string, unknown>) => (d.assignee as { name?: string } | undefined)?.name ?? '';

/** One notice in the business's language, or null for an event that is not the business's to read. */
export function noticeText(e: NoticeRow, me: string, lang: Lang): string | null {
  const zh = lang === 'zh';
  const mine = e.unitCode === me;
  switch (e.type) {
    case 'assigned': {
      const to = e.data.assignee as { type?: string; code?: string } | undefined;
      if (to?.code !== me) return null;
      return zh ? '消费者的投诉已转交贵单位协商处理' : 'The complaint was sent to you to settle with the consumer';
    }
    case 'referred-to-business':
      return zh
        ? `服务站确认被投诉人为贵单位，已转交贵单位答复（期限 ${text(e.data.settlementDue)}）`
        : `A station confirmed you are the business complained about and passed it to you (answer by ${text(e.data.settlementDue)})`;
    case 'stepped-in':
      return zh ? `${unitName(e.data)} 已介入协助协商` : `${unitName(e.data)} stepped in to help both sides agree`;
    case 'take-up':
      return mine ? (zh ? '贵单位已接收' : 'You took it up') : null;
    case 'record-offer': {
      const o = e.data.offer as { remedy?: Remedy; amountFen?: number | null } | undefined;
      const what = o?.remedy ? REMEDY_TEXT[o.remedy][lang] : '';
      const yuan = o?.amountFen != null ? fenToYuan(o.amountFen) : null;
      const who = mine ? (zh ? '贵单位' : 'You') : zh ? '服务站记录' : 'The station recorded';
      return zh
        ? `${who}提出和解方案：${what}${yuan !== null ? ` ${yuan} 元` : ''}${e.note ? `。答复：${e.note}` : ''}`
        : `${who} offered: ${what}${yuan !== null ? ` ¥${yuan}` : ''}${e.note ? `. Message: ${e.note}` : ''}`;
    }
    case 'accept-offer':
      return zh ? '消费者接受了和解方案，投诉已和解，请按方案履行' : 'The consumer accepted the offer: settled. Deliver what you offered';
    case 'escalated':
      return (ESCALATED[String(e.data.cause)] ?? ESCALATED_OTHER)[lang];
    case 'start-mediation':
      return zh ? `${e.unitName ?? '市场监管部门'}组织双方调解` : `${e.unitName ?? 'The regulator'} is mediating between both sides`;
    case 'resolve':
      return zh ? '调解达成协议' : 'Mediation reached an agreement';
    case 'terminate': {
      // Both parties are told the mediation ended, and why (Order 121 Art. 23, last para.).
      const r = e.data.reason as { text?: Bilingual } | undefined;
      return zh ? `调解终止${r?.text ? `：${r.text.zh}` : ''}` : `Mediation ended${r?.text ? `: ${r.text.en}` : ''}`;
    }
    case 'withdrawn':
      return zh ? '消费者撤回了投诉' : 'The consumer withdrew the complaint';
    case 'statement':
      return mine ? (zh ? `贵单位提交说明：${e.note ?? ''}` : `Your statement: ${e.note ?? ''}`) : null;
    case 'attachment':
      return e.data.by === 'business' && mine ? (zh ? `贵单位上传了附件 ${text(e.data.name)}` : `You attached ${text(e.data.name)}`) : null;
    default:
      return null;
  }
}

/** What the business may do now: answer while it holds the case; a statement while a department handles it. */
export function businessActions(
  c: { assigneeCode: string | null; stage: string },
  me: string,
  allowed: (holder: boolean) => CaseAction[],
): CaseAction[] {
  if (c.assigneeCode === me) return allowed(true);
  return c.stage === 'formal' ? allowed(false).filter((a) => a === 'statement') : [];
}

/** The consumer as the business sees them: the family name only, contact details only with consent. */
export function consumerForBusiness(c: BusinessCaseRow, decrypt: (b: Buffer) => string) {
  const consented = c.consentBusinessContact;
  return {
    name: maskName(c.consumerName),
    contactConsented: consented,
    phone: consented ? decrypt(c.consumerPhoneEnc) : null,
    address: consented && c.consumerAddressEnc ? decrypt(c.consumerAddressEnc) : null,
  };
}

/** Statuses where the business holds the case and owes an answer or waits for the consumer. */
export const OPEN_FOR_BUSINESS: readonly CaseStatus[] = ['settling', 'negotiating', 'offered'];
