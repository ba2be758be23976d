import { ReloadOutlined } from '@ant-design/icons';
import { Button, Flex, Segmented, Select, Tooltip } from 'antd';
import { lazy, Suspense } from 'react';
import { useLang } from '../lib/i18n';
import type { Filters } from './filters';
import type { Area, Category } from '../api/types';

const PeriodPicker = lazy(() => import('./period-picker'));

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
  const areaKinds = (zone: boolean) =>
    props.areas.filter((a) => (a.kind === 'zone') === zone).map((a) => ({ value: a.code, label: a.name }));
  const categoryGroup = (group: Category['group']) =>
    props.categories.filter((c) => c.group === group).map((c) => ({ value: c.code, label: c.name }));

  return (
    <Flex wrap gap={12} align="center" className="wq-filters" data-testid="filters">
      <label className="wq-filter">
        <span>{t('统计期间', 'Period')}</span>
        <Suspense
          fallback={
            // The same box until the picker's code is in (a chunk of its own, off the path to the first figures).
            <span className="wq-period-fallback">
              {f.from} → {f.to}
            </span>
          }
        >
          <PeriodPicker from={f.from} to={f.to} onChange={(from, to) => set({ from, to })} />
        </Suspense>
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
