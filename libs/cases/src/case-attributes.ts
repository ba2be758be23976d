/**
 * What a consumer says at filing about the purchase and the problem: intake accepts these
 * (libs/complaints create-complaint.dto.ts), the queue filters by them, the statistics break the
 * figures down by them. Defined here, where `cases` is, so the libraries that read them share one list.
 */

/** Where the goods or service were bought (the check constraint of cases.purchase_channel). */
export const PURCHASE_CHANNELS = ['offline', 'online', 'livestream'] as const;
export type PurchaseChannel = (typeof PURCHASE_CHANNELS)[number];

/** What the complaint is about (cases.issue_type). */
export const ISSUE_TYPES = [
  'quality',
  'price-marking',
  'measurement',
  'contract',
  'after-sales',
  'false-advertising',
  'safety',
  'refund',
  // The business closed, vanished or stopped answering (停业、跑路、失联): the early warning weighs it more.
  'closure',
  'personal-information',
  'other',
] as const;
export type IssueType = (typeof ISSUE_TYPES)[number];
