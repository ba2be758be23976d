import { useState } from 'react';
import { api } from '../lib/api';
import { useLang } from '../lib/i18n';
import { Button, Card, Empty, useToast } from '../ui';
import { PAGE } from './business-directory';
import { RecordNote } from './record-note';
import type { BusinessRecord, DisclosedComplaint } from '../api/types';

/**
 * The concluded complaints whose consumers agreed to publish them: one entry each (category and
 * issue, then its dates and outcome as label and value), which reads the same on a phone and a
 * desktop; more are loaded on request.
 */
export function RecordComplaints({ record }: { record: BusinessRecord }) {
  const { t } = useLang();
  const toast = useToast();
  const [more, setMore] = useState<{ items: DisclosedComplaint[]; cursor: string | null } | null>(null);
  const [loading, setLoading] = useState(false);
  const complaints = [...record.complaints, ...(more?.items ?? [])];
  const cursor = more ? more.cursor : record.complaintsNextCursor;

  const loadMore = async () => {
    if (!cursor) return;
    setLoading(true);
    try {
      const next = await api<BusinessRecord>(
        `/disclosure/businesses/${encodeURIComponent(record.creditCode)}?limit=${PAGE}&cursor=${encodeURIComponent(cursor)}`,
      );
      setMore((m) => ({ items: [...(m?.items ?? []), ...next.complaints], cursor: next.complaintsNextCursor }));
    } catch {
      toast.error(t('加载失败，请稍后重试', 'Could not load more; try again shortly'));
    } finally {
      setLoading(false);
    }
  };

  return (
    <Card title={t('公示的投诉', 'Published complaints')}>
      {complaints.length === 0 ? (
        <Empty>{t('暂无公示的投诉', 'No published complaints')}</Empty>
      ) : (
        <ul className="record-complaints" data-testid="record-complaints">
          {complaints.map((c, i) => (
            <li key={i}>
              <div className="record-complaint-what">
                {c.category.name}
                {c.issue && <span className="record-complaint-issue"> · {c.issue.text}</span>}
              </div>
              <dl className="record-complaint-facts">
                <div>
                  <dt>{t('收到日期', 'Received')}</dt>
                  <dd>{c.receivedOn}</dd>
                </div>
                <div>
                  <dt>{t('办结日期', 'Concluded')}</dt>
                  <dd>{c.concludedOn ?? '—'}</dd>
                </div>
                <div>
                  <dt>{t('处理结果', 'Outcome')}</dt>
                  <dd>{c.outcomeText}</dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
      )}
      {cursor && (
        <Button size="large" onClick={() => void loadMore()} loading={loading} className="load-more">
          {t('加载更多', 'Load more')}
        </Button>
      )}
      <RecordNote />
    </Card>
  );
}
