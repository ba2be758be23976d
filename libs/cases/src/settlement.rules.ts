import type { IsoDate } from '@weiquan/calendar';
import type { CaseStatus } from './case-status';
import { SETTLEMENT_OPEN } from './case-status';
import type { Offer, Remedy, Transition } from './case-state';

/**
 * The consumer's and the system's moves in the settlement stage (协商和解), as pure rules: accepting
 * the business's offer settles the dispute at the source; the consumer may leave for the formal
 * complaint at any time, and the case leaves by itself when the station misses the city's take-up or
 * outcome period. Nothing here can hold a formal complaint back.
 */

/** Why a case left the settlement stage for the formal complaint (recorded on its escalation event). */
export type EscalationCause =
  | 'consumer' // the consumer chose to complain formally
  | 'offer-rejected' // the consumer rejected the offer
  | 'settlement-failed' // the station reports the business refuses, or no agreement
  | 'business-declined' // the business itself answered 不同意 (it does not agree)
  | 'no-answer' // the business did not answer within the settlement period
  | 'not-delivered' // the consumer accepted the offer and the business did not deliver it
  | 'take-up-lapsed' // no station took it up within the take-up period
  | 'deadline-lapsed'; // no outcome within the settlement period

export interface SettlementDates {
  status: CaseStatus;
  /** Who holds it: a business that never answered lapses as `no-answer`. */
  holder?: 'station' | 'business' | null;
  /** The take-up deadline (city policy), while nobody took it up. */
  takeUpDue: IsoDate | null;
  /** The outcome deadline (city policy). */
  settlementDue: IsoDate | null;
}

/** Whether the consumer may leave the settlement stage for a formal complaint now: always, while it is open. */
export function mayEscalate(status: CaseStatus): boolean {
  return SETTLEMENT_OPEN.includes(status);
}

/**
 * Whether a settlement case has run out of time on `today`: the take-up period passed with nobody
 * taking it up, or the outcome period passed without an accepted offer. A deadline is met on its
 * day; the case escalates on any day after it.
 */
export function lapsed(c: SettlementDates, today: IsoDate): EscalationCause | null {
  if (c.status === 'settling' && c.takeUpDue !== null && c.takeUpDue < today) return 'take-up-lapsed';
  if (SETTLEMENT_OPEN.includes(c.status) && c.settlementDue !== null && c.settlementDue < today)
    return c.holder === 'business' && c.status !== 'offered' ? 'no-answer' : 'deadline-lapsed';
  return null;
}

/**
 * Whether the consumer may still say the accepted offer was not delivered (city policy: within
 * `reopenDays` calendar days of accepting it), which reopens the case as a formal complaint.
 */
export function mayReopen(status: CaseStatus, settledOn: IsoDate | null, today: IsoDate, reopenDays: number): boolean {
  if (status !== 'settled' || settledOn === null || reopenDays <= 0) return false;
  return today <= reopenUntil(settledOn, reopenDays);
}

/** The last day the consumer may say the offer was not delivered. */
export function reopenUntil(settledOn: IsoDate, reopenDays: number): IsoDate {
  const d = new Date(`${settledOn}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + reopenDays);
  return d.toISOString().slice(0, 10);
}

/**
 * The consumer accepts the business's offer: the dispute is settled at the source and the case
 * closes, with what the offer gives as the amount recovered. Null when there is no offer to accept.
 */
export function decideAcceptOffer(status: CaseStatus, offer: Offer | null): Transition | null {
  if (status !== 'offered' || !offer) return null;
  return {
    action: 'accept-offer',
    from: status,
    to: 'settled',
    clocks: [],
    notify: 'settled',
    outcome: { amountRecoveredFen: offer.amountFen ?? 0 },
  };
}

/** Each cause in plain words, for the consumer's notice and timeline. */
export const ESCALATION_TEXT: Record<EscalationCause, { zh: string; en: string }> = {
  consumer: { zh: '您选择向市场监管部门正式投诉', en: 'you chose to complain to the market regulator formally' },
  'offer-rejected': { zh: '您没有接受商家的和解方案', en: 'you did not accept the business’s offer' },
  'settlement-failed': { zh: '服务站协助协商未能达成和解', en: 'the station could not help both sides agree' },
  'business-declined': { zh: '经营者不同意您的诉求', en: 'the business does not agree to your demand' },
  'no-answer': { zh: '经营者未在规定时间内答复', en: 'the business did not answer in time' },
  'not-delivered': { zh: '您反映经营者未履行和解方案', en: 'you said the business did not deliver what it offered' },
  'take-up-lapsed': { zh: '服务站未在规定时间内接手', en: 'no station took it up in time' },
  'deadline-lapsed': { zh: '协商未在规定时间内达成和解', en: 'no settlement was reached in time' },
};

/** The remedies in words, for the consumer and the station. */
export const REMEDY_TEXT: Record<Remedy, { zh: string; en: string }> = {
  refund: { zh: '退款', en: 'refund' },
  exchange: { zh: '换货', en: 'exchange' },
  repair: { zh: '维修', en: 'repair' },
  compensation: { zh: '赔偿', en: 'compensation' },
  apology: { zh: '赔礼道歉', en: 'apology' },
  other: { zh: '其他方案', en: 'other' },
};
