import type { Bilingual } from '@weiquan/core';

/** The issue types a complaint names (`issueType`), in words: what the public record and the business read. */
export const ISSUE_TEXT: Record<string, Bilingual> = {
  quality: { zh: '商品或服务质量', en: 'quality' },
  'price-marking': { zh: '价格标示', en: 'price marking' },
  measurement: { zh: '计量', en: 'measurement' },
  contract: { zh: '合同', en: 'contract' },
  'after-sales': { zh: '售后服务', en: 'after-sales service' },
  'false-advertising': { zh: '虚假宣传', en: 'false advertising' },
  safety: { zh: '安全', en: 'safety' },
  refund: { zh: '退款', en: 'refund' },
  closure: { zh: '经营者停业、跑路或失联', en: 'business closed or unreachable' },
  'personal-information': { zh: '个人信息保护', en: 'personal information' },
  other: { zh: '其他', en: 'other' },
};
