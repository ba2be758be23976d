import { ApiProperty } from '@nestjs/swagger';
import { SERIES_METRICS } from '../metrics';

/**
 * What the /stats endpoints answer (stats.service.ts; docs/METRICS.md defines each figure). Rates
 * are 0–1 with four decimals, null when nothing was counted below the line; money is yuan with two
 * decimals, as text.
 */

const rate = (description: string) => ({ type: Number, nullable: true, example: 0.9512, description }) as const;
const CUT = {
  enum: ['city', 'unit'],
  description: 'city：全市（区域汇总）；unit：按单位（指定单位、本单位角色或单位排行）/ the whole city, or cut by unit',
} as const;

export class PeriodDto {
  @ApiProperty({ type: String, format: 'date', example: '2026-01-01' }) from: string;
  @ApiProperty({ type: String, format: 'date', example: '2026-12-31' }) to: string;
}

class MetricsDto {
  @ApiProperty({ type: Number, description: '收到（按单位：分派到该单位的）/ received (cut by unit: reached the unit)' }) received: number;
  @ApiProperty({ type: Number }) accepted: number;
  @ApiProperty({ type: Number }) refused: number;
  @ApiProperty({ type: Number }) resolved: number;
  @ApiProperty({ type: Number }) terminated: number;
  @ApiProperty({ type: Number }) closed: number;
  @ApiProperty({ type: Number }) withdrawn: number;
  @ApiProperty(rate('按时受理率 / on-time acceptance rate')) onTimeAcceptanceRate: number | null;
  @ApiProperty(rate('调解成功率 / mediation success rate')) mediationSuccessRate: number | null;
  @ApiProperty({ type: String, example: '1280.50', description: '挽回经济损失（元）/ recovered for consumers, yuan' }) recovered: string;
  @ApiProperty({ type: Number, nullable: true, example: 4.2, description: '平均办理工作日 / average working days to conclude' })
  averageHandlingWorkingDays: number | null;
  @ApiProperty(rate('满意率 / satisfaction rate')) satisfactionRate: number | null;
  @ApiProperty(rate('回访率 / follow-up rate')) followUpRate: number | null;
  @ApiProperty({ type: Number }) reportsOpened: number;
  @ApiProperty({ type: Number }) reportsNotOpened: number;
  @ApiProperty(rate('举报人按时告知率 / reporters told on time')) reporterNotifiedOnTimeRate: number | null;
}

export class SummaryDto extends MetricsDto {
  @ApiProperty({ type: PeriodDto }) period: PeriodDto;
  @ApiProperty(CUT) cut: string;
  @ApiProperty({ type: Number, description: '当前在办 / open now' }) open: number;
  @ApiProperty({ type: Number, description: '当前超期 / overdue now' }) overdue: number;
  @ApiProperty({ type: String, format: 'date', description: '在办与超期的日期 / the day open and overdue are counted on' }) asOf: string;
}

export class SeriesPointDto {
  @ApiProperty({
    type: String,
    format: 'date',
    description: '日、周（周一）或月（1 日）的起始日 / the first day of the day, week or month',
  })
  period: string;
  @ApiProperty({
    oneOf: [{ type: 'number' }, { type: 'string' }],
    nullable: true,
    description: 'recovered 为元（文本），比率 0–1 或 null，其余为计数 / recovered: yuan as text; rates 0–1 or null; counts',
  })
  value: number | string | null;
}

export class TimeseriesDto {
  @ApiProperty({ enum: SERIES_METRICS, enumName: 'SeriesMetric' }) metric: string;
  @ApiProperty({ enum: ['day', 'week', 'month'], enumName: 'Interval' }) interval: string;
  @ApiProperty({ type: PeriodDto }) period: PeriodDto;
  @ApiProperty(CUT) cut: string;
  @ApiProperty({ type: [SeriesPointDto] }) points: SeriesPointDto[];
}

export class BreakdownItemDto extends MetricsDto {
  @ApiProperty({ type: String, example: '371502', description: '区域或类别代码 / the area or category code' }) code: string;
  @ApiProperty({ type: String, nullable: true, example: '东昌府区' }) name: string | null;
}

export class BreakdownDto {
  @ApiProperty({ enum: ['area', 'category'] }) by: 'area' | 'category';
  @ApiProperty({ type: PeriodDto }) period: PeriodDto;
  @ApiProperty(CUT) cut: string;
  @ApiProperty({ type: [BreakdownItemDto] }) items: BreakdownItemDto[];
}

export class HotspotRespondentDto {
  @ApiProperty({ type: String, example: 'uscc:91371500MA3C8X2Q16', description: '信用代码或规范化名称 / credit code or normalised name' })
  key: string;
  @ApiProperty({ type: String, nullable: true, example: '91371500MA3C8X2Q16' }) creditCode: string | null;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty({ type: String, nullable: true }) areaCode: string | null;
}

export class RespondentItemDto {
  @ApiProperty({ type: HotspotRespondentDto }) respondent: HotspotRespondentDto;
  @ApiProperty({ type: Number }) received: number;
  @ApiProperty({ type: Number }) complaints: number;
  @ApiProperty({ type: Number }) reports: number;
  @ApiProperty({ type: Number }) accepted: number;
  @ApiProperty({ type: Number }) refused: number;
  @ApiProperty({ type: Number }) resolved: number;
  @ApiProperty({ type: Number }) terminated: number;
  @ApiProperty({ type: Number }) withdrawn: number;
  @ApiProperty({ type: String, example: '1280.50' }) recovered: string;
  @ApiProperty({ type: Number }) reportsOpened: number;
  @ApiProperty(rate('调解成功率 / mediation success rate')) mediationSuccessRate: number | null;
}

export class RespondentHotspotsDto {
  @ApiProperty({ enum: ['respondent'] }) by: string;
  @ApiProperty({ type: PeriodDto, description: '扩展到所涉及的整月 / widened to the whole months it touches' }) period: PeriodDto;
  @ApiProperty(CUT) cut: string;
  @ApiProperty({ type: [RespondentItemDto] }) items: RespondentItemDto[];
}

export class UnitInfoDto {
  @ApiProperty({ type: String, example: 'ST-371502-001' }) code: string;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['station', 'regulator'] }) type: string | null;
  @ApiProperty({ type: String, nullable: true }) areaCode: string | null;
}

export class UnitRowDto extends MetricsDto {
  @ApiProperty({ type: UnitInfoDto }) unit: UnitInfoDto;
  @ApiProperty({ type: Number, description: '当前在办 / open now' }) load: number;
  @ApiProperty({ type: Number, description: '当前超期 / overdue now' }) overdue: number;
}

export class UnitsDto {
  @ApiProperty({ type: PeriodDto }) period: PeriodDto;
  @ApiProperty({ type: String, format: 'date' }) asOf: string;
  @ApiProperty({ type: [UnitRowDto] }) items: UnitRowDto[];
}
