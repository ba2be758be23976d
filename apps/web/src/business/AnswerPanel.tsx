import { ExclamationCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Radio, Select, Typography } from 'antd';
import { useRef, useState } from 'react';
import { api, ApiError, yuan } from '../lib/api';
import { useLang } from '../lib/i18n';
import { MONEY_REMEDIES, pick, REMEDIES, REMEDY_LABEL, RESPONSE_LABEL } from './labels';
import type { ActionResult, BusinessCase, CaseActionBody, OfferResponse, Remedy } from '../api/types';

type Kind = OfferResponse | 'decline';

interface AnswerValues {
  kind?: Kind;
  remedy?: Remedy;
  amountOffered?: number | null;
  note?: string;
}

const FIELDS = ['response', 'remedy', 'amountOffered', 'note'] as const;

/**
 * The business's answer (POST /cases/{id}/actions): 全部同意 or 部分同意 with what it offers (take-up
 * first when the complaint has just arrived, then record-offer), or 不同意（附理由）, which sends the
 * complaint to the regulator and is asked once more. Also: "not about us" (hand-back), and, once
 * the regulator handles it, the business's statement to it.
 */
export function AnswerPanel({ c, onDone }: { c: BusinessCase; onDone: (left: boolean) => void }) {
  const { t } = useLang();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<AnswerValues>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [handingBack, setHandingBack] = useState(false);
  // Taken up by this page already (a take-up that went through before the offer was refused).
  const takenUp = useRef(false);
  const kind = Form.useWatch('kind', form);
  const remedy = Form.useWatch('remedy', form);
  const allowed = c.allowedActions;
  const canOffer = allowed.includes('record-offer') || allowed.includes('take-up');
  const canDecline = allowed.includes('settlement-failed');
  const canAnswer = canOffer || canDecline;
  const moneyOffer = !!remedy && MONEY_REMEDIES.includes(remedy);

  const act = (body: CaseActionBody) => api<ActionResult>(`/cases/${encodeURIComponent(c.id)}/actions`, { body });

  const failed = (e: unknown) => {
    if (!(e instanceof ApiError)) {
      setProblem(t('无法连接服务器，请重试', 'Cannot reach the server; try again'));
      return;
    }
    if (e.status === 400 && e.details.length) {
      const byField = e.fieldErrors();
      const known = FIELDS.filter((f) => byField[f]);
      form.setFields(known.map((f) => ({ name: f === 'response' ? 'kind' : f, errors: [byField[f]] })));
      const rest = e.details.filter((d) => !(FIELDS as readonly string[]).includes(d.field));
      setProblem(known.length && !rest.length ? null : [e.message, ...rest.map((d) => d.message)].join('；'));
    } else {
      setProblem(e.message);
      // 409: the complaint moved on meanwhile (the deadline passed, the consumer left it): show it as it is now.
      if (e.status === 409) onDone(false);
    }
  };

  const offer = async (v: AnswerValues) => {
    setBusy(true);
    setProblem(null);
    try {
      if (!allowed.includes('record-offer') && allowed.includes('take-up') && !takenUp.current) {
        await act({ action: 'take-up' });
        takenUp.current = true;
      }
      await act({
        action: 'record-offer',
        response: v.kind as OfferResponse,
        remedy: v.remedy,
        amountOffered: typeof v.amountOffered === 'number' ? v.amountOffered : undefined,
        note: v.note?.trim(),
      });
      message.success(t('已提交答复，等待消费者确认', 'Answer sent: waiting for the consumer'));
      form.resetFields();
      onDone(false);
    } catch (e) {
      failed(e);
      if (takenUp.current) onDone(false); // taken up: the page shows the new state (the offer form stays)
    } finally {
      setBusy(false);
    }
  };

  const decline = (v: AnswerValues) =>
    modal.confirm({
      title: t('确认不同意消费者的诉求？', "Decline the consumer's demand?"),
      icon: <ExclamationCircleOutlined />,
      content: (
        <Typography.Paragraph style={{ marginBottom: 0 }}>
          {t(
            '提交后，本投诉即转为向市场监管部门的正式投诉，由市场监管部门依法处理，不能撤销。您的理由将一并转交。',
            'The complaint then goes to the market regulator as a formal complaint, which cannot be undone. Your reasons go with it.',
          )}
        </Typography.Paragraph>
      ),
      okText: t('确认不同意', 'Decline'),
      cancelText: t('返回修改', 'Back'),
      okButtonProps: { danger: true, 'data-testid': 'answer-decline-confirm' },
      onOk: async () => {
        setBusy(true);
        setProblem(null);
        try {
          await act({ action: 'settlement-failed', note: v.note?.trim() });
          message.success(t('已提交，投诉已转交市场监管部门', 'Sent: the complaint is with the regulator now'));
          form.resetFields();
          onDone(false);
        } catch (e) {
          failed(e);
        } finally {
          setBusy(false);
        }
      },
    });

  const submit = async () => {
    let v: AnswerValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    if (v.kind === 'decline') decline(v);
    else await offer(v);
  };

  return (
    <>
      {canAnswer && (
        <Card
          size="small"
          className="biz-answer"
          title={
            c.status === 'offered'
              ? t('修改答复（消费者确认前可修改）', 'Revise your answer (until the consumer decides)')
              : t('答复投诉', 'Answer')
          }
          data-testid="biz-answer"
        >
          {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} data-testid="answer-problem" />}
          <Form form={form} layout="vertical" disabled={busy} onValuesChange={() => setProblem(null)}>
            <Form.Item
              name="kind"
              label={t('答复', 'Your answer')}
              rules={[{ required: true, message: t('请选择全部同意、部分同意或不同意', 'Choose: in full, in part, or not') }]}
            >
              <Radio.Group optionType="button" buttonStyle="solid" aria-label={t('答复', 'Your answer')}>
                {(['full', 'partial', 'decline'] as const)
                  .filter((k) => (k === 'decline' ? canDecline : canOffer))
                  .map((k) => (
                    <Radio.Button key={k} value={k} data-testid={`answer-${k}`}>
                      {pick(t, RESPONSE_LABEL[k], k)}
                    </Radio.Button>
                  ))}
              </Radio.Group>
            </Form.Item>
            {kind && kind !== 'decline' && (
              <>
                <Form.Item
                  name="remedy"
                  label={t('和解方案', 'What you offer')}
                  rules={[{ required: true, message: t('请选择和解方案', 'Choose what you offer') }]}
                >
                  <Select<Remedy>
                    data-testid="answer-remedy"
                    placeholder={t('请选择', 'Choose')}
                    virtual={false}
                    options={REMEDIES.map((r) => ({ value: r, label: pick(t, REMEDY_LABEL[r], r) }))}
                  />
                </Form.Item>
                <Form.Item
                  name="amountOffered"
                  label={moneyOffer ? t('金额（元）', 'Amount (yuan)') : t('金额（元，选填）', 'Amount (yuan, optional)')}
                  dependencies={['remedy']}
                  rules={[
                    { required: moneyOffer, message: t('退款或赔偿须填写金额（元）', 'A refund or compensation names its amount (yuan)') },
                  ]}
                >
                  <InputNumber<number>
                    data-testid="answer-amount"
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
            {kind && (
              <Form.Item
                name="note"
                label={
                  kind === 'decline'
                    ? t('不同意的理由（将转交市场监管部门）', 'Why you do not agree (goes to the regulator)')
                    : t('给消费者的答复', 'Your message to the consumer')
                }
                rules={[{ required: true, whitespace: true, min: 2, message: t('请填写（至少 2 个字）', 'Write at least 2 characters') }]}
              >
                <Input.TextArea
                  data-testid="answer-note"
                  rows={3}
                  maxLength={2000}
                  showCount
                  placeholder={
                    kind === 'decline'
                      ? t('如：商品经检测符合标准，不存在质量问题', 'e.g. the goods were tested and meet the standard')
                      : t('如：同意全额退款 100 元，三日内原路退回', 'e.g. we refund 100 yuan in full within three days')
                  }
                />
              </Form.Item>
            )}
            {kind && (
              <Button
                type="primary"
                danger={kind === 'decline'}
                block
                loading={busy}
                onClick={() => void submit()}
                data-testid="answer-submit"
              >
                {kind === 'decline' ? t('下一步', 'Next') : t('提交答复', 'Send the answer')}
              </Button>
            )}
          </Form>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 12, marginBottom: 0 }}>
            {t(
              '消费者接受方案即和解办结，请按方案履行；消费者不接受的，投诉转为向市场监管部门正式投诉。',
              'If the consumer accepts, the dispute is settled: deliver what you offered. If not, the complaint goes to the market regulator.',
            )}
          </Typography.Paragraph>
        </Card>
      )}
      {allowed.includes('hand-back') && (
        <Card size="small" title={t('不是本单位的投诉？', 'Not about you?')}>
          <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
            {t(
              '被投诉的不是本单位（如同名的其他经营者）时退回，由平台重新分派；本单位将不再看到此投诉。',
              'If the complaint is not about your business (another of the same name, say), hand it back to be routed again; you will no longer see it.',
            )}
          </Typography.Paragraph>
          <Button danger onClick={() => setHandingBack(true)} data-testid="biz-hand-back">
            {t('不是本单位，退回', 'Not us: hand it back')}
          </Button>
          <NoteModal
            open={handingBack}
            title={t('确认退回：本投诉与本单位无关？', 'Hand it back: not about your business?')}
            label={t('理由', 'Why')}
            okText={t('确认退回', 'Hand it back')}
            danger
            onCancel={() => setHandingBack(false)}
            onSend={async (note) => {
              await act({ action: 'hand-back', note });
              message.success(t('已退回', 'Handed back'));
              setHandingBack(false);
              onDone(true);
            }}
          />
        </Card>
      )}
      {allowed.includes('statement') && (
        <StatementCard c={c} onSend={(note) => act({ action: 'statement', note })} onDone={() => onDone(false)} />
      )}
    </>
  );
}

