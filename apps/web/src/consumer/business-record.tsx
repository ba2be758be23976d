import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError } from '../lib/api';
import { useLang } from '../lib/i18n';
import { Shell } from '../lib/shell';
import { Card, Result, Skeleton, Tag } from '../ui';
import { PAGE } from './business-directory';
import { RecordComplaints } from './record-complaints';
import { ConsumerWarnings } from './warning-list';
import type { BusinessRecord } from '../api/types';
import './record.css';

/** 0.8571 → "85.7%"; null (nothing counted) → "—". */
const percent = (v: number | null) => (v === null ? '—' : `${(Math.round(v * 1000) / 10).toString()}%`);

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

/** How the business handles complaints, in four figures; the 10-day period is the city's, not the law's. */
function RecordFigures({ f }: { f: BusinessRecord['figures'] }) {
  const { t } = useLang();
  const median = f.medianResponseOverTenWorkingDays
    ? t('超过 10 个工作日', 'over 10 working days')
    : f.medianResponseWorkingDays === null
      ? '—'
      : t(`${f.medianResponseWorkingDays} 个工作日`, `${f.medianResponseWorkingDays} working days`);
  return (
    <Card title={t('投诉处理情况', 'How it handles complaints')}>
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
      <p className="ui-muted record-figures-note">
        {t(
          '10 个工作日答复期限为本市工作规范，非法定期限；逾期未答复的计入“超过 10 个工作日”。',
          'The 10-working-day answer period is city policy, not law; complaints never answered count as over 10 working days.',
        )}
      </p>
    </Card>
  );
}

/** One enrolled business's public record: who it is, its figures, its statement, the complaints published about it. */
export function BusinessRecordPage() {
  const { creditCode = '' } = useParams();
  const { t, lang } = useLang();
  const [shown, setShown] = useState<{ key: string; r: BusinessRecord | null; error: { status: number; message: string } | null } | null>(
    null,
  );
  const key = `${creditCode}|${lang}`;
  const offline = t('网络连接失败，请稍后重试', 'The network failed; try again shortly');

  useEffect(() => {
    let live = true;
    api<BusinessRecord>(`/disclosure/businesses/${encodeURIComponent(creditCode)}?limit=${PAGE}`).then(
      (r) => live && setShown({ key, r, error: null }),
      (e: unknown) =>
        live &&
        setShown({
          key,
          r: null,
          error: e instanceof ApiError ? { status: e.status, message: e.message } : { status: 0, message: offline },
        }),
    );
    return () => {
      live = false;
    };
  }, [key, creditCode, offline]);

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
        <Card>
          <Result
            status={current.error.status === 404 ? 'warning' : 'error'}
            title={current.error.status === 404 ? t('没有找到该经营者', 'No such business') : t('暂时无法读取', 'Could not load')}
            subTitle={current.error.message}
          />
        </Card>
      </Shell>
    );
  }
  if (!r) {
    return (
      <Shell>
        {back}
        <Card>
          <Skeleton label={t('正在加载', 'Loading')} />
        </Card>
      </Shell>
    );
  }

  return (
    <Shell>
      {back}
      <Card>
        <h1 className="record-title" data-testid="record-name">
          {r.name}
        </h1>
        <div className="record-meta">
          <span className="mono" data-testid="record-credit-code">
            {t('统一社会信用代码：', 'Credit code: ')}
            {r.creditCode}
          </span>
          <span>{r.areaName}</span>
          {r.venueName && <span>{r.venueName}</span>}
        </div>
        <div className="record-odr">
          {r.odrActive ? (
            <Tag color="green">
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

      <ConsumerWarnings query={`?creditCode=${encodeURIComponent(r.creditCode)}`} id="record-warnings-title" />

      <RecordFigures f={r.figures} />

      <Card title={t('经营者声明', "The business's statement")}>
        {r.statement ? (
          <>
            <blockquote className="record-statement" data-testid="record-statement">
              {r.statement}
            </blockquote>
            {r.statementAt && (
              <p className="ui-muted">
                {t(
                  `发布于 ${r.statementAt.slice(0, 10)}；内容由经营者自行发布。`,
                  `Published ${r.statementAt.slice(0, 10)} by the business itself.`,
                )}
              </p>
            )}
          </>
        ) : (
          <p className="ui-muted">{t('经营者未发布声明。', 'The business has published no statement.')}</p>
        )}
      </Card>

      <RecordComplaints key={key} record={r} />
    </Shell>
  );
}
