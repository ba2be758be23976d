import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';

/**
 * The export as a real workbook (exceljs, streamed): the figures on the first sheet (统计), Chinese
 * headers in bold on a frozen first row, money in yuan as numbers with two decimals, rates as
 * percentages; the filters it was made with on the second (筛选条件).
 */
export async function writeXlsx(
  out: Writable,
  table: { filters: [string, string][]; headers: string[]; rows: (string | number | null)[][] },
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
  const filters = book.addWorksheet('筛选条件');
  filters.columns = [
    { header: '筛选条件', width: 14 },
    { header: '取值', width: 60 },
  ];
  filters.getRow(1).font = { bold: true };
  filters.getRow(1).commit();
  for (const line of table.filters) filters.addRow(line).commit();
  filters.commit();
  await book.commit();
}
