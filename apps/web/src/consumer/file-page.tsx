import { useEffect, useRef, useState } from 'react';
import type { FieldErrors } from 'react-hook-form';
import { FormProvider, get, useForm, useWatch } from 'react-hook-form';
import { useNavigate } from 'react-router';
import type { SubmissionAnswer } from '../api/types';
import { api, ApiError } from '../lib/api';
import { useLang } from '../lib/i18n';
import { useReducedMotion } from '../lib/motion';
import { Shell } from '../lib/shell';
import { Alert, Button, Card, ConfirmDialog } from '../ui';
import type { Picked } from './attachments';
import { AttachmentPicker, ShareWithBusiness, uploadToFiling } from './attachments';
import { ConsumerFields } from './consumer-fields';
import { useDirectory } from './directory';
import { ElsewhereNotice } from './elsewhere-notice';
import { useDraftKeeper } from './file-draft';
import type { FormValues } from './file-form';
import { EMPTY, FIELDS, isField, toBody, withDefaults } from './file-form';
import { PathFields, StoryFields, WhatFields } from './file-sections';
import { RespondentFields } from './respondent-fields';
import { optionsQuery, useSettlementOptions } from './settlement';
import { StatutoryNotice } from './statutory-notice';
import type { FiledState } from './storage';
import { DRAFT_DAYS, loadDraft, newIdempotencyKey, rememberFiled } from './storage';
import './file-page.css';

/** The form as the page opens: the draft left on this device, if any, else empty. */
function opening() {
  const draft = loadDraft();
  return {
    values: draft ? withDefaults(draft.values) : EMPTY,
    restored: !!draft,
    pathPicked: draft?.pathPicked ?? false,
    // The draft's key: reopened after an answer was lost, the form files once all the same.
    idempotencyKey: draft?.idempotencyKey ?? newIdempotencyKey(),
  };
}

