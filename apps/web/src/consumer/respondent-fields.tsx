import { Col, Form, Input, Row, Select, Switch } from 'antd';
import { useLang } from '../lib/i18n';
import type { Directory } from './directory';

/**
 * The business complained about: name, credit code, area, the venue it sits in (a mall, a scenic
 * spot, a market, a platform: its station may settle the matter on the spot), its address, and for
 * an online seller the platform.
 */
export function RespondentFields({ directory }: { directory: Directory | null }) {
  const { t } = useLang();
  const online = Form.useWatch<boolean | undefined>(['respondent', 'online']);
  const areaName = new Map(directory?.areas.map((a) => [a.code, a.name]) ?? []);
  const venueGroups = (directory?.areas ?? [])
    .map((a) => ({
      label: a.name,
      title: a.name,
      options: directory!.venues.filter((v) => v.areaCode === a.code).map((v) => ({ value: v.code, label: v.name })),
    }))
    .filter((g) => g.options.length > 0);

  return (
    <>
      <Form.Item
        name={['respondent', 'name']}
        label={t('经营者名称', 'Business name')}
        tooltip={t('营业执照上的名称，或店铺招牌、网店名称', 'As on its business licence, or the shop sign or online shop name')}
        rules={[{ required: true, whitespace: true, message: t('请填写被投诉经营者名称', 'Enter the business name') }]}
      >
        <Input maxLength={100} placeholder={t('如：聊城市某某餐饮有限公司', 'e.g. Weixiangyuan Restaurant')} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item
            name={['respondent', 'areaCode']}
            label={t('所在区县', 'County or district')}
            rules={[{ required: true, message: t('请选择经营者所在区县', 'Choose the area the business is in') }]}
          >
            <Select
              placeholder={t('请选择', 'Choose')}
              loading={!directory}
              options={directory?.areas.map((a) => ({ value: a.code, label: a.name }))}
              data-testid="area-select"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name={['respondent', 'venueCode']}
            label={t('所在场所（选填）', 'Venue (optional)')}
            tooltip={t(
              '经营者在商场、景区、市场或平台内的，请选择，可由场所内的服务站就近处理',
              'If the business is inside a mall, scenic spot, market or platform, choose it: the station there can handle it on the spot',
            )}
          >
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('可搜索商场、景区、市场', 'Search malls, markets…')}
              loading={!directory}
              options={venueGroups}
              notFoundContent={t('没有找到，可不选', 'Not found; you may leave it empty')}
              data-testid="venue-select"
              labelRender={({ value, label }) => {
                const v = directory?.venues.find((x) => x.code === value);
                return v ? `${v.name}（${areaName.get(v.areaCode) ?? v.areaCode}）` : label;
              }}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name={['respondent', 'address']}
        label={t('经营地址', 'Business address')}
        rules={[{ required: true, whitespace: true, message: t('请填写经营者地址', 'Enter the business address') }]}
      >
        <Input maxLength={200} placeholder={t('如：东昌府区东昌路 88 号', 'e.g. 88 Dongchang Road')} />
      </Form.Item>
      <Form.Item
        name={['respondent', 'creditCode']}
        label={t('统一社会信用代码（选填）', 'Unified social credit code (optional)')}
        normalize={(v: string) => v?.toUpperCase()}
      >
        <Input
          maxLength={18}
          autoComplete="off"
          placeholder={t('18 位，见营业执照或发票；不知道可不填', 'On the licence or invoice; may be empty')}
        />
      </Form.Item>
      <Form.Item
        name={['respondent', 'online']}
        label={t('网店或网络平台经营者', 'Online shop or platform')}
        valuePropName="checked"
        className="switch-item"
      >
        <Switch aria-label={t('网店或网络平台经营者', 'Online shop or platform')} />
      </Form.Item>
      {online && (
        <Form.Item
          name={['respondent', 'platformName']}
          label={t('平台名称', 'Platform name')}
          rules={[{ required: true, whitespace: true, message: t('请填写购买所在的平台', 'Enter the platform you bought on') }]}
        >
          <Input maxLength={100} placeholder={t('如：淘宝、京东、抖音、美团', 'e.g. Taobao, JD, Douyin, Meituan')} />
        </Form.Item>
      )}
    </>
  );
}
