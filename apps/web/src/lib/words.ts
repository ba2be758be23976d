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

// The kinds of problem: their own module, so the filing page has them without this one's date library.
export { issueLabel } from './issue-types';
