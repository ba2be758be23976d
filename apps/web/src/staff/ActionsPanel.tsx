import { ExclamationCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, InputNumber, Modal, Select, Space, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError, yuan } from '../lib/api';
import { useLang } from '../lib/i18n';
import type { Remedy } from './common';
import { ACTION_LABEL, Muted, pick, REMEDIES, REMEDY_LABEL, STATUS_LABEL } from './common';
import { MONEY_REMEDIES } from '../lib/words';
import type { ActionResult, CaseAction, CaseActionBody, CaseDetail, ReasonOption } from '../api/types';

/** What each action asks for (libs/cases/src/case-state.ts): a reason code, a required note, or the outcome. */
const REASON_KIND: Partial<Record<CaseAction, 'refusal' | 'termination' | 'noCase'>> = {
  refuse: 'refusal',
  terminate: 'termination',
  'decline-enforcement': 'noCase',
};
const NOTE_REQUIRED = new Set<CaseAction>([
  'record-offer',
  'settlement-failed',
  'hand-back',
  'pause-clock',
  'extend-decision',
  'merge-into',
  'report-violation',
  'record-follow-up',
  'note',
  'statement',
]);
/** Steps that cannot be undone: asked for once more before they are sent. */
const IRREVERSIBLE = new Set<CaseAction>([
  'settlement-failed',
  'refuse',
  'hand-back',
  'resolve',
  'terminate',
  'open-enforcement',
  'decline-enforcement',
  'extend-decision',
  'merge-into',
  'report-violation',
  'close',
  'step-in',
]);
/** Steps that end or give up the case: their buttons are red. */
const DANGER = new Set<CaseAction>(['settlement-failed', 'refuse', 'hand-back', 'terminate', 'decline-enforcement']);
const PRIMARY = new Set<CaseAction>([
  'take-up',
  'step-in',
  'record-offer',
  'accept',
  'start-mediation',
  'resume-clock',
  'resolve',
  'open-enforcement',
  'close',
]);

const FIELDS = ['reasonCode', 'note', 'amountRecovered', 'agreement', 'mergeInto', 'remedy', 'amountOffered'] as const;

interface FormValues {
  remedy?: Remedy;
  amountOffered?: number | null;
  reasonCode?: string;
  note?: string;
  amountRecovered?: number | null;
  agreement?: boolean;
  mergeInto?: string;
}

