import { DatePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useLang } from '../lib/i18n';
import { chinaToday } from './filters';

const FMT = 'YYYY-MM-DD';

/** The period's range picker, with the usual periods as presets; days after today (China time) cannot be picked. */
export default function PeriodPicker(props: { from: string; to: string; onChange: (from: string, to: string) => void }) {
  const { t } = useLang();
  const today = dayjs(chinaToday());
  const presets: { label: string; value: [Dayjs, Dayjs] }[] = [
    { label: t('今年', 'This year'), value: [today.startOf('year'), today] },
    { label: t('本月', 'This month'), value: [today.startOf('month'), today] },
    { label: t('近 30 天', 'Last 30 days'), value: [today.subtract(29, 'day'), today] },
    { label: t('近 12 个月', 'Last 12 months'), value: [today.subtract(11, 'month').startOf('month'), today] },
    { label: t('去年', 'Last year'), value: [today.subtract(1, 'year').startOf('year'), today.subtract(1, 'year').endOf('year')] },
  ];
  return (
    <DatePicker.RangePicker
      allowClear={false}
      value={[dayjs(props.from), dayjs(props.to)]}
      presets={presets}
      disabledDate={(d) => d.isAfter(today, 'day')}
      onChange={(v) => v?.[0] && v[1] && props.onChange(v[0].format(FMT), v[1].format(FMT))}
      aria-label={t('统计期间', 'Period')}
      style={{ width: 250 }}
    />
  );
}
