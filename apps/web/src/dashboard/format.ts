import { yuan } from '../lib/api';
import type { Rate } from '../api/types';

/** The seed documents' satisfaction rate (满意率 96.8%), shown as the reference. */
export const SATISFACTION_REFERENCE = 0.968;

/** 0.6667 → "66.67%", 1 → "100%", null → "—". */
export function pct(r: Rate | undefined): string {
  if (r === null || r === undefined) return '—';
  return `${+(r * 100).toFixed(2)}%`;
}

/** "1280.5" → "¥1,280.50". */
export function money(v: string | number | null | undefined): string {
  const s = yuan(v);
  return s === '—' ? s : `¥${s}`;
}

/** 12345 → "12,345". */
export function count(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : n.toLocaleString('en-US');
}

/**
 * A column comparator that keeps "—" (null) rows last in both directions: antd negates the result
 * when sorting descending and passes the order as the third argument.
 */
export function nullsLast(a: number | null, b: number | null, order?: 'ascend' | 'descend' | null): number {
  if (a === null && b === null) return 0;
  const last = order === 'descend' ? -1 : 1;
  if (a === null) return last;
  if (b === null) return -last;
  return a - b;
}
