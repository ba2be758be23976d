import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Select, Space } from 'antd';
import { useState } from 'react';
import { ApiError, download } from '../lib/api';
import { useLang } from '../lib/i18n';
import type { Filters } from './filters';
import { statsQuery } from './filters';

type By = 'month' | 'area' | 'category' | 'unit' | 'venue' | 'issueType' | 'channel' | 'prepaid';
/** Rows the API cuts from the area rollups only: not for a unit-scoped role's figures. */
const CITY_ONLY: By[] = ['area', 'issueType', 'channel', 'prepaid'];
const NAMES: Record<By, string> = {
  month: '月份',
  area: '区域',
  category: '类别',
  unit: '单位',
  venue: '场所',
  issueType: '问题类型',
  channel: '购买渠道',
  prepaid: '预付式消费',
};

/**
 * CSV (UTF-8 with BOM, opens in Excel) or XLSX of the filtered figures, one row per month, area,
 * category, unit, venue, issue type, purchase channel or prepaid; the file records the filters and
 * is named in Chinese by the API (Content-Disposition), the name below being the fallback.
 */
export function ExportButtons({ filters, areaAllowed }: { filters: Filters; areaAllowed: boolean }) {
  const { t } = useLang();
  const { message } = App.useApp();
  const [by, setBy] = useState<By>('month');
  const [busy, setBusy] = useState<'csv' | 'xlsx' | null>(null);
  const effectiveBy: By = CITY_ONLY.includes(by) && !areaAllowed ? 'month' : by;

  async function run(format: 'csv' | 'xlsx') {
    setBusy(format);
    try {
      // Rows by unit (or venue: its stations summed) are figures cut by unit, which take no area.
      const byUnit = effectiveBy === 'unit' || effectiveBy === 'venue';
      const q = statsQuery(filters, { format, by: effectiveBy }, { area: areaAllowed && !byUnit });
      await download(`/stats/export?${q}`, `聊城市消费投诉统计_${filters.from}至${filters.to}_按${NAMES[effectiveBy]}.${format}`);
    } catch (e) {
      const status = e instanceof ApiError ? e.status : 0;
      message.error(
        status === 403
          ? t('无权导出这些统计数据', 'You may not export these figures')
          : t(`导出失败（${status || '网络错误'}）`, `Export failed (${status || 'network error'})`),
      );
    } finally {
      setBusy(null);
    }
  }

  return (
    <Space.Compact data-testid="export">
      <Select<By>
        value={effectiveBy}
        onChange={setBy}
        aria-label={t('导出方式', 'Rows by')}
        style={{ width: 128 }}
        popupMatchSelectWidth={150}
        options={[
          { value: 'month', label: t('按月份', 'By month') },
          { value: 'area', label: t('按区域', 'By area'), disabled: !areaAllowed },
          { value: 'category', label: t('按类别', 'By category') },
          { value: 'unit', label: t('按单位', 'By unit') },
          { value: 'venue', label: t('按场所', 'By venue') },
          { value: 'issueType', label: t('按问题类型', 'By issue type'), disabled: !areaAllowed },
          { value: 'channel', label: t('按购买渠道', 'By channel'), disabled: !areaAllowed },
          { value: 'prepaid', label: t('按预付式消费', 'By prepaid'), disabled: !areaAllowed },
        ]}
        data-testid="export-by"
      />
      <Button icon={<DownloadOutlined />} loading={busy === 'csv'} onClick={() => void run('csv')} data-testid="export-csv">
        {t('导出 CSV', 'CSV')}
      </Button>
      <Button icon={<DownloadOutlined />} loading={busy === 'xlsx'} onClick={() => void run('xlsx')} data-testid="export-xlsx">
        {t('导出 Excel', 'Excel')}
      </Button>
    </Space.Compact>
  );
}
