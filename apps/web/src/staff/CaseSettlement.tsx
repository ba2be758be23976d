import { Alert, App, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { api, ApiError, yuan } from '../lib/api';
import { useLang } from '../lib/i18n';
import { ESCALATION_CAUSE_LABEL, fmtDate, fmtTime, Muted, paren, pick, REMEDY_LABEL, RESPONSE_LABEL } from './common';
import type { ActionResult, CaseDetail } from '../api/types';
import { yesNo } from './case-format';

/** The settlement stage (the city policy's dates, the business matches a station may confirm) and the outcome of a finished case. */

export function CityPolicyTag() {
  const { t } = useLang();
  return <Tag color="blue">{t('市政策，非法定期限', 'City policy, not a legal deadline')}</Tag>;
}

/**
 * 协商和解: the stage, the city's take-up and outcome deadlines, the business's current offer; for a
 * case that left the stage, the day the department received it and why.
 */
export function SettlementSection({ c, onDone, onStale }: { c: CaseDetail; onDone: (r: ActionResult) => void; onStale: () => void }) {
  const { t } = useLang();
  const s = c.settlement;
  const e = c.escalation;
  if (!s && !e) return null;
  const open = ['settling', 'negotiating', 'offered'].includes(c.status);
  return (
    <Card size="small" title={t('协商和解', 'Settlement')} data-testid="settlement-section">
      {s && s.businessMatches.length > 0 && (
        <BusinessMatches
          c={c}
          matches={s.businessMatches}
          canRefer={c.allowedActions.includes('refer-to-business')}
          onDone={onDone}
          onStale={onStale}
        />
      )}
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('阶段', 'Stage')}>
          <span data-testid="settlement-stage" data-stage={c.stage}>
            {c.stage === 'settlement' ? (
              <Tag color="gold">{t('先行和解（服务站协助协商）', 'Settlement first (a station helps)')}</Tag>
            ) : (
              <Tag color="geekblue">{t('正式投诉（监管部门依法处理）', 'Formal complaint (the department decides)')}</Tag>
            )}
          </span>
        </Descriptions.Item>
        {s && (
          <Descriptions.Item label={t('接手期限', 'Take up by')}>
            <span data-testid="settlement-take-up">
              {s.takenUpAt ? (
                <Tag color="success">{t(`已于 ${fmtTime(s.takenUpAt)} 接手`, `Taken up ${fmtTime(s.takenUpAt)}`)}</Tag>
              ) : s.takeUpDue ? (
                <>
                  {fmtDate(s.takeUpDue)} <CityPolicyTag />
                </>
              ) : (
                '—'
              )}
            </span>
          </Descriptions.Item>
        )}
        {s && (
          <Descriptions.Item label={t('协商期限', 'Outcome by')}>
            <span data-testid="settlement-due">
              {s.dueDate ? fmtDate(s.dueDate) : '—'} {s.dueDate && <CityPolicyTag />}
            </span>
          </Descriptions.Item>
        )}
        {s?.offer && (
          <Descriptions.Item label={open ? t('当前方案', 'Current offer') : t('和解方案', 'Offer')}>
            <div data-testid="settlement-offer">
              <Space wrap size={6}>
                {s.offer.response && (
                  <Tag color={s.offer.response === 'full' ? 'green' : 'gold'} data-testid="settlement-offer-response">
                    {pick(t, RESPONSE_LABEL[s.offer.response], s.offer.response)}
                  </Tag>
                )}
                <Tag color="blue">{pick(t, REMEDY_LABEL[s.offer.remedy], s.offer.remedy)}</Tag>
                {s.offer.amount !== null && <Typography.Text strong>¥{yuan(s.offer.amount)}</Typography.Text>}
                <Muted>{fmtTime(s.offer.at)}</Muted>
              </Space>
              <div className="staff-pre">
                {t('经营者答复：', "The business's message: ")}
                {s.offer.message}
              </div>
              {c.status === 'offered' && <Muted>{t('等待消费者确认', 'Waiting for the consumer')}</Muted>}
            </div>
          </Descriptions.Item>
        )}
        {e && (
          <Descriptions.Item label={t('转为正式投诉', 'Became formal')}>
            <span data-testid="settlement-escalation">
              {t(`${fmtDate(e.on)}（监管部门收到之日）`, `${fmtDate(e.on)} (received by the department)`)}
              <br />
              {t('原因：', 'Why: ')}
              {pick(t, ESCALATION_CAUSE_LABEL[e.cause], e.cause)}
            </span>
          </Descriptions.Item>
        )}
      </Descriptions>
      {s && (
        <Muted>
          {t(
            '接手期限和协商期限是本市工作规范（市政策），不是法定期限；到期未接手或未达成和解的，案件自动转为正式投诉。',
            'The take-up and settlement periods are city policy, not law; when either passes, the case becomes a formal complaint by itself.',
          )}
        </Muted>
      )}
    </Card>
  );
}

type BusinessMatch = NonNullable<CaseDetail['settlement']>['businessMatches'][number];

/**
 * A name-only respondent that may be an enrolled business: "被投诉人可能是：某某（已入驻在线纠纷解决）",
 * and for the station holding the case a button that passes it to that business, asked once more.
 */
