import type { FormInstance } from 'antd';
import { Alert, Button, Card, Checkbox, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select, Switch, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { api, ApiError } from '../lib/api';
import { useLang } from '../lib/i18n';
import { Shell } from '../lib/shell';
import type { Picked } from './attachments';
import { AttachmentPicker, ShareWithBusiness, uploadAttachments } from './attachments';
import { useDirectory } from './directory';
import { ElsewhereNotice } from './elsewhere-notice';
import { KindPicker } from './kind-picker';
import { PathPicker } from './path-picker';
import { RespondentFields } from './respondent-fields';
import type { Path } from './settlement';
import { optionsQuery, useSettlementOptions } from './settlement';
import { StatutoryNotice } from './statutory-notice';
import { newIdempotencyKey, rememberFiled } from './storage';
import { ISSUE_TYPES, issueLabel } from '../lib/words';
import { channelLabel, CHANNELS } from './texts';
import type { Kind, NewComplaint, SubmissionAnswer } from '../api/types';
import type { FiledState } from './storage';

interface FormValues {
  kind: Kind;
  /** Complaints only: 先行和解 or 直接投诉 (a report is always formal). */
  path?: Path;
  categoryCode: string;
  issueType?: NewComplaint['issueType'];
  channel?: NewComplaint['channel'];
  prepaid?: boolean;
  respondent: {
    name: string;
    creditCode?: string;
    address: string;
    areaCode: string;
    venueCode?: string;
    online?: boolean;
    platformName?: string;
  };
  incidentDate: Dayjs;
  amount?: number | null;
  description: string;
  demand: string;
  consumer: { name: string; phone: string; address?: string; idNumber?: string; email?: string };
  consentToPublish?: boolean;
  /** Complaints only: the business complained about may see the consumer's phone and address. */
  contactByBusiness?: boolean;
}

/** A field's path in the form: the API's `consumer.phone` split on the dots. */
type FieldName = Parameters<FormInstance<FormValues>['setFields']>[0][number]['name'];

/** The form's fields in the order they appear: the API's field paths, so its errors land beside them. */
const FIELDS = [
  'kind',
  'path',
  'categoryCode',
  'issueType',
  'channel',
  'prepaid',
  'respondent.name',
  'respondent.areaCode',
  'respondent.venueCode',
  'respondent.address',
  'respondent.creditCode',
  'respondent.online',
  'respondent.platformName',
  'incidentDate',
  'amount',
  'description',
  'demand',
  'consumer.name',
  'consumer.phone',
  'consumer.address',
  'consumer.idNumber',
  'consumer.email',
  'consentToPublish',
  'contactByBusiness',
];

const text = (v: string | undefined): string | undefined => (v && v.trim() ? v.trim() : undefined);

/** The form's values as the API's body: trimmed, empty optional fields left out. */
function toBody(v: FormValues): NewComplaint {
  const online = !!v.respondent.online;
  return {
    kind: v.kind,
    path: v.kind === 'report' ? undefined : (v.path ?? 'settlement'),
    categoryCode: v.categoryCode,
    issueType: v.issueType,
    channel: v.channel,
    prepaid: !!v.prepaid,
    consumer: {
      name: v.consumer.name.trim(),
      phone: v.consumer.phone.trim(),
      address: text(v.consumer.address),
      idNumber: text(v.consumer.idNumber)?.toUpperCase(),
      email: text(v.consumer.email),
    },
    respondent: {
      name: v.respondent.name.trim(),
      creditCode: text(v.respondent.creditCode)?.toUpperCase(),
      address: v.respondent.address.trim(),
      areaCode: v.respondent.areaCode,
      venueCode: v.respondent.venueCode || undefined,
      online,
      platformName: online ? text(v.respondent.platformName) : undefined,
    },
    incidentDate: v.incidentDate.format('YYYY-MM-DD'),
    amount: typeof v.amount === 'number' ? v.amount : undefined,
    description: v.description.trim(),
    demand: v.demand.trim(),
    consentToPublish: !!v.consentToPublish,
    contactByBusiness: v.kind === 'report' ? undefined : !!v.contactByBusiness,
  };
}

/** 我要投诉/举报: one form, mobile first; the API's checks (phone, codes, dates) answer beside the fields. */
export function FilePage() {
  const { t } = useLang();
  const [form] = Form.useForm<FormValues>();
  const navigate = useNavigate();
  const { directory, failed } = useDirectory();
  // One key for the form's life: a double click or a retry never files twice.
  const idempotencyKey = useRef(newIdempotencyKey());
  const [files, setFiles] = useState<Picked[]>([]);
  const [share, setShare] = useState(false);
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const kind = Form.useWatch('kind', form) ?? 'complaint';
  const isReport = kind === 'report';

  // Can a station help settle it? Asked (debounced) once the category and the business's area are known.
  const categoryCode = Form.useWatch('categoryCode', form);
  const respondent = Form.useWatch('respondent', form);
  const options = useSettlementOptions(
    isReport
      ? null
      : optionsQuery({
          creditCode: respondent?.creditCode,
          categoryCode,
          areaCode: respondent?.areaCode,
          venueCode: respondent?.venueCode,
          online: respondent?.online,
          platformName: respondent?.platformName,
        }),
  );
  const known = options.kind === 'known' ? options.options : null;
  const [settlementDays, setSettlementDays] = useState<number | null>(null);
  if (known && known.settlementDays !== settlementDays) setSettlementDays(known.settlementDays);
  // The path follows the recommendation until the consumer picks one; with no station able to help it is formal.
  const pathPicked = useRef(false);
  useEffect(() => {
    if (!known) return;
    if (!known.available) form.setFieldValue('path', 'formal');
    else if (!pathPicked.current) form.setFieldValue('path', known.recommended);
  }, [known, form]);

  const onValuesChange = (changed: Partial<FormValues>, all: FormValues) => {
    setProblem(null); // the advice was about the answers as they were
    if (changed.path) pathPicked.current = true;
    const venue = directory?.venues.find((v) => v.code === all.respondent?.venueCode);
    // A venue decides the area; an area that is not the venue's clears the venue.
    if (changed.respondent?.venueCode && venue) form.setFieldValue(['respondent', 'areaCode'], venue.areaCode);
    if (changed.respondent?.areaCode && venue && venue.areaCode !== changed.respondent.areaCode)
      form.setFieldValue(['respondent', 'venueCode'], undefined);
    if (changed.channel) form.setFieldValue(['respondent', 'online'], changed.channel !== 'offline');
  };

  const showApiErrors = (e: ApiError) => {
    const byField = new Map<string, string[]>();
    const elsewhere: string[] = [];
    for (const d of e.details) {
      if (FIELDS.includes(d.field)) byField.set(d.field, [...(byField.get(d.field) ?? []), d.message]);
      else elsewhere.push(`${d.field}: ${d.message}`);
    }
    // The API's paths are the form's names, split on the dots.
    form.setFields([...byField].map(([field, errors]) => ({ name: field.split('.') as FieldName, errors })));
    const first = FIELDS.find((f) => byField.has(f));
    setProblem(
      elsewhere.length
        ? `${e.message}：${elsewhere.join('；')}`
        : t('有些内容需要修改，请查看标红的栏目。', 'Some answers need changing: see the fields marked in red.'),
    );
    if (first) form.scrollToField(first.split('.'), { behavior: 'smooth', block: 'center', focus: true });
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
      const state: FiledState = {
        answer,
        uploaded: 0,
        settlementDays: settlementDays ?? undefined,
        helperName: values.kind !== 'report' && values.path === 'settlement' ? (known?.helper?.name ?? undefined) : undefined,
        helperType: values.kind !== 'report' && values.path === 'settlement' ? (known?.helper?.type ?? undefined) : undefined,
      };
      if (files.length) {
        // Evidence goes to each case of the submission (both tracks of a "both").
        // The business may see the complaint's files if the consumer said so; a report's, never.
        const numbers: { no: string; share?: boolean }[] = answer.cases?.map((c) => ({
          no: c.trackingNo,
          share: c.track === 'complaint' ? share : undefined,
        })) ?? [
          { no: answer.trackingNo, share: answer.kind === 'report' ? undefined : share },
          ...(answer.linkedTrackingNo ? [{ no: answer.linkedTrackingNo }] : []),
        ];
        try {
          for (const { no, share: shared } of numbers)
            state.uploaded = Math.max(state.uploaded, await uploadAttachments(no, answer.accessCode, files, shared));
        } catch (err) {
          state.uploadError = err instanceof Error ? err.message : String(err);
        }
      }
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

  const categoryOptions = (['service', 'goods'] as const).map((group) => ({
    label: group === 'service' ? t('服务类', 'Services') : t('商品类', 'Goods'),
    title: group,
    options: (directory?.categories ?? []).filter((c) => c.group === group).map((c) => ({ value: c.code, label: c.name })),
  }));
  // Sections are numbered; the path choice is one for complaints only.
  const no = (n: number) => (!isReport && n >= 3 ? n + 1 : n);

  return (
    <Shell>
      <Typography.Title level={1} className="page-title">
        {t('在线投诉举报', 'File a complaint or report')}
      </Typography.Title>
      <StatutoryNotice />
      <ElsewhereNotice />
      {failed && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          title={t(
            '暂时无法读取品类和区域目录，请稍后刷新页面。',
            'The category and area lists could not be loaded; reload the page shortly.',
          )}
        />
      )}

      <Form<FormValues>
        form={form}
        layout="vertical"
        size="large"
        className="file-form"
        initialValues={{
          kind: 'complaint',
          path: 'settlement',
          channel: 'offline',
          prepaid: false,
          respondent: { online: false },
          consentToPublish: false,
          contactByBusiness: false,
        }}
        onValuesChange={onValuesChange}
        onFinish={(v) => void submit(v)}
        scrollToFirstError={{ behavior: 'smooth', block: 'center', focus: true }}
        onKeyDown={(e) => {
          // Enter (the phone keyboard's "Go") in a one-line field must not send a half-filled form;
          // pickers and selects have already used it by now. Enter still works in text areas and on the button.
          if (e.key === 'Enter' && e.target instanceof HTMLInputElement) e.preventDefault();
        }}
        onFinishFailed={() =>
          setProblem(t('还有必填内容没有填写，请查看标红的栏目。', 'Some required answers are missing: see the fields marked in red.'))
        }
      >
        <Card className="form-card" title={t('1. 您要反映什么', '1. What you are filing')}>
          <Form.Item name="kind" label={t('投诉还是举报', 'Complaint or report')} rules={[{ required: true }]}>
            <KindPicker />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} sm={12}>
              <Form.Item
                name="categoryCode"
                label={t('消费类别', 'Category')}
                rules={[{ required: true, message: t('请选择消费类别', 'Choose a category') }]}
              >
                <Select
                  placeholder={t('请选择', 'Choose')}
                  loading={!directory}
                  options={categoryOptions}
                  showSearch={{ optionFilterProp: 'label' }}
                  data-testid="category-select"
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="issueType" label={t('问题类型', 'Kind of problem')}>
                <Select
                  allowClear
                  placeholder={t('请选择（选填）', 'Choose (optional)')}
                  options={ISSUE_TYPES.map((code) => ({ value: code, label: issueLabel(code, t) }))}
                  data-testid="issue-select"
                />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="channel" label={t('购买方式', 'Where you bought it')}>
            <Radio.Group
              block
              optionType="button"
              className="channel-options"
              options={CHANNELS.map((c) => ({ value: c, label: channelLabel(c, t) }))}
            />
          </Form.Item>
          <Form.Item
            name="prepaid"
            label={t('预付式消费（充值卡、会员卡、课程包等）', 'Prepaid (stored-value or membership card, course package)')}
            valuePropName="checked"
            className="switch-item"
          >
            <Switch aria-label={t('预付式消费', 'Prepaid')} />
          </Form.Item>
        </Card>

        <Card className="form-card" title={t(isReport ? '2. 被举报的经营者' : '2. 被投诉的经营者', '2. The business')}>
          <RespondentFields directory={directory} />
        </Card>

        {!isReport && (
          <Card className="form-card" title={t('3. 怎样处理您的投诉', '3. How your complaint is handled')} data-testid="path-card">
            <Form.Item name="path" label={t('处理方式', 'Way of handling')} rules={[{ required: true }]}>
              <PathPicker options={options} settlementDays={settlementDays} />
            </Form.Item>
          </Card>
        )}

        <Card className="form-card" title={t(`${no(3)}. 事情经过与诉求`, `${no(3)}. What happened and what you want`)}>
          <Row gutter={16}>
            <Col xs={24} sm={12}>
              <Form.Item
                name="incidentDate"
                label={t('消费或事发日期', 'Date of purchase or incident')}
                rules={[
                  { required: true, message: t('请选择日期', 'Choose the date') },
                  {
                    validator: (_, v?: Dayjs) =>
                      v && v.isAfter(dayjs(), 'day')
                        ? Promise.reject(new Error(t('日期不能晚于今天', 'must not be in the future')))
                        : Promise.resolve(),
                  },
                ]}
              >
                <DatePicker
                  style={{ width: '100%' }}
                  format="YYYY-MM-DD"
                  disabledDate={(d) => d.isAfter(dayjs(), 'day')}
                  placeholder={t('选择日期', 'Pick a date')}
                  data-testid="incident-date"
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="amount" label={t('涉及金额（选填）', 'Amount involved (optional)')}>
                <InputNumber
                  style={{ width: '100%' }}
                  min={0}
                  max={100_000_000}
                  precision={2}
                  step={1}
                  inputMode="decimal"
                  suffix={t('元', 'yuan')}
                  placeholder="0.00"
                />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name="description"
            label={t('事情经过', 'What happened')}
            rules={[
              { required: true, whitespace: true, message: t('请描述事情经过', 'Describe what happened') },
              { min: 5, message: t('请至少写 5 个字', 'Write at least 5 characters') },
            ]}
          >
            <Input.TextArea
              showCount
              maxLength={5000}
              autoSize={{ minRows: 4, maxRows: 12 }}
              placeholder={t(
                '何时、何地、买了什么，出了什么问题，与商家协商的情况……',
                'When and where, what you bought, what went wrong, what the business said…',
              )}
            />
          </Form.Item>
          <Form.Item
            name="demand"
            label={isReport ? t('希望监管部门查处什么', 'What the regulator should look into') : t('您的诉求', 'What you want')}
            rules={[
              { required: true, whitespace: true, message: t('请填写诉求', 'Say what you want') },
              { min: 2, message: t('请至少写 2 个字', 'Write at least 2 characters') },
            ]}
          >
            <Input.TextArea
              showCount
              maxLength={1000}
              autoSize={{ minRows: 2, maxRows: 6 }}
              placeholder={
                isReport
                  ? t('如：请求依法查处虚假宣传行为', 'e.g. investigate the false advertising')
                  : t('如：退款 268.50 元并赔偿', 'e.g. a refund of 268.50 yuan')
              }
            />
          </Form.Item>
        </Card>

        <Card
          className="form-card"
          title={isReport ? t(`${no(4)}. 举报人信息`, `${no(4)}. About you`) : t(`${no(4)}. 投诉人信息`, `${no(4)}. About you`)}
        >
          <Row gutter={16}>
            <Col xs={24} sm={12}>
              <Form.Item
                name={['consumer', 'name']}
                label={t('姓名', 'Name')}
                rules={[{ required: true, whitespace: true, message: t('请填写姓名', 'Enter your name') }]}
              >
                <Input maxLength={50} autoComplete="name" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item
                name={['consumer', 'phone']}
                label={t('手机号码', 'Mobile phone')}
                tooltip={t('用于接收受理和办理进度短信', 'For text messages about the case')}
                rules={[{ required: true, whitespace: true, message: t('请填写手机号码', 'Enter your mobile number') }]}
              >
                <Input type="tel" inputMode="tel" maxLength={20} autoComplete="tel" placeholder="138 0000 0000" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name={['consumer', 'address']}
            label={isReport ? t('通讯地址（选填）', 'Postal address (optional)') : t('通讯地址', 'Postal address')}
            rules={[{ required: !isReport, whitespace: true, message: t('投诉须提供通讯地址', 'A complaint needs your postal address') }]}
          >
            <Input
              maxLength={200}
              autoComplete="street-address"
              placeholder={t('如：东昌府区柳园街道某小区 1 号楼', 'e.g. Building 1, Some Estate, Liuyuan Street')}
            />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} sm={12}>
              <Form.Item
                name={['consumer', 'idNumber']}
                label={t('身份证号（选填）', 'ID number (optional)')}
                normalize={(v: string) => v?.toUpperCase()}
              >
                <Input maxLength={18} autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item
                name={['consumer', 'email']}
                label={t('电子邮箱（选填）', 'Email (optional)')}
                tooltip={t('填写后也会通过邮件通知办理进度', 'Progress is also sent to it')}
              >
                <Input maxLength={254} inputMode="email" autoComplete="email" />
              </Form.Item>
            </Col>
          </Row>
          <Typography.Paragraph type="secondary" className="hint">
            {t(
              '您的电话、地址、身份证号加密保存，只有承办单位的工作人员可以查看，每次查看都有记录；举报人身份和举报情况不会告知被举报人。',
              "Your phone, address and ID number are stored encrypted and seen only by the staff handling your case, and every view is logged; a reporter's identity is never told to the business.",
            )}
          </Typography.Paragraph>
          {!isReport && (
            <>
              <Form.Item name="contactByBusiness" valuePropName="checked" className="consent-item">
                <Checkbox data-testid="contact-by-business">
                  {t(
                    '同意被投诉经营者查看我的电话和地址以便联系我',
                    'Let the business complained about see my phone and address to contact me',
                  )}
                </Checkbox>
              </Form.Item>
              <Typography.Paragraph type="secondary" className="hint consent-hint">
                {t(
                  '不同意也不影响办理：经营者只能看到您的姓氏（如“张*”），通过本平台答复您。',
                  'Saying no does not affect how it is handled: the business sees only your family name and answers you here.',
                )}
              </Typography.Paragraph>
            </>
          )}
          <Form.Item name="consentToPublish" valuePropName="checked" className="consent-item">
            <Checkbox>{t('同意在“消费投诉信息公示”中公开本件投诉', 'Publish this complaint in the public complaint register')}</Checkbox>
          </Form.Item>
          <Typography.Paragraph type="secondary" className="hint consent-hint">
            {t(
              '公示只包括经营者名称、消费类别、问题类型、日期和处理结果，绝不公开您的姓名、电话、地址等个人信息。不同意也不影响办理。',
              'Only the business, the category, the kind of problem, the dates and the outcome are published: never your name, phone or address. Saying no does not affect how it is handled.',
            )}
          </Typography.Paragraph>
        </Card>

        <Card className="form-card" title={t(`${no(5)}. 证据材料（选填）`, `${no(5)}. Evidence (optional)`)}>
          <AttachmentPicker value={files} onChange={setFiles} />
          {!isReport && files.length > 0 && <ShareWithBusiness value={share} onChange={setShare} />}
        </Card>

        {problem && <Alert type="error" showIcon className="form-problem" title={problem} data-testid="form-problem" />}
        <Button type="primary" htmlType="submit" block size="large" loading={sending} className="submit-button" data-testid="submit">
          {isReport
            ? t('提交举报', 'Submit the report')
            : kind === 'both'
              ? t('提交投诉和举报', 'Submit both')
              : t('提交投诉', 'Submit the complaint')}
        </Button>
        <Typography.Paragraph type="secondary" className="hint" style={{ textAlign: 'center', marginTop: 8 }}>
          {t(
            '提交即表示您确认所填内容真实。提交后会得到受理编号和查询码，请妥善保存。',
            'By submitting you confirm that what you wrote is true. You will get a tracking number and an access code: keep them.',
          )}
        </Typography.Paragraph>
      </Form>
    </Shell>
  );
}
