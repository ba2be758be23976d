import { useState } from 'react';
import { api, ApiError } from '../lib/api';
import { useLang } from '../lib/i18n';
import { Button, Card, ConfirmDialog, Field, FieldSet, RadioGroup, TextArea, useToast } from '../ui';
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

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Add information (text) and more evidence while the case is open. */
export function SupplementCard({ view, accessCode, onChanged }: ActionProps) {
  const { t } = useLang();
  const toast = useToast();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [files, setFiles] = useState<Picked[]>([]);
  const [share, setShare] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!canSupplement(view.status)) return null;
  const complaint = view.track === 'complaint';

  const send = async () => {
    const said = text.trim();
    if (!said && !files.length) return setError(t('请填写补充内容或选择文件', 'Write something or choose files'));
    if (said && said.length < 2) return setError(t('请至少写 2 个字', 'Write at least 2 characters'));
    setBusy(true);
    try {
      if (said) await post(view, accessCode, 'supplements', { text: said });
      if (files.length) await uploadAttachments(view.trackingNo, accessCode, files, complaint ? share : undefined);
      setText('');
      setFiles([]);
      setShare(false);
      toast.success(t('已补充', 'Added'));
      onChanged();
    } catch (e) {
      if (e instanceof ApiError && e.details.length) setError(e.details.map((d) => d.message).join(' '));
      else toast.error(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('补充材料', 'Add information')}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <Field label={t('补充内容', 'Additional information')} error={error}>
          <TextArea
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setError(undefined);
            }}
            maxLength={2000}
            count={text.length}
            rows={3}
            placeholder={t('如：商家答应三日内退款但没有履行', 'e.g. the business promised a refund within three days but has not paid')}
          />
        </Field>
        <AttachmentPicker
          value={files}
          onChange={(next) => {
            setFiles(next);
            setError(undefined);
          }}
        />
        {complaint && files.length > 0 && <ShareWithBusiness value={share} onChange={setShare} />}
        <Button type="submit" size="large" loading={busy} className="action-submit" data-testid="supplement-submit">
          {t('提交补充', 'Send')}
        </Button>
      </form>
    </Card>
  );
}

/** Withdraw while the case is not finished: a reason, and a confirmation, since it cannot be undone. */
export function WithdrawButton({ view, accessCode, onChanged }: ActionProps) {
  const { t } = useLang();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  if (!canWithdraw(view.status)) return null;

  const confirm = async () => {
    setBusy(true);
    try {
      await post(view, accessCode, 'withdraw', reason.trim() ? { reason: reason.trim() } : {});
      setOpen(false);
      toast.success(t('已撤回', 'Withdrawn'));
      onChanged();
    } catch (e) {
      toast.error(messageOf(e));
      // 409: the case moved on meanwhile (assigned, accepted…): show it as it is now.
      if (e instanceof ApiError && e.status === 409) onChanged();
    } finally {
      setBusy(false);
    }
  };

  const what = view.track === 'report' ? t('举报', 'report') : t('投诉', 'complaint');
  return (
    <Card title={t('不再需要处理？', 'No longer needed?')}>
      <p className="ui-muted">
        {t(
          '已与商家自行和解，或不想继续的，可以撤回。',
          'If you settled with the business yourself or do not want to go on, you can withdraw it.',
        )}
      </p>
      <Button variant="danger" size="large" onClick={() => setOpen(true)} data-testid="withdraw" className="withdraw-button">
        {t(`撤回${what}`, `Withdraw the ${what}`)}
      </Button>
      <ConfirmDialog
        open={open}
        title={t(`确认撤回这件${what}？`, `Withdraw this ${what}?`)}
        confirmText={t('确认撤回', 'Withdraw')}
        cancelText={t('不撤回', 'Keep it')}
        danger
        busy={busy}
        onConfirm={() => void confirm()}
        onCancel={() => setOpen(false)}
      >
        <p>
          {t(
            '撤回后办理即告结束，不能恢复。如需再次处理，需要重新提交。',
            'Handling ends once it is withdrawn, and it cannot be undone; to pursue it again you must file anew.',
          )}
        </p>
        <Field label={t('撤回原因（选填）', 'Reason (optional)')}>
          <TextArea
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            maxLength={500}
            count={reason.length}
            rows={2}
            placeholder={t('如：已与商家自行和解', 'e.g. settled with the business')}
          />
        </Field>
      </ConfirmDialog>
    </Card>
  );
}

/** After a complaint is closed: how satisfied the consumer is, once. */
export function RatingCard({ view, accessCode, onChanged }: ActionProps) {
  const { t } = useLang();
  const toast = useToast();
  const [rating, setRating] = useState<Rating | undefined>();
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!canRate(view.status, view.track) || view.rating) return null;

  const send = async () => {
    if (!rating) return setMissing(true);
    setBusy(true);
    try {
      await post(view, accessCode, 'rating', { rating, comment: comment.trim() || undefined });
      toast.success(t('感谢您的评价', 'Thank you for rating'));
      onChanged();
    } catch (e) {
      toast.error(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('评价办理结果', 'Rate the outcome')} data-testid="rating-card">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <FieldSet
          legend={t('您对办理结果是否满意？', 'How satisfied are you?')}
          required
          error={missing ? t('请选择', 'Choose one') : undefined}
        >
          <RadioGroup<Rating>
            name="rating"
            look="buttons"
            value={rating}
            onChange={(v) => {
              setRating(v);
              setMissing(false);
            }}
            choices={[
              { value: 'satisfied', label: t('满意', 'Satisfied') },
              { value: 'basically', label: t('基本满意', 'Fairly satisfied') },
              { value: 'dissatisfied', label: t('不满意', 'Dissatisfied') },
            ]}
          />
        </FieldSet>
        <Field label={t('意见和建议（选填）', 'Comments (optional)')}>
          <TextArea value={comment} onChange={(e) => setComment(e.target.value)} maxLength={500} count={comment.length} rows={2} />
        </Field>
        <Button type="submit" variant="primary" size="large" loading={busy} data-testid="rating-submit">
          {t('提交评价', 'Submit')}
        </Button>
      </form>
    </Card>
  );
}
