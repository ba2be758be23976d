import { Alert as Notice, App, Button, Flex, Form, Input, Modal, Result, Select } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../lib/api';
import { useLang } from '../../lib/i18n';
import type { AlertDetail, ConsumerWarning, PublishConsumerWarning } from '../../api/types';
import { fmtDate, useAreaNames, useCategories } from '../common';
import { creditCodeRule, showProblems } from '../businesses/forms';

interface Values {
  title: string;
  body: string;
  areaCode?: string;
  categoryCode?: string;
  businessName?: string;
  creditCode?: string;
  startsOn: string;
  endsOn: string;
}
const FIELDS = ['title', 'body', 'areaCode', 'categoryCode', 'businessName', 'creditCode', 'startsOn', 'endsOn'] as const;
/** How long a warning runs unless changed (the API allows up to 180 days: consumer-warning.rules.ts MAX_DAYS). */
const DEFAULT_DAYS = 30;

/** Today in China (the API's days are China days), as YYYY-MM-DD. */
function chinaToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
}
function plusDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * 发布消费提示 (Order 121 Art. 38) from an alert: its area, category and business filled in, a draft
 * text to edit, running from today for 30 days; sent to the alert's consumer-warning endpoint (which
 * marks the alert acted on). Says where the public now sees it.
 */
