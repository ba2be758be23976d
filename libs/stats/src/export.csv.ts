import type { Writable } from 'node:stream';
import { percent } from './export-labels';

/** CSV as spreadsheet programs in China open it: UTF-8 with a BOM, CRLF line ends, RFC 4180 quoting. */
const BOM = '\uFEFF';

function csvLine(values: readonly (string | number | null | undefined)[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

function csvCell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  // A text cell a spreadsheet would run as a formula is defused with a leading apostrophe.
  const text = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The export as CSV: the filters it was made with (one "label,value" line each), a blank line, then
 * the table with its header row; rates as percentages ("42.86%"), as the bureau writes them.
 */
export function writeCsv(
  out: Writable,
  table: { filters: [string, string][]; headers: string[]; rows: (string | number | null)[][]; kinds: string[] },
): void {
  out.write(BOM);
  for (const line of table.filters) out.write(csvLine(line));
  out.write('\r\n');
  out.write(csvLine(table.headers));
  for (const row of table.rows) out.write(csvLine(row.map((v, i) => (table.kinds[i] === 'rate' ? percent(v as number | null) : v))));
  out.end();
}
