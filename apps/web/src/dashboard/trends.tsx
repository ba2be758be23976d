import { Alert, Card, Empty, Segmented, Spin } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useLang } from '../lib/i18n';
import type { ChartOption } from './lazy-chart';
import { Chart } from './lazy-chart';
import { bucketDays, periodCases } from './drill';
import type { Filters } from './filters';
import { daysIn, INTERVAL_MAX_DAYS, statsQuery } from './filters';
import { SATISFACTION_REFERENCE } from './format';
import type { Interval, SeriesMetric, Timeseries } from '../api/types';
import { useApi } from './use-api';

const COLORS = {
  complaints: '#5470c6',
  reports: '#9a60b4',
  accepted: '#91cc75',
  resolved: '#fac858',
  settled: '#3ba272',
  satisfaction: '#b71c1c',
};
type Series = keyof typeof COLORS;

/** The interval to draw: the one asked for, or the next coarser one when the period is too long for it. */
function effectiveInterval(f: Filters): Interval {
  const days = daysIn(f.from, f.to);
  const order: Interval[] = ['day', 'week', 'month'];
  return order.slice(order.indexOf(f.interval)).find((i) => days <= INTERVAL_MAX_DAYS[i]) ?? 'month';
}

/**
 * Complaints and reports received (apart), accepted, resolved and settled at the source per day, week
 * or month, with the satisfaction rate on a second axis. The legend is the page's own, below the
 * chart: it wraps on a phone instead of covering the plot, and its buttons work from the keyboard.
 * For the roles that read cases, a click on a day, week or month opens the cases received in it.
 */
