import { EyeOutlined, FileOutlined, SafetyCertificateOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Empty, List, Space, Table, Tag, Timeline, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, ApiError, download, yuan } from '../lib/api';
import { useLang } from '../lib/i18n';
import { useSession } from '../lib/session';
import { issueLabel } from '../lib/words';
import {
  ACTION_LABEL,
  ESCALATION_CAUSE_LABEL,
  fmtDate,
  fmtTime,
  Muted,
  paren,
  pick,
  REMEDY_LABEL,
  RESPONSE_LABEL,
  RULE_LABEL,
  StatusTag,
  TrackTag,
  UNIT_TYPE_LABEL,
  useAreaNames,
} from './common';
import type {
  ActionResult,
  CaseDetail,
  CaseStatus,
  ClaimantFlags,
  HistoryEvent,
  PersonalData,
  RoutingCandidate,
  RoutingRound,
  Track,
} from '../api/types';

type T = (zh: string, en: string) => string;

const CHANNEL: Record<string, [string, string]> = {
  offline: ['线下', 'In person'],
  online: ['网购', 'Online'],
  livestream: ['直播带货', 'Livestream'],
};

const yesNo = (t: T, v: boolean | null | undefined) => (v === null || v === undefined ? '—' : v ? t('是', 'Yes') : t('否', 'No'));
const kb = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

/** 案情: what happened, what the consumer wants, the business, the materials. */
export function FactsSection({ c, names }: { c: CaseDetail; names: Map<string, string> }) {
  const { t } = useLang();
  const areas = useAreaNames();
  const r = c.respondent;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Descriptions size="small" bordered column={{ xs: 1, sm: 1, md: 2 }} title={t('消费争议', 'The dispute')}>
        <Descriptions.Item label={t('品类', 'Category')}>{c.category.name}</Descriptions.Item>
        <Descriptions.Item label={t('问题类型', 'Issue')}>{c.issueType ? issueLabel(c.issueType, t) : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('消费方式', 'Channel')}>
          {c.purchaseChannel ? pick(t, CHANNEL[c.purchaseChannel], c.purchaseChannel) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('预付式消费', 'Prepaid')}>{yesNo(t, c.prepaid)}</Descriptions.Item>
        <Descriptions.Item label={t('涉及金额', 'Amount')}>{c.amount === null ? '—' : `¥${yuan(c.amount)}`}</Descriptions.Item>
        <Descriptions.Item label={t('发生日期', 'Incident date')}>{fmtDate(c.incidentDate)}</Descriptions.Item>
        <Descriptions.Item label={t('事实经过', 'What happened')} span={2}>
          <div className="staff-pre" data-testid="case-description">
            {c.description}
          </div>
        </Descriptions.Item>
        <Descriptions.Item label={t('诉求', 'Demand')} span={2}>
          <div className="staff-pre">{c.demand}</div>
        </Descriptions.Item>
        <Descriptions.Item label={t('同意公开', 'Consents to publication')}>{yesNo(t, c.consentToPublish)}</Descriptions.Item>
        <Descriptions.Item label={t('适用规则', 'Rule set')}>{ruleSetName(t, c.ruleSet.code)}</Descriptions.Item>
      </Descriptions>

      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 1, md: 2 }}
        title={c.track === 'report' ? t('被举报经营者', 'The business reported') : t('被投诉经营者', 'The business complained about')}
      >
        <Descriptions.Item label={t('名称', 'Name')} span={2}>
          {r.name}
        </Descriptions.Item>
        <Descriptions.Item label={t('统一社会信用代码', 'Credit code')}>{r.creditCode ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('所在区域', 'Area')}>
          {r.areaCode ? (areas.get(r.areaCode) ? `${areas.get(r.areaCode)}${paren(t, r.areaCode)}` : r.areaCode) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('地址', 'Address')} span={2}>
          {r.address ?? '—'}
        </Descriptions.Item>
        {r.venueCode && (
          <Descriptions.Item label={t('所在场所', 'Venue')}>
            {names.get(r.venueCode) ? `${names.get(r.venueCode)}${paren(t, r.venueCode)}` : r.venueCode}
          </Descriptions.Item>
        )}
        {(r.online || r.platformName) && (
          <Descriptions.Item label={t('网络交易平台', 'Online platform')}>{r.platformName ?? t('网络经营', 'online')}</Descriptions.Item>
        )}
      </Descriptions>

      <div>
        <Typography.Title level={5}>{t('附件', 'Attachments')}</Typography.Title>
        {c.attachments.length === 0 ? (
          <Muted>{t('暂无附件', 'No attachments')}</Muted>
        ) : (
          <List
            size="small"
            bordered
            dataSource={c.attachments}
            renderItem={(a) => (
              <List.Item>
                <Space>
                  <FileOutlined />
                  <span>{a.name}</span>
                  {a.from === 'business' ? (
                    <Tag color="purple">{t('经营者上传', 'From the business')}</Tag>
                  ) : (
                    a.sharedWithBusiness && <Tag>{t('消费者允许经营者查看', 'Shared with the business')}</Tag>
                  )}
                  <Muted>
                    {a.mime} · {kb(a.size)} · {fmtTime(a.at)}
                  </Muted>
                  {c.handledByYou && <OpenFileButton caseId={c.id} file={a} />}
                </Space>
              </List.Item>
            )}
          />
        )}
      </div>
    </Space>
  );
}

