import { Alert, Card, Empty, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { useLang } from '../lib/i18n';
import { periodCases } from './drill';
import type { Filters } from './filters';
import { statsQuery } from './filters';
import { count, money, nullsLast } from './format';
import type { RespondentItem, Respondents } from '../api/types';
import { useApi } from './use-api';

/** The most complained-about businesses (by credit code, else by normalised name), monthly. */
export function HotspotBusinesses({ filters, nonce, drill }: { filters: Filters; nonce: number; drill: boolean }) {
  const { t } = useLang();
  // Respondent hotspots take the period, unit and track only (the API answers 400 to area or category).
  const state = useApi<Respondents>(
    `/stats/hotspots?${statsQuery(filters, { by: 'respondent', limit: 10 }, { area: false, category: false })}`,
    nonce,
  );
  const columns: ColumnsType<RespondentItem> = [
    { title: '#', key: 'rank', width: 48, render: (_v, _r, i) => i + 1 },
    {
      title: t('经营者', 'Business'),
      key: 'name',
      width: 260,
      ellipsis: { showTitle: true },
      // Its cases received in the period, found by the same key the figures are grouped by (never by a
      // name search, which would also find namesakes); like the figures, not cut by area or category.
      render: (_v, r) =>
        drill && r.respondent.name ? (
          <Link
            to={periodCases(filters, { respondent: r.respondent.key }, { area: false, category: false })}
            title={t('在案件队列中查看期间内收到的案件', 'Open the cases received in the period in the queue')}
            data-testid={`hotspot-cases-${r.respondent.key}`}
          >
            {r.respondent.name}
          </Link>
        ) : (
          (r.respondent.name ?? '—')
        ),
    },
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
