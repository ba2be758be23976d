import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, ApiError } from '../lib/api';
import { useLang } from '../lib/i18n';
import { Shell } from '../lib/shell';
import { RatingCard, SupplementCard, WithdrawButton } from './case-actions';
import { CaseAttachments, CaseSummary, CaseTimeline } from './case-view';
import { SettlementCard } from './settlement-card';
import { forgetCode, rememberCode, storedCode } from './storage';
import type { CaseView } from '../api/types';

/** What people type: spaces and dashes are not part of the number. */
const clean = (s: string | null | undefined) => (s ?? '').replace(/[\s-]/g, '');

type Outcome =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'not-found' }
  | { kind: 'error'; message: string }
  | { kind: 'found'; view: CaseView; code: string };

/** What was looked up; each look-up or reload is a new one. */
interface Asked {
  no: string;
  code: string;
}

/** 查询办理进度: tracking number + access code → the case's status, deadlines, timeline and actions. */
export function TrackPage() {
  const { t, lang } = useLang();
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<{ no: string; code: string }>();
  // A number in the link, with its code kept in this tab: the case shows straight away (a refresh does not ask again).
  const [asked, setAsked] = useState<Asked | null>(() => {
    const no = clean(params.get('no'));
    const code = no ? storedCode(no) : null;
    return no && code ? { no, code } : null;
  });
  const [outcome, setOutcome] = useState<Outcome>(asked ? { kind: 'loading' } : { kind: 'idle' });

  const show = useEffectEvent((view: CaseView, code: string) => {
    rememberCode(view.trackingNo, code);
    setOutcome({ kind: 'found', view, code });
    if (params.get('no') !== view.trackingNo) setParams({ no: view.trackingNo }, { replace: true });
  });
  const fail = useEffectEvent((no: string, e: unknown) => {
    if (e instanceof ApiError && e.status === 404) {
      forgetCode(no);
      setOutcome({ kind: 'not-found' });
    } else {
      setOutcome({
        kind: 'error',
        message: e instanceof ApiError ? e.message : t('网络连接失败，请稍后重试', 'The network failed; try again shortly'),
      });
    }
  });

  // The case asked for, in the page's language (the API words the status and the timeline): asked
  // again when the language changes, and on every look-up or reload (each a new `asked`).
  useEffect(() => {
    if (!asked) return;
    let current = true;
    api<CaseView>(`/complaints/${encodeURIComponent(asked.no)}`, { headers: { 'X-Access-Code': asked.code } }).then(
      (view) => current && show(view, asked.code),
      (e: unknown) => current && fail(asked.no, e),
    );
    return () => {
      current = false;
    };
  }, [asked, lang]);

  const look = (no: string, code: string) => {
    setOutcome({ kind: 'loading' });
    setAsked({ no, code });
  };
  const reload = () => outcome.kind === 'found' && setAsked({ no: outcome.view.trackingNo, code: outcome.code });
  // After accepting or leaving the settlement its buttons are gone: focus goes to the page's heading, above the new status.
  const heading = useRef<HTMLHeadingElement>(null);
  const settlementChanged = () => {
    reload();
    heading.current?.focus();
  };
  const another = () => {
    setAsked(null);
    setParams({}, { replace: true });
    setOutcome({ kind: 'idle' });
  };

  if (outcome.kind === 'found') {
    const { view, code } = outcome;
    return (
      <Shell>
        <div className="track-bar">
          <Typography.Title level={1} className="page-title" ref={heading} tabIndex={-1}>
            {t('办理进度', 'Case progress')}
          </Typography.Title>
          <span className="track-bar-actions">
            <Button icon={<ReloadOutlined />} onClick={reload} aria-label={t('刷新', 'Refresh')} />
            <Button onClick={another}>{t('查询其他', 'Another case')}</Button>
          </span>
        </div>
        <CaseSummary view={view} />
        <SettlementCard view={view} accessCode={code} onChanged={settlementChanged} />
        <RatingCard view={view} accessCode={code} onChanged={reload} />
        <CaseTimeline view={view} />
        <CaseAttachments view={view} accessCode={code} />
        <SupplementCard view={view} accessCode={code} onChanged={reload} />
        <WithdrawButton view={view} accessCode={code} onChanged={reload} />
      </Shell>
    );
  }

  return (
    <Shell>
      <Typography.Title level={1} className="page-title">
        {t('查询办理进度', 'Track your case')}
      </Typography.Title>
      <Card className="form-card">
        <Form
          form={form}
          layout="vertical"
          size="large"
          initialValues={{ no: params.get('no') ?? '', code: '' }}
          onFinish={(v) => look(clean(v.no), v.code.trim())}
        >
          <Form.Item
            name="no"
            label={t('受理编号', 'Tracking number')}
            rules={[{ required: true, whitespace: true, message: t('请输入受理编号', 'Enter the tracking number') }]}
          >
            <Input
              inputMode="numeric"
              autoComplete="off"
              maxLength={30}
              placeholder={t('提交后得到的 13 位数字', 'The 13 digits you got when filing')}
            />
          </Form.Item>
          <Form.Item
            name="code"
            label={t('查询码', 'Access code')}
            rules={[{ required: true, whitespace: true, message: t('请输入查询码', 'Enter the access code') }]}
          >
            <Input inputMode="numeric" autoComplete="off" maxLength={20} placeholder={t('8 位数字', '8 digits')} />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            block
            icon={<SearchOutlined />}
            loading={outcome.kind === 'loading'}
            data-testid="track-submit"
          >
            {t('查询', 'Look up')}
          </Button>
        </Form>
        {outcome.kind === 'not-found' && (
          <div data-testid="track-not-found" className="track-problem">
            <Alert
              type="error"
              showIcon
              title={t('没有找到：请核对受理编号和查询码', 'Not found: check the tracking number and access code')}
              description={t(
                '受理编号是提交后显示的 13 位数字，查询码是 8 位数字。两者须同时正确；遗失查询码的，可拨打 12315 咨询。',
                'The tracking number is the 13 digits shown after filing, the access code 8 digits. Both must be right; if you lost the code, call 12315.',
              )}
            />
          </div>
        )}
        {outcome.kind === 'error' && <Alert type="error" showIcon className="track-problem" title={outcome.message} />}
      </Card>
      <Typography.Paragraph type="secondary" className="hint" style={{ marginTop: 16 }}>
        {t('还没有提交过？', 'Not filed yet?')} <Link to="/complaint/new">{t('我要投诉/举报', 'File a complaint or report')}</Link>
      </Typography.Paragraph>
    </Shell>
  );
}
