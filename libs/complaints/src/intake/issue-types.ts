import type { Bilingual } from '@weiquan/core';
import type { IssueType } from '@weiquan/cases';

/**
 * The issue types a complaint names (`issueType`), in words: what the public record, the business and
 * the statistics' exports read. The same words as the filing form's choices (apps/web
 * src/lib/issue-types.ts), so a figure reads the same on the dashboard and in its export.
 */
export const ISSUE_TEXT: Record<IssueType, Bilingual> = {
  quality: { zh: '商品或服务质量', en: 'Quality of goods or service' },
  'price-marking': { zh: '价格、明码标价', en: 'Prices and price tags' },
  measurement: { zh: '计量（缺斤短两）', en: 'Short weight or measure' },
  contract: { zh: '合同、格式条款', en: 'Contract terms' },
  'after-sales': { zh: '售后服务（三包、维修）', en: 'After-sales service, repairs' },
  'false-advertising': { zh: '虚假宣传', en: 'False advertising' },
  safety: { zh: '人身、财产安全', en: 'Safety' },
  refund: { zh: '退款、退货、退卡', en: 'Refunds and returns' },
  closure: { zh: '商家停业、跑路、联系不上', en: 'Business closed, gone or unreachable' },
  'personal-information': { zh: '个人信息', en: 'Personal information' },
  other: { zh: '其他', en: 'Other' },
};

/** An issue type's words in a language; a code the list does not know stays as it is. */
export function issueText(code: string, lang: keyof Bilingual): string {
  return (ISSUE_TEXT as Partial<Record<string, Bilingual>>)[code]?.[lang] ?? code;
}