function BusinessMatches({
  c,
  matches,
  canRefer,
  onDone,
  onStale,
}: {
  c: CaseDetail;
  matches: BusinessMatch[];
  canRefer: boolean;
  onDone: (r: ActionResult) => void;
  /** The case moved on meanwhile (409): shown again as it is now. */
  onStale: () => void;
}) {
  const { t } = useLang();
  const { message, modal } = App.useApp();
  const refer = (m: BusinessMatch) => {
    // The dialog's instance is also a thenable: nothing waits for it here.
    void modal.confirm({
      title: t(`确认转交「${m.name}」答复？`, `Pass it to "${m.name}"?`),
      content: (
        <Space orientation="vertical" size={4}>
          <span>
            {t('统一社会信用代码：', 'Credit code: ')}
            {m.creditCode}
          </span>
          <span>
            {t(
              '请先核实被投诉人确为该经营者。转交后由经营者在 10 个工作日内答复（本市工作规范，非法定期限），本站不再看到此案件。此操作不能撤销。',
              'Check first that the respondent really is this business. It then answers within 10 working days (city policy, not law), and your station no longer sees the case. This cannot be undone.',
            )}
          </span>
        </Space>
      ),
      okText: t('确认转交', 'Pass it on'),
      cancelText: t('取消', 'Cancel'),
      okButtonProps: { 'data-testid': 'refer-confirm' },
      onOk: async () => {
        try {
          const r = await api<ActionResult>(`/cases/${c.id}/actions`, { body: { action: 'refer-to-business', targetUnit: m.creditCode } });
          message.success(t(`已转交 ${m.name}`, `Passed to ${m.name}`));
          onDone(r);
        } catch (e) {
          message.error(e instanceof ApiError ? e.message : t('无法连接服务器，请重试', 'Cannot reach the server; try again'));
          if (e instanceof ApiError && e.status === 409) onStale();
        }
      },
    });
  };
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%', marginBottom: 12 }} data-testid="business-matches">
      {matches.map((m) => (
        <Alert
          key={m.creditCode}
          type="info"
          showIcon
          title={t(
            `被投诉人可能是：${m.name}（已入驻在线纠纷解决）`,
            `The respondent may be: ${m.name} (enrolled for online dispute resolution)`,
          )}
          description={
            <span>
              {t('统一社会信用代码：', 'Credit code: ')}
              {m.creditCode}
              {m.exact ? '' : t('（名称相近，请核实）', ' (a similar name: check it)')}
            </span>
          }
          action={
            canRefer ? (
              <Button size="small" type="primary" onClick={() => refer(m)} data-testid={`refer-${m.creditCode}`}>
                {t('确认并转交', 'Confirm and pass on')}
              </Button>
            ) : undefined
          }
        />
      ))}
    </Space>
  );
}

/** The result so far: reason, money recovered, agreement, decision, dates, the consumer's rating. */
export function OutcomeCard({ c }: { c: CaseDetail }) {
  const { t, lang } = useLang();
  const o = c.outcome;
  const any = o.reasonCode || o.amountRecovered !== null || o.decision || o.acceptedAt || o.concludedAt || o.closedAt || o.rating;
  if (!any) return null;
  const kind =
    c.status === 'refused'
      ? c.reasonOptions.refusal
      : c.status === 'not-opened' || o.decision === 'not-opened'
        ? c.reasonOptions.noCase
        : c.reasonOptions.termination;
  const reason = o.reasonCode ? kind.find((r) => r.code === o.reasonCode) : undefined;
  const rating = {
    satisfied: t('满意', 'Satisfied'),
    basically: t('基本满意', 'Basically satisfied'),
    dissatisfied: t('不满意', 'Dissatisfied'),
  };
  return (
    <Card size="small" title={t('办理结果', 'Outcome')} data-testid="outcome">
      <Descriptions size="small" column={1}>
        {o.acceptedAt && <Descriptions.Item label={t('受理时间', 'Accepted')}>{fmtTime(o.acceptedAt)}</Descriptions.Item>}
        {o.amountRecovered !== null && (
          <Descriptions.Item label={t('挽回经济损失', 'Recovered')}>
            <span data-testid="outcome-amount">¥{yuan(o.amountRecovered)}</span>
          </Descriptions.Item>
        )}
        {o.agreement !== null && (
          <Descriptions.Item label={t('书面调解协议', 'Written agreement')}>{yesNo(t, o.agreement)}</Descriptions.Item>
        )}
        {o.decision && (
          <Descriptions.Item label={t('立案决定', 'Decision')}>
            {o.decision === 'opened' ? t('已立案', 'Case opened') : t('不予立案', 'Not opened')}
          </Descriptions.Item>
        )}
        {o.reasonCode && (
          <Descriptions.Item label={t('理由', 'Reason')}>
            {reason ? `${reason.code}. ${lang === 'zh' ? reason.text.zh : reason.text.en}${paren(t, reason.basis)}` : o.reasonCode}
          </Descriptions.Item>
        )}
        {o.concludedAt && <Descriptions.Item label={t('办理完成', 'Concluded')}>{fmtTime(o.concludedAt)}</Descriptions.Item>}
        {o.closedAt && <Descriptions.Item label={t('办结时间', 'Closed')}>{fmtTime(o.closedAt)}</Descriptions.Item>}
        {o.followUpAt && <Descriptions.Item label={t('回访时间', 'Followed up')}>{fmtTime(o.followUpAt)}</Descriptions.Item>}
        {o.rating && (
          <Descriptions.Item label={t('消费者评价', 'Consumer rating')}>
            <span data-testid="outcome-rating">
              {rating[o.rating.rating] ?? o.rating.rating}
              {o.rating.comment ? `${t('：', ': ')}${o.rating.comment}` : ''}
            </span>
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

/** 分派理由: each routing round with its rule, reason and the candidates weighed. */
