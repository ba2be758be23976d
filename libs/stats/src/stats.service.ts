import { Injectable } from '@nestjs/common';
import { chinaDate } from '@weiquan/calendar';
import { readScope } from '@weiquan/cases/handling/case-scope';
import { fenToYuan, FieldProblem, invalid, LocalizedException } from '@weiquan/core';
import type { StaffPrincipal } from '@weiquan/identity';
import { changes, comparisonPeriods } from './comparison.rules';
import type { Dimension } from './dimension-names';
import { dimensionName } from './dimension-names';
import type { HotspotsQuery, StatsFilterQuery, TimeseriesQuery } from './dto/stats-query.dto';
import { addCounters, Metrics, metrics, rate, Sums, trackedRow, zeroCounters } from './metrics';
import { askedPeriod, bucketOf, buckets, daysIn, Interval, isIsoDate, monthEnd, monthStart, Segment, splitPeriod } from './period';
import { ALL } from './stat-event';
import { OpenRepository } from './open.repository';
import { AreaDetail, GroupBy, StatsRepository, StatsUnitRow } from './stats.repository';

type VenueInfo = NonNullable<StatsUnitRow['venue']>;

/** The filters of a request, checked and scoped. `units` null: the whole city, read from the area rollups. */
export interface StatsFilter {
  from: string;
  to: string;
  area: string | null;
  category: string | null;
  track: 'complaint' | 'report' | null;
  channel: string | null;
  prepaid: boolean | null;
  units: string[] | null;
  /** Figures cut by unit (a unit filter, a unit-scoped role, the league table): read from the unit rollups. */
  byUnit: boolean;
}

/** Longest period a request may cover, and per time-series interval. */
const MAX_DAYS = { all: 366 * 20, day: 366, week: 366 * 5, month: 366 * 20 };
const CUT_BY_UNIT: FieldProblem['message'] = {
  zh: '按单位统计（指定了单位、本角色只能查看本单位数据，或单位排行）时不能按此条件筛选；可用条件：起止日期、类别、类型',
  en: 'not available for figures cut by unit (a unit filter, a unit-scoped role, or the league table); those take from, to, categoryCode and track',
};

const NO_BUSINESS_STATS = { zh: '经营者用户不能查看统计分析', en: 'business users have no statistics' };
const NOT_BY_UNIT = (by: string) => ({
  zh: '按单位统计时没有此分组（单位汇总表不分区域、购买渠道、预付式消费和问题类型）',
  en: `by=${by} is not available for figures cut by unit (the unit rollup has no area, channel, prepaid or issue type)`,
});

/** The breakdowns of GET /stats/hotspots and the export other than by respondent, month, unit or venue. */
export type BreakdownBy = 'area' | 'category' | Dimension;

/** The /stats reads: rollups and the directory only, never the cases table (docs/ARCHITECTURE.md, invariant 6). */
@Injectable()
export class StatsService {
  constructor(
    private readonly repo: StatsRepository,
    private readonly open: OpenRepository,
  ) {}

  async summary(p: StaffPrincipal, q: StatsFilterQuery) {
    const f = await this.filter(p, q, false);
    const today = chinaDate(new Date());
    // 环比 and 同比: the same filters over the periods comparison.rules.ts says.
    const compared = comparisonPeriods(f);
    const [k, previous, lastYear, [open]] = await Promise.all([
      this.total(f),
      this.total({ ...f, ...compared.previous }),
      this.total({ ...f, ...compared.lastYear }),
      this.open.openCounts(f, today, false),
    ]);
    const m = metrics(k, f.byUnit);
    return {
      period: { from: f.from, to: f.to },
      cut: f.byUnit ? 'unit' : 'city',
      ...m,
      open: Number(open?.open ?? 0),
      overdue: Number(open?.overdue ?? 0),
      asOf: today,
      comparison: {
        previous: compared.previous,
        lastYear: compared.lastYear,
        changes: changes(m, metrics(previous, f.byUnit), metrics(lastYear, f.byUnit)),
      },
    };
  }

  async timeseries(p: StaffPrincipal, q: TimeseriesQuery) {
    const interval: Interval = q.interval ?? 'month';
    const f = await this.filter(p, q, false, interval);
    const points = await this.series(f, interval);
    return {
      metric: q.metric,
      interval,
      period: { from: f.from, to: f.to },
      cut: f.byUnit ? 'unit' : 'city',
      points: points.map(([period, m]) => ({ period, value: m[q.metric] })),
    };
  }

  async hotspots(p: StaffPrincipal, q: HotspotsQuery) {
    const limit = q.limit ?? 10;
    if (q.by === 'respondent') return this.respondents(p, q, limit);
    const f = await this.filter(p, q, false);
    const items = await this.breakdown(f, q.by);
    return { by: q.by, period: { from: f.from, to: f.to }, cut: f.byUnit ? 'unit' : 'city', items: items.slice(0, limit) };
  }

