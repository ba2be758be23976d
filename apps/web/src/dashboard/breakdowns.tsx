import { Alert, Card, Col, Empty, Row, Spin, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { useMemo } from 'react';
import { useLang } from '../lib/i18n';
import type { ChartOption } from './chart';
import { Chart } from './chart';
import type { Filters } from './filters';
import { statsQuery } from './filters';
import { count, money, nullsLast } from './format';
import type { Breakdown, BreakdownItem, RespondentItem, Respondents } from '../api/types';
import type { Loaded } from './use-api';
import { useApi } from './use-api';

/** Slices of the category pie before the rest are folded into "other". */
const PIE_SLICES = 8;

function Body<T>({ state, empty, children }: { state: Loaded<T>; empty: boolean; children: () => ReactNode }) {
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

/** Received and resolved by the respondent's area, most first. */
function AreaBreakdown({ filters, areaAllowed, nonce }: { filters: Filters; areaAllowed: boolean; nonce: number }) {
  const { t } = useLang();
  const state = useApi<Breakdown>(areaAllowed ? `/stats/hotspots?${statsQuery(filters, { by: 'area', limit: 100 })}` : null, nonce);
  const items = useMemo(() => state.data?.items ?? [], [state.data]);
  const option = useMemo<ChartOption>(() => {
    const name = (i: BreakdownItem) => i.name ?? t(`${i.code}（市外）`, `${i.code} (outside the city)`);
    const rows = [...items].reverse(); // the largest at the top of a horizontal bar chart
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 40, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: rows.map(name), axisLabel: { width: 120, overflow: 'truncate' } },
      series: [
        {
          name: t('收到', 'Received'),
          type: 'bar',
          data: rows.map((i) => i.received),
          itemStyle: { color: '#5470c6' },
          barMaxWidth: 18,
          label: { show: true, position: 'right' },
        },
        {
          name: t('调解成功', 'Resolved'),
          type: 'bar',
          data: rows.map((i) => i.resolved),
          itemStyle: { color: '#fac858' },
          barMaxWidth: 18,
        },
      ],
    };
  }, [items, t]);
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
            <Chart
              option={option}
              height={Math.max(260, items.length * 34 + 48)}
              testId="chart-area"
              label={t('区域分布图', 'Chart by area')}
            />
          )}
        </Body>
      )}
    </Card>
  );
}

/** Received by category: the largest slices, the rest folded into "other". */
function CategoryBreakdown({ filters, areaAllowed, nonce }: { filters: Filters; areaAllowed: boolean; nonce: number }) {
  const { t } = useLang();
  const state = useApi<Breakdown>(`/stats/hotspots?${statsQuery(filters, { by: 'category', limit: 100 }, { area: areaAllowed })}`, nonce);
  const items = useMemo(() => (state.data?.items ?? []).filter((i) => i.received > 0), [state.data]);
  const option = useMemo<ChartOption>(() => {
    const head = items.slice(0, PIE_SLICES).map((i) => ({ name: i.name ?? i.code, value: i.received }));
    const rest = items.slice(PIE_SLICES).reduce((n, i) => n + i.received, 0);
    if (rest) head.push({ name: t('其他', 'Other'), value: rest });
    return {
      baseOption: {
        tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
        legend: {
          type: 'plain',
          orient: 'vertical',
          left: 340,
          top: 'middle',
          itemGap: 8,
          textStyle: { width: 150, overflow: 'truncate' },
        },
        series: [
          {
            name: t('收到', 'Received'),
            type: 'pie',
            radius: [58, 100],
            center: [170, '50%'],
            avoidLabelOverlap: true,
            itemStyle: { borderColor: '#fff', borderWidth: 2 },
            label: { formatter: '{c}', fontSize: 12 },
            data: head,
          },
        ],
      },
      // A card too narrow for the two side by side (a phone): the legend goes below the pie.
      media: [
        {
          query: { maxWidth: 520 },
          option: { legend: { orient: 'horizontal', left: 'center', top: 'auto', bottom: 0 }, series: [{ center: ['50%', 120] }] },
        },
      ],
    };
  }, [items, t]);
  return (
    <Card
      title={t('类别分布', 'By category')}
      extra={<Typography.Text type="secondary">{t('收到件数', 'cases received')}</Typography.Text>}
      data-testid="by-category"
    >
      <Body state={state} empty={!items.length}>
        {() => (
          <Chart
            option={option}
            height={Math.max(260, Math.min(items.length, PIE_SLICES + 1) * 26 + 40)}
            testId="chart-category"
            label={t('类别分布图', 'Chart by category')}
          />
        )}
      </Body>
    </Card>
  );
}

