import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { Icon } from '../lib/icons';
import { useLang } from '../lib/i18n';
import { Alert, Button, Card, Field, TextInput } from '../ui';
import { RecoverCode } from './recover-code';

/** What people type: spaces and dashes are not part of the number. */
export const clean = (s: string | null | undefined) => (s ?? '').replace(/[\s-]/g, '');

/** The look-up's state while no case is shown. */
export type Outcome = { kind: 'idle' } | { kind: 'loading' } | { kind: 'not-found' } | { kind: 'error'; message: string };

/**
 * The tracking page's form: the 查询编号 and the 查询码, each said beside its field when missing
 * (and focused), then what the look-up found wrong.
 */
export function TrackLookup({
  initialNo,
  outcome,
  onLook,
}: {
  initialNo: string;
  outcome: Outcome;
  onLook: (no: string, code: string) => void;
}) {
  const { t } = useLang();
  const [no, setNo] = useState(initialNo);
  const [code, setCode] = useState('');
  const [missing, setMissing] = useState({ no: false, code: false });
  const [recovering, setRecovering] = useState(false);
  const noInput = useRef<HTMLInputElement>(null);
  const codeInput = useRef<HTMLInputElement>(null);

  const submit = () => {
    const gaps = { no: !clean(no), code: !code.trim() };
    setMissing(gaps);
    if (gaps.no) noInput.current?.focus();
    else if (gaps.code) codeInput.current?.focus();
    else onLook(clean(no), code.trim());
  };

  return (
    <>
      <h1>{t('查询办理进度', 'Track your case')}</h1>
      <Card>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <Field label={t('查询编号', 'Tracking number')} error={missing.no ? t('请输入查询编号', 'Enter the tracking number') : undefined}>
            <TextInput
              ref={noInput}
              value={no}
              onChange={(e) => {
                setNo(e.target.value);
                setMissing((m) => ({ ...m, no: false }));
              }}
              inputMode="numeric"
              autoComplete="off"
              maxLength={30}
              placeholder={t('提交后得到的 13 位数字', 'The 13 digits you got when filing')}
            />
          </Field>
          <Field label={t('查询码', 'Access code')} error={missing.code ? t('请输入查询码', 'Enter the access code') : undefined}>
            <TextInput
              ref={codeInput}
              value={code}
              onChange={(e) => {
                setCode(e.target.value);
                setMissing((m) => ({ ...m, code: false }));
              }}
              inputMode="numeric"
              autoComplete="off"
              maxLength={20}
              placeholder={t('8 位数字', '8 digits')}
            />
          </Field>
          <Button type="submit" variant="primary" size="large" block loading={outcome.kind === 'loading'} data-testid="track-submit">
            <Icon name="search" />
            {t('查询', 'Look up')}
          </Button>
        </form>
        {outcome.kind === 'not-found' && (
          <Alert
            type="error"
            data-testid="track-not-found"
            title={t('没有找到：请核对查询编号和查询码', 'Not found: check the tracking number and access code')}
          >
            {t(
              '查询编号是提交后显示的 13 位数字，查询码是 8 位数字。两者须同时正确；遗失查询码的，可在下方“查询码丢了？”中重新获取，或拨打 12315 咨询。',
              'The tracking number is the 13 digits shown after filing, the access code 8 digits. Both must be right; if you lost the code, get a new one under “Lost the access code?” below, or call 12315.',
            )}
          </Alert>
        )}
        {outcome.kind === 'error' && <Alert type="error" title={outcome.message} />}
      </Card>
      {/* Made when opened (closed, it is neither seen nor read). A complete number typed above is not asked for again. */}
      <details className="track-recover" data-testid="track-recover" onToggle={(e) => setRecovering(e.currentTarget.open)}>
        <summary>{t('查询码丢了？', 'Lost the access code?')}</summary>
        {recovering && (
          <div className="track-recover-body">
            <RecoverCode trackingNo={/^\d{13}$/.test(clean(no)) ? clean(no) : undefined} />
          </div>
        )}
      </details>
      <p className="ui-muted track-new">
        {t('还没有提交过？', 'Not filed yet?')} <Link to="/complaint/new">{t('我要投诉/举报', 'File a complaint or report')}</Link>
      </p>
    </>
  );
}