  /**
   * The league table: every unit in scope with activity in the period or cases open now; and per
   * venue, the sum of its stations' rows (the directory says which station is at which venue).
   * Enrolled businesses are not units of this table.
   */
  async units(p: StaffPrincipal, q: StatsFilterQuery) {
    const f = await this.filter(p, q, true);
    const today = chinaDate(new Date());
    const [groups, open] = await Promise.all([this.grouped(f, 'unit'), this.open.openCounts(f, today, true)]);
    const load = new Map(open.map((o) => [o.key!, o]));
    const all = [...new Set([...groups.keys(), ...load.keys()])];
    const info = new Map((all.length ? await this.repo.units(all) : []).map((u) => [u.code, u]));
    // Cases a business holds are open at its code: businesses have their own table (GET /stats/businesses).
    const unlisted = all.filter((code) => !info.has(code));
    const businesses = unlisted.length ? await this.repo.enrolledBusinesses(unlisted) : new Set<string>();
    const codes = all.filter((code) => !businesses.has(code));
    const venues = new Map<string, { venue: VenueInfo; k: Sums; stations: string[]; load: number; overdue: number }>();
    const items = codes.map((code) => {
      const u = info.get(code);
      const k = groups.get(code) ?? zeroCounters();
      const row = {
        unit: { code, name: u?.name ?? null, type: u?.type ?? null, areaCode: u?.areaCode ?? null, venue: u?.venue ?? null },
        ...metrics(k, true),
        load: Number(load.get(code)?.open ?? 0),
        overdue: Number(load.get(code)?.overdue ?? 0),
      };
      if (u?.venue) {
        const v = venues.get(u.venue.code) ?? { venue: u.venue, k: zeroCounters(), stations: [], load: 0, overdue: 0 };
        addCounters(v.k, k);
        v.stations.push(code);
        v.load += row.load;
        v.overdue += row.overdue;
        venues.set(u.venue.code, v);
      }
      return row;
    });
    items.sort((a, b) => b.received - a.received || (a.unit.code < b.unit.code ? -1 : 1));
    const byVenue = [...venues.values()].map((v) => ({
      venue: v.venue,
      stations: v.stations.sort(),
      ...metrics(v.k, true),
      load: v.load,
      overdue: v.overdue,
    }));
    byVenue.sort((a, b) => b.received - a.received || (a.venue.code < b.venue.code ? -1 : 1));
    return { period: { from: f.from, to: f.to }, asOf: today, items, venues: byVenue };
  }

  private async respondents(p: StaffPrincipal, q: HotspotsQuery, limit: number) {
    const f = await this.filter(p, q, false);
    const problems: FieldProblem[] = [];
    const perMonth = { zh: '被投诉人排行只能按起止日期、单位和类型筛选', en: 'respondent hotspots take from, to, unit and track only' };
    for (const field of ['areaCode', 'categoryCode', 'channel', 'prepaid'] as const)
      if (q[field] !== undefined) problems.push({ field, message: perMonth });
    if (problems.length) throw invalid(problems);
    // The respondent rollup is monthly: the period widens to the whole months it touches.
    const from = monthStart(f.from);
    const to = monthEnd(f.to);
    const rows = await this.repo.respondentHotspots({
      units: f.units ?? [ALL],
      from,
      to: monthStart(f.to),
      measure: f.track === 'complaint' ? 'complaints' : f.track === 'report' ? 'reports' : 'received',
      candidates: Math.max(limit * 5, 100),
      limit,
    });
    const n = (v: string | undefined) => Number(v ?? 0);
    return {
      by: 'respondent',
      period: { from, to },
      cut: f.byUnit ? 'unit' : 'city',
      items: rows.map((r) => ({
        respondent: {
          key: r.respondent_key,
          creditCode: r.respondent_key.startsWith('uscc:') ? r.respondent_key.slice(5) : null,
          name: r.name,
          areaCode: r.area_code,
        },
        received: n(r.complaints) + n(r.reports),
        complaints: n(r.complaints),
        reports: n(r.reports),
        accepted: n(r.accepted),
        refused: n(r.refused),
        resolved: n(r.resolved),
        terminated: n(r.terminated),
        withdrawn: n(r.withdrawn),
        recovered: fenToYuan(r.recovered_fen ?? '0'),
        reportsOpened: n(r.reports_opened),
        settled: n(r.settled),
        mediationSuccessRate: rate(n(r.resolved), n(r.resolved) + n(r.terminated)),
      })),
    };
  }

  /** Metrics per area, category, purchase channel, prepaid or not, or issue type; most received first. */
  async breakdown(f: StatsFilter, by: BreakdownBy) {
    if (by !== 'category' && f.byUnit) throw invalid([{ field: 'by', message: NOT_BY_UNIT(by) }]);
    const groups = await this.grouped(f, by);
    const names =
      by === 'area' || by === 'category'
        ? await this.repo.names(by, [...groups.keys()])
        : new Map([...groups.keys()].map((code) => [code, dimensionName(by, code)]));
    const items = [...groups].map(([code, k]) => ({ code, name: names.get(code) ?? null, ...metrics(k, f.byUnit) }));
    return items.sort((a, b) => b.received - a.received || (a.code < b.code ? -1 : 1));
  }

