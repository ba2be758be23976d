import type { Bilingual } from '@weiquan/core';

/** What the business offers to settle the dispute (`record-offer`), and what an offer must say. */
export const REMEDIES = ['refund', 'exchange', 'repair', 'compensation', 'apology', 'other'] as const;
export type Remedy = (typeof REMEDIES)[number];
/** Remedies that are money: their offer names the amount. */
const MONEY_REMEDIES: readonly Remedy[] = ['refund', 'compensation'];

/** A business's answer to the demand (全部同意 / 部分同意); 不同意 is its refusal (`settlement-failed`), not an offer. */
export const OFFER_RESPONSES = ['full', 'partial'] as const;
export type OfferResponse = (typeof OFFER_RESPONSES)[number];

/** A settlement offer as recorded: the note is the business's message to the consumer. */
export interface Offer {
  remedy: Remedy;
  amountFen: number | null;
  message: string;
  /** Recorded when the business answers itself (a station's record of an offer may leave it out). */
  response?: OfferResponse;
}

const OFFER_USED_BY: Bilingual = { zh: '只有"记录和解方案"需要填写方案和金额', en: 'only "record-offer" takes remedy and amountOffered' };

/**
 * The field problems of an action's offer fields: an action that records an offer needs its remedy,
 * and the amount of a money remedy; any other action takes neither.
 */
export function offerProblems(
  input: { remedy?: Remedy; amountOfferedFen?: number },
  needsOffer: boolean,
): { field: string; message: Bilingual }[] {
  if (!needsOffer)
    return [
      ...(input.remedy !== undefined ? [{ field: 'remedy', message: OFFER_USED_BY }] : []),
      ...(input.amountOfferedFen !== undefined ? [{ field: 'amountOffered', message: OFFER_USED_BY }] : []),
    ];
  if (!input.remedy)
    return [
      {
        field: 'remedy',
        message: {
          zh: '必须选择和解方案：退款、换货、维修、赔偿、道歉或其他',
          en: 'choose the remedy: refund, exchange, repair, compensation, apology or other',
        },
      },
    ];
  if (MONEY_REMEDIES.includes(input.remedy) && input.amountOfferedFen === undefined)
    return [
      { field: 'amountOffered', message: { zh: '退款或赔偿必须填写金额（元）', en: 'a refund or compensation needs its amount (yuan)' } },
    ];
  return [];
}
