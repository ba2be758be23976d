import { Alert, Card, Col, Empty, Row, Spin, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { useCallback, useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { useLang } from '../lib/i18n';
import { periodCases } from './drill';
import type { ChartOption } from './lazy-chart';
import { Chart } from './lazy-chart';
import type { Filters } from './filters';
import { statsQuery } from './filters';
import { count } from './format';
import type { Breakdown, BreakdownItem } from '../api/types';
import type { Loaded } from './use-api';
import { useApi } from './use-api';

/** Slices of the category pie before the rest are folded into "other". */
const PIE_SLICES = 8;
/** The pie's colours, which the table beside it (its legend) repeats. */
const PALETTE = ['#5470c6', '#91cc75', '#fac858', '#ee6666', '#73c0de', '#3ba272', '#fc8452', '#9a60b4', '#8c8c8c'];

export function Body<T>({ state, empty, children }: { state: Loaded<T>; empty: boolean; children: () => ReactNode }) {
  const { t } = useLang();
  if (state.error)
    return <Alert type="error" showIcon title={t('数据读取失败', 'Could not load the figures')} description={state.error.message} />;
  if (!state.data)
    return (
      <div className="wq-chart-placeholder">
        <Spin />
      </div>
    );
  if (empty) return <Empty description={t('所选期间没有数据', 'No data in this period')} />;
  return <Spin spinning={state.loading}>{children()}</Spin>;
}

/**
 * Complaints and reports (stacked) and resolved, by the respondent's area, most first. A click on an
 * area's row, or its link below the chart (the keyboard's way), opens the cases of that area received
 * in the period.
 */
function AreaBreakdown(props: { filters: Filters; areaAllowed: boolean; nonce: number; drill: boolean }) {
  const { filters, areaAllowed, nonce } = props;
  const { t } = useLang();
  const navigate = useNavigate();
  const state = useApi<Breakdown>(areaAllowed ? `/stats/hotspots?${statsQuery(filters, { by: 'area', limit: 100 })}` : null, nonce);
  const items = useMemo(() => state.data?.items ?? [], [state.data]);
  const rows = useMemo(() => [...items].reverse(), [items]); // the largest at the top of a horizontal bar chart
  const name = useCallback((i: BreakdownItem) => i.name ?? t(`${i.code}（市外）`, `${i.code} (outside the city)`), [t]);
  const link = (i: BreakdownItem) => periodCases(filters, { area: i.code });
  const option = useMemo<ChartOption>(() => {
    const bar = (label: string, values: number[], color: string, stack?: string) => ({
      name: label,
      type: 'bar',
      stack,
      data: values,
      itemStyle: { color },
      barMaxWidth: 18,
    });
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: rows.map(name), axisLabel: { width: 110, overflow: 'truncate' } },
      series: [
        bar(
          t('投诉', 'Complaints'),
          rows.map((i) => i.complaints),
          '#5470c6',
          'received',
        ),
        bar(
          t('举报', 'Reports'),
          rows.map((i) => i.reports),
          '#9a60b4',
          'received',
        ),
        bar(
          t('调解成功', 'Resolved'),
          rows.map((i) => i.resolved),
          '#fac858',
        ),
      ],
    };
  }, [rows, name, t]);
  return (
    <Card
      title={t('区域分布', 'By area')}
      extra={<Typography.Text type="secondary">{t('被投诉人所在区域', "respondent's area")}</Typography.Text>}
      data-testid="by-area"
    >
      {!areaAllowed ? (
        <Alert
          type="info"
          showIcon
          title={t('本账号的统计按单位汇总，没有区域分组', 'Your figures are cut by unit, which has no breakdown by area')}
        />
      ) : (
        <Body state={state} empty={items.every((i) => !i.received && !i.resolved)}>
          {() => (
            <>
              <Chart
                option={option}
                height={Math.max(260, items.length * 34 + 48)}
                testId="chart-area"
                label={t('区域分布图：投诉、举报与调解成功', 'Chart by area: complaints, reports and resolved')}
                onRowClick={
                  props.drill
                    ? (row) => {
                        if (rows[row]) void navigate(link(rows[row]));
                      }
                    : undefined
                }
              />
              {props.drill && (
                <nav className="wq-drill-links" aria-label={t('各区域期间内收到的案件', 'The cases of each area received in the period')}>
                  <Typography.Text type="secondary">{t('查看案件：', 'Cases:')}</Typography.Text>
                  {items.map((i) => (
                    <Link key={i.code} to={link(i)} data-testid={`area-cases-${i.code}`}>
                      {name(i)}
                    </Link>
                  ))}
                </nav>
              )}
            </>
          )}
        </Body>
      )}
    </Card>
  );
}