/** The handling unit opens a file of the case; the API records every file opened, as the button says. */
function OpenFileButton({ caseId, file }: { caseId: string; file: { id: string; name: string } }) {
  const { t } = useLang();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Tooltip title={t('打开即留痕（个人信息保护）', 'Opening it is recorded (personal information)')}>
      <Button
        size="small"
        icon={<EyeOutlined />}
        loading={busy}
        data-testid={`open-file-${file.id}`}
        onClick={() => {
          setBusy(true);
          download(`/cases/${encodeURIComponent(caseId)}/attachments/${encodeURIComponent(file.id)}`, file.name)
            .catch((e: unknown) =>
              message.error(e instanceof ApiError ? e.message : t('打开失败，请稍后重试', 'Could not open it; try again')),
            )
            .finally(() => setBusy(false));
        }}
      >
        {t('打开', 'Open')}
      </Button>
    </Tooltip>
  );
}

function ruleSetName(t: T, code: string): string {
  if (code === 'order20') return t('《市场监督管理投诉举报处理暂行办法》（第20号令）', 'Order 20 (interim measures)');
  if (code === 'order121') return t('《市场监督管理投诉举报处理办法》（第121号令）', 'Order 121');
  return code;
}

/** 当事人: the consumer, masked; the full data for the handling unit on request, and that the view is recorded. */
export function PartiesSection({ c }: { c: CaseDetail }) {
  const { t } = useLang();
  const { user } = useSession();
  const [full, setFull] = useState<{ data: PersonalData; at: Date } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const p = c.consumer;

  const reveal = async () => {
    setBusy(true);
    setError(null);
    try {
      setFull({ data: await api<PersonalData>(`/cases/${c.id}/personal-data`), at: new Date() });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('无法读取', 'Could not load'));
    } finally {
      setBusy(false);
    }
  };

  const who = c.track === 'report' ? t('举报人', 'Reporter') : t('投诉人', 'Complainant');
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {p.hidden ? (
        <Alert
          type="info"
          showIcon
          icon={<SafetyCertificateOutlined />}
          data-testid="reporter-hidden"
          title={t('举报人信息保密', "The reporter's identity is confidential")}
          description={t('依法对举报人信息保密，仅承办单位可以查看。', 'By law only the handling unit may see who reported.')}
        />
      ) : (
        <Card
          size="small"
          title={who}
          extra={
            p.revealable && !full ? (
              <Button size="small" icon={<EyeOutlined />} loading={busy} onClick={() => void reveal()} data-testid="reveal-personal-data">
                {t('查看完整信息', 'Show in full')}
              </Button>
            ) : null
          }
        >
          {full && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="reveal-recorded"
              title={t('本次查看已记录', 'This view has been recorded')}
              description={t(
                `${user?.displayName ?? ''}（${user?.username ?? ''}）于 ${dayjs(full.at).format('YYYY-MM-DD HH:mm:ss')} 查看了完整个人信息，已记入个人信息访问日志。请仅用于办理本案。`,
                `${user?.displayName ?? ''} (${user?.username ?? ''}) saw the personal data in full at ${dayjs(full.at).format('YYYY-MM-DD HH:mm:ss')}; the view is in the access log. Use it for this case only.`,
              )}
            />
          )}
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
          <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2 }} data-testid="consumer-data">
            <Descriptions.Item label={t('姓名', 'Name')}>{full ? full.data.name : p.name}</Descriptions.Item>
            <Descriptions.Item label={t('手机号', 'Phone')}>
              <span data-testid="consumer-phone">{full ? full.data.phone : p.phone}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('地址', 'Address')}>{(full ? full.data.address : p.address) ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('身份证号', 'ID number')}>{(full ? full.data.idNumber : p.idNumber) ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('电子邮箱', 'Email')}>{(full ? full.data.email : p.email) ?? '—'}</Descriptions.Item>
          </Descriptions>
          {!full && (
            <Muted>
              {p.revealable
                ? t('个人信息已脱敏显示；查看完整信息将被记录。', 'Masked; showing it in full is recorded.')
                : t('个人信息已脱敏显示；仅承办单位可以查看完整信息。', 'Masked; only the handling unit may see it in full.')}
            </Muted>
          )}
        </Card>
      )}
      {c.claimant && <ClaimantEvidence flags={c.claimant} />}
    </Space>
  );
}

