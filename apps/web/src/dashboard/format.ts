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

/** 12345 → "12,345". Not toLocaleString: it builds a number format on every call, which a slow phone felt across the KPI cards. */
export function count(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
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

/**
 * A change against a comparison period (the API's comparison.changes): relative for counts and
 * amounts (0.125 → "+12.5%"), in percentage points for rates (0.021 → "+2.1 个百分点"); null, when
 * there was no base to compare with, is "—", never 0%.
 */
export function changeText(v: number | null, kind: 'relative' | 'points', t: (zh: string, en: string) => string): string {
  if (v === null) return '—';
  const n = +(v * 100).toFixed(1);
  const sign = n > 0 ? '+' : n < 0 ? '−' : '';
  const abs = Math.abs(n);
  return kind === 'relative' ? `${sign}${abs}%` : t(`${sign}${abs} 个百分点`, `${sign}${abs} pts`);
}
