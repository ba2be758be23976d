import dayjs from 'dayjs';
import type { Remedy } from '../api/types';

/**
 * Words and formats the staff console and the business portal share (each is its own bundle; this
 * small module is the only piece they have in common).
 */
export type Pair = readonly [zh: string, en: string];
export type T = (zh: string, en: string) => string;

export const pick = (t: T, p: Pair | undefined, fallback: string) => (p ? t(p[0], p[1]) : fallback);

/** What a business offers to settle a dispute (libs/cases REMEDIES). */
export const REMEDY_LABEL: Record<Remedy, Pair> = {
  refund: ['退款', 'Refund'],
  exchange: ['换货', 'Exchange'],
  repair: ['维修', 'Repair'],
  compensation: ['赔偿', 'Compensation'],
  apology: ['赔礼道歉', 'Apology'],
  other: ['其他', 'Other'],
};
export const REMEDIES = Object.keys(REMEDY_LABEL) as Remedy[];
/** An offer of money names its amount (libs/cases offer.rules.ts MONEY_REMEDIES). */
export const MONEY_REMEDIES: readonly Remedy[] = ['refund', 'compensation'];

export const fmtTime = (v: string | null | undefined) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '—');
export const fmtDate = (v: string | null | undefined) => (v ? dayjs(v).format('YYYY-MM-DD') : '—');

/** Credit codes, tracking numbers, user names: a monospace face to read them character by character. */
export const MONO = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' };

/** The kinds of problem a consumer names at filing (libs/complaints issue-types.ts): shown in words, never as codes. */
export const ISSUE_TYPES = [
  'quality',
  'price-marking',
  'measurement',
  'contract',
  'after-sales',
  'false-advertising',
  'safety',
  'refund',
  'personal-information',
  'other',
] as const;

export function issueLabel(code: string, t: T): string {
  const labels: Record<string, [string, string]> = {
    quality: ['商品或服务质量', 'Quality of goods or service'],
    'price-marking': ['价格、明码标价', 'Prices and price tags'],
    measurement: ['计量（缺斤短两）', 'Short weight or measure'],
    contract: ['合同、格式条款', 'Contract terms'],
    'after-sales': ['售后服务（三包、维修）', 'After-sales service, repairs'],
    'false-advertising': ['虚假宣传', 'False advertising'],
    safety: ['人身、财产安全', 'Safety'],
    refund: ['退款、退货、退卡', 'Refunds and returns'],
    'personal-information': ['个人信息', 'Personal information'],
    other: ['其他', 'Other'],
  };
  const l = labels[code];
  return l ? t(l[0], l[1]) : code;
}
