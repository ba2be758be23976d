import { ISSUE_TYPES, issueLabel } from './issue-types';
import type { T } from './words';

/**
 * What a case is, as the dashboard breaks its figures down and the queue filters by it: the purchase
 * channel, prepaid or not, the issue type (libs/cases case-attributes.ts). `unknown` is the API's code
 * for a channel or issue type the consumer did not name.
 */
const NOT_GIVEN = 'unknown';
export const CHANNELS = ['offline', 'online', 'livestream', NOT_GIVEN] as const;
export type Channel = (typeof CHANNELS)[number];
export const ISSUES = [...ISSUE_TYPES, NOT_GIVEN] as const;
export type Issue = (typeof ISSUES)[number];

export function channelLabel(code: string, t: T): string {
  const labels: Record<string, [string, string]> = {
    offline: ['线下购买', 'In a shop'],
    online: ['网络购物', 'Online shop'],
    livestream: ['直播带货', 'Livestream'],
    [NOT_GIVEN]: ['未填写', 'Not given'],
  };
  const l = labels[code];
  return l ? t(l[0], l[1]) : code;
}

export function issueTypeLabel(code: string, t: T): string {
  return code === NOT_GIVEN ? t('未填写', 'Not given') : issueLabel(code, t);
}

export function prepaidLabel(prepaid: boolean, t: T): string {
  return prepaid ? t('预付式消费', 'Prepaid') : t('非预付式消费', 'Not prepaid');
}
