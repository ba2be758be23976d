/** What a field of COPY's text format is written from. */
export type CopyValue = string | number | bigint | boolean | null | undefined;

/** A value in COPY's text format: \N for null, t/f for booleans, and the four special characters escaped. */
function field(v: CopyValue): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  const s = String(v);
  return /[\\\t\n\r]/.test(s)
    ? s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'))
    : s;
}

/** Rows as the body of `COPY … FROM STDIN` (text format), columns in the order given; a missing value is `missing`. */
export function copyText(rows: readonly Record<string, CopyValue>[], columns: readonly string[], missing: CopyValue = null): string {
  let out = '';
  for (const r of rows) {
    let line = '';
    for (let i = 0; i < columns.length; i++) {
      const v = r[columns[i]];
      line += (i ? '\t' : '') + field(v === undefined ? missing : v);
    }
    out += line + '\n';
  }
  return out;
}
