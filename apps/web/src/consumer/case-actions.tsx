import { App, Button, Card, Form, Input, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../lib/api';
import { useLang } from '../lib/i18n';
import type { Picked } from './attachments';
import { AttachmentPicker, ShareWithBusiness, uploadAttachments } from './attachments';
import { canRate, canSupplement, canWithdraw } from './texts';
import type { CaseView, Rating } from '../api/types';

interface ActionProps {
  view: CaseView;
  accessCode: string;
  /** Reloads the case after a change. */
  onChanged: () => void;
}

function post<T>(view: CaseView, accessCode: string, action: string, body: unknown): Promise<T> {
  return api<T>(`/complaints/${view.trackingNo}/${action}`, { body, headers: { 'X-Access-Code': accessCode } });
}

/** Add information (text) and more evidence while the case is open. */
export function SupplementCard({ view, accessCode, onChanged }: ActionProps) {
  const { t } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ text?: string }>();
  const [files, setFiles] = useState<Picked[]>([]);
  const [share, setShare] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!canSupplement(view.status)) return null;
  const complaint = view.track === 'complaint';

  const send = async ({ text }: { text?: string }) => {
    if (!text?.trim() && !files.length) {
      form.setFields([{ name: 'text', errors: [t('请填写补充内容或选择文件', 'Write something or choose files')] }]);
      return;
    }
    setBusy(true);
    try {
      if (text?.trim()) await post(view, accessCode, 'supplements', { text: text.trim() });
      if (files.length) await uploadAttachments(view.trackingNo, accessCode, files, complaint ? share : undefined);
      form.resetFields();
      setFiles([]);
      setShare(false);
      message.success(t('已补充', 'Added'));
      onChanged();
    } catch (e) {
      if (e instanceof ApiError && e.details.length) form.setFields([{ name: 'text', errors: e.details.map((d) => d.message) }]);
      else message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card className="form-card" title={t('补充材料', 'Add information')}>
      <Form form={form} layout="vertical" onFinish={(v) => void send(v)}>
        <Form.Item name="text" rules={[{ min: 2, message: t('请至少写 2 个字', 'Write at least 2 characters') }]}>
          <Input.TextArea
            showCount
            maxLength={2000}
            autoSize={{ minRows: 3, maxRows: 8 }}
            placeholder={t('如：商家答应三日内退款但没有履行', 'e.g. the business promised a refund within three days but has not paid')}
            aria-label={t('补充内容', 'Additional information')}
          />
        </Form.Item>
        <AttachmentPicker value={files} onChange={setFiles} />
        {complaint && files.length > 0 && <ShareWithBusiness value={share} onChange={setShare} />}
        <Button htmlType="submit" loading={busy} style={{ marginTop: 12 }} data-testid="supplement-submit">
          {t('提交补充', 'Send')}
        </Button>
      </Form>
    </Card>
  );
}

/** Withdraw while the case is not finished: a reason, and a confirmation, since it cannot be undone. */
export function WithdrawButton({ view, accessCode, onChanged }: ActionProps) {
  const { t } = useLang();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  if (!canWithdraw(view.status)) return null;

  const confirm = async () => {
    setBusy(true);
    try {
      await post(view, accessCode, 'withdraw', reason.trim() ? { reason: reason.trim() } : {});
      setOpen(false);
      message.success(t('已撤回', 'Withdrawn'));
      onChanged();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
      // 409: the case moved on meanwhile (assigned, accepted…): show it as it is now.
      if (e instanceof ApiError && e.status === 409) onChanged();
    } finally {
      setBusy(false);
    }
  };

  const what = view.track === 'report' ? t('举报', 'report') : t('投诉', 'complaint');
  return (
    <Card className="form-card" title={t('不再需要处理？', 'No longer needed?')}>
      <Typography.Paragraph type="secondary" className="hint">
        {t(
          '已与商家自行和解，或不想继续的，可以撤回。',
          'If you settled with the business yourself or do not want to go on, you can withdraw it.',
        )}
      </Typography.Paragraph>
      <Button danger onClick={() => setOpen(true)} data-testid="withdraw" className="withdraw-button">
        {t(`撤回${what}`, `Withdraw the ${what}`)}
      </Button>
      <Modal
        open={open}
        title={t(`确认撤回这件${what}？`, `Withdraw this ${what}?`)}
        okText={t('确认撤回', 'Withdraw')}
        cancelText={t('不撤回', 'Keep it')}
        okButtonProps={{ danger: true, loading: busy, 'data-testid': 'withdraw-confirm' }}
        onOk={() => void confirm()}
        onCancel={() => setOpen(false)}
      >
        <Typography.Paragraph>
          {t(
            '撤回后办理即告结束，不能恢复。如需再次处理，需要重新提交。',
            'Handling ends once it is withdrawn, and it cannot be undone; to pursue it again you must file anew.',
          )}
        </Typography.Paragraph>
        <Input.TextArea
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={500}
          showCount
          autoSize={{ minRows: 2, maxRows: 5 }}
          placeholder={t('撤回原因（选填），如：已与商家自行和解', 'Reason (optional), e.g. settled with the business')}
          aria-label={t('撤回原因', 'Reason')}
        />
      </Modal>
    </Card>
  );
}

/** After a complaint is closed: how satisfied the consumer is, once. */
export function RatingCard({ view, accessCode, onChanged }: ActionProps) {
  const { t } = useLang();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  if (!canRate(view.status, view.track) || view.rating) return null;

  const send = async (v: { rating: Rating; comment?: string }) => {
    setBusy(true);
    try {
      await post(view, accessCode, 'rating', { rating: v.rating, comment: v.comment?.trim() || undefined });
      message.success(t('感谢您的评价', 'Thank you for rating'));
      onChanged();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card className="form-card" title={t('评价办理结果', 'Rate the outcome')} data-testid="rating-card">
      <Form layout="vertical" onFinish={(v: { rating: Rating; comment?: string }) => void send(v)}>
        <Form.Item name="rating" rules={[{ required: true, message: t('请选择', 'Choose one') }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            className="rating-options"
            options={[
              { value: 'satisfied', label: t('满意', 'Satisfied') },
              { value: 'basically', label: t('基本满意', 'Fairly satisfied') },
              { value: 'dissatisfied', label: t('不满意', 'Dissatisfied') },
            ]}
          />
        </Form.Item>
        <Form.Item name="comment">
          <Input.TextArea
            maxLength={500}
            showCount
            autoSize={{ minRows: 2, maxRows: 5 }}
            placeholder={t('意见和建议（选填）', 'Comments (optional)')}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="rating-submit">
          {t('提交评价', 'Submit')}
        </Button>
      </Form>
    </Card>
  );
}
