import { Alert as Notice, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../lib/api';
import { useLang } from '../../lib/i18n';
import type { T } from '../../lib/words';
import type { AlertDetail } from '../../api/types';

/**
 * A request's failure for a dialog: a 400's field problems beside the fields (`field` names the one
 * field of the form), anything else (403, 404, 409, the network) as one line.
 */
async function send(
  t: T,
  form: ReturnType<typeof Form.useForm<Record<string, string>>>[0],
  field: string,
  path: string,
  body: Record<string, string | undefined>,
): Promise<{ ok: true } | { ok: false; problem: string | null }> {
  try {
    await api<AlertDetail>(path, { body });
    return { ok: true };
  } catch (e) {
    if (e instanceof ApiError && e.status === 400 && e.details.length) {
      const mine = e.details.filter((d) => d.field === field);
      form.setFields([{ name: field, errors: mine.map((d) => d.message) }]);
      return { ok: false, problem: mine.length === e.details.length ? null : e.message };
    }
    return { ok: false, problem: e instanceof ApiError ? e.message : t('无法连接服务器，请重试', 'Cannot reach the server; try again') };
  }
}

interface DecisionProps {
  open: boolean;
  alertId: string;
  onClose: () => void;
  onDone: () => void;
}

/**
 * A decision on an alert with one text field: its words, its field's rules, and whether it asks
 * again before it is sent (an irreversible one does).
 */
interface Decision {
  action: 'acknowledge' | 'dismiss';
  field: 'note' | 'reason';
  title: string;
  okText: string;
  intro?: string;
  label: string;
  extra?: string;
  rules: { required?: boolean; whitespace?: boolean; min?: number; max?: number; message: string }[];
  done: string;
  danger?: boolean;
  confirm?: { title: string; content: string; okText: string };
}

function DecisionModal({ open, alertId, onClose, onDone, d }: DecisionProps & { d: Decision }) {
  const { t } = useLang();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Record<string, string>>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const decide = async (text: string | undefined) => {
    setBusy(true);
    setProblem(null);
    const r = await send(t, form, d.field, `/warnings/alerts/${alertId}/${d.action}`, { [d.field]: text });
    setBusy(false);
    if (!r.ok) return setProblem(r.problem);
    message.success(d.done);
    form.resetFields();
    onDone();
  };
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const text = v[d.field]?.trim() || undefined;
    if (!d.confirm) return decide(text);
    modal.confirm({
      title: d.confirm.title,
      content: d.confirm.content,
      okText: d.confirm.okText,
      okButtonProps: { danger: true, 'data-testid': `${d.action}-confirm` },
      cancelText: t('取消', 'Cancel'),
      onOk: () => decide(text),
    });
  };
  return (
    <Modal
      open={open}
      title={d.title}
      okText={d.okText}
      okButtonProps={{ danger: d.danger, 'data-testid': `${d.action}-submit` }}
      cancelText={t('取消', 'Cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
    >
      {d.intro && <p>{d.intro}</p>}
      <Form form={form} layout="vertical">
        <Form.Item name={d.field} label={d.label} extra={d.extra} rules={d.rules}>
          <Input.TextArea rows={3} maxLength={500} showCount data-testid={`${d.action}-${d.field}`} />
        </Form.Item>
      </Form>
      {problem && <Notice type="error" showIcon title={problem} />}
    </Modal>
  );
}

/** 确认: the bureau is looking into it (an optional note for the history). */
export function AcknowledgeModal(props: DecisionProps) {
  const { t } = useLang();
  const d: Decision = {
    action: 'acknowledge',
    field: 'note',
    title: t('确认预警', 'Acknowledge the alert'),
    okText: t('确认', 'Acknowledge'),
    intro: t(
      '确认表示本单位已收到并正在核实。之后仍可发起共同投诉、发布消费提示或排除。',
      'Acknowledging says your unit is looking into it; you can still act on it or dismiss it afterwards.',
    ),
    label: t('备注（选填）', 'Note (optional)'),
    rules: [{ max: 500, message: t('最多 500 个字', 'At most 500 characters') }],
    done: t('已确认，预警转入“已确认”', 'Acknowledged'),
  };
  return <DecisionModal {...props} d={d} />;
}

/** 排除: with the reason (4–500 characters), after a confirmation, since a dismissed alert stays closed. */
export function DismissModal(props: DecisionProps) {
  const { t } = useLang();
  const d: Decision = {
    action: 'dismiss',
    field: 'reason',
    title: t('排除预警', 'Dismiss the alert'),
    okText: t('排除…', 'Dismiss…'),
    label: t('排除理由', 'Reason'),
    extra: t('如：经核实为正常经营、投诉系重复提交', 'E.g. checked: the business trades normally; the complaints are repeats'),
    rules: [
      { required: true, whitespace: true, message: t('请填写排除理由', 'Give the reason') },
      { min: 4, max: 500, message: t('排除理由应为 4–500 个字', 'The reason is 4–500 characters') },
    ],
    done: t('预警已排除', 'Alert dismissed'),
    danger: true,
    confirm: {
      title: t('排除这条预警？', 'Dismiss this alert?'),
      content: t(
        '排除后不能撤销；同一对象此后的投诉不会再次触发这条预警。理由将记入处置记录。',
        'This cannot be undone; later complaints about the same subject do not raise it again. The reason goes into its history.',
      ),
      okText: t('排除', 'Dismiss'),
    },
  };
  return <DecisionModal {...props} d={d} />;
}