/** 我要投诉/举报: one form, mobile first; the API's checks (phone, codes, dates) answer beside the fields. */
export function FilePage() {
  const { t } = useLang();
  const navigate = useNavigate();
  const still = useReducedMotion();
  const { directory, failed } = useDirectory();
  const [start] = useState(opening);
  const form = useForm<FormValues>({ defaultValues: start.values, shouldFocusError: false });
  const { control, setValue, setError, reset } = form;
  // One key for the form's life: a double click or a retry never files twice.
  const idempotencyKey = useRef(start.idempotencyKey);
  // The path follows the recommendation until the consumer picks one.
  const pathPicked = useRef(start.pathPicked);
  const discardDraft = useDraftKeeper(form, pathPicked, idempotencyKey);
  const [restored, setRestored] = useState(start.restored);
  const [confirmClear, setConfirmClear] = useState(false);
  const [files, setFiles] = useState<Picked[]>([]);
  const [share, setShare] = useState(false);
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const title = useRef<HTMLHeadingElement>(null);
  const kind = useWatch({ control, name: 'kind' });
  const isReport = kind === 'report';

  // Can a station help settle it? Asked (debounced) once the category and the business's area are known.
  const [categoryCode, creditCode, areaCode, venueCode, online, platformName] = useWatch({
    control,
    name: [
      'categoryCode',
      'respondent.creditCode',
      'respondent.areaCode',
      'respondent.venueCode',
      'respondent.online',
      'respondent.platformName',
    ],
  });
  const options = useSettlementOptions(
    isReport ? null : optionsQuery({ creditCode, categoryCode, areaCode, venueCode, online, platformName }),
  );
  const known = options.kind === 'known' ? options.options : null;
  const [settlementDays, setSettlementDays] = useState<number | null>(null);
  if (known && known.settlementDays !== settlementDays) setSettlementDays(known.settlementDays);
  // With no station able to help it is formal; otherwise the recommendation, unless the consumer chose.
  useEffect(() => {
    if (!known) return;
    if (!known.available) setValue('path', 'formal');
    else if (!pathPicked.current) setValue('path', known.recommended);
  }, [known, setValue]);

  // The problem said under the form was about the answers as they were.
  useEffect(() => form.subscribe({ formState: { values: true }, callback: ({ type }) => type === 'change' && setProblem(null) }), [form]);

  /** Brings a field into view and into focus, to be corrected. */
  const goTo = (name: string | undefined) => {
    const el = name ? document.querySelector<HTMLElement>(`[name="${name}"]`) : null;
    el?.scrollIntoView({ behavior: still ? 'auto' : 'smooth', block: 'center' });
    el?.focus({ preventScroll: true });
  };

  const onInvalid = (errors: FieldErrors<FormValues>) => {
    setProblem(t('还有必填内容没有填写，请查看标红的栏目。', 'Some required answers are missing: see the fields marked in red.'));
    goTo(FIELDS.find((f) => get(errors, f)));
  };

  /** A 400's problems beside their fields (the API's paths are the form's names); the others above the button. */
  const showApiErrors = (e: ApiError) => {
    const byField = new Map<(typeof FIELDS)[number], string[]>();
    const elsewhere: string[] = [];
    for (const d of e.details) {
      if (isField(d.field)) byField.set(d.field, [...(byField.get(d.field) ?? []), d.message]);
      else elsewhere.push(`${d.field}: ${d.message}`);
    }
    for (const [field, messages] of byField) setError(field, { type: 'server', message: messages.join('；') });
    setProblem(
      elsewhere.length
        ? `${e.message}：${elsewhere.join('；')}`
        : t('有些内容需要修改，请查看标红的栏目。', 'Some answers need changing: see the fields marked in red.'),
    );
    goTo(FIELDS.find((f) => byField.has(f)));
  };

  const inFlight = useRef(false);
  const submit = async (values: FormValues) => {
    if (inFlight.current) return; // the second click of a double click (the key would make it harmless anyway)
    inFlight.current = true;
    setSending(true);
    setProblem(null);
    try {
      const answer = await api<SubmissionAnswer>('/complaints', {
        body: toBody(values),
        headers: { 'Idempotency-Key': idempotencyKey.current },
      });
      discardDraft(); // filed: nothing left to restore
      const settling = values.kind !== 'report' && values.path === 'settlement';
      const state: FiledState = {
        answer,
        uploaded: 0,
        settlementDays: settlementDays ?? undefined,
        helperName: settling ? (known?.helper?.name ?? undefined) : undefined,
        helperType: settling ? (known?.helper?.type ?? undefined) : undefined,
        ...(files.length ? await uploadToFiling(answer, files, share) : {}),
      };
      rememberFiled(state);
      void navigate('/complaint/done', { state });
    } catch (e) {
      if (e instanceof ApiError && e.status === 400 && e.details.length) showApiErrors(e);
      else if (e instanceof ApiError) setProblem(e.message);
      else
        setProblem(
          t(
            '网络连接失败，请检查网络后再点提交（重试不会重复提交）。',
            'The network failed. Check your connection and submit again (a retry never files twice).',
          ),
        );
    } finally {
      inFlight.current = false;
      setSending(false);
    }
  };

  /** 清空重填: a new, empty form with a new key; the draft and the chosen files go. */
  const startAgain = () => {
    discardDraft();
    reset(EMPTY);
    pathPicked.current = false;
    idempotencyKey.current = newIdempotencyKey();
    files.forEach((p) => p.preview && URL.revokeObjectURL(p.preview));
    setFiles([]);
    setShare(false);
    setProblem(null);
    setRestored(false);
    setConfirmClear(false);
    // The note and its button are gone: reading starts again at the top, once the dialog has let go of the focus.
    setTimeout(() => title.current?.focus());
  };

  // Sections are numbered; the path choice is one for complaints only.
  const no = (n: number) => (!isReport && n >= 3 ? n + 1 : n);

  return (
    <Shell>
      <h1 ref={title} tabIndex={-1} className="file-title">
        {t('在线投诉举报', 'File a complaint or report')}
      </h1>
      {restored && (
        <Alert
          type="info"
          className="draft-note"
          data-testid="draft-restored"
          title={t('已恢复您上次未提交的内容', 'What you had not yet submitted has been restored')}
          action={
            <Button size="large" onClick={() => setConfirmClear(true)} data-testid="draft-clear">
              {t('清空重填', 'Clear and start again')}
            </Button>
          }
        >
          {t(
            `未提交的内容（包括姓名、电话、地址、身份证号）只保存在这台设备的浏览器中，提交后或 ${DRAFT_DAYS} 天后自动删除。附件不会保存，请重新添加。`,
            `Unsent answers (your name, phone, address and ID number too) are kept only in this browser on this device, and deleted once you submit or after ${DRAFT_DAYS} days. Files are not kept: add them again.`,
          )}
        </Alert>
      )}
      <ConfirmDialog
        open={confirmClear}
        title={t('清空已填写的内容？', 'Clear what you have entered?')}
        confirmText={t('清空重填', 'Clear and start again')}
        cancelText={t('取消', 'Cancel')}
        danger
        onConfirm={startAgain}
        onCancel={() => setConfirmClear(false)}
      >
        {t('已填写的内容和已选择的文件都会清除，无法恢复。', 'Everything entered and every file chosen is removed; this cannot be undone.')}
      </ConfirmDialog>
      <StatutoryNotice />
      <ElsewhereNotice />
      {failed && (
        <Alert
          type="error"
          title={t(
            '暂时无法读取品类和区域目录，请稍后刷新页面。',
            'The category and area lists could not be loaded; reload the page shortly.',
          )}
        />
      )}

      <FormProvider {...form}>
        <form
          className="file-form"
          noValidate
          onSubmit={(e) => void form.handleSubmit(submit, onInvalid)(e)}
          onKeyDown={(e) => {
            // Enter (the phone keyboard's "Go") in a one-line field must not send a half-filled form;
            // it still works in text areas and on the button.
            if (e.key === 'Enter' && e.target instanceof HTMLInputElement) e.preventDefault();
          }}
        >
          <Card title={t('1. 您要反映什么', '1. What you are filing')}>
            <WhatFields directory={directory} />
          </Card>
          <Card title={t(isReport ? '2. 被举报的经营者' : '2. 被投诉的经营者', '2. The business')}>
            <RespondentFields directory={directory} />
          </Card>
          {!isReport && (
            <Card title={t('3. 怎样处理您的投诉', '3. How your complaint is handled')} data-testid="path-card">
              <PathFields options={options} settlementDays={settlementDays} onPick={() => (pathPicked.current = true)} />
            </Card>
          )}
          <Card title={t(`${no(3)}. 事情经过与诉求`, `${no(3)}. What happened and what you want`)}>
            <StoryFields isReport={isReport} />
          </Card>
          <Card title={isReport ? t(`${no(4)}. 举报人信息`, `${no(4)}. About you`) : t(`${no(4)}. 投诉人信息`, `${no(4)}. About you`)}>
            <ConsumerFields isReport={isReport} />
          </Card>
          <Card title={t(`${no(5)}. 证据材料（选填）`, `${no(5)}. Evidence (optional)`)}>
            <AttachmentPicker value={files} onChange={setFiles} />
            {!isReport && files.length > 0 && <ShareWithBusiness value={share} onChange={setShare} />}
          </Card>

          {problem && <Alert type="error" className="form-problem" title={problem} data-testid="form-problem" />}
          <Button type="submit" variant="primary" block size="large" loading={sending} className="submit-button" data-testid="submit">
            {isReport
              ? t('提交举报', 'Submit the report')
              : kind === 'both'
                ? t('提交投诉和举报', 'Submit both')
                : t('提交投诉', 'Submit the complaint')}
          </Button>
          <p className="ui-hint submit-hint">
            {t(
              '提交即表示您确认所填内容真实。提交后会得到查询编号和查询码，请妥善保存。',
              'By submitting you confirm that what you wrote is true. You will get a tracking number and an access code: keep them.',
            )}
          </p>
        </form>
      </FormProvider>
    </Shell>
  );
}
