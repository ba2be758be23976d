import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Input, Segmented, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useReducer, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, ApiError } from '../lib/api';
import { useLang } from '../lib/i18n';
import { useSession } from '../lib/session';
import {
  ALL_STATUSES,
  fmtDate,
  fmtTime,
  Muted,
  pick,
  STATUS_LABEL,
  StaffShell,
  StatusTag,
  TRACK_LABEL,
  TrackTag,
  useCategories,
} from './common';
import type { CaseListItem, CasePage, CaseStatus, Track } from '../api/types';
import { groupDigits } from '../lib/format';

const PAGE = 20;
/** The settlement stage while open: its dates are the city's policy (libs/cases SETTLEMENT_OPEN). */
const SETTLEMENT_OPEN: readonly CaseStatus[] = ['settling', 'negotiating', 'offered'];
/** "Due soon" is the API's dueWithinDays: within 2 working days on the official calendar. */
const SOON_DAYS = 2;

type Due = 'all' | 'overdue' | 'soon';

/** The first page for one query (and the pages loaded after it), or why it failed. */
interface Page {
  key: string;
  items: CaseListItem[];
  cursor: string | null;
  soonIds: Set<string>;
  error: string | null;
}

interface Filters {
  status: CaseStatus[];
  category: string | undefined;
  track: Track | undefined;
  due: Due;
  q: string;
}

/** The filters live in the URL, so a refresh or a shared link shows the same queue. */
function readFilters(p: URLSearchParams): Filters {
  const status = (p.get('status') ?? '').split(',').filter((s): s is CaseStatus => (ALL_STATUSES as string[]).includes(s));
  const track = p.get('track');
  const due = p.get('due');
  return {
    status,
    category: p.get('category') || undefined,
    track: track === 'complaint' || track === 'report' ? track : undefined,
    due: due === 'overdue' || due === 'soon' ? due : 'all',
    q: p.get('q') ?? '',
  };
}

function writeFilters(f: Filters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.status.length) p.set('status', f.status.join(','));
  if (f.category) p.set('category', f.category);
  if (f.track) p.set('track', f.track);
  if (f.due !== 'all') p.set('due', f.due);
  if (f.q.trim()) p.set('q', f.q.trim());
  return p;
}

/** The API query for the filters (and a cursor for the next page). */
function apiQuery(f: Filters, cursor?: string): string {
  const p = new URLSearchParams({ limit: String(PAGE) });
  if (f.status.length) p.set('status', f.status.join(','));
  if (f.category) p.set('categoryCode', f.category);
  if (f.track) p.set('track', f.track);
  if (f.due === 'overdue') p.set('overdue', 'true');
  if (f.due === 'soon') p.set('dueWithinDays', String(SOON_DAYS));
  if (f.q.trim()) p.set('q', f.q.trim());
  if (cursor) p.set('cursor', cursor);
  return p.toString();
}

