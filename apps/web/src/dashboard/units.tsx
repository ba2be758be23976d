import { Alert, Card, Empty, Input, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useLang } from '../lib/i18n';
import { periodCases } from './drill';
import type { Filters } from './filters';
import { statsQuery } from './filters';
import { count, money, nullsLast, pct } from './format';
import type { UnitRow, Units } from '../api/types';

/** A venue's row: its stations summed (a mall, scenic spot, market… and the stations in it). */
type VenueRow = Units['venues'][number];
import { useApi } from './use-api';

/**
 * Stations and regulators side by side: what reached them, how they handled it, what they hold now.
 * A unit's name opens the cases it holds that were received in the period (for the roles that read cases).
 */
export function UnitLeague({ filters, nonce, drill }: { filters: Filters; nonce: number; drill: boolean }) {
  const { t } = useLang();
  // Figures cut by unit take no area (the API answers 400), so the league table never sends it.
  const state = useApi<Units>(`/stats/units?${statsQuery(filters, {}, { area: false })}`, nonce);
  const [search, setSearch] = useState('');
  const rows = useMemo(() => {
    const q = search.trim().toLowerCase();
    const items = state.data?.items ?? [];
    return q ? items.filter((r) => r.unit.code.toLowerCase().includes(q) || (r.unit.name ?? '').toLowerCase().includes(q)) : items;
  }, [state.data, search]);

  const rate = (key: 'onTimeAcceptanceRate' | 'mediationSuccessRate' | 'satisfactionRate' | 'settledAtSourceRate', title: string) => ({
    title,
    dataIndex: key,
    key,
    align: 'right' as const,
    width: 110,
    sorter: (a: UnitRow, b: UnitRow, o?: 'ascend' | 'descend' | null) => nullsLast(a[key], b[key], o),
    render: (v: number | null) => pct(v),
  });
  const columns: ColumnsType<UnitRow> = [
    {
      title: t('单位', 'Unit'),
      key: 'unit',
      fixed: 'left',
      width: 240,
      sorter: (a, b) => (a.unit.name ?? a.unit.code).localeCompare(b.unit.name ?? b.unit.code, 'zh-CN'),
      render: (_v, r) => (
        <NameCell
          name={r.unit.name ?? r.unit.code}
          sub={r.unit.code}
          // Figures cut by unit have no area: the link takes none either.
          to={drill ? periodCases(filters, { unit: r.unit.code }, { area: false }) : null}
          linkTitle={t(
            '在案件队列中查看：该单位现承办的、统计期间内收到的案件',
            'Open in the queue: the cases it holds now that were received in the period',
          )}
        />
      ),
    },
    {
      title: t('类型', 'Type'),
      key: 'type',
      width: 100,
      filters: [
        { text: t('服务站', 'Station'), value: 'station' },
        { text: t('监管部门', 'Regulator'), value: 'regulator' },
      ],
      onFilter: (v, r) => r.unit.type === v,
      sorter: (a, b) => (a.unit.type ?? '').localeCompare(b.unit.type ?? ''),
      render: (_v, r) =>
        r.unit.type === 'station' ? (
          <Tag color="blue">{t('服务站', 'Station')}</Tag>
        ) : r.unit.type === 'regulator' ? (
          <Tag color="purple">{t('监管部门', 'Regulator')}</Tag>
        ) : (
          '—'
        ),
    },
    {
      title: t('收到', 'Received'),
      dataIndex: 'received',
      key: 'received',
      align: 'right',
      width: 90,
      sorter: (a, b) => a.received - b.received,
      defaultSortOrder: 'descend',
      render: count,
    },
    {
      title: t('源头化解', 'Settled'),
      dataIndex: 'settled',
      key: 'settled',
      align: 'right',
      width: 90,
      sorter: (a, b) => a.settled - b.settled,
      render: count,
    },
    rate('settledAtSourceRate', t('源头化解率', 'At source')),
    {
      title: t('源头化解挽回金额', 'Recovered at source'),
      dataIndex: 'recoveredAtSource',
      key: 'recoveredAtSource',
      align: 'right',
      width: 150,
      sorter: (a, b) => Number(a.recoveredAtSource) - Number(b.recoveredAtSource),
      render: money,
    },
    rate('onTimeAcceptanceRate', t('按时受理率', 'On-time')),
    rate('mediationSuccessRate', t('调解成功率', 'Success')),
    rate('satisfactionRate', t('满意率', 'Satisfaction')),
    {
      title: t('挽回经济损失', 'Recovered'),
      dataIndex: 'recovered',
      key: 'recovered',
      align: 'right',
      width: 140,
      sorter: (a, b) => Number(a.recovered) - Number(b.recovered),
      render: money,
    },
    {
      title: t('负荷（在办）', 'Load (open)'),
      dataIndex: 'load',
      key: 'load',
      align: 'right',
      width: 110,
      sorter: (a, b) => a.load - b.load,
      render: count,
    },
    {
      title: t('超期', 'Overdue'),
      dataIndex: 'overdue',
      key: 'overdue',
      align: 'right',
      width: 80,
      sorter: (a, b) => a.overdue - b.overdue,
      render: (v: number) =>
        v > 0 ? (
          <Typography.Text type="danger" strong>
            {count(v)}
          </Typography.Text>
        ) : (
          count(v)
        ),
    },
  ];

  return (
    <Card
      title={t('单位排行', 'Unit league table')}
      extra={
        <Input.Search
          allowClear
          size="small"
          placeholder={t('搜索单位名称或代码', 'Search unit name or code')}
          onChange={(e) => setSearch(e.target.value)}
          style={{ width: 220 }}
          aria-label={t('搜索单位', 'Search units')}
        />
      }
      data-testid="units"
    >
      <Typography.Paragraph type="secondary" className="wq-note">
        {t(
          '“收到”为分派或升级到该单位的案件数；源头化解率 = 源头化解 ÷（源头化解 + 转为正式投诉）；负荷、超期为当前数。',
          '"Received" counts the cases that reached the unit (assigned or escalated); at source = settled ÷ (settled + escalated); load and overdue are counts of now.',
        )}
        {filters.area && t('单位排行不按区域筛选。', ' The area filter does not apply to the league table.')}
      </Typography.Paragraph>
      {state.error ? (
        <Alert type="error" showIcon title={t('数据读取失败', 'Could not load the figures')} description={state.error.message} />
      ) : (
        <Table<UnitRow>
          size="small"
          rowKey={(r) => r.unit.code}
          columns={columns}
          dataSource={rows}
          loading={state.loading}
          scroll={{ x: 1390 }}
          pagination={{
            defaultPageSize: 10,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100],
            hideOnSinglePage: false,
            showTotal: (n) => t(`共 ${n} 个单位`, `${n} units`),
          }}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('所选期间没有数据', 'No data in this period')} />,
          }}
        />
      )}
      {!state.error && <VenueTable rows={state.data?.venues ?? []} loading={state.loading} filters={filters} drill={drill} />}
    </Card>
  );
}

