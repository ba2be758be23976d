import { ReloadOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Segmented, Select, Tooltip } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useLang } from '../lib/i18n';
import type { Filters } from './filters';
import { chinaToday } from './filters';
import type { Area, Category } from '../api/types';

const FMT = 'YYYY-MM-DD';

/** Period, area, category and track; every change goes to the URL query. */
export function FiltersBar(props: {
  filters: Filters;
  set: (patch: Partial<Filters>) => void;
  reset: () => void;
  isDefault: boolean;
  areas: Area[];
  categories: Category[];
  /** A unit-scoped role's figures are cut by unit, which has no area (the API answers 400). */
  areaAllowed: boolean;
  onRefresh: () => void;
  refreshing: boolean;
}) {
  const { t } = useLang();
  const { filters: f, set } = props;
  const today = dayjs(chinaToday());
  const presets: { label: string; value: [Dayjs, Dayjs] }[] = [
    { label: t('今年', 'This year'), value: [today.startOf('year'), today] },
    { label: t('本月', 'This month'), value: [today.startOf('month'), today] },
    { label: t('近 30 天', 'Last 30 days'), value: [today.subtract(29, 'day'), today] },
    { label: t('近 12 个月', 'Last 12 months'), value: [today.subtract(11, 'month').startOf('month'), today] },
    { label: t('去年', 'Last year'), value: [today.subtract(1, 'year').startOf('year'), today.subtract(1, 'year').endOf('year')] },
  ];
  const areaKinds = (zone: boolean) =>
    props.areas.filter((a) => (a.kind === 'zone') === zone).map((a) => ({ value: a.code, label: a.name }));
  const categoryGroup = (group: Category['group']) =>
    props.categories.filter((c) => c.group === group).map((c) => ({ value: c.code, label: c.name }));

  return (
    <Flex wrap gap={12} align="center" className="wq-filters" data-testid="filters">
      <label className="wq-filter">
        <span>{t('统计期间', 'Period')}</span>
        <DatePicker.RangePicker
          allowClear={false}
          value={[dayjs(f.from), dayjs(f.to)]}
          presets={presets}
          disabledDate={(d) => d.isAfter(today, 'day')}
          onChange={(v) => v?.[0] && v[1] && set({ from: v[0].format(FMT), to: v[1].format(FMT) })}
          aria-label={t('统计期间', 'Period')}
          style={{ width: 250 }}
        />
      </label>
      {props.areaAllowed && (
        <label className="wq-filter">
          <span>{t('区域', 'Area')}</span>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('全市', 'Whole city')}
            value={f.area ?? undefined}
            onChange={(v) => set({ area: v ?? null })}
            options={[
              { label: t('县（市、区）', 'Counties and districts'), options: areaKinds(false) },
              { label: t('功能区', 'Development zones'), options: areaKinds(true) },
            ]}
            style={{ width: 190 }}
            popupMatchSelectWidth={240}
            aria-label={t('区域', 'Area')}
            data-testid="filter-area"
          />
        </label>
      )}
      <label className="wq-filter">
        <span>{t('类别', 'Category')}</span>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('全部类别', 'All categories')}
          value={f.category ?? undefined}
          onChange={(v) => set({ category: v ?? null })}
          options={[
            { label: t('服务类', 'Services'), options: categoryGroup('service') },
            { label: t('商品类', 'Goods'), options: categoryGroup('goods') },
          ]}
          style={{ width: 190 }}
          popupMatchSelectWidth={240}
          aria-label={t('类别', 'Category')}
          data-testid="filter-category"
        />
      </label>
      <label className="wq-filter">
        <span>{t('类型', 'Track')}</span>
        <Segmented
          value={f.track ?? 'all'}
          onChange={(v) => set({ track: v === 'all' ? null : (v as 'complaint' | 'report') })}
          options={[
            { label: t('全部', 'All'), value: 'all' },
            { label: t('投诉', 'Complaints'), value: 'complaint' },
            { label: t('举报', 'Reports'), value: 'report' },
          ]}
          data-testid="filter-track"
        />
      </label>
      <Flex gap={8} style={{ marginInlineStart: 'auto' }}>
        {!props.isDefault && <Button onClick={props.reset}>{t('重置', 'Reset')}</Button>}
        <Tooltip title={t('刷新数据', 'Refresh')}>
          <Button
            icon={<ReloadOutlined />}
            loading={props.refreshing}
            onClick={props.onRefresh}
            aria-label={t('刷新数据', 'Refresh')}
            data-testid="refresh"
          />
        </Tooltip>
      </Flex>
    </Flex>
  );
}
