import { InfoCircleOutlined } from '@ant-design/icons';
import { Card, Skeleton, Tag, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useLang } from '../lib/i18n';
import { count, money, pct, SATISFACTION_REFERENCE } from './format';
import type { Summary } from '../api/types';

interface Kpi {
  name: string;
  title: string;
  /** The definition (docs/METRICS.md), shown on hover. */
  help: string;
  value: ReactNode;
  note: ReactNode;
  tone?: 'alert' | 'good';
}

/** The headline figures of the period, plus the open and overdue counts of now. */
export function KpiCards({ summary, loading }: { summary: Summary | undefined; loading: boolean }) {
  const { t } = useLang();
  const s = summary;
  const ref = SATISFACTION_REFERENCE;
  const sat = s?.satisfactionRate ?? null;
  const kpis: Kpi[] = [
    {
      name: 'received',
      title: t('收到', 'Received'),
      help: t('期间内收到的投诉和举报（重复投诉不计）', 'Complaints and reports received in the period (duplicates not counted)'),
      value: count(s?.received),
      note: s && t(`受理 ${count(s.accepted)} · 办结 ${count(s.closed)}`, `${count(s.accepted)} accepted · ${count(s.closed)} closed`),
    },
    {
      name: 'onTimeAcceptanceRate',
      title: t('按时受理率', 'On-time acceptance'),
      help: t(
        '7 个工作日内作出受理或不予受理决定的比例（消费者权益保护法第 46 条）',
        'Share of accept/refuse decisions made within 7 working days (Consumer Rights Law art. 46)',
      ),
      value: pct(s?.onTimeAcceptanceRate),
      note:
        s && t(`受理 ${count(s.accepted)} · 不予受理 ${count(s.refused)}`, `${count(s.accepted)} accepted · ${count(s.refused)} refused`),
    },
    {
      name: 'mediationSuccessRate',
      title: t('调解成功率', 'Mediation success'),
      help: t('调解成功 ÷（调解成功 + 终止调解）', 'Resolved ÷ (resolved + terminated)'),
      value: pct(s?.mediationSuccessRate),
      note:
        s &&
        t(`成功 ${count(s.resolved)} · 终止 ${count(s.terminated)}`, `${count(s.resolved)} resolved · ${count(s.terminated)} terminated`),
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
            <Tag color={sat >= ref ? 'green' : 'orange'} style={{ marginInlineStart: 6 }}>
              {sat >= ref ? t('达到', 'met') : t('低于', 'below')}
            </Tag>
          )}
        </>
      ),
    },
    {
      name: 'open',
      title: t('在办', 'Open'),
      help: t('当前尚未办结的案件数，不随统计期间变化', 'Cases not yet concluded now; does not depend on the period'),
      value: count(s?.open),
      note: s && t(`当前数 · 截至 ${s.asOf}`, `now · as of ${s.asOf}`),
    },
    {
      name: 'overdue',
      title: t('超期', 'Overdue'),
      help: t('在办案件中当前时限已过的案件数', 'Open cases whose running deadline has passed'),
      value: count(s?.overdue),
      note: s && t('当前数', 'now'),
      tone: s && s.overdue > 0 ? 'alert' : undefined,
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
          {loading && !s ? (
            <Skeleton.Input active size="small" />
          ) : (
            <>
              <div className="wq-kpi-value" data-testid={`kpi-${k.name}-value`}>
                {k.value}
              </div>
              <div className="wq-kpi-note">{k.note}</div>
            </>
          )}
        </Card>
      ))}
    </div>
  );
}