/**
 * Per venue (商场、景区、市场…): the sum of the stations in it, settlement at the source first. A
 * venue's name opens the cases its stations hold that were received in the period.
 */
function VenueTable({ rows, loading, filters, drill }: { rows: VenueRow[]; loading: boolean; filters: Filters; drill: boolean }) {
  const { t } = useLang();
  // No rows yet: nothing (an empty scrolling table is a region a keyboard cannot reach).
  if (!rows.length) return null;
  const columns: ColumnsType<VenueRow> = [
    {
      title: t('场所', 'Venue'),
      key: 'venue',
      fixed: 'left',
      width: 240,
      render: (_v, r) => (
        <NameCell
          name={r.venue.name ?? r.venue.code}
          sub={`${r.venue.code} · ${t(`${r.stations.length} 个服务站`, `${r.stations.length} station${r.stations.length === 1 ? '' : 's'}`)}`}
          to={drill ? periodCases(filters, { venue: r.venue.code }, { area: false }) : null}
          linkTitle={t(
            '在案件队列中查看：该场所的服务站现承办的、统计期间内收到的案件',
            'Open in the queue: the cases its stations hold now that were received in the period',
          )}
        />
      ),
    },
    { title: t('收到', 'Received'), dataIndex: 'received', key: 'received', align: 'right', width: 90, render: count },
    { title: t('源头化解', 'Settled'), dataIndex: 'settled', key: 'settled', align: 'right', width: 90, render: count },
    { title: t('转为正式投诉', 'Escalated'), dataIndex: 'escalated', key: 'escalated', align: 'right', width: 110, render: count },
    {
      title: t('源头化解率', 'At source'),
      dataIndex: 'settledAtSourceRate',
      key: 'settledAtSourceRate',
      align: 'right',
      width: 110,
      render: (v: number | null) => pct(v),
    },
    {
      title: t('源头化解挽回金额', 'Recovered at source'),
      dataIndex: 'recoveredAtSource',
      key: 'recoveredAtSource',
      align: 'right',
      width: 150,
      render: money,
    },
    {
      title: t('平均和解用时（工作日）', 'Days to settle'),
      dataIndex: 'averageSettlementWorkingDays',
      key: 'averageSettlementWorkingDays',
      align: 'right',
      width: 150,
      render: (v: number | null) => v ?? '—',
    },
    { title: t('负荷（在办）', 'Load (open)'), dataIndex: 'load', key: 'load', align: 'right', width: 110, render: count },
  ];
  return (
    <div data-testid="venues" style={{ marginTop: 16 }}>
      <Typography.Title level={5}>{t('按场所汇总', 'Per venue')}</Typography.Title>
      <Table<VenueRow>
        size="small"
        rowKey={(r) => r.venue.code}
        columns={columns}
        dataSource={rows}
        loading={loading}
        scroll={{ x: 1050 }}
        pagination={{ defaultPageSize: 10, hideOnSinglePage: true }}
      />
    </div>
  );
}

/** A unit's or venue's name with its code below; for the roles that read cases, a link to the cases behind the row. */
function NameCell({ name, sub, to, linkTitle }: { name: string; sub: string; to: string | null; linkTitle: string }) {
  return (
    <div className="wq-unit">
      <div className="wq-unit-name" title={name}>
        {to ? (
          <Link to={to} title={linkTitle}>
            {name}
          </Link>
        ) : (
          name
        )}
      </div>
      <Typography.Text type="secondary" className="wq-unit-code">
        {sub}
      </Typography.Text>
    </div>
  );
}