export function Breakdowns(props: { filters: Filters; areaAllowed: boolean; nonce: number }) {
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

/** The most complained-about businesses (by credit code, else by normalised name), monthly. */
export function HotspotBusinesses({ filters, nonce }: { filters: Filters; nonce: number }) {
  const { t } = useLang();
  // Respondent hotspots take the period, unit and track only (the API answers 400 to area or category).
  const state = useApi<Respondents>(
    `/stats/hotspots?${statsQuery(filters, { by: 'respondent', limit: 10 }, { area: false, category: false })}`,
    nonce,
  );
  const columns: ColumnsType<RespondentItem> = [
    { title: '#', key: 'rank', width: 48, render: (_v, _r, i) => i + 1 },
    { title: t('经营者', 'Business'), key: 'name', width: 260, render: (_v, r) => r.respondent.name ?? '—', ellipsis: { showTitle: true } },
    {
      title: t('统一社会信用代码', 'Credit code'),
      key: 'creditCode',
      width: 200,
      render: (_v, r) =>
        r.respondent.creditCode ?? (
          <Typography.Text type="secondary">{t('未提供（按名称归并）', 'none (matched by name)')}</Typography.Text>
        ),
    },
    {
      title: t('投诉', 'Complaints'),
      dataIndex: 'complaints',
      key: 'complaints',
      align: 'right',
      width: 110,
      sorter: (a, b) => a.complaints - b.complaints,
      render: count,
    },
    {
      title: t('举报', 'Reports'),
      dataIndex: 'reports',
      key: 'reports',
      align: 'right',
      width: 100,
      sorter: (a, b) => a.reports - b.reports,
      render: count,
    },
    {
      title: t('源头化解', 'Settled'),
      dataIndex: 'settled',
      key: 'settled',
      align: 'right',
      width: 110,
      sorter: (a, b) => a.settled - b.settled,
      render: count,
    },
    {
      title: t('调解成功', 'Resolved'),
      dataIndex: 'resolved',
      key: 'resolved',
      align: 'right',
      width: 110,
      sorter: (a, b) => a.resolved - b.resolved,
      render: count,
    },
    {
      title: t('挽回经济损失', 'Recovered'),
      dataIndex: 'recovered',
      key: 'recovered',
      align: 'right',
      width: 150,
      sorter: (a, b, o) => nullsLast(Number(a.recovered), Number(b.recovered), o),
      render: money,
    },
  ];
  const p = state.data?.period;
  const widened = p && (p.from !== filters.from || p.to !== filters.to);
  const ignored = filters.area || filters.category;
  return (
    <Card title={t('被投诉经营者排行', 'Most complained-about businesses')} data-testid="hotspots">
      {(widened || ignored) && (
        <Typography.Paragraph type="secondary" className="wq-note">
          {t('按整月统计', 'Counted by whole months')}
          {p && t(`：${p.from} 至 ${p.to}`, `: ${p.from} to ${p.to}`)}
          {ignored && t('；不按区域、类别筛选', '; area and category filters do not apply')}
        </Typography.Paragraph>
      )}
      {state.error ? (
        <Alert type="error" showIcon title={t('数据读取失败', 'Could not load the figures')} description={state.error.message} />
      ) : (
        <Table<RespondentItem>
          size="small"
          rowKey={(r) => r.respondent.key}
          columns={columns}
          dataSource={state.data?.items ?? []}
          loading={state.loading}
          pagination={false}
          scroll={{ x: 1070 }}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('所选期间没有数据', 'No data in this period')} />,
          }}
        />
      )}
    </Card>
  );
}