/** The business's statement to the regulator handling the complaint (formal stage): the department reads it in the file. */
function StatementCard({ c, onSend, onDone }: { c: BusinessCase; onSend: (note: string) => Promise<unknown>; onDone: () => void }) {
  const { t } = useLang();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const send = async () => {
    if (text.trim().length < 2) {
      setProblem(t('请填写说明（至少 2 个字）', 'Write at least 2 characters'));
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await onSend(text.trim());
      message.success(t('已提交说明', 'Statement sent'));
      setText('');
      onDone();
    } catch (e) {
      setProblem(e instanceof ApiError ? e.message : t('无法连接服务器，请重试', 'Cannot reach the server; try again'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={t('向市场监管部门提交说明', 'A statement to the regulator')} data-testid="biz-statement">
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {c.settlement?.offer?.amount
          ? t(
              `如已履行和解方案（¥${yuan(c.settlement.offer.amount)}），请说明并上传凭证。`,
              `If you delivered what you offered (¥${yuan(c.settlement.offer.amount)}), say so and upload the proof.`,
            )
          : t(
              '本投诉由市场监管部门处理，您可以提交本单位的说明和证据。',
              'The regulator handles this complaint: you may state your side and add evidence.',
            )}
      </Typography.Paragraph>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 8 }} />}
      <Input.TextArea
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={3}
        maxLength={2000}
        showCount
        aria-label={t('说明', 'Statement')}
        data-testid="biz-statement-text"
      />
      <Button style={{ marginTop: 8 }} onClick={() => void send()} loading={busy} data-testid="biz-statement-submit">
        {t('提交说明', 'Send')}
      </Button>
    </Card>
  );
}

