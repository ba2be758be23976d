import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Segmented, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useReducer, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, ApiError } from '../lib/api';
import { groupDigits } from '../lib/format';
import { useLang } from '../lib/i18n';
import { fmtDate, fmtTime, MONO, OPEN_FOR_BUSINESS, statusColor } from './labels';
import { BusinessShell } from './shell';
import type { Business, BusinessCaseItem, BusinessCasePage } from '../api/types';

type View = 'open' | 'all';
const PAGE = 20;

/** Who the business is, as the portal's pages head it: name, code, whether its online dispute resolution runs. */
function useBusiness(): Business | null {
  const [me, setMe] = useState<Business | null>(null);
  useEffect(() => {
    let live = true;
    api<Business>('/business/me').then(
      (b) => live && setMe(b),
      () => undefined, // the pages work without the heading
    );
    return () => {
      live = false;
    };
  }, []);
  return me;
}

/** 投诉答复: the complaints about the business, its turn first (nearest answer date), or all of them. */
export function BusinessQueuePage() {
  const { t, lang } = useLang();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const view: View = params.get('view') === 'all' ? 'all' : 'open';
  const me = useBusiness();
  const [page, setPage] = useState<{ key: string; items: BusinessCaseItem[]; cursor: string | null; error: string | null } | null>(null);
  const [more, setMore] = useState(false);
  const [reloads, reload] = useReducer((n: number) => n + 1, 0);
  const wanted = `${view}|${lang}|${reloads}`;

  useEffect(() => {
    let live = true;
    api<BusinessCasePage>(`/business/cases?view=${view}&limit=${PAGE}`).then(
      (r) => live && setPage({ key: wanted, items: r.items, cursor: r.nextCursor, error: null }),
      (e: unknown) =>
        live &&
        setPage({
          key: wanted,
          items: [],
          cursor: null,
          error: e instanceof ApiError ? e.message : t('无法读取投诉列表', 'Could not load the complaints'),
        }),
    );
    return () => {
      live = false;
    };
  }, [wanted, view, t]);
  const loading = page?.key !== wanted;

  const loadMore = async () => {
    if (!page?.cursor) return;
    setMore(true);
    try {
      const r = await api<BusinessCasePage>(`/business/cases?view=${view}&limit=${PAGE}&cursor=${encodeURIComponent(page.cursor)}`);
      setPage((p) =>
        p ? { ...p, items: [...p.items, ...r.items.filter((i) => !p.items.some((x) => x.id === i.id))], cursor: r.nextCursor } : p,
      );
    } catch (e) {
      const message = e instanceof ApiError ? e.message : t('无法读取更多', 'Could not load more');
      setPage((p) => (p ? { ...p, error: message } : p));
    } finally {
      setMore(false);
    }
  };

  const columns: ColumnsType<BusinessCaseItem> = [
    {
      title: t('查询编号', 'Tracking no.'),
      dataIndex: 'trackingNo',
      width: 170,
      render: (v: string, c) => (
        <Link to={`/business/cases/${c.id}`} onClick={(e) => e.stopPropagation()} style={{ ...MONO, whiteSpace: 'nowrap' }}>
          {groupDigits(v)}
        </Link>
      ),
    },
    {
      title: t('状态', 'Status'),
      dataIndex: 'statusText',
      width: 190,
      render: (v: string, c) => (
        <Flex wrap gap={4}>
          <Tag color={statusColor(c.stage, c.status)} data-status={c.status} style={{ marginInlineEnd: 0 }}>
            {v}
          </Tag>
          {!c.yours && c.stage === 'settlement' && OPEN_FOR_BUSINESS.includes(c.status) && (
            <Tag>{t('服务站协助中', 'A station is helping')}</Tag>
          )}
        </Flex>
      ),
    },
    {
      title: t('答复期限', 'Answer by'),
      dataIndex: 'dueDate',
      width: 190,
      render: (v: string | null) =>
        v ? (
          <span>
            <span className="biz-due">{fmtDate(v)}</span>{' '}
            <Tooltip title={t('10 个工作日，本市工作规范，非法定期限', '10 working days: city policy, not law')}>
              <Tag color="blue">{t('市政策', 'policy')}</Tag>
            </Tooltip>
          </span>
        ) : (
          '—'
        ),
    },
    { title: t('消费类别', 'Category'), dataIndex: ['category', 'name'], width: 140 },
    { title: t('投诉人', 'Consumer'), dataIndex: 'consumerName', width: 100 },
    { title: t('收到时间', 'Received'), dataIndex: 'receivedAt', width: 150, responsive: ['md'], render: (v: string) => fmtTime(v) },
  ];

  return (
    <BusinessShell>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('投诉答复', 'Complaints to answer')}
          </Typography.Title>
          <Typography.Text type="secondary" data-testid="biz-name">
            {me ? `${me.name} · ${me.creditCode}` : ' '}
          </Typography.Text>
        </div>
        <Button icon={<ReloadOutlined />} onClick={reload} loading={loading}>
          {t('刷新', 'Refresh')}
        </Button>
      </Flex>
      {me && !me.odrActive && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('本单位的在线纠纷解决已暂停', 'Your online dispute resolution is suspended')}
          description={t(
            `新的投诉暂不转交本单位，改由服务站或市场监管部门处理。${me.suspendedReason ? `原因：${me.suspendedReason}` : ''}`,
            `New complaints go to a station or the regulator for now.${me.suspendedReason ? ` Reason: ${me.suspendedReason}` : ''}`,
          )}
        />
      )}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Typography.Paragraph style={{ marginBottom: 8 }}>
          {t(
            '消费者对本单位的投诉先转交本单位自行答复：请在答复期限内选择全部同意、部分同意或不同意（附理由）。逾期未答复或不同意的，投诉将转为向市场监管部门正式投诉。',
            'Complaints about you come to you first: answer by the date shown, agreeing in full, in part, or not (with reasons). If you do not answer in time, or do not agree, the complaint goes to the market regulator.',
          )}
        </Typography.Paragraph>
        <Segmented<View>
          value={view}
          onChange={(v) => setParams(v === 'all' ? { view: 'all' } : {}, { replace: true })}
          options={[
            { value: 'open', label: <span data-testid="view-open">{t('待处理', 'To handle')}</span> },
            { value: 'all', label: <span data-testid="view-all">{t('全部投诉', 'All complaints')}</span> },
          ]}
        />
      </Card>
      {page?.error && !loading && <Alert type="error" showIcon title={page.error} style={{ marginBottom: 12 }} />}
      <Table<BusinessCaseItem>
        data-testid="biz-queue"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={page?.items ?? []}
        loading={loading}
        pagination={false}
        scroll={{ x: 720 }}
        onRow={(c) =>
          ({
            onClick: () => void navigate(`/business/cases/${c.id}`),
            style: { cursor: 'pointer' },
            'data-testid': `biz-row-${c.trackingNo}`,
          }) as React.HTMLAttributes<HTMLElement>
        }
        locale={{ emptyText: view === 'open' ? t('暂无待处理的投诉', 'Nothing to handle') : t('暂无投诉', 'No complaints') }}
        footer={() =>
          page?.cursor ? (
            <Button onClick={() => void loadMore()} loading={more}>
              {t('加载更多', 'Load more')}
            </Button>
          ) : (
            <Typography.Text type="secondary">{t(`共 ${page?.items.length ?? 0} 件`, `${page?.items.length ?? 0} shown`)}</Typography.Text>
          )
        }
      />
    </BusinessShell>
  );
}
