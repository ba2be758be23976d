import { SafetyCertificateOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Input, Result, Skeleton, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, ApiError } from '../lib/api';
import { useLang } from '../lib/i18n';
import { Shell } from '../lib/shell';
import type { BusinessRecord, DisclosedComplaint, PublicBusiness, PublicBusinessPage } from '../api/types';

const PAGE = 20;
const MONO = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' };
/** 0.8571 → "85.7%"; null (nothing counted) → "—". */
const percent = (v: number | null) => (v === null ? '—' : `${(Math.round(v * 1000) / 10).toString()}%`);

/** The public record's note: what is published and what never is. */
function RecordNote() {
  const { t } = useLang();
  return (
    <Typography.Paragraph type="secondary" className="hint record-note">
      {t(
        '本公示面向社会公开已入驻在线消费纠纷解决的经营者处理消费投诉的情况。数据来自平台统计；公示的投诉仅限消费者同意公开且已办结的，不含消费者的任何个人信息。',
        'This public record shows how businesses enrolled for online dispute resolution handle complaints. The figures come from the platform’s statistics; the complaints listed are only those whose consumers agreed to publication and that are concluded, with nothing about any consumer.',
      )}
    </Typography.Paragraph>
  );
}

/** 经营者投诉信息公示: find an enrolled business by (part of) its name or its whole credit code. */
export function BusinessDirectoryPage() {
  const { t } = useLang();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [search, setSearch] = useState(q);
  const [list, setList] = useState<{ q: string; items: PublicBusiness[]; cursor: string | null; error: string | null } | null>(null);
  const [more, setMore] = useState(false);

  useEffect(() => {
    let live = true;
    const p = new URLSearchParams({ limit: String(PAGE) });
    if (q.trim()) p.set('q', q.trim());
    api<PublicBusinessPage>(`/disclosure/businesses?${p.toString()}`).then(
      (r) => live && setList({ q, items: r.items, cursor: r.nextCursor, error: null }),
      (e: unknown) =>
        live &&
        setList({
          q,
          items: [],
          cursor: null,
          error: e instanceof ApiError ? e.message : t('网络连接失败，请稍后重试', 'The network failed; try again shortly'),
        }),
    );
    return () => {
      live = false;
    };
  }, [q, t]);
  const loading = list?.q !== q;

  const loadMore = async () => {
    if (!list?.cursor) return;
    setMore(true);
    try {
      const p = new URLSearchParams({ limit: String(PAGE), cursor: list.cursor });
      if (q.trim()) p.set('q', q.trim());
      const r = await api<PublicBusinessPage>(`/disclosure/businesses?${p.toString()}`);
      setList((l) => (l ? { ...l, items: [...l.items, ...r.items], cursor: r.nextCursor } : l));
    } catch (e) {
      const message = e instanceof ApiError ? e.message : t('网络连接失败，请稍后重试', 'The network failed; try again shortly');
      setList((l) => (l ? { ...l, error: message } : l));
    } finally {
      setMore(false);
    }
  };

  return (
    <Shell>
      <Typography.Title level={1} className="page-title">
        {t('经营者投诉信息公示', 'Businesses: public complaint record')}
      </Typography.Title>
      <RecordNote />
      <Card className="form-card">
        <form
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            setParams(search.trim() ? { q: search.trim() } : {}, { replace: true });
          }}
          className="record-search"
        >
          <label htmlFor="record-q" className="record-search-label">
            {t('经营者名称或统一社会信用代码', 'Business name or credit code')}
          </label>
          <div className="record-search-row">
            <Input
              id="record-q"
              size="large"
              allowClear
              value={search}
              onChange={(e) => {
                setSearch(e.target.value);
                if (!e.target.value && q) setParams({}, { replace: true });
              }}
              placeholder={t('如：某某餐饮，或 18 位代码', 'e.g. part of the name, or the 18-character code')}
              data-testid="record-search"
            />
            <Button type="primary" size="large" htmlType="submit" icon={<SearchOutlined />} data-testid="record-search-submit">
              {t('查询', 'Search')}
            </Button>
          </div>
        </form>
      </Card>
      {list?.error && <Alert type="error" showIcon className="track-problem" title={list.error} />}
      <Card className="form-card" title={q ? t(`“${q}”的查询结果`, `Results for “${q}”`) : t('已入驻的经营者', 'Enrolled businesses')}>
        {loading ? (
          <Skeleton active />
        ) : !list?.items.length ? (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={q ? t('没有找到符合条件的经营者', 'No business matches') : t('暂无已入驻的经营者', 'No business is enrolled yet')}
          />
        ) : (
          <ul className="record-list" data-testid="record-results">
            {list.items.map((b) => (
              <li key={b.creditCode}>
                <Link to={`/disclosure/businesses/${b.creditCode}`} data-testid={`record-${b.creditCode}`} className="record-name">
                  {b.name}
                </Link>
                <div className="record-meta">
                  <span style={MONO}>{b.creditCode}</span>
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
          <Button onClick={() => void loadMore()} loading={more} style={{ marginTop: 12 }}>
            {t('加载更多', 'Load more')}
          </Button>
        )}
      </Card>
    </Shell>
  );
}

/** One figure of the record: a big number, its name, and what it means. */
function Figure({ id, value, label, hint }: { id: string; value: string; label: string; hint: string }) {
  return (
    <div className="record-figure" data-testid={`figure-${id}`}>
      <div className="record-figure-value" data-testid={`figure-${id}-value`}>
        {value}
      </div>
      <div className="record-figure-label">{label}</div>
      <div className="record-figure-hint">{hint}</div>
    </div>
  );
}

/** One enrolled business's public record: who it is, its figures, its statement, the complaints published about it. */
export function BusinessRecordPage() {
  const { creditCode = '' } = useParams();
  const { t, lang } = useLang();
  const [shown, setShown] = useState<{ key: string; r: BusinessRecord | null; error: { status: number; message: string } | null } | null>(
    null,
  );
  const [more, setMore] = useState<{ items: DisclosedComplaint[]; cursor: string | null } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const key = `${creditCode}|${lang}`;

  useEffect(() => {
    let live = true;
    api<BusinessRecord>(`/disclosure/businesses/${encodeURIComponent(creditCode)}?limit=${PAGE}`).then(
      (r) => {
        if (!live) return;
        setShown({ key, r, error: null });
        setMore(null);
      },
      (e: unknown) =>
        live &&
        setShown({
          key,
          r: null,
          error:
            e instanceof ApiError
              ? { status: e.status, message: e.message }
              : { status: 0, message: t('网络连接失败，请稍后重试', 'The network failed; try again shortly') },
        }),
    );
    return () => {
      live = false;
    };
  }, [key, creditCode, t]);

  const current = shown?.key === key ? shown : null;
  const r = current?.r ?? null;
  const back = (
    <Link to="/disclosure/businesses" className="record-back">
      {t('← 经营者投诉信息公示', '← All businesses')}
    </Link>
  );

  if (current?.error) {
    return (
      <Shell>
        {back}
        <Result
          status={current.error.status === 404 ? '404' : 'error'}
          title={current.error.status === 404 ? t('没有找到该经营者', 'No such business') : t('暂时无法读取', 'Could not load')}
          subTitle={current.error.message}
        />
      </Shell>
    );
  }
  if (!r) {
    return (
      <Shell>
        {back}
        <Card className="form-card">
          <Skeleton active />
        </Card>
      </Shell>
    );
  }

  const f = r.figures;
  const complaints = [...r.complaints, ...(more?.items ?? [])].map((c, i) => ({ ...c, key: i }));
  const cursor = more ? more.cursor : r.complaintsNextCursor;
  const loadMore = async () => {
    if (!cursor) return;
    setLoadingMore(true);
    try {
      const next = await api<BusinessRecord>(
        `/disclosure/businesses/${encodeURIComponent(creditCode)}?limit=${PAGE}&cursor=${encodeURIComponent(cursor)}`,
      );
      setMore((m) => ({ items: [...(m?.items ?? []), ...next.complaints], cursor: next.complaintsNextCursor }));
    } finally {
      setLoadingMore(false);
    }
  };
  const median = f.medianResponseOverTenWorkingDays
    ? t('超过 10 个工作日', 'over 10 working days')
    : f.medianResponseWorkingDays === null
      ? '—'
      : t(`${f.medianResponseWorkingDays} 个工作日`, `${f.medianResponseWorkingDays} working days`);

  return (
    <Shell>
      {back}
      <Card className="form-card">
        <Typography.Title level={1} className="record-title" data-testid="record-name">
          {r.name}
        </Typography.Title>
        <div className="record-meta">
          <span style={MONO} data-testid="record-credit-code">
            {t('统一社会信用代码：', 'Credit code: ')}
            {r.creditCode}
          </span>
          <span>{r.areaName}</span>
          {r.venueName && <span>{r.venueName}</span>}
        </div>
        <div style={{ marginTop: 8 }}>
          {r.odrActive ? (
            <Tag color="green" icon={<SafetyCertificateOutlined />}>
              {t(
                '已入驻在线消费纠纷解决：投诉先由经营者在 10 个工作日内答复',
                'Enrolled: complaints go to the business first, answered within 10 working days',
              )}
            </Tag>
          ) : (
            <Tag>{t('在线消费纠纷解决已暂停', 'Online dispute resolution suspended')}</Tag>
          )}
        </div>
      </Card>

      <Card className="form-card" title={t('投诉处理情况', 'How it handles complaints')}>
        <div className="record-figures">
          <Figure
            id="received"
            value={String(f.received)}
            label={t('收到投诉', 'Complaints received')}
            hint={t('先行和解阶段收到的投诉', 'received to settle first')}
          />
          <Figure
            id="settledAtSource"
            value={String(f.settledAtSource)}
            label={t('源头化解', 'Settled at the source')}
            hint={t(
              `消费者接受经营者方案 · 化解率 ${percent(f.settlementRate)}`,
              `the consumer accepted its offer · rate ${percent(f.settlementRate)}`,
            )}
          />
          <Figure
            id="mediationSuccessRate"
            value={percent(f.mediationSuccessRate)}
            label={t('调解成功率', 'Mediation success')}
            hint={t(
              `市场监管部门调解结束 ${f.mediationConcluded} 件，成功 ${f.mediationSuccessful} 件`,
              `${f.mediationSuccessful} of ${f.mediationConcluded} regulator mediations succeeded`,
            )}
          />
          <Figure
            id="medianResponse"
            value={median}
            label={t('答复用时（中位数）', 'Time to answer (median)')}
            hint={t(
              `10 个工作日内答复 ${percent(f.answeredInTimeRate)}`,
              `answered within 10 working days: ${percent(f.answeredInTimeRate)}`,
            )}
          />
        </div>
        <Typography.Paragraph type="secondary" className="hint" style={{ marginTop: 12 }}>
          {t(
            '10 个工作日答复期限为本市工作规范，非法定期限；逾期未答复的计入“超过 10 个工作日”。',
            'The 10-working-day answer period is city policy, not law; complaints never answered count as over 10 working days.',
          )}
        </Typography.Paragraph>
      </Card>

      <Card className="form-card" title={t('经营者声明', "The business's statement")}>
        {r.statement ? (
          <>
            <blockquote className="offer-message" data-testid="record-statement">
              {r.statement}
            </blockquote>
            {r.statementAt && (
              <Typography.Text type="secondary" className="hint">
                {t(
                  `发布于 ${r.statementAt.slice(0, 10)}；内容由经营者自行发布。`,
                  `Published ${r.statementAt.slice(0, 10)} by the business itself.`,
                )}
              </Typography.Text>
            )}
          </>
        ) : (
          <Typography.Text type="secondary">{t('经营者未发布声明。', 'The business has published no statement.')}</Typography.Text>
        )}
      </Card>

      <Card className="form-card" title={t('公示的投诉', 'Published complaints')}>
        <Table<DisclosedComplaint & { key: number }>
          size="small"
          pagination={false}
          dataSource={complaints}
          scroll={{ x: 'max-content' }}
          data-testid="record-complaints"
          locale={{ emptyText: t('暂无公示的投诉', 'No published complaints') }}
          columns={[
            { title: t('消费类别', 'Category'), dataIndex: ['category', 'name'] },
            { title: t('问题', 'Issue'), dataIndex: ['issue', 'text'], render: (v?: string) => v ?? '—' },
            { title: t('收到日期', 'Received'), dataIndex: 'receivedOn' },
            { title: t('办结日期', 'Concluded'), dataIndex: 'concludedOn', render: (v: string | null) => v ?? '—' },
            { title: t('处理结果', 'Outcome'), dataIndex: 'outcomeText' },
          ]}
        />
        {cursor && (
          <Button onClick={() => void loadMore()} loading={loadingMore} style={{ marginTop: 12 }}>
            {t('加载更多', 'Load more')}
          </Button>
        )}
        <RecordNote />
      </Card>
    </Shell>
  );
}
