import type { T } from '../lib/words';

/** Yes, no, or "—" when the consumer did not say. */
export const yesNo = (t: T, v: boolean | null | undefined) => (v === null || v === undefined ? '—' : v ? t('是', 'Yes') : t('否', 'No'));

/** A file's size, at least 1 KB. */
export const kb = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);
