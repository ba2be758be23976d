import { ISSUE_TEXT } from '@weiquan/complaints/intake/issue-types';
import { NO_CHANNEL, NO_ISSUE } from './stat-event';

/** The breakdowns read from the area rollup's detail columns (the unit rollup has none of them). */
export type Dimension = 'channel' | 'prepaid' | 'issueType';

/** How the bureau names a purchase channel, what a prepaid flag and an issue type stand for (Chinese, as the directory's names). */
const NAMES: Record<Dimension, Record<string, string>> = {
  channel: { offline: '线下购买', online: '网络购物', livestream: '直播带货', [NO_CHANNEL]: '未填写' },
  prepaid: { true: '预付式消费', false: '非预付式消费' },
  issueType: { ...Object.fromEntries(Object.entries(ISSUE_TEXT).map(([code, text]) => [code, text.zh])), [NO_ISSUE]: '未填写' },
};

export function dimensionName(by: Dimension, code: string): string | null {
  return NAMES[by][code] ?? null;
}
