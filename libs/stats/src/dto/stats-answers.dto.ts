import { ApiProperty } from '@nestjs/swagger';
import type { ApiPropertyOptions } from '@nestjs/swagger';
import { COMPARED } from '../comparison.rules';
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
  @ApiProperty({ type: Number, description: '其中投诉（与举报分列）/ of received, complaints (reports apart)' }) complaints: number;
  @ApiProperty({ type: Number, description: '其中举报 / of received, reports' }) reports: number;
  @ApiProperty({ type: Number }) accepted: number;
  @ApiProperty({ type: Number }) refused: number;
  @ApiProperty({ type: Number }) resolved: number;
  @ApiProperty({ type: Number }) terminated: number;
  @ApiProperty({ type: Number, description: '办结（含源头化解）/ closed, settlements at the source included' }) closed: number;
  @ApiProperty({ type: Number }) withdrawn: number;
  @ApiProperty(rate('按时受理率 / on-time acceptance rate')) onTimeAcceptanceRate: number | null;
  @ApiProperty(rate('调解成功率 / mediation success rate')) mediationSuccessRate: number | null;
  @ApiProperty({
    type: String,
    example: '1280.50',
    description: '挽回经济损失（元，调解成功）/ recovered for consumers in mediation, yuan (at the source: recoveredAtSource)',
  })
  recovered: string;
  @ApiProperty({ type: Number, nullable: true, example: 4.2, description: '平均办理工作日 / average working days to conclude' })
  averageHandlingWorkingDays: number | null;
  @ApiProperty(rate('满意率 / satisfaction rate')) satisfactionRate: number | null;
  @ApiProperty(rate('回访率 / follow-up rate')) followUpRate: number | null;
  @ApiProperty({ type: Number }) reportsOpened: number;
  @ApiProperty({ type: Number }) reportsNotOpened: number;
  @ApiProperty(rate('举报人按时告知率 / reporters told on time')) reporterNotifiedOnTimeRate: number | null;
  @ApiProperty({
    type: Number,
    description: '分派服务站协商和解（服务站收到的协商和解案件）/ settlement cases that reached a station',
  })
  settlementAssigned: number;
  @ApiProperty({ type: Number, description: '源头化解：消费者接受和解方案 / settled at the source: the consumer accepted the offer' })
  settled: number;
  @ApiProperty({
    type: Number,
    description: '转为正式投诉：离开协商和解阶段 / escalated: left the settlement stage for the formal complaint',
  })
  escalated: number;
  @ApiProperty(rate('源头化解率：源头化解 ÷（源头化解 + 转为正式投诉）/ settled ÷ (settled + escalated)'))
  settledAtSourceRate: number | null;
  @ApiProperty(rate('转为正式投诉率：转为正式投诉 ÷（源头化解 + 转为正式投诉）/ escalated ÷ (settled + escalated)'))
  escalationRate: number | null;
  @ApiProperty({
    type: String,
    example: '860.00',
    description:
      '源头化解挽回金额（元），与调解挽回（recovered）分列 / recovered by settlements at the source, yuan (mediation: recovered)',
  })
  recoveredAtSource: string;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 3.5,
    description: '平均和解用时（工作日，自收到起）/ average working days from receipt to settlement',
  })
  averageSettlementWorkingDays: number | null;
}

const VALUE: ApiPropertyOptions = {
  oneOf: [{ type: 'number' }, { type: 'string' }],
  nullable: true,
  description: '比较期间的值（金额为元，文本）/ the figure in that period (money: yuan as text)',
};
const CHANGE = (what: string) =>
  ({
    type: Number,
    nullable: true,
    description: `${what}：计数与金额为相对变化（0.125 即 +12.5%），比率为百分点之差（0.021 即 +2.1 个百分点）；无基数时为 null / counts and amounts: relative change; rates: difference in points; null when there is no base`,
  }) as const;

class ChangeDto {
  @ApiProperty(VALUE) previous: number | string | null;
  @ApiProperty(CHANGE('环比 / period on period')) periodOnPeriod: number | null;
  @ApiProperty(VALUE) lastYear: number | string | null;
  @ApiProperty(CHANGE('同比 / year on year')) yearOnYear: number | null;
}

/** One ChangeDto per compared figure (comparison.rules.ts COMPARED). */
export class ChangesDto {}
for (const name of Object.keys(COMPARED)) {
  ApiProperty({ type: ChangeDto })(ChangesDto.prototype, name);
}