export function QueuePage() {
  const { t, lang } = useLang();
  const { user } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => readFilters(params), [params]);
  const key = apiQuery(filters);
  const categories = useCategories();

  const [page, setPage] = useState<Page | null>(null);
  const [more, setMore] = useState(false);
  const [refreshes, refresh] = useReducer((n: number) => n + 1, 0);
  // The search box follows the URL's q (back, forward, a shared link) and is edited freely in between.
  const [search, setSearch] = useState(filters.q);
  const [searchOf, setSearchOf] = useState(filters.q);
  if (searchOf !== filters.q) {
    setSearchOf(filters.q);
    setSearch(filters.q);
  }

  // Every filter change, language change (the status texts) and refresh loads the first page again.
  const wanted = `${key}|${lang}|${refreshes}`;
  useEffect(() => {
    let current = true;
    Promise.all([
      api<CasePage>(`/cases?${key}`),
      // Which of the unit's cases fall due within 2 working days (the calendar is the server's).
      api<CasePage>(`/cases?dueWithinDays=${SOON_DAYS}&limit=100`).catch((): CasePage => ({ items: [], nextCursor: null })),
    ]).then(
      ([first, soon]) =>
        current &&
        setPage({ key: wanted, items: first.items, cursor: first.nextCursor, soonIds: new Set(soon.items.map((i) => i.id)), error: null }),
      (e: unknown) =>
        current &&
        setPage((prev) => ({
          key: wanted,
          items: [],
          cursor: null,
          soonIds: prev?.soonIds ?? new Set(),
          error: e instanceof ApiError ? e.message : t('无法读取案件列表', 'Could not load the cases'),
        })),
    );
    return () => {
      current = false;
    };
  }, [wanted, key, t]);

  // While a load is on its way the last page stays on screen, without its error.
  const loading = page?.key !== wanted;
  const items = page?.items ?? [];
  const cursor = page?.cursor ?? null;
  const soonIds = page?.soonIds ?? new Set<string>();
  const error = loading ? null : (page?.error ?? null);

  const loadMore = async () => {
    if (!cursor) return;
    const of = wanted;
    setMore(true);
    try {
      const next = await api<CasePage>(`/cases?${apiQuery(filters, cursor)}`);
      // Only onto the page it continues: a reload begun meanwhile has replaced it.
      setPage((p) =>
        p?.key === of
          ? { ...p, items: [...p.items, ...next.items.filter((i) => !p.items.some((x) => x.id === i.id))], cursor: next.nextCursor }
          : p,
      );
    } catch (e) {
      const message = e instanceof ApiError ? e.message : t('无法读取更多案件', 'Could not load more cases');
      setPage((p) => (p ? { ...p, error: message } : p));
    } finally {
      setMore(false);
    }
  };

  const update = (patch: Partial<Filters>) => setParams(writeFilters({ ...filters, ...patch }), { replace: false });
  const filtered = filters.status.length > 0 || !!filters.category || !!filters.track || filters.due !== 'all' || !!filters.q;

  const dueSoon = (c: CaseListItem) => filters.due === 'soon' || (!c.overdue && soonIds.has(c.id));

  const columns: ColumnsType<CaseListItem> = [
    {
      title: t('受理编号', 'Tracking no.'),
      dataIndex: 'trackingNo',
      width: 170,
      render: (v: string, c) => (
        <Link
          to={`/staff/cases/${c.id}`}
          onClick={(e) => e.stopPropagation()}
          style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', whiteSpace: 'nowrap' }}
        >
          {groupDigits(v)}
        </Link>
      ),
    },
    { title: t('类型', 'Track'), dataIndex: 'track', width: 76, render: (v: Track) => <TrackTag track={v} /> },
    {
      title: t('状态', 'Status'),
      dataIndex: 'status',
      width: 120,
      render: (v: CaseStatus, c) => <StatusTag status={v} text={c.statusText} />,
    },
    {
      title: t('办理期限', 'Due'),
      dataIndex: 'dueOn',
      width: 185,
      render: (v: string | null, c) => {
        if (!v) return <Muted>—</Muted>;
        // A settlement case's date is the city's take-up or settlement period, not a statutory one.
        const policy = SETTLEMENT_OPEN.includes(c.status) ? (
          <Tooltip title={t('本市工作规范（接手期限或协商期限），非法定期限', 'City policy (take-up or settlement period), not law')}>
            <Muted>{t('市政策', 'policy')}</Muted>
          </Tooltip>
        ) : null;
        if (c.overdue)
          return (
            <Space size={4} wrap>
              <span className="staff-due-overdue">{fmtDate(v)}</span>
              <Tag color="error">{t('已超期', 'Overdue')}</Tag>
              {policy}
            </Space>
          );
        if (dueSoon(c))
          return (
            <Space size={4} wrap>
              <span className="staff-due-soon">{fmtDate(v)}</span>
              <Tag color="warning">{t('即将到期', 'Due soon')}</Tag>
              {policy}
            </Space>
          );
        return policy ? (
          <Space size={4} wrap>
            {fmtDate(v)}
            {policy}
          </Space>
        ) : (
          fmtDate(v)
        );
      },
    },
    { title: t('品类', 'Category'), dataIndex: ['category', 'name'], width: 120, responsive: ['lg'] },
    { title: t('被投诉/举报经营者', 'Business'), dataIndex: 'respondentName', ellipsis: { showTitle: true } },
    {
      title: t('消费者', 'Consumer'),
      dataIndex: 'consumer',
      width: 170,
      responsive: ['lg'],
      render: (_: unknown, c) =>
        c.consumer.hidden ? (
          <Muted>{t('举报人信息保密', 'Reporter kept confidential')}</Muted>
        ) : (
          <span>
            {c.consumer.name} <Muted>{c.consumer.phone}</Muted>
          </span>
        ),
    },
    { title: t('收到时间', 'Received'), dataIndex: 'receivedAt', width: 140, responsive: ['xl'], render: (v: string) => fmtTime(v) },
  ];

  return (
    <StaffShell>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <div>
          <Typography.Title level={1} style={{ margin: 0, fontSize: 20 }}>
            {t('案件队列', 'Case queue')}
          </Typography.Title>
          <Muted>{user?.unit ? user.unit.name : t('全市案件（只读）', 'All cases in the city (read-only)')}</Muted>
        </div>
        <Button icon={<ReloadOutlined />} onClick={refresh} loading={loading}>
          {t('刷新', 'Refresh')}
        </Button>
      </Flex>

      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex wrap gap={8} align="center">
          <Input.Search
            allowClear
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              if (!e.target.value && filters.q) update({ q: '' });
            }}
            onSearch={(v) => update({ q: v })}
            placeholder={t('受理编号或经营者名称', 'Tracking no. or business name')}
            aria-label={t('按受理编号或经营者名称查找', 'Find by tracking number or business name')}
            enterButton={<SearchOutlined aria-label={t('搜索', 'Search')} />}
            style={{ width: 280, maxWidth: '100%' }}
            data-testid="queue-search"
          />
          <Select
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            placeholder={t('状态（可多选）', 'Status (any of)')}
            aria-label={t('按状态筛选', 'Filter by status')}
            // Typing a status in words (调解) finds it: the labels are searched, not the codes.
            showSearch={{ optionFilterProp: 'label' }}
            value={filters.status}
            onChange={(v: CaseStatus[]) => update({ status: v })}
            options={ALL_STATUSES.map((s) => ({ value: s, label: pick(t, STATUS_LABEL[s], s) }))}
            style={{ width: 240 }}
            data-testid="filter-status"
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('品类', 'Category')}
            aria-label={t('按品类筛选', 'Filter by category')}
            value={filters.category}
            onChange={(v?: string) => update({ category: v })}
            options={categories.map((c) => ({ value: c.code, label: c.name }))}
            style={{ width: 170 }}
            data-testid="filter-category"
          />
          <Select
            allowClear
            placeholder={t('投诉/举报', 'Complaint/report')}
            aria-label={t('按投诉或举报筛选', 'Filter by complaint or report')}
            value={filters.track}
            onChange={(v?: Track) => update({ track: v })}
            options={(['complaint', 'report'] as const).map((k) => ({ value: k, label: pick(t, TRACK_LABEL[k], k) }))}
            style={{ width: 130 }}
          />
          <Segmented<Due>
            value={filters.due}
            onChange={(v) => update({ due: v })}
            options={[
              { value: 'all', label: t('全部期限', 'Any due date') },
              { value: 'overdue', label: <span data-testid="filter-overdue">{t('已超期', 'Overdue')}</span> },
              {
                value: 'soon',
                label: (
                  <Tooltip title={t('2 个工作日内到期', 'Due within 2 working days')}>
                    <span data-testid="filter-due-soon">{t('即将到期', 'Due soon')}</span>
                  </Tooltip>
                ),
              },
            ]}
          />
          {filtered && (
            <Button type="link" onClick={() => setParams(new URLSearchParams())}>
              {t('清除筛选', 'Clear filters')}
            </Button>
          )}
        </Flex>
      </Card>

      {error && (
        <Alert
          type="error"
          showIcon
          title={error}
          style={{ marginBottom: 12 }}
          action={
            <Button size="small" onClick={refresh}>
              {t('重试', 'Retry')}
            </Button>
          }
        />
      )}

      <Table<CaseListItem>
        data-testid="queue-table"
        className="staff-queue"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={items}
        loading={loading}
        pagination={false}
        scroll={{ x: 700 }}
        rowClassName={(c) => (c.overdue ? 'staff-row-overdue' : dueSoon(c) ? 'staff-row-due-soon' : '')}
        onRow={(c) =>
          ({
            onClick: () => void navigate(`/staff/cases/${c.id}`),
            'data-testid': `queue-row-${c.trackingNo}`,
          }) as React.HTMLAttributes<HTMLElement>
        }
        locale={{
          emptyText: filtered
            ? t('没有符合筛选条件的案件', 'No cases match the filters')
            : t('本单位暂无案件', 'No cases for your unit yet'),
        }}
        footer={() => (
          <Flex justify="space-between" align="center" wrap gap={8}>
            <Muted>
              {t(`已显示 ${items.length} 件`, `${items.length} shown`)}
              {' · '}
              <span className="staff-due-overdue">■</span> {t('已超期', 'overdue')} <span className="staff-due-soon">■</span>{' '}
              {t('2 个工作日内到期', 'due within 2 working days')}
            </Muted>
            {cursor ? (
              <Button onClick={() => void loadMore()} loading={more} data-testid="queue-more">
                {t('加载更多', 'Load more')}
              </Button>
            ) : (
              items.length > 0 && <Muted>{t('已全部加载', 'All loaded')}</Muted>
            )}
          </Flex>
        )}
      />
    </StaffShell>
  );
}
