import { ArrowRightOutlined, ExclamationCircleOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Modal, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, ApiError, yuan } from '../lib/api';
import { useLang } from '../lib/i18n';
import { ACTION_LABEL, Muted, pick, STATUS_LABEL } from './common';
import type { ActionResult, CaseAction, CaseActionBody, CaseDetail, CaseStatus } from '../api/types';
import { DANGER, explain, IRREVERSIBLE, needsInput, REASON_KIND } from './action-texts';
import { ActionFields, FIELDS } from './ActionForm';
import type { FormValues } from './ActionForm';
import { ACTION_KEY, Kbd, PAGE_KEY, useShortcuts } from './shortcuts';

/**
 * The actions the API allows now. The likely next step (the API's `nextAction`) comes first, as the
 * one primary button: a step that needs nothing typed is done with that click (a step that cannot be
 * undone still asks to confirm), and "附说明…" opens its dialog for a note. The others are below.
 * Each action's key opens its dialog; 409 and 400 answers are shown where they belong.
 */
export function ActionsPanel({
  detail,
  onDone,
  onNext,
  onHelp,
}: {
  detail: CaseDetail;
  onDone: (r: ActionResult) => void;
  /** Opens the next case of the queue (offered after a step). */
  onNext: () => void;
  onHelp: () => void;
}) {
  const { t, lang } = useLang();
  const { modal } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [open, setOpen] = useState<CaseAction | null>(null);
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{ action: CaseAction; message: string; allowed: CaseAction[] } | null>(null);
  const [done, setDone] = useState<{ action: CaseAction; status: CaseStatus; linkedReport?: string } | null>(null);
  /** A step done without its dialog (the primary button) that failed: said here, as the dialog would. */
  const [failed, setFailed] = useState<{ action: CaseAction; message: string } | null>(null);

  const label = (a: CaseAction) =>
    a === 'hand-back'
      ? detail.stage === 'settlement'
        ? t('退回（本站无法协助）', 'Hand back (cannot help)')
        : t('退回（无管辖权）', 'Hand back (no authority)')
      : pick(t, ACTION_LABEL[a], a);

  // Passing a case to an enrolled business names which one: offered with the possible matches (SettlementSection).
  const actions: CaseAction[] = detail.allowedActions.filter((a) => a !== 'refer-to-business');
  const next = detail.nextAction && actions.includes(detail.nextAction) ? detail.nextAction : null;
  const others = actions.filter((a) => a !== next);

  // Each dialog starts empty (the outcome's agreement: no). Not forceRender: a hidden dialog kept
  // mounted would stay first in line for Escape, above a dialog opened later (the shortcut list).
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(open === 'resolve' ? { agreement: false } : {});
  }, [open, form]);
  const start = (a: CaseAction) => {
    setFormError(null);
    setConflict(null);
    setOpen(a);
  };
  useShortcuts(Object.fromEntries(actions.flatMap((a) => (ACTION_KEY[a] ? [[ACTION_KEY[a], () => start(a)]] : []))));

  const send = async (a: CaseAction, v: FormValues) => {
    setBusy(true);
    setFormError(null);
    setConflict(null);
    setFailed(null);
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
      setDone({ action: a, status: r.status, linkedReport: r.linkedReport?.trackingNo });
      // The header's overdue and due-soon counts may have changed.
      window.dispatchEvent(new Event('weiquan:workload'));
      onDone(r);
    } catch (e) {
      setDone(null);
      if (!(e instanceof ApiError)) {
        const text = t('无法连接服务器，请重试', 'Cannot reach the server; try again');
        if (open) setFormError(text);
        else setFailed({ action: a, message: text });
      } else if (e.status === 409) {
        // Not allowed now (someone else acted, or the state moved): say so, show what is allowed, reload.
        const allowed = Array.isArray(e.body.allowed) ? (e.body.allowed as CaseAction[]) : [];
        setOpen(null);
        setConflict({ action: a, message: e.message, allowed });
        onDone({ id: detail.id, action: a, from: detail.status, status: detail.status });
      } else if (e.status === 400 && open) {
        const byField = e.fieldErrors();
        const known = FIELDS.filter((f) => byField[f]);
        form.setFields(known.map((f) => ({ name: f, errors: [byField[f]] })));
        const rest = e.details.filter((d) => !(FIELDS as readonly string[]).includes(d.field));
        setFormError(known.length && !rest.length ? null : [e.message, ...rest.map((d) => `${d.field}: ${d.message}`)].join('；'));
      } else if (open) {
        setFormError(e.message);
      } else {
        setFailed({ action: a, message: e.message });
      }
    } finally {
      setBusy(false);
    }
  };

  /** Once more, for a step that cannot be undone: what it is, with what was chosen. */
  const confirm = (a: CaseAction, v: FormValues) => {
    const reasonKind = REASON_KIND[a];
    const reason = reasonKind ? detail.reasonOptions[reasonKind].find((r) => r.code === v.reasonCode) : undefined;
    modal.confirm({
      title: t(`确认「${label(a)}」？`, `Confirm "${label(a)}"?`),
      icon: <ExclamationCircleOutlined />,
      // A step against the consumer starts on "Back": a second Enter does not carry it out.
      autoFocusButton: DANGER.has(a) ? 'cancel' : 'ok',
      content: (
        <Space orientation="vertical" size={4}>
          {!open && <span>{explain(t, a, detail)}</span>}
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

  const submit = async () => {
    if (!open) return;
    let v: FormValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    if (IRREVERSIBLE.has(open)) confirm(open, v);
    else await send(open, v);
  };

  /** The primary button: its dialog when something must be typed, else the step itself (confirmed if it cannot be undone). */
  const doNext = (a: CaseAction) => {
    if (needsInput(a)) start(a);
    else if (IRREVERSIBLE.has(a)) confirm(a, {});
    else void send(a, {});
  };

  const button = (a: CaseAction) => (
    <Button
      key={a}
      danger={DANGER.has(a)}
      data-testid={`action-${a}`}
      aria-keyshortcuts={ACTION_KEY[a]?.toUpperCase()}
      onClick={() => start(a)}
    >
      {label(a)}
      {ACTION_KEY[a] && <Kbd k={ACTION_KEY[a]} />}
    </Button>
  );

  return (
    <Card
      size="small"
      title={t('办理操作', 'Actions')}
      className="staff-actions"
      data-testid="actions"
      extra={
        <Button
          type="text"
          size="small"
          icon={<QuestionCircleOutlined />}
          onClick={onHelp}
          aria-keyshortcuts="?"
          data-testid="shortcuts-open"
        >
          {t('快捷键', 'Shortcuts')}
        </Button>
      }
    >
      {done && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="action-done"
          title={
            done.linkedReport
              ? t(
                  `已执行「${label(done.action)}」，已生成关联举报 ${done.linkedReport}`,
                  `"${label(done.action)}" done; linked report ${done.linkedReport} opened`,
                )
              : t(
                  `已执行「${label(done.action)}」，当前状态：${pick(t, STATUS_LABEL[done.status], done.status)}`,
                  `"${label(done.action)}" done; status now: ${pick(t, STATUS_LABEL[done.status], done.status)}`,
                )
          }
          action={
            <Button size="small" onClick={onNext} data-testid="next-case-after" aria-keyshortcuts={PAGE_KEY.next.toUpperCase()}>
              {t('下一件', 'Next case')} <ArrowRightOutlined />
              <Kbd k={PAGE_KEY.next} />
            </Button>
          }
        />
      )}
      {failed && (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setFailed(null) }}
          style={{ marginBottom: 12 }}
          data-testid="action-error"
          title={t(`未能执行「${label(failed.action)}」`, `"${label(failed.action)}" was not done`)}
          description={failed.message}
        />
      )}
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
        <Flex vertical gap={12}>
          {next && (
            <div className="staff-next-step">
              <Muted>{t('下一步', 'Next step')}</Muted>
              <Flex wrap gap={8} align="center">
                <Button
                  type="primary"
                  loading={busy && !open}
                  // Until the case is read again after a step, this button still shows the step just taken.
                  disabled={done !== null && done.status !== detail.status}
                  data-testid={needsInput(next) ? `action-${next}` : 'next-step'}
                  aria-keyshortcuts={ACTION_KEY[next]?.toUpperCase()}
                  onClick={() => doNext(next)}
                >
                  {label(next)}
                  {ACTION_KEY[next] && <Kbd k={ACTION_KEY[next]} />}
                </Button>
                {!needsInput(next) && (
                  <Button type="link" size="small" data-testid={`action-${next}`} onClick={() => start(next)}>
                    {t(`附说明${label(next)}…`, `${label(next)} with a note…`)}
                  </Button>
                )}
              </Flex>
              <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: 13 }}>
                {explain(t, next, detail)}
              </Typography.Paragraph>
            </div>
          )}
          {others.length > 0 && (
            <div>
              {next && <Muted>{t('其他操作', 'Other steps')}</Muted>}
              <Flex wrap gap={8} style={{ marginTop: next ? 4 : 0 }}>
                {others.map(button)}
              </Flex>
            </div>
          )}
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
        className="staff-action-modal"
        // The keyboard starts where the work is: the first field, or (nothing to type) the submit button, so Enter sends it.
        afterOpenChange={(shown) => {
          const root = shown && open ? document.querySelector('.staff-action-modal') : null;
          const at = open && needsInput(open) ? 'input:not([type="hidden"]), textarea' : '[data-testid="action-submit"]';
          root?.querySelector<HTMLElement>(at)?.focus();
        }}
        width={560}
      >
        {open && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
            {explain(t, open, detail)}
          </Typography.Paragraph>
        )}
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} data-testid="action-error" />}
        <Form
          form={form}
          layout="vertical"
          disabled={busy}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void submit();
            }
          }}
        >
          {open && <ActionFields open={open} detail={detail} />}
        </Form>
        <Muted>{t('Ctrl + Enter 提交', 'Ctrl + Enter submits')}</Muted>
      </Modal>
    </Card>
  );
}