export function Trends(props: {
  filters: Filters;
  set: (patch: Partial<Filters>) => void;
  areaAllowed: boolean;
  nonce: number;
  drill: boolean;
}) {
  const { t, lang } = useLang();
  const navigate = useNavigate();
  const f = props.filters;
  const interval = effectiveInterval(f);
  const days = daysIn(f.from, f.to);
  const path = (metric: SeriesMetric) => `/stats/timeseries?${statsQuery(f, { metric, interval }, { area: props.areaAllowed })}`;
  const complaints = useApi<Timeseries>(path('complaints'), props.nonce);
  const reports = useApi<Timeseries>(path('reports'), props.nonce);
  const accepted = useApi<Timeseries>(path('accepted'), props.nonce);
  const resolved = useApi<Timeseries>(path('resolved'), props.nonce);
  const settled = useApi<Timeseries>(path('settled'), props.nonce);
  const satisfaction = useApi<Timeseries>(path('satisfactionRate'), props.nonce);
  const all = [complaints, reports, accepted, resolved, settled, satisfaction];
  const [hidden, setHidden] = useState<ReadonlySet<Series>>(new Set());
  const names = useMemo<Record<Series, string>>(
    () => ({
      complaints: t('投诉', 'Complaints'),
      reports: t('举报', 'Reports'),
      accepted: t('受理', 'Accepted'),
      resolved: t('调解成功', 'Resolved'),
      settled: t('源头化解', 'Settled at source'),
      satisfaction: t('满意率', 'Satisfaction'),
    }),
    [t],
  );
  const loading = all.some((s) => s.loading);
  const error = all.find((s) => s.error)?.error;
  const ready = all.every((s) => s.data);

  const option = useMemo<ChartOption | null>(() => {
    if (!complaints.data || !reports.data || !accepted.data || !resolved.data || !settled.data || !satisfaction.data) return null;
    const multiYear = f.from.slice(0, 4) !== f.to.slice(0, 4);
    const label = (p: string) => {
      if (interval === 'month') return lang === 'zh' ? `${+p.slice(0, 4)}年${+p.slice(5, 7)}月` : p.slice(0, 7);
      const d = multiYear ? p : p.slice(5);
      return interval === 'week' ? t(`${d} 起`, `wk ${d}`) : d;
    };
    const num = (v: number | string | null) => (v === null ? 0 : Number(v));
    const sat = satisfaction.data.points.map((p) => (p.value === null ? null : Math.round(Number(p.value) * 10_000) / 100));
    const many = complaints.data.points.length > 45;
    const bars = (key: Series, data: Timeseries, color: string) => ({
      name: names[key],
      id: key,
      type: many ? 'line' : 'bar',
      data: data.points.map((p) => num(p.value)),
      itemStyle: { color },
      showSymbol: false,
      barMaxWidth: 28,
    });
    const ref = SATISFACTION_REFERENCE * 100;
    return {
      color: Object.values(COLORS),
      tooltip: { trigger: 'axis', confine: true },
      grid: { left: 48, right: 56, top: 36, bottom: 32 },
      xAxis: { type: 'category', data: complaints.data.points.map((p) => label(p.period)), axisTick: { alignWithLabel: true } },
      yAxis: [
        { type: 'value', name: t('件', 'cases'), minInterval: 1 },
        {
          type: 'value',
          name: t('满意率', 'Satisfaction'),
          min: 0,
          max: 100,
          axisLabel: { formatter: '{value}%' },
          splitLine: { show: false },
        },
      ],
      series: [
        bars('complaints', complaints.data, COLORS.complaints),
        bars('reports', reports.data, COLORS.reports),
        bars('accepted', accepted.data, COLORS.accepted),
        bars('resolved', resolved.data, COLORS.resolved),
        bars('settled', settled.data, COLORS.settled),
        {
          name: names.satisfaction,
          id: 'satisfaction',
          type: 'line',
          yAxisIndex: 1,
          data: sat,
          connectNulls: true,
          showSymbol: true,
          showAllSymbol: true,
          symbolSize: 7,
          itemStyle: { color: COLORS.satisfaction },
          lineStyle: { width: 2 },
          tooltip: { valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v}%` : '—') },
          markLine: {
            symbol: 'none',
            silent: true,
            lineStyle: { type: 'dashed', color: '#8c8c8c' },
            label: { formatter: t(`参考值 ${ref}%`, `Reference ${ref}%`), position: 'insideStartTop', color: '#595959' },
            data: [{ yAxis: ref }],
          },
        },
      ].filter((x) => !hidden.has(x.id as Series)),
    };
  }, [
    complaints.data,
    reports.data,
    accepted.data,
    resolved.data,
    settled.data,
    satisfaction.data,
    interval,
    lang,
    t,
    names,
    f.from,
    f.to,
    hidden,
  ]);

  const empty =
    ready &&
    [complaints, reports].every((s) => s.data!.points.every((p) => !Number(p.value))) &&
    satisfaction.data!.points.every((p) => p.value === null);
  const toggle = (key: Series) =>
    setHidden((h) => {
      const next = new Set(h);
      if (!next.delete(key)) next.add(key);
      return next;
    });

  return (
    <Card
      title={t('趋势', 'Trends')}
      extra={
        <Segmented
          size="small"
          value={interval}
          onChange={(v) => props.set({ interval: v as Interval })}
          options={[
            { label: t('按日', 'Day'), value: 'day', disabled: days > INTERVAL_MAX_DAYS.day },
            { label: t('按周', 'Week'), value: 'week', disabled: days > INTERVAL_MAX_DAYS.week },
            { label: t('按月', 'Month'), value: 'month' },
          ]}
          data-testid="interval"
        />
      }
      data-testid="trends"
    >
      {error ? (
        <Alert type="error" showIcon title={t('趋势数据读取失败', 'Could not load the trends')} description={error.message} />
      ) : empty ? (
        <Empty description={t('所选期间没有数据', 'No data in this period')} />
      ) : option ? (
        <Spin spinning={loading}>
          <Chart
            option={option}
            height={320}
            testId="chart-trends"
            // A column opens the cases received in it (the queue's period is the day a case arrived): what
            // the complaints and reports series count there; the other series count that column's events.
            onColumnClick={
              props.drill
                ? (i) => {
                    const start = complaints.data?.points[i]?.period;
                    if (start) void navigate(periodCases({ ...f, ...bucketDays(start, interval, f) }, {}, { area: props.areaAllowed }));
                  }
                : undefined
            }
            label={t(
              '投诉、举报、受理、调解成功、源头化解与满意率趋势',
              'Complaints, reports, accepted, resolved, settled at the source and satisfaction over time',
            )}
          />
          <div
            className="wq-legend"
            role="group"
            aria-label={t('图例：点击显示或隐藏', 'Legend: show or hide')}
            data-testid="trends-legend"
          >
            {(Object.keys(COLORS) as Series[]).map((key) => (
              <button key={key} type="button" aria-pressed={!hidden.has(key)} onClick={() => toggle(key)}>
                <span className="wq-legend-swatch" style={{ background: COLORS[key] }} aria-hidden />
                {names[key]}
              </button>
            ))}
          </div>
        </Spin>
      ) : (
        <div className="wq-chart-placeholder">
          <Spin />
        </div>
      )}
    </Card>
  );
}
