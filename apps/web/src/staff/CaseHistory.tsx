import { Alert, Card, Descriptions, Empty, Space, Table, Tag, Timeline, Typography } from 'antd';
import { Link } from 'react-router';
import { yuan } from '../lib/api';
import { useLang } from '../lib/i18n';
import { useSession } from '../lib/session';
import {
  ACTION_LABEL,
  ESCALATION_CAUSE_LABEL,
  fmtTime,
  Muted,
  paren,
  pick,
  REMEDY_LABEL,
  RULE_LABEL,
  StatusTag,
  TrackTag,
  UNIT_TYPE_LABEL,
} from './common';
import type { CaseDetail, CaseStatus, HistoryEvent, RoutingCandidate, RoutingRound, Track } from '../api/types';

/** How the case moved: each routing round with its candidates and reason, the history of events, and linked cases. */

export function RoutingSection({ rounds }: { rounds: RoutingRound[] }) {
  const { t } = useLang();
  if (!rounds.length) return <Empty description={t('尚未分派', 'Not routed yet')} />;
  const columns = [
    {
      title: t('候选单位', 'Candidate'),
      dataIndex: 'name',
      render: (v: string, k: RoutingCandidate) => (
        <span>
          {v} <Muted>{k.code}</Muted>
        </span>
      ),
    },
    {
      title: t('类型', 'Type'),
      dataIndex: 'type',
      width: 90,
      render: (v: string) => pick(t, UNIT_TYPE_LABEL[v], v),
    },
    {
      title: t('负荷', 'Load'),
      dataIndex: 'load',
      width: 80,
      render: (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)}%`),
    },
    {
      title: t('距离', 'Distance'),
      dataIndex: 'distanceKm',
      width: 90,
      render: (v: number | null) => (v === null ? '—' : `${v.toFixed(1)} km`),
    },
    {
      title: t('是否符合', 'Eligible'),
      dataIndex: 'eligible',
      width: 90,
      render: (v: boolean) => (v ? <Tag color="success">{t('符合', 'Yes')}</Tag> : <Tag>{t('不符合', 'No')}</Tag>),
    },
    { title: t('说明', 'Why'), dataIndex: 'why' },
  ];
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="routing">
      {[...rounds].reverse().map((r) => (
        <Card
          key={r.round}
          size="small"
          title={
            <Space wrap>
              {/* Rounds count from 0 in the data; people count from 1. */}
              <span>{t(`第 ${r.round + 1} 轮分派`, `Round ${r.round + 1}`)}</span>
              <Tag color="red">{pick(t, RULE_LABEL[r.rule], r.rule)}</Tag>
              {r.transfer && <Tag color="geekblue">{t('移送', 'Transfer')}</Tag>}
            </Space>
          }
          extra={<Muted>{fmtTime(r.decidedAt)}</Muted>}
        >
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('分派理由', 'Reason')}>{r.reason}</Descriptions.Item>
            <Descriptions.Item label={t('分派给', 'Assigned to')}>
              <span>
                {(r.candidates ?? []).find((k) => k.code === r.assigneeCode)?.name ?? r.assigneeCode} <Muted>{r.assigneeCode}</Muted>
              </span>
            </Descriptions.Item>
          </Descriptions>
          <Table<RoutingCandidate>
            style={{ marginTop: 8 }}
            size="small"
            rowKey="code"
            pagination={false}
            columns={columns}
            dataSource={r.candidates ?? []}
            scroll={{ x: 'max-content' }}
            rowClassName={(k) => (k.code === r.assigneeCode ? 'staff-row-chosen' : '')}
            locale={{ emptyText: t('没有候选单位', 'No candidates') }}
          />
        </Card>
      ))}
    </Space>
  );
}

const EVENT_LABEL: Record<string, [string, string]> = {
  received: ['收到投诉举报', 'Received'],
  duplicate: ['重复提交，并入首次提交的案件', 'Duplicate, merged'],
  assigned: ['分派', 'Assigned'],
  escalated: ['升级分派', 'Escalated'],
  transferred: ['移送', 'Transferred'],
  'handed-back': ['退回重新分派', 'Handed back'],
  withdrawn: ['消费者撤回', 'Withdrawn by the consumer'],
  supplement: ['消费者补充材料', 'Consumer added information'],
  attachment: ['消费者上传附件', 'Consumer attached a file'],
  rated: ['消费者评价', 'Consumer rated'],
  notified: ['通知消费者', 'Consumer notified'],
  overdue: ['超期提醒', 'Overdue alert'],
  'deadline-recomputed': ['期限重新计算', 'Deadline recomputed'],
  'referred-to-business': ['服务站确认被投诉经营者，转交其答复', 'A station passed it to the enrolled business'],
  'stepped-in': ['服务站介入协助', 'The venue’s station stepped in'],
  'joined-joint-case': ['经投诉人同意，按共同投诉处理', 'Handled as a joint complaint, with consent'],
  'access-code-reissued': [
    '按登记手机号重新发放查询码（原码作废）',
    'New access code sent to the phone on file (the old one no longer works)',
  ],
};

/**
 * History actions that are no handler's (the API lists them with the actions): the consumer accepting
 * the business's offer, and a case leaving the settlement stage for the formal complaint.
 */
const OTHER_ACTION_LABEL: Record<string, [string, string]> = {
  'accept-offer': ['消费者接受和解方案（和解办结）', 'The consumer accepted the offer (settled)'],
  escalate: ['转为正式投诉', 'Became a formal complaint'],
};

/** The offer a record-offer event carries (its data, beyond the documented properties). */
function offerOf(data: HistoryEvent['data']): { remedy?: string; amountFen?: number | null } | null {
  const o = data?.offer;
  return o && typeof o === 'object' ? o : null;
}

/** 历史: the append-only history, newest first: who, unit, when, from → to, action, reason, note. */
export function HistorySection({ c, unitNames }: { c: CaseDetail; unitNames: Map<string, string> }) {
  const { t, lang } = useLang();
  const { user } = useSession();
  // A business's own users act with its credit code as their unit.
  const byBusiness = (h: HistoryEvent) => !!h.actor.unitCode && h.actor.unitCode === c.respondent.creditCode;
  const actor = (h: HistoryEvent) => {
    if (byBusiness(h)) return `${t('经营者', 'Business')} · ${c.respondentName}`;
    const unit = h.actor.unitCode ? (unitNames.get(h.actor.unitCode) ?? h.actor.unitCode) : null;
    if (h.actor.type === 'consumer') return c.track === 'report' && c.consumer.hidden ? t('举报人', 'Reporter') : t('消费者', 'Consumer');
    if (h.actor.type === 'system') return t('系统', 'System');
    // The history names staff by account id only; the reader's own entries can say who.
    const who =
      user && h.actor.id === user.id
        ? `${user.displayName}${paren(t, user.username)}`
        : h.actor.id
          ? t(`工作人员 #${h.actor.id}`, `Staff #${h.actor.id}`)
          : t('工作人员', 'Staff');
    return unit ? `${who} · ${unit}` : who;
  };
  // A settlement case becoming formal is an 'escalated' event with a cause, not a routing step.
  const causeOf = (h: HistoryEvent): string | null =>
    typeof h.data?.cause === 'string' ? h.data.cause : h.reasonCode && ESCALATION_CAUSE_LABEL[h.reasonCode] ? h.reasonCode : null;
  const escalation = (h: HistoryEvent) => h.type === 'escalated' && !!causeOf(h);
  const routingEvent = (h: HistoryEvent) => ['assigned', 'escalated', 'transferred'].includes(h.type) && !escalation(h);
  const items = [...c.history].reverse().map((h, i) => {
    const what = h.action
      ? pick(t, (ACTION_LABEL as Record<string, readonly [string, string] | undefined>)[h.action] ?? OTHER_ACTION_LABEL[h.action], h.action)
      : pick(t, escalation(h) ? OTHER_ACTION_LABEL.escalate : EVENT_LABEL[h.type], h.type);
    const offer = h.type === 'record-offer' ? offerOf(h.data) : null;
    const reason = h.data?.reason;
    const amount = h.data?.outcome?.amountRecoveredFen;
    return {
      key: `${h.at}-${i}`,
      color: h.action === 'refuse' || h.action === 'terminate' || h.type === 'overdue' ? 'red' : h.actor.type === 'staff' ? 'blue' : 'gray',
      content: (
        <div data-testid="history-item">
          <Muted>{fmtTime(h.at)}</Muted>
          <br />
          <Space wrap size={6}>
            <Typography.Text strong>{what}</Typography.Text>
            {h.from && h.to && h.from !== h.to ? (
              <span>
                <StatusTag status={h.from} /> → <StatusTag status={h.to} />
              </span>
            ) : h.to && !h.from ? (
              <StatusTag status={h.to} />
            ) : null}
            {!h.public && <Tag variant="filled">{t('内部', 'Internal')}</Tag>}
          </Space>
          <div>
            <Muted>{actor(h)}</Muted>
          </div>
          {reason && (
            <div>
              {t('理由：', 'Reason: ')}
              {reason.code}. {lang === 'zh' ? reason.text.zh : reason.text.en} <Muted>{paren(t, reason.basis)}</Muted>
            </div>
          )}
          {!reason && h.reasonCode && routingEvent(h) && (
            <div>
              {t('分派规则：', 'Rule: ')}
              {pick(t, RULE_LABEL[h.reasonCode], h.reasonCode)}
            </div>
          )}
          {escalation(h) && (
            <div>
              {t('原因：', 'Why: ')}
              {pick(t, ESCALATION_CAUSE_LABEL[causeOf(h)!], causeOf(h)!)}
            </div>
          )}
          {offer?.remedy && (
            <div>
              {t('和解方案：', 'Offer: ')}
              {pick(t, REMEDY_LABEL[offer.remedy as keyof typeof REMEDY_LABEL], offer.remedy)}
              {typeof offer.amountFen === 'number' && ` ¥${yuan((offer.amountFen / 100).toFixed(2))}`}
            </div>
          )}
          {(h.type === 'referred-to-business' || h.type === 'stepped-in') && h.data?.assignee?.name && (
            <div>
              {h.type === 'referred-to-business' ? t('转交：', 'To: ') : t('介入单位：', 'By: ')}
              {h.data.assignee.name}
            </div>
          )}
          {!reason && h.reasonCode && !routingEvent(h) && !escalation(h) && (
            <div>
              {t('理由代码：', 'Reason code: ')}
              {h.reasonCode}
            </div>
          )}
          {amount !== undefined && (
            <div>
              {t('挽回经济损失：', 'Recovered: ')}¥{yuan((amount / 100).toFixed(2))}
              {h.data.outcome?.agreement !== undefined &&
                ` · ${h.data.outcome.agreement ? t('已达成书面协议', 'written agreement') : t('无书面协议', 'no written agreement')}`}
            </div>
          )}
          {h.data?.linkedReport && (
            <div>
              {t('关联举报：', 'Linked report: ')}
              <Link to={`/staff/cases/${h.data.linkedReport.id}`}>{h.data.linkedReport.trackingNo}</Link>
            </div>
          )}
          {h.note && (
            <div className="staff-pre">
              {h.type === 'notified'
                ? t('通知内容：', 'Message: ')
                : routingEvent(h)
                  ? t('分派理由：', 'Reason: ')
                  : h.type === 'record-offer'
                    ? t('经营者答复：', "The business's message: ")
                    : h.type === 'statement' || h.action === 'statement'
                      ? t('经营者说明：', "The business's statement: ")
                      : h.type === 'settlement-failed' && byBusiness(h)
                        ? t('经营者不同意的理由：', 'Why the business did not agree: ')
                        : t('说明：', 'Note: ')}
              {h.note}
            </div>
          )}
        </div>
      ),
    };
  });
  if (!items.length) return <Empty description={t('暂无记录', 'No history')} />;
  return <Timeline data-testid="history" items={items} />;
}

