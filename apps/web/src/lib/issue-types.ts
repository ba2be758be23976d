import type { T } from './words';

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
  'closure',
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
    closure: ['商家停业、跑路、联系不上', 'Business closed, gone or unreachable'],
    'personal-information': ['个人信息', 'Personal information'],
    other: ['其他', 'Other'],
  };
  const l = labels[code];
  return l ? t(l[0], l[1]) : code;
}