export function PublishWarningModal({
  alert: a,
  category,
  onClose,
  onDone,
}: {
  alert: AlertDetail;
  category: string | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const areas = useAreaNames();
  const categories = useCategories();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [published, setPublished] = useState<ConsumerWarning | null>(null);
  const today = chinaToday();
  const business = a.subjectKind === 'business';
  const about = business ? a.subjectName : `${a.areaName ?? ''}${category ?? ''}`;
  const initial: Values = {
    title: (business ? `谨慎在${a.subjectName}办理预付卡` : `谨慎办理${about}预付卡`).slice(0, 60),
    body: `近期我局收到多起消费者反映${about}停业、无法退款等问题的投诉。请消费者谨慎办理预付卡，不一次性大额充值，保存好合同和付款凭证；遇到纠纷请及时投诉。`,
    areaCode: a.areaCode,
    categoryCode: a.categoryCode ?? undefined,
    businessName: business ? a.subjectName : undefined,
    creditCode: a.creditCode ?? undefined,
    startsOn: today,
    endsOn: plusDays(today, DEFAULT_DAYS),
  };

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    setProblem(null);
    const text = (s?: string) => (s?.trim() ? s.trim() : null);
    const body: PublishConsumerWarning = {
      title: v.title.trim(),
      body: v.body.trim(),
      areaCode: v.areaCode ?? null,
      categoryCode: v.categoryCode ?? null,
      businessName: text(v.businessName),
      creditCode: text(v.creditCode)?.toUpperCase() ?? null,
      startsOn: v.startsOn,
      endsOn: v.endsOn,
    };
    try {
      const w = await api<ConsumerWarning>(`/warnings/alerts/${a.id}/consumer-warning`, { body });
      message.success(t('消费提示已发布', 'Warning published'));
      setPublished(w);
    } catch (e) {
      if (e instanceof ApiError && e.status === 400 && e.details.length) setProblem(showProblems(form, e, FIELDS));
      else setProblem(e instanceof ApiError ? e.message : t('无法连接服务器，请重试', 'Cannot reach the server; try again'));
    } finally {
      setBusy(false);
    }
  };

  if (published) {
    const where = published.creditCode
      ? t('首页和该经营者的公示页', "the home page and the business's public record")
      : t('首页', 'the home page');
    const when =
      published.startsOn > today
        ? t(`将于 ${fmtDate(published.startsOn)} 起显示在${where}`, `It shows on ${where} from ${fmtDate(published.startsOn)}`)
        : t(`现已显示在${where}`, `It now shows on ${where}`);
    return (
      <Modal
        open
        title={t('发布消费提示', 'Warn consumers')}
        onCancel={onDone}
        footer={
          <Button type="primary" onClick={onDone} data-testid="warning-done">
            {t('完成', 'Done')}
          </Button>
        }
      >
        <Result
          status="success"
          title={published.title}
          subTitle={
            <span data-testid="warning-published">
              {when}
              {t(
                `，至 ${fmtDate(published.endsOn)}。可在“消费提示”中撤回。`,
                `, until ${fmtDate(published.endsOn)}. It can be withdrawn under "Consumer warnings".`,
              )}
            </span>
          }
        />
      </Modal>
    );
  }

  return (
    <Modal
      open
      width={640}
      title={t('发布消费提示', 'Warn consumers')}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>{t('取消', 'Cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => void submit()} data-testid="warning-submit">
            {t('发布', 'Publish')}
          </Button>
        </Flex>
      }
    >
      <Form form={form} layout="vertical" initialValues={initial}>
        <Form.Item
          name="title"
          label={t('标题', 'Title')}
          rules={[{ required: true, whitespace: true, min: 2, max: 60, message: t('标题应为 2–60 个字', 'The title is 2–60 characters') }]}
        >
          <Input maxLength={60} showCount data-testid="warning-title" />
        </Form.Item>
        <Form.Item
          name="body"
          label={t('正文', 'Text')}
          extra={t('面向公众；不得包含消费者的姓名、手机号码或身份证号码', "For the public: never a consumer's name, mobile or ID number")}
          rules={[
            { required: true, whitespace: true, min: 10, max: 2000, message: t('正文应为 10–2000 个字', 'The text is 10–2000 characters') },
          ]}
        >
          <Input.TextArea rows={5} maxLength={2000} showCount data-testid="warning-body" />
        </Form.Item>
        <Flex wrap gap={12}>
          <Form.Item
            name="areaCode"
            label={t('区域', 'Area')}
            extra={t('不选为全市（仅市局）', 'None: the whole city (city bureau only)')}
            style={{ flex: '1 1 200px' }}
          >
            <Select allowClear options={[...areas].map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item
            name="categoryCode"
            label={t('消费类别', 'Category')}
            extra={t('不选为不限类别', 'None: any category')}
            style={{ flex: '1 1 200px' }}
          >
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={categories.map((c) => ({ value: c.code, label: c.name }))}
            />
          </Form.Item>
        </Flex>
        <Flex wrap gap={12}>
          <Form.Item
            name="businessName"
            label={t('涉及的经营者（选填）', 'Business (optional)')}
            rules={[{ min: 2, max: 100, message: t('应为 2–100 个字', '2–100 characters') }]}
            style={{ flex: '1 1 200px' }}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="creditCode"
            label={t('统一社会信用代码（选填）', 'Credit code (optional)')}
            extra={t('填写后，该经营者的公示页显示本提示', "With it, the business's public record shows the warning")}
            rules={[creditCodeRule(t)]}
            style={{ flex: '1 1 200px' }}
          >
            <Input maxLength={18} />
          </Form.Item>
        </Flex>
        <Flex wrap gap={12}>
          <Form.Item
            name="startsOn"
            label={t('生效日期', 'From')}
            rules={[{ required: true, message: t('请选择生效日期', 'Choose the first day') }]}
            style={{ flex: '1 1 160px' }}
          >
            <Input type="date" min={today} data-testid="warning-starts" />
          </Form.Item>
          <Form.Item
            name="endsOn"
            label={t('截止日期（含）', 'Until (included)')}
            rules={[{ required: true, message: t('请选择截止日期', 'Choose the last day') }]}
            style={{ flex: '1 1 160px' }}
          >
            <Input type="date" min={today} data-testid="warning-ends" />
          </Form.Item>
        </Flex>
      </Form>
      {problem && <Notice type="error" showIcon title={problem} />}
    </Modal>
  );
}
