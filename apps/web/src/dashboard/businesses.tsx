import { Alert, Card, Empty, Segmented, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router';
import type { BusinessStats, BusinessStatsRow, VenueBusinessStats, VenueBusinessStatsRow } from '../api/types';
import { useLang } from '../lib/i18n';
import { periodCases } from './drill';
import type { Filters } from './filters';
import { count, money, nullsLast, pct } from './format';
import { useApi } from './use-api';

type Row = BusinessStatsRow | VenueBusinessStatsRow;
type By = 'business' | 'venue';

/** Who a row is: the business, or the venue operator (a mall's tenants together). */
function who(r: Row): { code: string; name: string; sub?: string } {
  if ('business' in r) return { code: r.business.creditCode, name: r.business.name ?? r.business.creditCode };
  return { code: r.venue.code, name: r.venue.name ?? r.venue.code, sub: `${r.businesses.length}` };
}

/**
 * The league table of enrolled businesses for the bureau (GET /stats/businesses): how each business,
 * or each venue's tenants together, answer the complaints against them. Roles that see no business
 * figures (a sector regulator, a station in no venue) get 403: the card is then not shown at all.
 * For the roles that read cases, a business's name opens the complaints against it received in the
 * period (by its credit code, the key the statistics group it by); a venue's tenants have no such cut.
 */
export function BusinessLeague({ filters, nonce, drill }: { filters: Filters; nonce: number; drill: boolean }) {
  const { t } = useLang();
  const [by, setBy] = useState<By>('business');
  const q = new URLSearchParams({ from: filters.from, to: filters.to, by, limit: '100' });
  if (filters.area) q.set('areaCode', filters.area);
  const state = useApi<BusinessStats | VenueBusinessStats>(`/stats/businesses?${q.toString()}`, nonce);
  if (state.error?.status === 403) return null;

  const num = (key: 'received' | 'answered' | 'settledAtSource' | 'escalatedNoAnswer' | 'escalatedDeclined', title: string) => ({
    title,
    dataIndex: key,
    key,
    align: 'right' as const,
    width: 100,
    sorter: (a: Row, b: Row) => a[key] - b[key],
    render: count,
  });
  const rate = (key: 'settlementRate' | 'answeredInTimeRate' | 'mediationSuccessRate', title: string) => ({
    title,
    dataIndex: key,
    key,
    align: 'right' as const,
    width: 120,
    sorter: (a: Row, b: Row, o?: 'ascend' | 'descend' | null) => nullsLast(a[key], b[key], o),
    render: (v: number | null) => pct(v),
  });
  const columns: ColumnsType<Row> = [
    {
      title: by === 'business' ? t('经营者', 'Business') : t('场所（入驻经营者合计）', 'Venue (its tenants together)'),
      key: 'who',
      fixed: 'left',
      width: 240,
      render: (_v, r) => {
        const w = who(r);
        // Its figures are complaints of any category: the link keeps the area, not the category.
        const to =
          drill && 'business' in r
            ? periodCases(filters, { respondent: `uscc:${r.business.creditCode}`, track: 'complaint' }, { category: false })
            : null;
        return (
          <div className="wq-unit">
            <div className="wq-unit-name" title={w.name}>
              {to ? (
                <Link
                  to={to}
                  title={t(
                    '在案件队列中查看：统计期间内收到的针对该经营者的投诉',
                    'Open in the queue: the complaints against it received in the period',
                  )}
                >
                  {w.name}
                </Link>
              ) : (
                w.name
              )}
            </div>
            <Typography.Text type="secondary" className="wq-unit-code">
              {w.code}
              {w.sub !== undefined && ` · ${t(`${w.sub} 家经营者`, `${w.sub} businesses`)}`}
            </Typography.Text>
          </div>
        );
      },
    },
    { ...num('received', t('收到', 'Received')), defaultSortOrder: 'descend' },
    num('answered', t('已答复', 'Answered')),
    num('settledAtSource', t('源头化解', 'Settled')),
    rate('settlementRate', t('源头化解率', 'At source')),
    {
      title: t('答复用时中位数（工作日）', 'Median answer (working days)'),
      key: 'median',
      align: 'right',
      width: 150,
      sorter: (a, b, o) => nullsLast(a.medianResponseWorkingDays, b.medianResponseWorkingDays, o),
      render: (_v, r) => (r.medianResponseOverTenWorkingDays ? t('超过 10', 'over 10') : (r.medianResponseWorkingDays ?? '—')),
    },
    rate('answeredInTimeRate', t('按期答复率', 'Answered in time')),
    num('escalatedNoAnswer', t('逾期未答复', 'No answer')),
    num('escalatedDeclined', t('不同意', 'Declined')),
    rate('mediationSuccessRate', t('监管部门调解成功率', 'Mediation success')),
    {
      title: t('和解金额', 'Settled amount'),
      dataIndex: 'settledAmount',
      key: 'settledAmount',
      align: 'right',
      width: 130,
      sorter: (a, b) => Number(a.settledAmount) - Number(b.settledAmount),
      render: money,
    },
  ];

  return (
    <Card
      title={t('在线纠纷解决企业排行', 'Businesses answering complaints (ODR)')}
      extra={
        <Segmented<By>
          size="small"
          value={by}
          onChange={setBy}
          options={[
            { label: t('按经营者', 'By business'), value: 'business' },
            { label: t('按场所', 'By venue'), value: 'venue' },
          ]}
          aria-label={t('排行方式', 'Group by')}
        />
      }
      data-testid="business-league"
    >
      <Typography.Paragraph type="secondary" className="wq-note">
        {t(
          '已入驻经营者直接答复投诉：源头化解率 = 源头化解 ÷（源头化解 + 转为正式投诉）；按期 = 10 个工作日内答复（本市工作规范）；逾期未答复的案件计为最慢。',
          'Enrolled businesses answer complaints themselves: at source = settled ÷ (settled + escalated); in time = answered within 10 working days (city policy); a case never answered counts as the slowest.',
        )}
      </Typography.Paragraph>
      {state.error ? (
        <Alert type="error" showIcon title={t('数据读取失败', 'Could not load the figures')} description={state.error.message} />
      ) : (
        <Table<Row>
          size="small"
          rowKey={(r) => who(r).code}
          columns={columns}
          dataSource={state.data?.items ?? []}
          loading={state.loading}
          scroll={{ x: 1500 }}
          pagination={{ defaultPageSize: 10, showSizeChanger: true, pageSizeOptions: [10, 20, 50, 100] }}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('所选期间没有数据', 'No data in this period')} />,
          }}
        />
      )}
    </Card>
  );
}
