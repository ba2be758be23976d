/** Small helpers for test data, shared by every tier. */

/** The calendar day in China (YYYY-MM-DD), as the API counts days. */
export const shanghaiDay = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(d);
export const daysAgo = (n: number) => shanghaiDay(new Date(Date.now() - n * 86_400_000));

/**
 * A valid unified social credit code (GB 32100) from its first 17 characters: the check character
 * computed here, independently of libs/complaints (weights are 3^i mod 31).
 */
export function uscc(first17: string): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let sum = 0;
  for (let i = 0, w = 1; i < 17; i++, w = (w * 3) % 31) sum += alphabet.indexOf(first17[i]) * w;
  return first17 + alphabet[(31 - (sum % 31)) % 31];
}

/** The smallest valid PNG (1×1): an attachment that passes the check by content. */
export const TINY_PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a1e2a6e20000000049454e44ae426082',
  'hex',
);
