import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';

/**
 * The export as a real workbook (exceljs, streamed): Chinese headers in bold on a frozen first row,
 * money in yuan as numbers with two decimals, rates as percentages.
 */
export async function writeXlsx(
  out: Writable,
  table: { headers: string[]; rows: (string | number | null)[][] },
  sheetName: string,
  kinds: ('text' | 'count' | 'money' | 'rate' | 'decimal')[],
): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  book.creator = '聊城市消费维权投诉举报处理系统';
  const sheet = book.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.headers.map((header, i) => ({
    header,
    width: Math.max(10, [...header].length * 2 + 2),
    style: { numFmt: { money: '#,##0.00', rate: '0.00%', decimal: '0.0', count: '0', text: '@' }[kinds[i]] },
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for (const row of table.rows) {
    sheet.addRow(row.map((v, i) => (v !== null && kinds[i] !== 'text' ? Number(v) : v))).commit();
  }
  sheet.commit();
  await book.commit();
}