/** What the handler is told an action does, before doing it. */
function explain(t: (zh: string, en: string) => string, a: CaseAction, detail: CaseDetail): string {
  const report = detail.track === 'report';
  const settlement = detail.stage === 'settlement';
  switch (a) {
    case 'take-up':
      return t(
        '接手后由本站联系消费者和经营者，协助双方协商和解；请在协商期限（本市工作规范，非法定期限）内记录经营者的方案或协商结果。',
        'Your station takes the case up, contacts the consumer and the business and helps them agree; record the business’s offer or the result within the settlement period (city policy, not a statutory deadline).',
      );
    case 'record-offer':
      return t(
        '记录经营者提出的和解方案，系统将通知消费者，由消费者选择接受（和解办结）或不接受（转为正式投诉）。方案可在消费者答复前更新。',
        'Record what the business offers: the consumer is told and either accepts it (settled and closed) or rejects it (a formal complaint). You may revise it until the consumer answers.',
      );
    case 'settlement-failed':
      return t(
        '经营者拒绝协商或双方未能达成一致时使用：本案转为正式投诉，由有管辖权的市场监管部门自今日收到，7 个工作日内决定是否受理；本站不再看到此案件。',
        'When the business refuses or the two sides cannot agree: the case becomes a formal complaint, received today by the department with jurisdiction, which decides on acceptance within 7 working days; your station no longer sees it.',
      );
    case 'accept':
      return report
        ? t(
            '受理后核查举报线索，在立案决定期限内决定是否立案。',
            'Accepting starts the check of the lead; decide on opening a case within the decision period.',
          )
        : t('受理后调解期限开始计算，并通知消费者。', 'Accepting starts the mediation clock and tells the consumer.');
    case 'refuse':
      return t(
        '不予受理将告知消费者理由、依据（条款）及其他解决争议的途径（消保法第三十九条），案件结束。',
        'The consumer is told the reason, its article and the other ways to settle the dispute (Consumer Rights Protection Law Art. 39); the case ends.',
      );
    case 'hand-back':
      return settlement
        ? t(
            '本站无法协助协商（如不属本站服务范围）时退回：由分派规则交给其他服务站，没有可以协助的服务站时转为正式投诉；退回后本站不再看到此案件。',
            'Hand back when your station cannot help (e.g. outside its scope): routing gives it to another station, or makes it a formal complaint when none can help; your station no longer sees it.',
          )
        : t(
            '本单位无管辖权时退回，由分派规则重新分派给其他单位；退回后本单位不再看到此案件。',
            'Hand back when your unit has no authority: routing assigns it again elsewhere, and your unit no longer sees it.',
          );
    case 'start-mediation':
      return t('组织双方进行调解。', 'Mediation between the parties begins.');
    case 'pause-clock':
      return report
        ? t(
            '检验、检测、鉴定期间不计入立案决定期限，请说明原因。',
            'Testing, inspection or appraisal time does not count in the decision period: say why the clock stops.',
          )
        : t('检测、鉴定期间调解期限暂停计时，请说明原因。', 'Testing or appraisal time does not count: say why the clock stops.');
    case 'resume-clock':
      return report
        ? t('恢复计算立案决定期限，剩余的工作日从今天起计算。', 'The decision period runs again: the working days left count from today.')
        : t('恢复计算调解期限，剩余的期间从今天起计算。', 'The mediation clock runs again: what was left counts from today.');
    case 'resolve':
      return t(
        '记录调解结果：为消费者挽回的经济损失及是否达成书面调解协议，并通知消费者。',
        'Record the result: the money recovered for the consumer and whether a written agreement was made; the consumer is told.',
      );
    case 'terminate':
      return t(
        '终止调解将通知消费者理由及依据；请在 7 个工作日内告知被投诉人（终止调解告知期限）。',
        'The consumer is told the reason and its article; tell the respondent within 7 working days (the termination-notice clock).',
      );
    case 'open-enforcement':
      return t('对举报线索立案调查。', 'Open an enforcement case on the report.');
    case 'decline-enforcement':
      return t('不予立案须选择理由及依据。', 'Choose the reason and its basis for not opening a case.');
    case 'extend-decision':
      return t(
        '立案决定期限可延长一次（15 个工作日），请说明原因。',
        'The decision period may be extended once (15 working days): say why.',
      );
    case 'merge-into':
      return t(
        '同一举报人以补充新的事实为由再次举报同一被举报人的，可将本件并入其在先举报合并处理（总局令第121号第三十五条）：本件结束，在先举报的立案决定期限自本件收到之日起重新计算 15 个工作日。在先举报须由本单位办理且尚未作出决定。',
        'When the same reporter reports the same respondent again with new facts, merge this report into the earlier one (Order 121 Art. 35): this one ends, and the earlier one’s decision period counts again, 15 working days from this one’s receipt. The earlier report must be with your unit and undecided.',
      );
    case 'report-violation':
      return t(
        '将调解中发现的违法线索转为关联举报，由分派规则交有关部门处理；调解继续进行。',
        'Turns a violation found during mediation into a linked report that routing assigns; mediation goes on.',
      );
    case 'close':
      return t('办结后通知消费者，消费者可对办理结果进行评价。', 'The consumer is told and may rate the outcome.');
    case 'record-follow-up':
      return t('记录对消费者的回访情况（仅一次）。', 'Record the follow-up with the consumer (once).');
    case 'note':
      return t(
        '添加内部备注，不改变案件状态，消费者不可见。',
        'An internal note: the status does not change and the consumer does not see it.',
      );
    case 'step-in':
      return t(
        '本场所内的经营者正在自行答复本投诉。介入后由本站接手，协助双方协商和解（协商期限为本市工作规范，非法定期限）；经营者不再单独答复。',
        'A tenant of your venue is answering this complaint itself. Stepping in makes your station take it over and help both sides agree (the settlement period is city policy, not law); the business no longer answers on its own.',
      );
    case 'refer-to-business':
      return t(
        '确认被投诉人为已入驻在线纠纷解决的经营者后转交其答复（10 个工作日，本市工作规范，非法定期限）；本站不再看到此案件。',
        'Once you confirm the respondent is the enrolled business, it is passed to it to answer (10 working days, city policy, not law); your station no longer sees it.',
      );
    case 'statement':
      return t('经营者向市场监管部门提交的说明。', "The business's statement to the market regulator.");
  }
}

