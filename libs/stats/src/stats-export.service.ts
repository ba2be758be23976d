import { Injectable } from '@nestjs/common';
import type { StaffPrincipal } from '@weiquan/identity';
import { dimensionName } from './dimension-names';
import type { ExportQuery } from './dto/stats-query.dto';
import type { ExportRows } from './export-labels';
import { exportFileName, filterLines } from './export-labels';
import { METRIC_HEADERS, MetricName, Metrics } from './metrics';
import { monthEnd } from './period';
import { StatsRepository } from './stats.repository';
import { StatsFilter, StatsService } from './stats.service';

type CellKind = 'text' | 'count' | 'money' | 'rate' | 'decimal';

export interface ExportTable {
  /** The filters it was made with, one [label, value] pair a line. */
  filters: [string, string][];
  headers: string[];
  rows: (string | number | null)[][];
  /** How each column reads (a rate is written as a percentage). */
  kinds: CellKind[];
  /** In Chinese (Content-Disposition's filename*), and in ASCII for clients that read only filename. */
  fileName: string;
  asciiName: string;
}

function metricKind(n: MetricName): CellKind {
  if (n === 'recovered' || n === 'recoveredAtSource') return 'money';
  if (n === 'averageHandlingWorkingDays' || n === 'averageSettlementWorkingDays') return 'decimal';
  return n.endsWith('Rate') ? 'rate' : 'count';
}

const CODE_HEADER: Record<ExportRows, string> = {
  month: '月份',
  area: '区域代码',
  category: '类别代码',
  unit: '单位代码',
  venue: '场所代码',
  channel: '购买渠道代码',
  prepaid: '预付式消费',
  issueType: '问题类型代码',
};

/** GET /stats/export: the rows (one per month, area, category, unit, venue, channel, prepaid or issue type) and what they were made with. */
@Injectable()
export class StatsExportService {
  constructor(
    private readonly stats: StatsService,
    private readonly repo: StatsRepository,
  ) {}

  async table(p: StaffPrincipal, q: ExportQuery): Promise<ExportTable> {
    const by: ExportRows = q.by ?? 'month';
    const f = await this.stats.filter(p, q, by === 'unit' || by === 'venue');
    let rows: { from: string; to: string; code: string; name: string | null; m: Metrics }[];
    if (by === 'month') {
      rows = (await this.stats.series(f, 'month')).map(([from, m]) => ({
        from,
        to: monthEnd(from) < f.to ? monthEnd(from) : f.to,
        code: from.slice(0, 7),
        name: `${+from.slice(0, 4)}年${+from.slice(5, 7)}月`,
        m,
      }));
    } else if (by === 'unit') {
      rows = (await this.stats.units(p, q)).items.map((u) => ({ from: f.from, to: f.to, code: u.unit.code, name: u.unit.name, m: u }));
    } else if (by === 'venue') {
      rows = (await this.stats.units(p, q)).venues.map((v) => ({ from: f.from, to: f.to, code: v.venue.code, name: v.venue.name, m: v }));
    } else {
      rows = (await this.stats.breakdown(f, by)).map((r) => ({ from: f.from, to: f.to, code: r.code, name: r.name, m: r }));
    }
    const metricNames = Object.keys(METRIC_HEADERS) as MetricName[];
    const format = q.format ?? 'csv';
    return {
      filters: filterLines(await this.described(p, f, by)),
      headers: ['起始日', '截止日', CODE_HEADER[by], '名称', ...metricNames.map((n) => METRIC_HEADERS[n])],
      rows: rows.map((r) => [r.from, r.to, r.code, r.name, ...metricNames.map((n) => r.m[n])]),
      kinds: ['text', 'text', 'text', 'text', ...metricNames.map(metricKind)],
      fileName: exportFileName({ from: f.from, to: f.to, by }, format),
      asciiName: `stats-${by}-${f.from}-${f.to}.${format}`,
    };
  }

  /** The filters in words: names from the directory, whose figures they are. */
  private async described(p: StaffPrincipal, f: StatsFilter, by: ExportRows) {
    const [area, category] = await Promise.all([
      f.area ? this.repo.names('area', [f.area]) : null,
      f.category ? this.repo.names('category', [f.category]) : null,
    ]);
    const [unit] = f.units?.length === 1 ? await this.repo.units(f.units) : [];
    const scope =
      f.units === null
        ? '全市'
        : unit
          ? `${unit.name}（${unit.code}）`
          : `${p.unit?.name ?? p.unit?.code ?? ''}及所辖服务站（${f.units.length} 个单位）`;
    // "2026-12-04 11:20": Swedish dates are ISO-shaped.
    const at = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' }).format(new Date());
    return {
      from: f.from,
      to: f.to,
      area: f.area ? { code: f.area, name: area?.get(f.area) ?? null } : null,
      category: f.category ? { code: f.category, name: category?.get(f.category) ?? null } : null,
      track: f.track,
      channel: f.channel ? { code: f.channel, name: dimensionName('channel', f.channel) } : null,
      prepaid: f.prepaid,
      scope,
      by,
      at,
    };
  }
}
