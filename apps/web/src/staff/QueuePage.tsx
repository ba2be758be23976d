import { QuestionCircleOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Input, Segmented, Select, Table, Tooltip, Typography } from 'antd';
import type { InputRef } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { api, ApiError } from '../lib/api';
import { useLang } from '../lib/i18n';
import { useSession } from '../lib/session';
import { ALL_STATUSES, fmtTime, Muted, pick, STATUS_LABEL, StaffShell, StatusTag, TRACK_LABEL, TrackTag, useCategories } from './common';
import type { CaseListItem, CasePage, CaseStatus, Track } from '../api/types';
import { groupDigits } from '../lib/format';
import type { Due, Filters, Sort } from './queue-filters';
import { apiQuery, hasCut, narrowed, readFilters, rememberQueue, writeFilters } from './queue-filters';
import { CutChips, DueCell, StatusCounts } from './QueueParts';
import { PAGE_KEY, ShortcutHelp, useShortcuts } from './shortcuts';

/** The first page for one query (and the pages loaded after it), or why it failed. */
interface Page {
  key: string;
  items: CaseListItem[];
  cursor: string | null;
  error: string | null;
}

/**
 * The unit's queue. It opens on the open work, nearest deadline first (overdue first), each date with
 * the deadline it is; the counts of each status lead to them; the search finds a tracking number, a
 * business, or a status by its name ("调解"). The filters live in the URL.
 */
export function QueuePage() {
  const { t, lang } = useLang();
  const { user } = useSession();
  const navigate = useNavigate();
  const { search: urlSearch } = useLocation();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => readFilters(params), [params]);
  const key = apiQuery(filters);
  const categories = useCategories();
  const searchBox = useRef<InputRef>(null);
  const [help, setHelp] = useState(false);

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
  useShortcuts({
    [PAGE_KEY.search]: () => searchBox.current?.focus(),
    [PAGE_KEY.help]: () => setHelp(true),
  });

  // Every filter change, language change (the status and deadline texts) and refresh loads the first page again.
  const wanted = `${key}|${lang}|${refreshes}`;
  useEffect(() => {
    let current = true;
    api<CasePage>(`/cases?${key}`).then(
      (first) => current && setPage({ key: wanted, items: first.items, cursor: first.nextCursor, error: null }),
      (e: unknown) =>
        current &&
        setPage({
          key: wanted,
          items: [],
          cursor: null,
          error: e instanceof ApiError ? e.message : t('无法读取案件列表', 'Could not load the cases'),
        }),
    );
    return () => {
      current = false;
    };
  }, [wanted, key, t]);

  // While a load is on its way the last page stays on screen, without its error.
  const loading = page?.key !== wanted;
  const items = useMemo(() => page?.items ?? [], [page]);
  const cursor = page?.cursor ?? null;
  const error = loading ? null : (page?.error ?? null);
  // The case file's "下一件" follows this order; its way back, these filters.
  useEffect(() => {
    if (!loading) rememberQueue({ ids: items.map((i) => i.id), search: urlSearch });
  }, [items, loading, urlSearch]);

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
  const filtered = narrowed(filters);

  const columns: ColumnsType<CaseListItem> = [
    {
      title: t('查询编号', 'Tracking no.'),
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
    { title: t('办理期限', 'Due'), dataIndex: 'dueOn', width: 185, render: (_: unknown, c) => <DueCell c={c} /> },
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
        <Flex gap={8}>
          <Button icon={<QuestionCircleOutlined />} onClick={() => setHelp(true)} aria-keyshortcuts="?">
            {t('快捷键', 'Shortcuts')}
          </Button>
          <Button icon={<ReloadOutlined />} onClick={refresh} loading={loading}>
            {t('刷新', 'Refresh')}
          </Button>
        </Flex>
      </Flex>
      <ShortcutHelp open={help} onClose={() => setHelp(false)} />

      <Card size="small" style={{ marginBottom: 12 }}>
        <StatusCounts filters={filters} refreshes={refreshes} onPick={update} />
        <Flex wrap gap={8} align="center" style={{ marginTop: 8 }}>
          <Input.Search
            ref={searchBox}
            allowClear
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              if (!e.target.value && filters.q) update({ q: '' });
            }}
            onSearch={(v) => update({ q: v })}
            placeholder={t('查询编号、经营者或状态（如"调解"）', 'Tracking no., business or status')}
            aria-label={t('按查询编号、经营者名称或状态查找', 'Find by tracking number, business name or status')}
            aria-keyshortcuts="/"
            enterButton={<SearchOutlined aria-label={t('搜索', 'Search')} />}
            style={{ width: 300, maxWidth: '100%' }}
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
          <Select<Sort>
            aria-label={t('排序', 'Order')}
            value={filters.sort}
            onChange={(v) => update({ sort: v })}
            options={[
              { value: 'due', label: t('期限最近在前', 'Nearest deadline first') },
              { value: 'newest', label: t('最新收到在前', 'Newest first') },
            ]}
            style={{ width: 150 }}
            data-testid="queue-sort"
          />
          {filtered && (
            <Button type="link" onClick={() => setParams(new URLSearchParams())}>
              {t('清除筛选', 'Clear filters')}
            </Button>
          )}
        </Flex>
        {hasCut(filters.cut) && (
          <CutChips
            cut={filters.cut}
            // Every case listed has this respondent: the first one names it.
            respondentName={filters.cut.respondent && !loading ? items[0]?.respondentName : undefined}
            onChange={(cut) => update({ cut })}
          />
        )}
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
        rowClassName={(c) => (c.overdue ? 'staff-row-overdue' : c.dueSoon ? 'staff-row-due-soon' : '')}
        onRow={(c) =>
          ({
            onClick: () => void navigate(`/staff/cases/${c.id}`),
            'data-testid': `queue-row-${c.trackingNo}`,
          }) as React.HTMLAttributes<HTMLElement>
        }
        locale={{
          emptyText: filtered
            ? t('没有符合筛选条件的案件', 'No cases match the filters')
            : t('本单位暂无待办案件', 'No open cases for your unit'),
        }}
        footer={() => (
          <Flex justify="space-between" align="center" wrap gap={8}>
            <Muted>
              {t(`已显示 ${items.length} 件`, `${items.length} shown`)}
              {' · '}
              <span className="staff-due-overdue">■</span> {t('已超期', 'overdue')} <span className="staff-due-soon">■</span>{' '}
              {t('2 个工作日内到期', 'due within 2 working days')}
              {' · '}
              {t('按', 'Press')} <kbd className="staff-kbd">?</kbd> {t('查看快捷键', 'for shortcuts')}
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
