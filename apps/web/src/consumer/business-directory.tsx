import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, ApiError } from '../lib/api';
import { Icon } from '../lib/icons';
import { useLang } from '../lib/i18n';
import { Shell } from '../lib/shell';
import { Alert, Button, Card, Empty, Field, Skeleton, Tag, TextInput } from '../ui';
import { RecordNote } from './record-note';
import type { PublicBusiness, PublicBusinessPage } from '../api/types';
import './record.css';

export const PAGE = 20;

/** One page of the enrolled businesses matching `q` (all of them when empty). */
function businesses(q: string, cursor?: string) {
  const p = new URLSearchParams({ limit: String(PAGE) });
  if (cursor) p.set('cursor', cursor);
  if (q.trim()) p.set('q', q.trim());
  return api<PublicBusinessPage>(`/disclosure/businesses?${p.toString()}`);
}

/** 经营者投诉信息公示: find an enrolled business by (part of) its name or its whole credit code. */
export function BusinessDirectoryPage() {
  const { t } = useLang();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [search, setSearch] = useState(q);
  const [list, setList] = useState<{ q: string; items: PublicBusiness[]; cursor: string | null; error: string | null } | null>(null);
  const [more, setMore] = useState(false);
  const offline = t('网络连接失败，请稍后重试', 'The network failed; try again shortly');

  useEffect(() => {
    let live = true;
    businesses(q).then(
      (r) => live && setList({ q, items: r.items, cursor: r.nextCursor, error: null }),
      (e: unknown) => live && setList({ q, items: [], cursor: null, error: e instanceof ApiError ? e.message : offline }),
    );
    return () => {
      live = false;
    };
  }, [q, offline]);
  const loading = list?.q !== q;

  const loadMore = async () => {
    if (!list?.cursor) return;
    setMore(true);
    try {
      const r = await businesses(q, list.cursor);
      setList((l) => (l ? { ...l, items: [...l.items, ...r.items], cursor: r.nextCursor } : l));
    } catch (e) {
      const message = e instanceof ApiError ? e.message : offline;
      setList((l) => (l ? { ...l, error: message } : l));
    } finally {
      setMore(false);
    }
  };

  return (
    <Shell>
      <h1>{t('经营者投诉信息公示', 'Businesses: public complaint record')}</h1>
      <RecordNote />
      <Card>
        <form
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            setParams(search.trim() ? { q: search.trim() } : {}, { replace: true });
          }}
        >
          <Field label={t('经营者名称或统一社会信用代码', 'Business name or credit code')} className="record-search">
            <div className="record-search-row">
              <TextInput
                type="search"
                value={search}
                onChange={(e) => {
                  setSearch(e.target.value);
                  if (!e.target.value && q) setParams({}, { replace: true });
                }}
                placeholder={t('如：某某餐饮，或 18 位代码', 'e.g. part of the name, or the 18-character code')}
                data-testid="record-search"
              />
              <Button type="submit" variant="primary" size="large" data-testid="record-search-submit">
                <Icon name="search" />
                {t('查询', 'Search')}
              </Button>
            </div>
          </Field>
        </form>
      </Card>
      {list?.error && <Alert type="error" title={list.error} />}
      <Card title={q ? t(`“${q}”的查询结果`, `Results for “${q}”`) : t('已入驻的经营者', 'Enrolled businesses')}>
        {loading ? (
          <Skeleton label={t('正在加载', 'Loading')} />
        ) : !list?.items.length ? (
          <Empty>{q ? t('没有找到符合条件的经营者', 'No business matches') : t('暂无已入驻的经营者', 'No business is enrolled yet')}</Empty>
        ) : (
          <ul className="record-list" data-testid="record-results">
            {list.items.map((b) => (
              <li key={b.creditCode}>
                <Link to={`/disclosure/businesses/${b.creditCode}`} data-testid={`record-${b.creditCode}`} className="record-name">
                  {b.name}
                </Link>
                <div className="record-meta">
                  <span className="mono">{b.creditCode}</span>
                  <span>{b.areaName}</span>
                  {b.venueName && <span>{b.venueName}</span>}
                  {b.odrActive ? (
                    <Tag color="green">{t('在线纠纷解决', 'Online dispute resolution')}</Tag>
                  ) : (
                    <Tag>{t('在线纠纷解决已暂停', 'Online dispute resolution suspended')}</Tag>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
        {list?.cursor && (
          <Button size="large" onClick={() => void loadMore()} loading={more} className="load-more">
            {t('加载更多', 'Load more')}
          </Button>
        )}
      </Card>
    </Shell>
  );
}
