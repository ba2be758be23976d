import { Alert, App, Button, Card, Flex, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../lib/api';
import { useLang } from '../../lib/i18n';
import { showProblems } from './forms';
import type { Venue } from './forms';
import type { Area, Business } from '../../api/types';

interface EditValues {
  name: string;
  venueCode?: string | null;
  phone?: string;
  address?: string;
}
const EDIT_FIELDS = ['name', 'venueCode', 'phone', 'address'] as const;

/** Name, venue (within its area), phone and address; the credit code and the area are what it was enrolled by. */
export function EditCard({
  b,
  places,
  onChanged,
}: {
  b: Business;
  places: { areas: Area[]; venues: Venue[] };
  onChanged: (b: Business) => void;
}) {
  const { t } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditValues>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (v: EditValues) => {
    setBusy(true);
    setProblem(null);
    try {
      const x = await api<Business>(`/admin/businesses/${encodeURIComponent(b.creditCode)}`, {
        method: 'PATCH',
        body: { name: v.name.trim(), venueCode: v.venueCode || null, phone: v.phone?.trim() || null, address: v.address?.trim() || null },
      });
      message.success(t('已保存', 'Saved'));
      onChanged(x);
    } catch (e) {
      if (e instanceof ApiError && e.status === 400 && e.details.length) setProblem(showProblems(form, e, EDIT_FIELDS));
      else setProblem(e instanceof ApiError ? e.message : t('无法连接服务器，请重试', 'Cannot reach the server; try again'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('修改信息', 'Edit')}>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        disabled={busy}
        initialValues={{ name: b.name, venueCode: b.venueCode ?? undefined, phone: b.phone ?? '', address: b.address ?? '' }}
        onFinish={(v: EditValues) => void submit(v)}
      >
        <Form.Item
          name="name"
          label={t('经营者名称', 'Business name')}
          rules={[{ required: true, whitespace: true, message: t('请填写名称', 'Enter the name') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="venueCode" label={t('所在场所', 'Venue')}>
          <Select
            allowClear
            placeholder={t('不在任何场所', 'In no venue')}
            options={places.venues.filter((x) => x.areaCode === b.areaCode).map((x) => ({ value: x.code, label: x.name }))}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="phone" label={t('联系电话', 'Phone')} style={{ flex: '1 1 180px' }}>
            <Input maxLength={30} inputMode="tel" />
          </Form.Item>
          <Form.Item name="address" label={t('经营地址', 'Address')} style={{ flex: '2 1 260px' }}>
            <Input maxLength={200} />
          </Form.Item>
        </Flex>
        <Button htmlType="submit" loading={busy}>
          {t('保存', 'Save')}
        </Button>
      </Form>
    </Card>
  );
}