  async series(f: StatsFilter, interval: Interval): Promise<[string, Metrics][]> {
    // Days and weeks from the daily rollup; months as whole months plus edge days.
    const segments: Segment[] = interval === 'month' ? splitPeriod(f.from, f.to) : [{ grain: 'day', from: f.from, to: f.to }];
    const rows = await this.grouped(f, 'bucket', segments);
    const byBucket = new Map(buckets(f.from, f.to, interval).map((b) => [b, zeroCounters()]));
    for (const [day, k] of rows) addCounters(byBucket.get(bucketOf(day, interval, f.from))!, k);
    return [...byBucket].map(([b, k]) => [b, metrics(k, f.byUnit)]);
  }

  private async total(f: StatsFilter): Promise<Sums> {
    return (await this.grouped(f, 'none')).get('') ?? zeroCounters();
  }

  /** Counters summed over the period's segments, per group ('' when not grouped). */
  private async grouped(f: StatsFilter, groupBy: GroupBy, segments = splitPeriod(f.from, f.to)): Promise<Map<string, Sums>> {
    const parts = await Promise.all(
      segments.map((s) =>
        f.byUnit
          ? this.repo.sumUnit(
              s.grain,
              s.from,
              s.to,
              { units: f.units, category: f.category, track: f.track },
              groupBy as Exclude<GroupBy, 'area' | AreaDetail>,
            )
          : this.repo.sumArea(s.grain, s.from, s.to, f, groupBy as Exclude<GroupBy, 'unit'>),
      ),
    );
    const out = new Map<string, Sums>();
    for (const row of parts.flat()) {
      const key = row.key ?? '';
      out.set(key, addCounters(out.get(key) ?? zeroCounters(), trackedRow(row, f.byUnit)));
    }
    return out;
  }

  /** Checks the filters (400 naming each bad one) and applies the caller's scope (docs/ARCHITECTURE.md, invariant 7). */
  async filter(p: StaffPrincipal, q: StatsFilterQuery, unitCut: boolean, interval?: Interval): Promise<StatsFilter> {
    const problems: FieldProblem[] = [];
    const notDate = { zh: '不是有效的日期', en: 'is not a real date' };
    if (q.from !== undefined && !isIsoDate(q.from)) problems.push({ field: 'from', message: notDate });
    if (q.to !== undefined && !isIsoDate(q.to)) problems.push({ field: 'to', message: notDate });
    const today = chinaDate(new Date());
    const { from, to } = askedPeriod(q.from, q.to, today);
    if (!problems.length) {
      const max = MAX_DAYS[interval && interval !== 'month' ? interval : 'all'];
      if (from > today) problems.push({ field: 'from', message: { zh: '起始日不能晚于今天', en: 'must not be after today' } });
      else if (from > to) problems.push({ field: 'from', message: { zh: '起始日不能晚于截止日', en: 'must not be after to' } });
      else if (daysIn(from, to) > max) {
        problems.push({
          field: 'from',
          message: {
            zh: `统计期间最长 ${max} 天${interval === 'day' || interval === 'week' ? `（interval=${interval}）` : ''}`,
            en: `the period covers at most ${max} days${interval === 'day' || interval === 'week' ? ` with interval=${interval}` : ''}`,
          },
        });
      }
    }
    if (q.categoryCode !== undefined && !(await this.repo.categoryExists(q.categoryCode))) {
      problems.push({
        field: 'categoryCode',
        message: { zh: `未知的类别代码 "${q.categoryCode}"`, en: `unknown category "${q.categoryCode}"` },
      });
    }

    const scope = readScope(p);
    // A business's own users have no /stats (the controller's roles); its figures are its record's.
    if (scope.kind === 'business') throw new LocalizedException(403, NO_BUSINESS_STATS);
    const scoped =
      scope.kind === 'all'
        ? null
        : scope.kind === 'unit'
          ? [scope.unitCode]
          : [scope.unitCode, ...(await this.repo.stationsIn(scope.areaCode))];
    let units = scoped;
    if (q.unit !== undefined) {
      const [known] = await this.repo.units([q.unit]);
      if (!known) problems.push({ field: 'unit', message: { zh: `未知的单位代码 "${q.unit}"`, en: `unknown unit "${q.unit}"` } });
      else if (scoped && !scoped.includes(q.unit)) {
        throw new LocalizedException(403, {
          zh: '只能查看本单位（及所辖服务站）的统计',
          en: 'you may see the figures of your own unit (and the stations it oversees) only',
        });
      }
      units = [q.unit];
    }
    const byUnit = unitCut || units !== null;
    if (byUnit)
      for (const field of ['areaCode', 'channel', 'prepaid'] as const)
        if (q[field] !== undefined) problems.push({ field, message: CUT_BY_UNIT });
    if (problems.length) throw invalid(problems);
    return {
      from,
      to,
      units,
      byUnit,
      area: q.areaCode ?? null,
      category: q.categoryCode ?? null,
      track: q.track ?? null,
      channel: q.channel ?? null,
      prepaid: q.prepaid ?? null,
    };
  }
}