/** The claimant flags with their evidence: shown to the handler, never acted on automatically. */
function ClaimantEvidence({ flags }: { flags: ClaimantFlags }) {
  const { t } = useLang();
  return (
    <Card size="small" title={t('投诉人情况', 'About the complainant')} data-testid="claimant-flags">
      <Space orientation="vertical" style={{ width: '100%' }}>
        {flags.repeat ? (
          <Alert
            type="warning"
            showIcon
            title={t('12 个月内曾投诉同一经营者（不论结果）', 'Filed against the same business within 12 months (any outcome)')}
            description={flags.repeat.trackingNos.join('、')}
          />
        ) : null}
        {flags.art17 ? <Art17Factors a={flags.art17} /> : null}
      </Space>
    </Card>
  );
}

type Art17 = NonNullable<ClaimantFlags['art17']>;
const FACTOR_STATUS: Record<Art17['factors'][number]['status'], [string, string, string]> = {
  noted: ['值得留意', 'Worth a look', 'warning'],
  'not-noted': ['未见', 'Not seen', 'default'],
  'not-in-data': ['数据无法反映', 'Not in the data', 'default'],
  'for-handler': ['由承办人判断', 'For the handler', 'processing'],
};

/** 《市场监督管理投诉举报处理办法》第十七条: each factor, its state and evidence, for the handler's judgement of Art. 16(3). */
function Art17Factors({ a }: { a: Art17 }) {
  const { t, lang } = useLang();
  const items = ['（一）', '（二）', '（三）', '（四）', '（五）'];
  return (
    <div data-testid="art17">
      <Muted>{a.purpose[lang]}</Muted>
      <List
        size="small"
        dataSource={a.factors}
        renderItem={(f) => {
          const [zh, en, color] = FACTOR_STATUS[f.status];
          return (
            <List.Item data-testid={`art17-${f.item}`} style={{ paddingInline: 0 }}>
              <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                <Space wrap size={4}>
                  <Typography.Text
                    strong
                  >{`${t(`第十七条第${items[f.item - 1]}项`, `Art. 17(${f.item})`)} ${f.title[lang]}`}</Typography.Text>
                  <Tag color={color} icon={f.status === 'noted' ? <WarningOutlined /> : undefined}>
                    {t(zh, en)}
                  </Tag>
                </Space>
                <Muted>{f.note[lang]}</Muted>
                {f.evidence.map((e) => (
                  <div key={e.what} data-testid={`art17-${e.what}`}>
                    <span
                      style={{ color: e.reached ? '#cf1322' : undefined, fontWeight: e.reached ? 600 : undefined }}
                    >{`${e.text[lang]}：${e.count}`}</span>
                    {e.threshold !== null && <Muted>{`\u00a0/ ${t('默认阈值', 'default')} ${e.threshold}`}</Muted>}
                    {e.names.length > 0 && <Muted>{`\u00a0${e.names.join('、')}`}</Muted>}
                    {e.trackingNos.length > 0 && <Muted>{`\u00a0${e.trackingNos.join('、')}`}</Muted>}
                  </div>
                ))}
              </Space>
            </List.Item>
          );
        }}
      />
      <Muted>
        {t(
          `依据：${a.basis}。阈值为系统默认值，不是法定标准；系统不据此作出任何决定。`,
          `Basis: ${a.basis}. Thresholds are system defaults, not law; the system decides nothing on them.`,
        )}
      </Muted>
    </div>
  );
}

/** The city's periods for settlement are its own policy, never the law: said wherever they are shown. */
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
