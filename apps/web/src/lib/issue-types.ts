import type { components } from '../api/schema';
import type { T } from './words';

/** The API's issue types (libs/cases case-attributes.ts), as its OpenAPI document names them. */
export type IssueType = NonNullable<components['schemas']['CreateComplaintDto']['issueType']>;

/**
 * What a consumer can name at filing, in words (the same the API's texts and exports use: libs/complaints
 * issue-types.ts). A type the API adds and this does not name fails the type check.
 */
const LABELS: Record<IssueType, readonly [string, string]> = {
  quality: ['商品或服务质量', 'Quality of goods or service'],
  'price-marking': ['价格、明码标价', 'Prices and price tags'],
  measurement: ['计量（缺斤短两）', 'Short weight or measure'],
  contract: ['合同、格式条款', 'Contract terms'],
  'after-sales': ['售后服务（三包、维修）', 'After-sales service, repairs'],
  'false-advertising': ['虚假宣传', 'False advertising'],
  safety: ['人身、财产安全', 'Safety'],
  refund: ['退款、退货、退卡', 'Refunds and returns'],
  closure: ['商家停业、跑路、联系不上', 'Business closed, gone or unreachable'],
  'personal-information': ['个人信息', 'Personal information'],
  other: ['其他', 'Other'],
};

/** In the filing form's order. */
export const ISSUE_TYPES = Object.keys(LABELS) as IssueType[];

/** Shown in words, never as a code (a code this list does not know stays as it is). */
export function issueLabel(code: string, t: T): string {
  const l = (LABELS as Partial<Record<string, readonly [string, string]>>)[code];
  return l ? t(l[0], l[1]) : code;
}