/** 关联案件: the other half of a "both" filing, reports opened from it, duplicates. */
export function LinkedSection({ c }: { c: CaseDetail }) {
  const { t } = useLang();
  const relation = (r: string) =>
    r === 'duplicate'
      ? t('重复提交（并入本案）', 'Duplicate of this case')
      : r === 'duplicate-of'
        ? t('本案并入该案', 'This case is its duplicate')
        : t('关联', 'Linked');
  // Order 121 Art. 12: the joint complaint it is handled in, and who represents its complainants.
  const joint = c.jointCase && (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="joint-case"
      message={t(
        `按共同投诉处理：${c.jointCase.jointNo}（共 ${c.jointCase.memberCount} 件）`,
        `Joint complaint ${c.jointCase.jointNo} (${c.jointCase.memberCount} complaints)`,
      )}
      description={
        <span>
          {t('代表人所在投诉：', 'Representatives’ complaints: ')}
          {c.jointCase.representatives.length
            ? c.jointCase.representatives.map((r, i) => (
                <span key={r.id}>
                  {i > 0 && '、'}
                  <Link to={`/staff/cases/${r.id}`}>{r.trackingNo}</Link>
                </span>
              ))
            : t('未推选', 'none elected')}
        </span>
      }
    />
  );
  return (
    <>
      {joint}
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        data-testid="linked"
        dataSource={c.linked}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('没有关联案件', 'No linked cases') }}
        columns={[
          {
            title: t('查询编号', 'Tracking no.'),
            dataIndex: 'trackingNo',
            render: (v: string, l) => <Link to={`/staff/cases/${l.id}`}>{v}</Link>,
          },
          { title: t('类型', 'Track'), dataIndex: 'track', render: (v: Track) => <TrackTag track={v} /> },
          { title: t('关系', 'Relation'), dataIndex: 'relation', render: (v: string) => relation(v) },
          {
            title: t('状态', 'Status'),
            dataIndex: 'status',
            render: (v: CaseStatus | null) =>
              v ? <StatusTag status={v} /> : <Muted>{t('仅承办单位可见', 'Visible to its handler only')}</Muted>,
          },
        ]}
      />
    </>
  );
}
