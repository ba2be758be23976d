import type { FormEvent } from 'react';
import { useState } from 'react';
import type { AccessCodeRecovery } from '../api/types';
import { api, ApiError } from '../lib/api';
import { useLang } from '../lib/i18n';
import { Alert, Button, Field, TextInput } from '../ui';

/** What people type: spaces and dashes are not part of the number (the API reads it the same way). */
const digitsOf = (s: string) => s.replace(/[\s-]/g, '');
/** A mainland mobile number, with or without +86, spaces or dashes (as the API's check). */
const isMobile = (s: string) => /^1[3-9]\d{9}$/.test(s.replace(/[\s\-()]/g, '').replace(/^\+?86(?=1\d{10}$)/, ''));

type Outcome = { kind: 'none' } | { kind: 'accepted' } | { kind: 'unavailable' } | { kind: 'failed'; message: string };

/**
 * 重新获取查询码: the tracking number (unless the page already has it) and the phone given when
 * filing; a new access code goes by SMS to that phone. The API answers the same whether or not the
 * number and phone match (so nobody can probe them), and so does this form: it says what happens if
 * they match, never that they did.
 */
export function RecoverCode({ trackingNo }: { trackingNo?: string }) {
  const { t } = useLang();
  const [no, setNo] = useState(trackingNo ?? '');
  const [phone, setPhone] = useState('');
  const [errors, setErrors] = useState<{ no?: string; phone?: string }>({});
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const number = digitsOf(trackingNo ?? no);
    const problems = {
      no: /^\d{13,20}$/.test(number) ? undefined : t('请输入 13 位查询编号', 'Enter the 13-digit tracking number'),
      phone: isMobile(phone) ? undefined : t('请输入提交时填写的 11 位手机号', 'Enter the 11-digit mobile number you gave when filing'),
    };
    setErrors(problems);
    if (problems.no || problems.phone) return;
    setBusy(true);
    setOutcome({ kind: 'none' });
    try {
      const answer = await api<AccessCodeRecovery>(`/complaints/${encodeURIComponent(number)}/access-code`, {
        method: 'POST',
        body: { phone: phone.trim() },
      });
      setOutcome({ kind: answer.status });
    } catch (err) {
      const fields = err instanceof ApiError ? err.fieldErrors() : {};
      if (fields.phone) setErrors({ phone: fields.phone });
      else
        setOutcome({
          kind: 'failed',
          message:
            err instanceof ApiError && err.status === 429
              ? err.message
              : t('暂时无法提交，请稍后再试。', 'Could not send the request; please try again later.'),
        });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="recover-code" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="recover-code-title">
      <h2 id="recover-code-title">{t('遗失查询码', 'Lost your access code?')}</h2>
      <p>
        {t(
          '如果查询编号和手机号与登记的一致，新的查询码将以短信发送到该手机，原查询码作废。每件每天最多可重新获取 3 次。',
          'If the tracking number and phone match what was registered, a new access code is sent by SMS to that phone and the old code stops working. You can do this up to 3 times a day per case.',
        )}
      </p>
      {trackingNo ? (
        <p>
          {t('查询编号', 'Tracking number')}：<strong>{trackingNo}</strong>
        </p>
      ) : (
        <Field label={t('查询编号', 'Tracking number')} error={errors.no} required id="recover-tracking-no">
          <TextInput value={no} onChange={(e) => setNo(e.target.value)} inputMode="numeric" autoComplete="off" maxLength={30} />
        </Field>
      )}
      <Field
        label={t('手机号', 'Mobile number')}
        hint={t('提交投诉举报时填写的手机号', 'The mobile number you gave when filing')}
        error={errors.phone}
        required
        id="recover-phone"
      >
        <TextInput value={phone} onChange={(e) => setPhone(e.target.value)} type="tel" inputMode="tel" autoComplete="tel" maxLength={20} />
      </Field>
      <Button type="submit" variant="primary" loading={busy}>
        {t('重新获取查询码', 'Get a new access code')}
      </Button>
      {/* Always in the page, so what it says next is announced. */}
      <div role="status" aria-live="polite">
        {outcome.kind === 'accepted' && (
          <Alert type="info" title={t('已提交', 'Request received')}>
            {t(
              '如果查询编号和手机号与登记的一致，新的查询码将以短信发送到该手机，原查询码作废。几分钟内没有收到短信的，请核对后再试，或拨打 12315 咨询。',
              'If the tracking number and phone match what was registered, a new access code will be sent by SMS to that phone and the old code will stop working. No SMS within a few minutes? Check both and try again, or call 12315.',
            )}
          </Alert>
        )}
        {outcome.kind === 'unavailable' && (
          <Alert type="warning" title={t('暂时无法发送短信', 'SMS cannot be sent right now')}>
            {t(
              '系统暂未接入短信服务，没有发放新的查询码，原查询码仍然有效。需要帮助请拨打 12315。',
              'The system cannot send SMS yet, so no new code was issued and your current code still works. For help, call 12315.',
            )}
          </Alert>
        )}
        {outcome.kind === 'failed' && <Alert type="warning">{outcome.message}</Alert>}
      </div>
    </form>
  );
}
