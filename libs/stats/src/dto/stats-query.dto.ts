import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsDefined, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { bilingual, WholeNumber } from '@weiquan/core';
import { SERIES_METRICS } from '../metrics';
import { CHANNELS } from '../stat-event';

const t = bilingual;
const Bool = () => Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value));
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The filters every /stats endpoint takes. */
export class StatsFilterQuery {
  @ApiPropertyOptional({
    description: "起始日（含），默认当年 1 月 1 日 / first day, default 1 January of `to`'s year",
    example: '2026-01-01',
  })
  @IsOptional()
  @IsString(t('应为日期 YYYY-MM-DD', 'must be a date YYYY-MM-DD'))
  @Matches(DATE, t('应为日期 YYYY-MM-DD', 'must be a date YYYY-MM-DD'))
  from?: string;

  @ApiPropertyOptional({
    description: '截止日（含），默认今天；晚于今天时按今天计 / last day, default today (China time); a later day counts as today',
    example: '2026-12-31',
  })
  @IsOptional()
  @IsString(t('应为日期 YYYY-MM-DD', 'must be a date YYYY-MM-DD'))
  @Matches(DATE, t('应为日期 YYYY-MM-DD', 'must be a date YYYY-MM-DD'))
  to?: string;

  @ApiPropertyOptional({ description: "被投诉人所在县级区划代码 / the respondent's county code", example: '371502' })
  @IsOptional()
  @IsString(t('应为 6 位区划代码', 'must be a 6-digit area code'))
  @Matches(/^\d{6}$/, t('应为 6 位区划代码', 'must be a 6-digit area code'))
  areaCode?: string;

  @ApiPropertyOptional({ example: 'catering' })
  @IsOptional()
  @IsString(t('应为文本', 'must be text'))
  @MaxLength(40, t('最多 40 个字符', 'at most 40 characters'))
  categoryCode?: string;

  @ApiPropertyOptional({ description: '服务站或监管部门代码 / station or regulator code' })
  @IsOptional()
  @IsString(t('应为文本', 'must be text'))
  @MaxLength(32, t('最多 32 个字符', 'at most 32 characters'))
  unit?: string;

  @ApiPropertyOptional({ enum: ['complaint', 'report'] })
  @IsOptional()
  @IsIn(['complaint', 'report'], t('应为 complaint 或 report', 'must be complaint or report'))
  track?: 'complaint' | 'report';

  @ApiPropertyOptional({ enum: CHANNELS, description: '购买渠道（unknown：未填写）/ purchase channel (unknown: not given)' })
  @IsOptional()
  @IsIn(CHANNELS, t(`应为：${CHANNELS.join('、')}`, `must be one of ${CHANNELS.join(', ')}`))
  channel?: string;

  @ApiPropertyOptional({ description: '预付式消费 / prepaid' })
  @IsOptional()
  @Bool()
  @IsBoolean(t('应为 true 或 false', 'must be true or false'))
  prepaid?: boolean;
}

export class TimeseriesQuery extends StatsFilterQuery {
  @ApiProperty({ enum: SERIES_METRICS })
  @IsDefined(t('请指定指标', 'metric is required'))
  @IsIn(SERIES_METRICS, t(`指标应为：${SERIES_METRICS.join('、')}`, `must be one of ${SERIES_METRICS.join(', ')}`))
  metric: (typeof SERIES_METRICS)[number];

  @ApiPropertyOptional({ enum: ['day', 'week', 'month'], default: 'month' })
  @IsOptional()
  @IsIn(['day', 'week', 'month'], t('应为 day、week 或 month', 'must be day, week or month'))
  interval?: 'day' | 'week' | 'month';
}

const HOTSPOTS_BY = ['respondent', 'category', 'area', 'channel', 'prepaid', 'issueType'] as const;

export class HotspotsQuery extends StatsFilterQuery {
  @ApiProperty({
    enum: HOTSPOTS_BY,
    description:
      'respondent：被投诉人排行；category、area：类别、区域；channel：购买渠道；prepaid：预付式消费与否；issueType：问题类型（后三者按单位统计时不可用）/ ' +
      'respondents; categories; areas; purchase channels; prepaid or not; issue types (the last three and area not when cut by unit)',
  })
  @IsDefined(t('请指定 by', 'by is required'))
  @IsIn(HOTSPOTS_BY, t(`应为：${HOTSPOTS_BY.join('、')}`, `must be one of ${HOTSPOTS_BY.join(', ')}`))
  by: (typeof HOTSPOTS_BY)[number];

  @ApiPropertyOptional({ default: 10, minimum: 1, maximum: 100 })
  @IsOptional()
  @WholeNumber(1, 100)
  limit?: number;
}

export const EXPORT_ROWS = ['month', 'area', 'category', 'unit', 'venue', 'channel', 'prepaid', 'issueType'] as const;

export class ExportQuery extends StatsFilterQuery {
  @ApiPropertyOptional({ enum: ['csv', 'xlsx'], default: 'csv' })
  @IsOptional()
  @IsIn(['csv', 'xlsx'], t('应为 csv 或 xlsx', 'must be csv or xlsx'))
  format?: 'csv' | 'xlsx';

  @ApiPropertyOptional({
    enum: EXPORT_ROWS,
    default: 'month',
    description:
      '每行一个：月份、区域、类别、单位、场所（场所内服务站之和）、购买渠道、预付式消费与否或问题类型 / ' +
      'one row per month, area, category, unit, venue (its stations summed), purchase channel, prepaid or not, or issue type',
  })
  @IsOptional()
  @IsIn(EXPORT_ROWS, t(`应为：${EXPORT_ROWS.join('、')}`, `must be one of ${EXPORT_ROWS.join(', ')}`))
  by?: (typeof EXPORT_ROWS)[number];
}