/** The actions the API allows now, each with the inputs it needs; 409 and 400 answers shown where they belong. */
export function ActionsPanel({ detail, onDone }: { detail: CaseDetail; onDone: (r: ActionResult) => void }) {
  const { t, lang } = useLang();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [open, setOpen] = useState<CaseAction | null>(null);
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{ action: CaseAction; message: string; allowed: CaseAction[] } | null>(null);

  const label = (a: CaseAction) =>
    a === 'hand-back'
      ? detail.stage === 'settlement'
        ? t('退回（本站无法协助）', 'Hand back (cannot help)')
        : t('退回（无管辖权）', 'Hand back (no authority)')
      : pick(t, ACTION_LABEL[a], a);
  const remedy = Form.useWatch('remedy', form);
  const moneyOffer = !!remedy && MONEY_REMEDIES.includes(remedy);
  const reasonKind = open ? REASON_KIND[open] : undefined;
  const reasons: ReasonOption[] = reasonKind ? detail.reasonOptions[reasonKind] : [];

  const start = (a: CaseAction) => {
    form.resetFields();
    form.setFieldsValue(a === 'resolve' ? { agreement: false } : {});
    setFormError(null);
    setConflict(null);
    setOpen(a);
  };

  const send = async (a: CaseAction, v: FormValues) => {
    setBusy(true);
    setFormError(null);
    try {
      const body: CaseActionBody = { action: a };
      if (REASON_KIND[a]) body.reasonCode = v.reasonCode;
      if (v.note?.trim()) body.note = v.note.trim();
      if (a === 'merge-into') body.mergeInto = v.mergeInto?.trim();
      if (a === 'record-offer') {
        body.remedy = v.remedy;
        if (typeof v.amountOffered === 'number') body.amountOffered = v.amountOffered;
      }
      if (a === 'resolve') {
        body.amountRecovered = v.amountRecovered ?? null;
        body.agreement = v.agreement ?? false;
      }
      const r = await api<ActionResult>(`/cases/${detail.id}/actions`, { body });
      setOpen(null);
      message.success(
        r.linkedReport
          ? t(
              `已执行「${label(a)}」，已生成关联举报 ${r.linkedReport.trackingNo}`,
              `"${label(a)}" done; linked report ${r.linkedReport.trackingNo} opened`,
            )
          : t(
              `已执行「${label(a)}」，当前状态：${pick(t, STATUS_LABEL[r.status], r.status)}`,
              `"${label(a)}" done; status now: ${pick(t, STATUS_LABEL[r.status], r.status)}`,
            ),
      );
      onDone(r);
    } catch (e) {
      if (!(e instanceof ApiError)) {
        setFormError(t('无法连接服务器，请重试', 'Cannot reach the server; try again'));
      } else if (e.status === 409) {
        // Not allowed now (someone else acted, or the state moved): say so, show what is allowed, reload.
        const allowed = Array.isArray(e.body.allowed) ? (e.body.allowed as CaseAction[]) : [];
        setOpen(null);
        setConflict({ action: a, message: e.message, allowed });
        onDone({ id: detail.id, action: a, from: detail.status, status: detail.status });
      } else if (e.status === 400) {
        const byField = e.fieldErrors();
        const known = FIELDS.filter((f) => byField[f]);
        form.setFields(known.map((f) => ({ name: f, errors: [byField[f]] })));
        const rest = e.details.filter((d) => !(FIELDS as readonly string[]).includes(d.field));
        setFormError(known.length && !rest.length ? null : [e.message, ...rest.map((d) => `${d.field}: ${d.message}`)].join('；'));
      } else {
        setFormError(e.message);
      }
    } finally {
      setBusy(false);
    }
  };

  const submit = async () => {
    if (!open) return;
    const a = open;
    let v: FormValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    if (!IRREVERSIBLE.has(a)) return send(a, v);
    const reason = reasons.find((r) => r.code === v.reasonCode);
    modal.confirm({
      title: t(`确认「${label(a)}」？`, `Confirm "${label(a)}"?`),
      icon: <ExclamationCircleOutlined />,
      content: (
        <Space orientation="vertical" size={4}>
          <span>{t('此操作执行后不能撤销。', 'This cannot be undone.')}</span>
          {reason && (
            <span>
              {t('理由：', 'Reason: ')}
              {reason.code}. {lang === 'zh' ? reason.text.zh : reason.text.en}
            </span>
          )}
          {a === 'settlement-failed' && (
            <span>
              {t(
                '本案将转为正式投诉，交由有管辖权的市场监管部门处理，本站不再看到此案件。',
                'The case becomes a formal complaint for the department with jurisdiction; your station no longer sees it.',
              )}
            </span>
          )}
          {a === 'merge-into' && (
            <span>
              {t('并入举报：', 'Into report: ')}
              {v.mergeInto}
            </span>
          )}
          {a === 'resolve' && (
            <span>
              {t('挽回经济损失：', 'Recovered: ')}¥{yuan(v.amountRecovered ?? 0)} ·{' '}
              {v.agreement ? t('已达成书面调解协议', 'written agreement made') : t('未达成书面协议', 'no written agreement')}
            </span>
          )}
        </Space>
      ),
      okText: t('确认', 'Confirm'),
      cancelText: t('返回修改', 'Back'),
      okButtonProps: { danger: DANGER.has(a), 'data-testid': 'action-confirm' },
      onOk: () => send(a, v),
    });
  };

  // Passing a case to an enrolled business names which one: offered with the possible matches (SettlementSection).
  const actions = detail.allowedActions.filter((a) => a !== 'refer-to-business');
  return (
    <Card size="small" title={t('办理操作', 'Actions')} className="staff-actions" data-testid="actions">
      {conflict && (
        <Alert
          type="warning"
          showIcon
          closable={{ onClose: () => setConflict(null) }}
          style={{ marginBottom: 12 }}
          data-testid="action-conflict"
          title={t(
            `未能执行「${label(conflict.action)}」：案件状态已变化，已刷新`,
            `"${label(conflict.action)}" was not done: the case changed, and has been reloaded`,
          )}
          description={
            <Space orientation="vertical" size={4}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {conflict.message}
              </Typography.Text>
              <span>
                {t('当前可执行：', 'Allowed now: ')}
                {conflict.allowed.length ? conflict.allowed.map((a) => <Tag key={a}>{label(a)}</Tag>) : t('无', 'none')}
              </span>
            </Space>
          }
        />
      )}
      {actions.length === 0 ? (
        <Muted>
          {detail.allowedActions.includes('refer-to-business')
            ? t('请在「协商和解」中确认被投诉经营者。', 'Confirm the business under "Settlement".')
            : detail.handledByYou
              ? t('当前状态下没有可执行的操作。', 'Nothing can be done in this state.')
              : t('本单位不是承办单位，只能查阅。', 'Your unit does not handle this case: read only.')}
        </Muted>
      ) : (
        <Flex wrap gap={8}>
          {actions.map((a) => (
            <Button
              key={a}
              type={PRIMARY.has(a) ? 'primary' : 'default'}
              danger={DANGER.has(a)}
              data-testid={`action-${a}`}
              onClick={() => start(a)}
            >
              {label(a)}
            </Button>
          ))}
        </Flex>
      )}

      <Modal
        open={open !== null}
        title={open ? label(open) : ''}
        onCancel={() => !busy && setOpen(null)}
        onOk={() => void submit()}
        okText={open && IRREVERSIBLE.has(open) ? t('下一步', 'Next') : t('提交', 'Submit')}
        cancelText={t('取消', 'Cancel')}
        confirmLoading={busy}
        okButtonProps={{ danger: open ? DANGER.has(open) : false, 'data-testid': 'action-submit' }}
        forceRender
        width={560}
      >
        {open && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
            {explain(t, open, detail)}
          </Typography.Paragraph>
        )}
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} data-testid="action-error" />}
        <Form form={form} layout="vertical" disabled={busy}>
          {reasonKind && (
            <Form.Item
              name="reasonCode"
              label={t('理由及依据', 'Reason and basis')}
              rules={[{ required: true, message: t('请选择理由', 'Choose a reason') }]}
            >
              <Select
                data-testid="field-reason"
                placeholder={t('请选择', 'Choose')}
                optionLabelProp="short"
                popupMatchSelectWidth
                // Eight grounds at most, each two or three lines tall: all in the page, none virtual, so
                // every ground can be scrolled to and read by assistive technology.
                virtual={false}
                options={reasons.map((r) => ({
                  value: r.code,
                  short: `${r.code}. ${lang === 'zh' ? r.text.zh : r.text.en}`,
                  label: (
                    <div className="staff-reason-option">
                      <div>
                        {r.code}. {lang === 'zh' ? r.text.zh : r.text.en}
                      </div>
                      <div className="staff-reason-basis">
                        {t('依据：', 'Basis: ')}
                        {r.basis}
                      </div>
                    </div>
                  ),
                }))}
              />
            </Form.Item>
          )}
          {reasonKind && <ReasonBasis reasons={reasons} />}
          {open === 'merge-into' && (
            <Form.Item
              name="mergeInto"
              label={t('在先举报的受理编号', 'Tracking number of the earlier report')}
              rules={[{ required: true, whitespace: true, message: t('请填写受理编号', 'Enter the tracking number') }]}
            >
              <Input data-testid="field-merge-into" maxLength={40} inputMode="numeric" />
            </Form.Item>
          )}
          {open === 'record-offer' && (
            <>
              <Form.Item
                name="remedy"
                label={t('和解方案', 'Remedy offered')}
                rules={[{ required: true, message: t('请选择经营者提出的方案', 'Choose what the business offers') }]}
              >
                <Select<Remedy>
                  data-testid="field-remedy"
                  placeholder={t('请选择', 'Choose')}
                  virtual={false}
                  options={REMEDIES.map((r) => ({ value: r, label: pick(t, REMEDY_LABEL[r], r) }))}
                />
              </Form.Item>
              <Form.Item
                name="amountOffered"
                label={moneyOffer ? t('金额（元）', 'Amount (yuan)') : t('金额（元，选填）', 'Amount (yuan, optional)')}
                dependencies={['remedy']}
                extra={t('退款、赔偿须填写金额', 'A refund or compensation needs its amount')}
                rules={[
                  {
                    required: moneyOffer,
                    message: t('退款或赔偿须填写金额（元）', 'Enter the amount of the refund or compensation (yuan)'),
                  },
                ]}
              >
                <InputNumber<number>
                  data-testid="field-amount-offered"
                  min={0}
                  max={100_000_000}
                  precision={2}
                  step={0.01}
                  prefix="¥"
                  style={{ width: '100%' }}
                />
              </Form.Item>
            </>
          )}
          {open === 'resolve' && (
            <>
              <Form.Item
                name="amountRecovered"
                label={t('为消费者挽回的经济损失（元）', 'Amount recovered for the consumer (yuan)')}
                extra={t('没有挽回金额时填 0', 'Enter 0 if nothing was recovered')}
                rules={[{ required: true, message: t('请填写金额（可为 0）', 'Enter the amount (may be 0)') }]}
              >
                <InputNumber<number>
                  data-testid="field-amount"
                  min={0}
                  max={100_000_000}
                  precision={2}
                  step={0.01}
                  prefix="¥"
                  style={{ width: '100%' }}
                />
              </Form.Item>
              <Form.Item name="agreement" label={t('是否达成书面调解协议', 'Written mediation agreement made')} valuePropName="checked">
                <Switch data-testid="field-agreement" checkedChildren={t('是', 'Yes')} unCheckedChildren={t('否', 'No')} />
              </Form.Item>
            </>
          )}
          <Form.Item
            name="note"
            label={
              open === 'record-offer'
                ? t('经营者的答复（消费者可见）', "The business's message (shown to the consumer)")
                : open === 'settlement-failed'
                  ? t('协商不成的原因', 'Why no settlement was reached')
                  : open && NOTE_REQUIRED.has(open)
                    ? t('说明', 'Note')
                    : t('说明（选填）', 'Note (optional)')
            }
            rules={
              open && NOTE_REQUIRED.has(open)
                ? [
                    {
                      required: true,
                      whitespace: true,
                      min: 2,
                      message: t('请填写说明（至少 2 个字）', 'Write a note (at least 2 characters)'),
                    },
                  ]
                : []
            }
          >
            <Input.TextArea data-testid="field-note" rows={3} maxLength={2000} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

/** The chosen reason's full text and citation, under the picker. */
function ReasonBasis({ reasons }: { reasons: ReasonOption[] }) {
  const { t, lang } = useLang();
  const code = Form.useWatch<string | undefined>('reasonCode');
  const r = reasons.find((x) => x.code === code);
  if (!r) return null;
  return (
    <Alert
      type="info"
      style={{ marginTop: -12, marginBottom: 16 }}
      title={lang === 'zh' ? r.text.zh : r.text.en}
      description={
        <span>
          {t('依据：', 'Basis: ')}
          {r.basis}
        </span>
      }
    />
  );
}