/** A step that needs a reason, asked in a dialog that says it cannot be undone. */
function NoteModal({
  open,
  title,
  label,
  okText,
  danger,
  onCancel,
  onSend,
}: {
  open: boolean;
  title: string;
  label: string;
  okText: string;
  danger?: boolean;
  onCancel: () => void;
  onSend: (note: string) => Promise<void>;
}) {
  const { t } = useLang();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const send = async () => {
    if (note.trim().length < 2) {
      setProblem(t('请填写理由（至少 2 个字）', 'Give the reason (at least 2 characters)'));
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await onSend(note.trim());
      setNote('');
    } catch (e) {
      setProblem(e instanceof ApiError ? e.message : t('无法连接服务器，请重试', 'Cannot reach the server; try again'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText={t('取消', 'Cancel')}
      okButtonProps={{ danger, loading: busy, 'data-testid': 'note-confirm' }}
      onOk={() => void send()}
      onCancel={() => !busy && onCancel()}
    >
      <Typography.Paragraph>{t('此操作提交后不能撤销。', 'This cannot be undone.')}</Typography.Paragraph>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 8 }} />}
      <Input.TextArea
        value={note}
        onChange={(e) => setNote(e.target.value)}
        rows={3}
        maxLength={2000}
        showCount
        aria-label={label}
        placeholder={label}
      />
    </Modal>
  );
}
