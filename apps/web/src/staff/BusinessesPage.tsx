import { PlusOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Input, Result, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useReducer, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, ApiError } from '../lib/api';
import { useLang } from '../lib/i18n';
import { KeyboardScroll } from '../lib/keyboard-scroll';
import { useSession } from '../lib/session';
import { MONO } from '../lib/words';
import { BusinessDrawer } from './businesses/BusinessDrawer';
import { EnrolModal } from './businesses/EnrolModal';
import { usePlaces } from './businesses/forms';
import { fmtDate, Muted, StaffShell } from './common';
import type { Business, BusinessPage } from '../api/types';

const PAGE = 20;

/**
 * 经营者: the businesses enrolled for online dispute resolution (complaints naming their credit code
 * go to them first, to answer within 10 working days, city policy), for the roles that may enrol
 * (administrators; county bureaus, their area; venue stations' administrators, their tenants):
 * search, enrol with the API's field problems beside the fields, their users, suspend and resume.
 */
export function BusinessesPage() {
  const { t } = useLang();
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [search, setSearch] = useState(q);
  const [list, setList] = useState<{ key: string; items: Business[]; cursor: string | null; error: ApiError | null } | null>(null);
  const [more, setMore] = useState(false);
  const [reloads, reload] = useReducer((n: number) => n + 1, 0);
  const [enrolling, setEnrolling] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const places = usePlaces();

  const query = (cursor?: string) => {
    const p = new URLSearchParams({ limit: String(PAGE) });
    if (q.trim()) p.set('q', q.trim());
    if (cursor) p.set('cursor', cursor);
    return p.toString();
  };
  const wanted = `${q}|${reloads}`;
  useEffect(() => {
    let live = true;
    const p = new URLSearchParams({ limit: String(PAGE) });
    if (q.trim()) p.set('q', q.trim());
    api<BusinessPage>(`/admin/businesses?${p.toString()}`).then(
      (r) => live && setList({ key: wanted, items: r.items, cursor: r.nextCursor, error: null }),
      (e: unknown) =>
        live &&
        setList({
          key: wanted,
          items: [],
          cursor: null,
          error: e instanceof ApiError ? e : new ApiError(0, t('无法连接服务器，请稍后刷新', 'Cannot reach the server; refresh later')),
        }),
    );
    return () => {
      live = false;
    };
  }, [wanted, q, t]);
  const loading = list?.key !== wanted;

  const loadMore = async () => {
    if (!list?.cursor) return;
    setMore(true);
    try {
      const r = await api<BusinessPage>(`/admin/businesses?${query(list.cursor)}`);
      setList((l) => (l ? { ...l, items: [...l.items, ...r.items], cursor: r.nextCursor } : l));
    } finally {
      setMore(false);
    }
  };

  /** A business changed (enrolled, edited, suspended, a user added): its row shows it at once. */
  const changed = (b: Business) =>
    setList((l) => {
      if (!l) return l;
      const known = l.items.some((x) => x.creditCode === b.creditCode);
      return { ...l, items: known ? l.items.map((x) => (x.creditCode === b.creditCode ? b : x)) : [b, ...l.items] };
    });

  if (list?.error?.status === 403) {
    return (
      <StaffShell>
        <Result
          status="403"
          title={t('无权登记经营者', 'You may not enrol businesses')}
          subTitle={
            <span data-testid="businesses-forbidden">
              {t(
                '登记在线消费纠纷解决企业须由系统管理员、区县市场监管局（本辖区）或场所服务站管理员（本场所内的经营者）办理。',
                'Administrators, county market bureaus (their own area) and the administrators of a venue’s station (its tenants) enrol businesses.',
              )}
              <br />
              {list.error.message}
            </span>
          }
        />
      </StaffShell>
    );
  }

  const columns: ColumnsType<Business> = [
    {
      title: t('经营者名称', 'Business'),
      dataIndex: 'name',
      render: (v: string, b) => (
        <Button
          type="link"
          style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
          onClick={() => setOpen(b.creditCode)}
        >
          {v}
        </Button>
      ),
    },
    {
      title: t('统一社会信用代码', 'Credit code'),
      dataIndex: 'creditCode',
      width: 200,
      render: (v: string) => <span style={MONO}>{v}</span>,
    },
    { title: t('所在区域', 'Area'), dataIndex: 'areaName', width: 110, responsive: ['md'] },
    {
      title: t('所在场所', 'Venue'),
      dataIndex: 'venueName',
      width: 160,
      responsive: ['lg'],
      render: (v: string | null) => v ?? <Muted>—</Muted>,
    },
    {
      title: t('在线纠纷解决', 'Online dispute resolution'),
      dataIndex: 'odrActive',
      width: 150,
      render: (v: boolean, b) =>
        v ? (
          <Tag color="success">{t('在用', 'Active')}</Tag>
        ) : (
          <Tooltip title={b.suspendedReason}>
            <Tag color="warning">{t('已暂停', 'Suspended')}</Tag>
          </Tooltip>
        ),
    },
    { title: t('账号', 'Users'), dataIndex: 'users', width: 70 },
    { title: t('登记日期', 'Enrolled'), dataIndex: 'enrolledAt', width: 120, responsive: ['xl'], render: (v: string) => fmtDate(v) },
  ];

  return (
    <StaffShell>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <div>
          <Typography.Title level={1} style={{ margin: 0, fontSize: 20 }}>
            {t('经营者（在线消费纠纷解决企业）', 'Businesses enrolled for online dispute resolution')}
          </Typography.Title>
          <Muted>
            {t(
              '登记后，写明该经营者统一社会信用代码的投诉先转交经营者在 10 个工作日内自行答复（本市工作规范，非法定期限）。',
              'Once enrolled, complaints naming its credit code go to the business first, to answer within 10 working days (city policy, not law).',
            )}
            {user?.unit ? ` ${user.unit.name}` : ''}
          </Muted>
        </div>
        <Space wrap>
          <Button icon={<ReloadOutlined />} onClick={reload} loading={loading}>
            {t('刷新', 'Refresh')}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEnrolling(true)} data-testid="enrol-open">
            {t('登记经营者', 'Enrol a business')}
          </Button>
        </Space>
      </Flex>

      <Card size="small" style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            if (!e.target.value && q) setParams({}, { replace: true });
          }}
          onSearch={(v) => setParams(v.trim() ? { q: v.trim() } : {}, { replace: true })}
          placeholder={t('名称的一部分或完整的统一社会信用代码', 'Part of the name, or the whole credit code')}
          aria-label={t('搜索经营者', 'Search businesses')}
          enterButton={<SearchOutlined aria-label={t('搜索', 'Search')} />}
          style={{ width: 360, maxWidth: '100%' }}
          data-testid="business-search"
        />
      </Card>

      {list?.error && !loading && <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 12 }} />}

      <KeyboardScroll label={t('经营者列表', 'Businesses')}>
        <Table<Business>
          data-testid="business-table"
          rowKey="creditCode"
          size="middle"
          columns={columns}
          dataSource={list?.items ?? []}
          loading={loading}
          pagination={false}
          scroll={{ x: 700 }}
          onRow={(b) => ({ 'data-testid': `business-row-${b.creditCode}` }) as React.HTMLAttributes<HTMLElement>}
          locale={{ emptyText: q ? t('没有找到符合条件的经营者', 'No business matches') : t('尚未登记经营者', 'No business enrolled yet') }}
          footer={() =>
            list?.cursor ? (
              <Button onClick={() => void loadMore()} loading={more}>
                {t('加载更多', 'Load more')}
              </Button>
            ) : (
              <Muted>{t(`共 ${list?.items.length ?? 0} 家`, `${list?.items.length ?? 0} shown`)}</Muted>
            )
          }
        />
      </KeyboardScroll>

      <EnrolModal
        open={enrolling}
        places={places}
        onClose={() => setEnrolling(false)}
        onEnrolled={(b) => {
          setEnrolling(false);
          changed(b);
          setOpen(b.creditCode);
        }}
      />
      <BusinessDrawer creditCode={open} places={places} onClose={() => setOpen(null)} onChanged={changed} />
    </StaffShell>
  );
}
