import type { OfferResponse } from '../api/types';
import type { Pair } from '../lib/words';

/** The business portal's words for the API's codes (its own bundle: nothing of the staff console). */
export { fmtDate, fmtTime, MONEY_REMEDIES, MONO, pick, REMEDIES, REMEDY_LABEL } from '../lib/words';
export type { T } from '../lib/words';

/** The three answers a business gives: two are offers (record-offer), the third its refusal with reasons (settlement-failed). */
export const RESPONSE_LABEL: Record<OfferResponse | 'decline', Pair> = {
  full: ['全部同意', 'Agree in full'],
  partial: ['部分同意', 'Agree in part'],
  decline: ['不同意（附理由）', 'Do not agree (with reasons)'],
};

/** Statuses in which the complaint waits for the business's answer or the consumer's decision on it. */
export const OPEN_FOR_BUSINESS = ['settling', 'negotiating', 'offered'];

/** Tag colours: the business's turn orange, waiting blue, settled green, with the regulator purple, ended grey. */
export function statusColor(stage: string, status: string): string {
  if (stage === 'settlement') {
    if (status === 'settling' || status === 'negotiating') return 'orange';
    if (status === 'offered') return 'blue';
    if (status === 'settled') return 'green';
    return 'default';
  }
  if (['received', 'assigned', 'accepted', 'mediating', 'paused'].includes(status)) return 'purple';
  if (status === 'resolved') return 'green';
  return 'default';
}
