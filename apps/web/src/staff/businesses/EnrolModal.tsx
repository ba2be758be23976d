import { Alert, App, Flex, Form, Input, Modal, Select, Switch } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../lib/api';
import { useLang } from '../../lib/i18n';
import { MONO } from '../../lib/words';
import { creditCodeRule, showProblems } from './forms';
import type { Venue } from './forms';
import type { Area, Business, EnrolBusiness } from '../../api/types';

interface EnrolValues {
  creditCode: string;
  name: string;
  areaCode: string;
  venueCode?: string;
  platform?: boolean;
  phone?: string;
  address?: string;
}
const ENROL_FIELDS = ['creditCode', 'name', 'areaCode', 'venueCode', 'platform', 'phone', 'address'] as const;

/** Enrols a business: its checked credit code, name and place; the API's problems beside the fields. */
export function EnrolModal({
  open,
  places,
  onClose,
  onEnrolled,
}: {
  open: boolean;
  places: { areas: Area[]; venues: Venue[] };
  onClose: () => void;
  onEnrolled: (b: Business) => void;
}) {
  const { t } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<EnrolValues>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const area = Form.useWatch('areaCode', form);

  const submit = async () => {
    let v: EnrolValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setProblem(null);
    const text = (s?: string) => (s?.trim() ? s.trim() : undefined);
    const body: EnrolBusiness = {
      creditCode: v.creditCode.trim().toUpperCase(),
      name: v.name.trim(),
      areaCode: v.areaCode,
      venueCode: v.venueCode || undefined,
      platform: !!v.platform,
      phone: text(v.phone),
      address: text(v.address),
    };
    try {
      const b = await api<Business>('/admin/businesses', { body });
      message.success(t(`已登记 ${b.name}`, `${b.name} enrolled`));
      form.resetFields();
      onEnrolled(b);
    } catch (e) {
      if (e instanceof ApiError && e.status === 400 && e.details.length) setProblem(showProblems(form, e, ENROL_FIELDS));
      else if (e instanceof ApiError && e.status === 409) form.setFields([{ name: 'creditCode', errors: [e.message] }]);
      else if (e instanceof ApiError && e.status === 403) {
        const f = e.details.find((d) => (ENROL_FIELDS as readonly string[]).includes(d.field));
        if (f) form.setFields([{ name: f.field as keyof EnrolValues, errors: [f.message] }]);
        setProblem(e.message);
      } else setProblem(e instanceof ApiError ? e.message : t('无法连接服务器，请重试', 'Cannot reach the server; try again'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('登记在线消费纠纷解决企业', 'Enrol a business for online dispute resolution')}
      onCancel={() => !busy && onClose()}
      onOk={() => void submit()}
      okText={t('登记', 'Enrol')}
      cancelText={t('取消', 'Cancel')}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'enrol-submit' }}
      forceRender
      width={600}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} data-testid="enrol-problem" />}
      <Form
        form={form}
        layout="vertical"
        disabled={busy}
        initialValues={{ platform: false }}
        onValuesChange={(changed: Partial<EnrolValues>) => {
          setProblem(null);
          // A venue decides the area; another area clears a venue that is not in it.
          const venue = places.venues.find((x) => x.code === changed.venueCode);
          if (venue) form.setFieldValue('areaCode', venue.areaCode);
          if (changed.areaCode) {
            const chosen = places.venues.find((x) => x.code === form.getFieldValue('venueCode'));
            if (chosen && chosen.areaCode !== changed.areaCode) form.setFieldValue('venueCode', undefined);
          }
        }}
      >
        <Form.Item
          name="creditCode"
          label={t('统一社会信用代码', 'Unified social credit code')}
          normalize={(v: string) => v?.toUpperCase()}
          rules={[{ required: true, whitespace: true, message: t('请填写统一社会信用代码', 'Enter the credit code') }, creditCodeRule(t)]}
          extra={t('18 位，见营业执照；校验码须正确', '18 characters, on the business licence; the check character must be right')}
        >
          <Input maxLength={18} autoComplete="off" style={MONO} data-testid="enrol-credit-code" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('经营者名称', 'Business name')}
          rules={[{ required: true, whitespace: true, message: t('请填写营业执照上的名称', 'Enter the name on its licence') }]}
        >
          <Input maxLength={100} data-testid="enrol-name" />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item
            name="areaCode"
            label={t('所在区县', 'County or district')}
            rules={[{ required: true, message: t('请选择所在区县', 'Choose the area') }]}
            style={{ flex: '1 1 200px' }}
          >
            <Select
              placeholder={t('请选择', 'Choose')}
              options={places.areas.map((a) => ({ value: a.code, label: a.name }))}
              showSearch={{ optionFilterProp: 'label' }}
              data-testid="enrol-area"
            />
          </Form.Item>
          <Form.Item name="venueCode" label={t('所在场所（选填）', 'Venue (optional)')} style={{ flex: '1 1 240px' }}>
            <Select
              allowClear
              placeholder={t('商场、市场、景区或平台', 'Mall, market, scenic spot or platform')}
              options={places.venues.filter((x) => !area || x.areaCode === area).map((x) => ({ value: x.code, label: x.name }))}
              showSearch={{ optionFilterProp: 'label' }}
              data-testid="enrol-venue"
            />
          </Form.Item>
        </Flex>
        <Form.Item name="platform" label={t('电子商务平台经营者', 'An e-commerce platform')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="phone" label={t('联系电话（选填）', 'Phone (optional)')} style={{ flex: '1 1 200px' }}>
            <Input maxLength={30} inputMode="tel" />
          </Form.Item>
          <Form.Item name="address" label={t('经营地址（选填）', 'Address (optional)')} style={{ flex: '2 1 280px' }}>
            <Input maxLength={200} />
          </Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
}
