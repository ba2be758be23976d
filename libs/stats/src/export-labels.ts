/**
 * What an export says about itself: the filters it was made with (a block above the CSV's table, a
 * sheet of the workbook), and its file name in Chinese. Pure; the service gives it the names.
 */

const EXPORT_ROW_NAMES = {
  month: '月份',
  area: '区域',
  category: '类别',
  unit: '单位',
  venue: '场所',
  channel: '购买渠道',
  prepaid: '预付式消费',
  issueType: '问题类型',
} as const;
export type ExportRows = keyof typeof EXPORT_ROW_NAMES;

export interface ExportFilters {
  from: string;
  to: string;
  /** Code and name of each filter that was set; null when not set. */
  area: { code: string; name: string | null } | null;
  category: { code: string; name: string | null } | null;
  track: 'complaint' | 'report' | null;
  channel: { code: string; name: string | null } | null;
  prepaid: boolean | null;
  /** Whose figures: the whole city, or a unit's (and the stations it oversees). */
  scope: string;
  by: ExportRows;
  /** When it was made, China time, "YYYY-MM-DD HH:mm". */
  at: string;
}

const named = (v: { code: string; name: string | null } | null) => (v ? (v.name ? `${v.name}（${v.code}）` : v.code) : '全部');

/** The filter block: one [label, value] pair a line. */
export function filterLines(f: ExportFilters): [string, string][] {
  return [
    ['统计期间', `${f.from} 至 ${f.to}`],
    ['统计范围', f.scope],
    ['区域', named(f.area)],
    ['类别', named(f.category)],
    ['类型', f.track === 'complaint' ? '投诉' : f.track === 'report' ? '举报' : '全部（投诉和举报）'],
    ['购买渠道', named(f.channel)],
    ['预付式消费', f.prepaid === null ? '全部' : f.prepaid ? '是' : '否'],
    ['每行', EXPORT_ROW_NAMES[f.by]],
    ['口径', '比率为百分数；金额单位为元；收到按收到日计，办理结果按办理日计（docs/METRICS.md）'],
    ['导出时间', `${f.at}（北京时间）`],
  ];
}

function lastDayOf(month: string): string {
  const [y, m] = [+month.slice(0, 4), +month.slice(5, 7)];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

/** The period as a file name says it: 2026-11 for a whole month, 2026 for a whole year, else both days. */
function periodLabel(from: string, to: string): string {
  if (from.slice(5) === '01-01' && to.slice(5) === '12-31' && from.slice(0, 4) === to.slice(0, 4)) return from.slice(0, 4);
  if (from.slice(8) === '01' && from.slice(0, 7) === to.slice(0, 7) && to === lastDayOf(to.slice(0, 7))) return from.slice(0, 7);
  return `${from}至${to}`;
}

/** 聊城市消费投诉统计_2026-11_按月份.xlsx */
export function exportFileName(f: { from: string; to: string; by: ExportRows }, format: 'csv' | 'xlsx'): string {
  return `聊城市消费投诉统计_${periodLabel(f.from, f.to)}_按${EXPORT_ROW_NAMES[f.by]}.${format}`;
}

/**
 * Content-Disposition for a file name outside ASCII (RFC 6266, RFC 8187): the name in `filename*`,
 * UTF-8 and percent-encoded, and an ASCII `filename` for the clients that read only that.
 */
export function attachment(fileName: string, asciiFallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encoded}`;
}

/** A rate as the bureau writes it in a sheet: 0.4286 → "42.86%", 1 → "100%", null → "" (nothing to divide). */
export function percent(rate: number | null): string {
  return rate === null ? '' : `${+(rate * 100).toFixed(2)}%`;
}