interface Slice {
  code: string | null;
  name: string;
  complaints: number;
  reports: number;
  received: number;
  color: string;
}

/**
 * Received by category: a pie of the largest (the rest folded into "other") and, as its legend, a table
 * of the same rows, whose names open the cases behind them (as a click on a slice does).
 */
function CategoryBreakdown(props: { filters: Filters; areaAllowed: boolean; nonce: number; drill: boolean }) {
  const { t } = useLang();
  const navigate = useNavigate();
  const f = props.filters;
  const state = useApi<Breakdown>(
    `/stats/hotspots?${statsQuery(f, { by: 'category', limit: 100 }, { area: props.areaAllowed })}`,
    props.nonce,
  );
  const slices = useMemo<Slice[]>(() => {
    const items = (state.data?.items ?? []).filter((i) => i.received > 0);
    const head: Slice[] = items.slice(0, PIE_SLICES).map((i, k) => ({
      code: i.code,
      name: i.name ?? i.code,
      complaints: i.complaints,
      reports: i.reports,
      received: i.received,
      color: PALETTE[k],
    }));
    const rest = items.slice(PIE_SLICES);
    if (rest.length)
      head.push({
        code: null,
        name: t(`其他 ${rest.length} 类`, `${rest.length} others`),
        complaints: rest.reduce((n, i) => n + i.complaints, 0),
        reports: rest.reduce((n, i) => n + i.reports, 0),
        received: rest.reduce((n, i) => n + i.received, 0),
        color: PALETTE[PIE_SLICES],
      });
    return head;
  }, [state.data, t]);
  const link = (s: Slice) => (props.drill && s.code ? periodCases(f, { category: s.code }) : null);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)', confine: true },
      legend: { show: false },
      series: [
        {
          name: t('收到', 'Received'),
          type: 'pie',
          radius: ['45%', '80%'],
          avoidLabelOverlap: true,
          itemStyle: { borderColor: '#fff', borderWidth: 2 },
          label: { show: false },
          data: slices.map((s) => ({ name: s.name, value: s.received, itemStyle: { color: s.color } })),
        },
      ],
    }),
    [slices, t],
  );
  const columns: ColumnsType<Slice> = [
    {
      title: t('类别', 'Category'),
      key: 'name',
      render: (_v, s) => {
        const to = link(s);
        return (
          <span className="wq-legend-row">
            <span className="wq-legend-swatch" style={{ background: s.color }} aria-hidden />
            {to ? (
              <Link to={to} title={t('在案件队列中查看统计期间内收到的案件', 'Open the cases received in the period in the queue')}>
                {s.name}
              </Link>
            ) : (
              s.name
            )}
          </span>
        );
      },
    },
    { title: t('投诉', 'Complaints'), dataIndex: 'complaints', key: 'complaints', align: 'right', width: 80, render: count },
    { title: t('举报', 'Reports'), dataIndex: 'reports', key: 'reports', align: 'right', width: 80, render: count },
  ];
  return (
    <Card
      title={t('类别分布', 'By category')}
      extra={<Typography.Text type="secondary">{t('收到件数', 'cases received')}</Typography.Text>}
      data-testid="by-category"
    >
      <Body state={state} empty={!slices.length}>
        {() => (
          <div className="wq-pie">
            <Chart
              option={option}
              height={220}
              testId="chart-category"
              label={t('类别分布图', 'Chart by category')}
              onClick={(e) => {
                const to = link(slices[e.dataIndex]);
                if (to) void navigate(to);
              }}
            />
            <div data-testid="category-table">
              <Table<Slice> size="small" rowKey={(s) => s.code ?? 'other'} columns={columns} dataSource={slices} pagination={false} />
            </div>
          </div>
        )}
      </Body>
    </Card>
  );
}

export function Breakdowns(props: { filters: Filters; areaAllowed: boolean; nonce: number; drill: boolean }) {
  return (
    <Row gutter={[16, 16]}>
      {props.areaAllowed && (
        <Col xs={24} lg={12}>
          <AreaBreakdown {...props} />
        </Col>
      )}
      <Col xs={24} lg={props.areaAllowed ? 12 : 24}>
        <CategoryBreakdown {...props} />
      </Col>
    </Row>
  );
}
