import { InfoCircleOutlined } from '@ant-design/icons';
import { Card, Skeleton, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useLang } from '../lib/i18n';
import { casesLink, periodCases } from './drill';
import type { Filters } from './filters';
import { changeText, count, money, pct, SATISFACTION_REFERENCE } from './format';
import type { Summary } from '../api/types';

type Changes = Summary['comparison']['changes'];
type Compared = keyof Changes;

interface Kpi {
  name: string;
  title: string;
  /** The definition (docs/METRICS.md), shown on hover. */
  help: string;
  value: ReactNode;
  note: ReactNode;
  tone?: 'alert' | 'good';
  /** 环比 and 同比 of this figure, and how its change reads (libs/stats comparison.rules.ts). */
  compare?: { metric: Compared; kind: 'relative' | 'points'; show: (v: number | string | null) => string };
  /** The cases behind it, in the staff queue (a link). */
  cases?: string;
}

/**
 * The headline figures of the period, each with its 环比 and 同比 where it has them, plus the open
 * and overdue counts of now; `cases` (the dashboard's filters, for the roles that read cases) links
 * each to the cases behind it: those received in the period for the period's counts, the open work
 * now for the open and overdue ones, in the dashboard's area, category and track.
 */
export function KpiCards(props: { summary: Summary | undefined; loading: boolean; cases: Filters | null }) {
  const { t } = useLang();
  const s = props.summary;
  const ref = SATISFACTION_REFERENCE;
  const sat = s?.satisfactionRate ?? null;
  const num = (v: number | string | null) => (v === null ? '—' : count(Number(v)));
  const rate = (v: number | string | null) => pct(v === null ? null : Number(v));
  const yuan = (v: number | string | null) => money(v);
  const days = (v: number | string | null) => (v === null ? '—' : t(`${v} 个工作日`, `${v} working days`));
  const c = props.cases;
  const kpis: Kpi[] = [
    {
      name: 'complaints',
      title: t('投诉', 'Complaints'),
      help: t('期间内收到的投诉（重复投诉不计）；举报另列', 'Complaints received in the period (duplicates not counted); reports apart'),
      value: count(s?.complaints),
      note:
        s && t(`受理 ${count(s.accepted)} · 不予受理 ${count(s.refused)}`, `${count(s.accepted)} accepted · ${count(s.refused)} refused`),
      compare: { metric: 'complaints', kind: 'relative', show: num },
      cases: c && c.track !== 'report' ? periodCases(c, { track: 'complaint' }) : undefined,
    },
    {
      name: 'reports',
      title: t('举报', 'Reports'),
      help: t(
        '期间内收到的举报（含调解中发现的违法线索）；投诉另列',
        'Reports received in the period (mediation leads included); complaints apart',
      ),
      value: count(s?.reports),
      note:
        s &&
        t(
          `立案 ${count(s.reportsOpened)} · 不予立案 ${count(s.reportsNotOpened)}`,
          `${count(s.reportsOpened)} opened · ${count(s.reportsNotOpened)} not opened`,
        ),
      compare: { metric: 'reports', kind: 'relative', show: num },
      cases: c && c.track !== 'complaint' ? periodCases(c, { track: 'report' }) : undefined,
    },
    {
      name: 'onTimeAcceptanceRate',
      title: t('按时受理率', 'On-time acceptance'),
      help: t(
        '7 个工作日内作出受理或不予受理决定的比例（消费者权益保护法第 46 条）',
        'Share of accept/refuse decisions made within 7 working days (Consumer Rights Law art. 46)',
      ),
      value: pct(s?.onTimeAcceptanceRate),
      note: s && t(`办结 ${count(s.closed)}`, `${count(s.closed)} closed`),
      compare: { metric: 'onTimeAcceptanceRate', kind: 'points', show: rate },
    },
    {
      name: 'mediationSuccessRate',
      title: t('调解成功率', 'Mediation success'),
      help: t('调解成功 ÷（调解成功 + 终止调解）', 'Resolved ÷ (resolved + terminated)'),
      value: pct(s?.mediationSuccessRate),
      note:
        s &&
        t(`成功 ${count(s.resolved)} · 终止 ${count(s.terminated)}`, `${count(s.resolved)} resolved · ${count(s.terminated)} terminated`),
      compare: { metric: 'mediationSuccessRate', kind: 'points', show: rate },
    },
    {
      name: 'recovered',
      title: t('挽回经济损失', 'Money recovered'),
      help: t(
        '调解成功时记录的为消费者挽回的金额（元）；源头化解的金额另列',
        'Amounts recovered for consumers, recorded when mediation succeeds (yuan); money settled at the source is shown apart',
      ),
      value: s ? money(s.recovered) : '—',
      note: s && t(`调解成功 ${count(s.resolved)} 件`, `from ${count(s.resolved)} resolved`),
      tone: 'good',
      compare: { metric: 'recovered', kind: 'relative', show: yuan },
    },
    {
      name: 'settledAtSourceRate',
      title: t('源头化解率', 'Settled at source'),
      help: t(
        '源头化解 ÷（源头化解 + 转为正式投诉）：期间内有结果的协商和解中，消费者接受和解方案的比例',
        'Settled ÷ (settled + escalated): of the settlement-stage outcomes in the period, the share where the consumer accepted the offer',
      ),
      value: pct(s?.settledAtSourceRate),
      note:
        s &&
        t(`和解 ${count(s.settled)} · 转正式投诉 ${count(s.escalated)}`, `${count(s.settled)} settled · ${count(s.escalated)} escalated`),
      tone: 'good',
      compare: { metric: 'settledAtSourceRate', kind: 'points', show: rate },
    },
    {
      name: 'recoveredAtSource',
      title: t('源头化解挽回金额', 'Recovered at source'),
      help: t(
        '消费者接受的和解方案中的金额（元），与调解挽回的金额分列',
        'Amounts in the offers consumers accepted (yuan), apart from the money recovered in mediation',
      ),
      value: s ? money(s.recoveredAtSource) : '—',
      note: s && t(`源头化解 ${count(s.settled)} 件`, `from ${count(s.settled)} settled`),
      tone: 'good',
      compare: { metric: 'recoveredAtSource', kind: 'relative', show: yuan },
    },
    {
      name: 'escalationRate',
      title: t('转为正式投诉率', 'Escalated to formal'),
      help: t(
        '转为正式投诉 ÷（源头化解 + 转为正式投诉）：消费者选择、拒绝方案、服务站未能促成或逾期，转由监管部门办理',
        'Escalated ÷ (settled + escalated): the consumer chose to, rejected the offer, the station could not help, or a deadline passed',
      ),
      value: pct(s?.escalationRate),
      note: s && t(`服务站收到 ${count(s.settlementAssigned)} 件`, `${count(s.settlementAssigned)} reached a station`),
      compare: { metric: 'escalationRate', kind: 'points', show: rate },
    },
    {
      name: 'averageSettlementWorkingDays',
      title: t('平均和解用时（工作日）', 'Time to settle (working days)'),
      help: t('从收到投诉到消费者接受和解方案的工作日，平均', 'Working days from receipt to the accepted offer, on average'),
      value: s?.averageSettlementWorkingDays ?? '—',
      note:
        s &&
        t(
          `办理（正式投诉）平均 ${s.averageHandlingWorkingDays ?? '—'} 个工作日`,
          `formal handling: ${s.averageHandlingWorkingDays ?? '—'} on average`,
        ),
      compare: { metric: 'averageSettlementWorkingDays', kind: 'relative', show: days },
    },
    {
      name: 'satisfactionRate',
      title: t('满意率', 'Satisfaction'),
      help: t('（满意 + 基本满意）÷ 评价数', '(satisfied + basically satisfied) ÷ ratings'),
      value: pct(sat),
      note: (
        <>
          {t(`参考值 ${pct(ref)}`, `Reference ${pct(ref)}`)}
          {sat !== null && (
            <span className={`wq-flag ${sat >= ref ? 'wq-flag-met' : 'wq-flag-below'}`}>
              {sat >= ref ? t('达到', 'met') : t('低于', 'below')}
            </span>
          )}
        </>
      ),
      compare: { metric: 'satisfactionRate', kind: 'points', show: rate },
    },
    {
      name: 'open',
      title: t('在办', 'Open'),
      help: t('当前尚未办结的案件数，不随统计期间变化', 'Cases not yet concluded now; does not depend on the period'),
      value: count(s?.open),
      note: s && t(`当前数 · 截至 ${s.asOf}`, `now · as of ${s.asOf}`),
      cases: c ? casesLink({ category: c.category, track: c.track, area: c.area }) : undefined,
    },
    {
      name: 'overdue',
      title: t('超期', 'Overdue'),
      help: t('在办案件中当前时限已过的案件数', 'Open cases whose running deadline has passed'),
      value: count(s?.overdue),
      note: s && t('当前数', 'now'),
      tone: s && s.overdue > 0 ? 'alert' : undefined,
      cases: c ? casesLink({ category: c.category, track: c.track, area: c.area, overdue: true }) : undefined,
    },
  ];

  return (
    <div className="wq-kpis">
      {kpis.map((k) => (
        <Card key={k.name} size="small" className={`wq-kpi${k.tone ? ` wq-kpi-${k.tone}` : ''}`} data-testid={`kpi-${k.name}`}>
          <div className="wq-kpi-title">
            {k.title}
            <Tooltip title={k.help}>
              <InfoCircleOutlined className="wq-kpi-help" aria-label={k.help} />
            </Tooltip>
          </div>
          {props.loading && !s ? (
            <Skeleton.Input active size="small" />
          ) : (
            <>
              <div className="wq-kpi-value" data-testid={`kpi-${k.name}-value`}>
                {k.value}
              </div>
              <div className="wq-kpi-note">{k.note}</div>
              {s && k.compare && <KpiChange summary={s} {...k.compare} testId={`kpi-${k.name}-change`} />}
              {k.cases && (
                <Link to={k.cases} className="wq-kpi-cases" data-testid={`kpi-${k.name}-cases`}>
                  {t('查看案件', 'Cases')}
                  <span className="wq-sr-only">{t(`：${k.title}`, `: ${k.title}`)}</span> →
                </Link>
              )}
            </>
          )}
        </Card>
      ))}
    </div>
  );
}

/** 环比 · 同比 of one figure; the values compared with on hover. */
function KpiChange(props: {
  summary: Summary;
  metric: Compared;
  kind: 'relative' | 'points';
  show: (v: number | string | null) => string;
  testId: string;
}) {
  const { t } = useLang();
  const { previous, lastYear, changes } = props.summary.comparison;
  const c = changes[props.metric];
  const base = t(
    `环比：${previous.from} 至 ${previous.to} 为 ${props.show(c.previous)}；同比：${lastYear.from} 至 ${lastYear.to} 为 ${props.show(c.lastYear)}`,
    `Previous period ${previous.from} to ${previous.to}: ${props.show(c.previous)}; a year earlier ${lastYear.from} to ${lastYear.to}: ${props.show(c.lastYear)}`,
  );
  return (
    <Tooltip title={base}>
      <div className="wq-kpi-change" data-testid={props.testId}>
        <span data-testid={`${props.testId}-mom`}>
          {t('环比', 'vs prev.')} {changeText(c.periodOnPeriod, props.kind, t)}
        </span>
        <span data-testid={`${props.testId}-yoy`}>
          {t('同比', 'YoY')} {changeText(c.yearOnYear, props.kind, t)}
        </span>
      </div>
    </Tooltip>
  );
}
