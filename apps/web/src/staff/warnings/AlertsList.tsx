import { Alert as Notice, Button, Card, Empty, Flex, Segmented, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, ApiError } from '../../lib/api';
import { useLang } from '../../lib/i18n';
import { MONO } from '../../lib/words';
import type { Alert, AlertPage } from '../../api/types';
import { fmtDate, Muted, pick } from '../common';
import type { AlertStatus } from './alert-texts';
import { ALERT_STATUS_COLOR, ALERT_STATUS_LABEL, ALERT_STATUSES, tagStyle } from './alert-texts';

const PAGE = 20;

interface Loaded {
  key: string;
  items: Alert[];
  nextBefore: string | null;
  counts: Record<string, number>;
  error: string | null;
}

/**
 * The alerts of one status, newest first, with the count of each status as its tab; each alert a card
 * that says what it is about, when, what was found and whom it was told to. `reloads` changes after an
 * action in the detail, so the counts and the cards follow.
 */
export function AlertsList({
  status,
  onStatus,
  onOpen,
  reloads,
}: {
  status: AlertStatus;
  onStatus: (s: AlertStatus) => void;
  onOpen: (id: string) => void;
  reloads: number;
}) {
  const { t, lang } = useLang();
  const [page, setPage] = useState<Loaded | null>(null);
  const [more, setMore] = useState(false);
  const wanted = `${status}|${reloads}|${lang}`;

  useEffect(() => {
    let live = true;
    api<AlertPage>(`/warnings/alerts?status=${status}&limit=${PAGE}`).then(
      (r) => live && setPage({ key: wanted, items: r.items, nextBefore: r.nextBefore, counts: r.counts, error: null }),
      (e: unknown) =>
        live &&
        setPage((p) => ({
          key: wanted,
          items: [],
          nextBefore: null,
          counts: p?.counts ?? {},
          error: e instanceof ApiError ? e.message : t('无法读取消费预警', 'Could not load the alerts'),
        })),
    );
    return () => {
      live = false;
    };
  }, [wanted, status, t]);
  const loading = page?.key !== wanted;

  const loadMore = async () => {
    if (!page?.nextBefore) return;
    const of = page.key;
    setMore(true);
    try {
      const r = await api<AlertPage>(`/warnings/alerts?status=${status}&limit=${PAGE}&before=${page.nextBefore}`);
      setPage((p) => (p?.key === of ? { ...p, items: [...p.items, ...r.items], nextBefore: r.nextBefore } : p));
    } catch (e) {
      const message = e instanceof ApiError ? e.message : t('无法读取更多预警', 'Could not load more alerts');
      setPage((p) => (p ? { ...p, error: message } : p));
    } finally {
      setMore(false);
    }
  };

  const counts = page?.counts ?? {};
  return (
    <>
      <Segmented<AlertStatus>
        value={status}
        onChange={onStatus}
        aria-label={t('按状态查看预警', 'Alerts by status')}
        data-testid="alert-statuses"
        style={{ marginBottom: 12, maxWidth: '100%', overflowX: 'auto' }}
        options={ALERT_STATUSES.map((s) => ({
          value: s,
          label: (
            <span data-testid={`alert-status-${s}`}>
              {pick(t, ALERT_STATUS_LABEL[s], s)} <span className="staff-count">{counts[s] ?? 0}</span>
            </span>
          ),
        }))}
      />
      {page?.error && !loading && <Notice type="error" showIcon title={page.error} style={{ marginBottom: 12 }} />}
      <Spin spinning={loading}>
        {page && !page.items.length && !page.error ? (
          <Empty
            description={
              status === 'new'
                ? t('暂无新预警', 'No new alerts')
                : t(`没有${pick(t, ALERT_STATUS_LABEL[status], status)}的预警`, `No ${status} alerts`)
            }
          />
        ) : (
          <Flex vertical gap={12} data-testid="alert-list">
            {(page?.items ?? []).map((a) => (
              <AlertCard key={a.id} alert={a} onOpen={() => onOpen(a.id)} />
            ))}
          </Flex>
        )}
      </Spin>
      {page?.nextBefore && (
        <Flex justify="center" style={{ marginTop: 12 }}>
          <Button onClick={() => void loadMore()} loading={more}>
            {t('加载更多', 'Load more')}
          </Button>
        </Flex>
      )}
    </>
  );
}

function AlertCard({ alert: a, onOpen }: { alert: Alert; onOpen: () => void }) {
  const { t } = useLang();
  return (
    <Card size="small" data-testid={`alert-card-${a.id}`}>
      <Flex justify="space-between" align="start" gap={8} wrap>
        <div style={{ minWidth: 0, flex: '1 1 260px' }}>
          <Space size={6} wrap>
            <Tag color={ALERT_STATUS_COLOR[a.status]} style={tagStyle(ALERT_STATUS_COLOR[a.status])}>
              {pick(t, ALERT_STATUS_LABEL[a.status], a.status)}
            </Tag>
            <Typography.Title level={2} style={{ margin: 0, fontSize: 16 }}>
              {a.subjectName}
            </Typography.Title>
          </Space>
          <div>
            {a.subjectKind === 'business' && a.creditCode ? (
              <Muted>
                {t('统一社会信用代码 ', 'Credit code ')}
                <span style={MONO}>{a.creditCode}</span>
                {a.areaName ? ` · ${a.areaName}` : ''}
              </Muted>
            ) : (
              a.subjectKind === 'business' && a.areaName && <Muted>{a.areaName}</Muted>
            )}
          </div>
          <div style={{ marginTop: 4 }}>
            {t('统计期间：', 'Period: ')}
            {fmtDate(a.windowFrom)} {t('至', 'to')} {fmtDate(a.windowTo)}
          </div>
          <ul className="staff-alert-findings">
            {a.evidence.findings.map((f) => (
              <li key={f.measure}>{f.text}</li>
            ))}
          </ul>
          <Muted>
            {t('已通知：', 'Told: ')}
            {a.units.map((u) => u.name).join(t('、', ', '))}
          </Muted>
        </div>
        <Button
          onClick={onOpen}
          data-testid={`alert-open-${a.id}`}
          aria-label={t(`查看详情：${a.subjectName}`, `Details: ${a.subjectName}`)}
        >
          {t('查看详情', 'Details')}
        </Button>
      </Flex>
    </Card>
  );
}