export class ComparisonDto {
  @ApiProperty({
    type: PeriodDto,
    description:
      '环比期间：从某月 1 日起的期间比较其前相同的月数（11 月 1–15 日比 10 月 1–15 日），其余比较其前相同的天数 / the months (or days) just before',
  })
  previous: PeriodDto;
  @ApiProperty({ type: PeriodDto, description: '同比期间：上一年的同一期间 / the same days a year earlier' }) lastYear: PeriodDto;
  @ApiProperty({ type: ChangesDto }) changes: ChangesDto;
}

export class SummaryDto extends MetricsDto {
  @ApiProperty({ type: PeriodDto }) period: PeriodDto;
  @ApiProperty(CUT) cut: string;
  @ApiProperty({ type: Number, description: '当前在办 / open now' }) open: number;
  @ApiProperty({ type: Number, description: '当前超期 / overdue now' }) overdue: number;
  @ApiProperty({ type: String, format: 'date', description: '在办与超期的日期 / the day open and overdue are counted on' }) asOf: string;
  @ApiProperty({ type: ComparisonDto, description: '环比与同比 / period on period and year on year' }) comparison: ComparisonDto;
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
  @ApiProperty({
    type: String,
    example: '371502',
    description:
      '区域、类别、购买渠道（unknown：未填写）、预付式消费（true/false）或问题类型（unknown：未填写）代码 / the area, category, channel, prepaid (true/false) or issue type code',
  })
  code: string;
  @ApiProperty({ type: String, nullable: true, example: '东昌府区' }) name: string | null;
}

export class BreakdownDto {
  @ApiProperty({ enum: ['area', 'category', 'channel', 'prepaid', 'issueType'] }) by: string;
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
  @ApiProperty({ type: Number, description: '源头化解 / settled at the source' }) settled: number;
  @ApiProperty(rate('调解成功率 / mediation success rate')) mediationSuccessRate: number | null;
}

export class RespondentHotspotsDto {
  @ApiProperty({ enum: ['respondent'] }) by: string;
  @ApiProperty({ type: PeriodDto, description: '扩展到所涉及的整月 / widened to the whole months it touches' }) period: PeriodDto;
  @ApiProperty(CUT) cut: string;
  @ApiProperty({ type: [RespondentItemDto] }) items: RespondentItemDto[];
}

export class VenueInfoDto {
  @ApiProperty({ type: String, example: 'V-371502-001' }) code: string;
  @ApiProperty({ type: String, nullable: true, example: '聊城金鼎购物中心' }) name: string | null;
  @ApiProperty({ type: String, nullable: true }) areaCode: string | null;
}

export class UnitInfoDto {
  @ApiProperty({ type: String, example: 'ST-371502-001' }) code: string;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['station', 'regulator'] }) type: string | null;
  @ApiProperty({ type: String, nullable: true }) areaCode: string | null;
  @ApiProperty({
    type: VenueInfoDto,
    nullable: true,
    description: '服务站所在场所（商场、景区、市场…）；监管部门和不在场所内的服务站为 null / the venue a station is at',
  })
  venue: VenueInfoDto | null;
}

export class UnitRowDto extends MetricsDto {
  @ApiProperty({ type: UnitInfoDto }) unit: UnitInfoDto;
  @ApiProperty({ type: Number, description: '当前在办 / open now' }) load: number;
  @ApiProperty({ type: Number, description: '当前超期 / overdue now' }) overdue: number;
}

export class VenueRowDto extends MetricsDto {
  @ApiProperty({ type: VenueInfoDto }) venue: VenueInfoDto;
  @ApiProperty({ type: [String], description: '场所内有数据的服务站 / the stations of the venue in the table' }) stations: string[];
  @ApiProperty({ type: Number, description: '当前在办 / open now' }) load: number;
  @ApiProperty({ type: Number, description: '当前超期 / overdue now' }) overdue: number;
}

export class UnitsDto {
  @ApiProperty({ type: PeriodDto }) period: PeriodDto;
  @ApiProperty({ type: String, format: 'date' }) asOf: string;
  @ApiProperty({ type: [UnitRowDto] }) items: UnitRowDto[];
  @ApiProperty({
    type: [VenueRowDto],
    description:
      '按场所汇总：场所内各服务站（items 中的行）之和 / per venue: the sum of its stations in items (stations not at a venue, and regulators, are in no row)',
  })
  venues: VenueRowDto[];
}
