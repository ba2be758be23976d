/** CSV as spreadsheet programs in China open it: UTF-8 with a BOM, CRLF line ends, RFC 4180 quoting. */
export const BOM = '\uFEFF';

export function csvLine(values: readonly (string | number | null | undefined)[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

function csvCell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  // A text cell a spreadsheet would run as a formula is defused with a leading apostrophe.
  const text = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
