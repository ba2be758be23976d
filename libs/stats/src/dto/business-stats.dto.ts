import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { bilingual, WholeNumber } from '@weiquan/core';
import { PeriodDto, VenueInfoDto } from './stats-answers.dto';

const t = bilingual;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What the league table of businesses can be sorted by; `-` first: descending. */
const BUSINESS_SORT_FIELDS = [
  'received',
  'settledAtSource',
  'settlementRate',
  'escalated',
  'medianResponseWorkingDays',
  'answeredInTimeRate',
  'mediationSuccessRate',
] as const;
export type BusinessSortField = (typeof BUSINESS_SORT_FIELDS)[number];
const BUSINESS_SORTS = BUSINESS_SORT_FIELDS.flatMap((f) => [f, `-${f}`]);

/** `GET /stats/businesses`: the league table of enrolled businesses, or of venues (their tenants summed). */
export class BusinessStatsQuery {
  @ApiPropertyOptional({
    description: "起始日（含），默认当年 1 月 1 日 / first day, default 1 January of `to`'s year",
    example: '2026-01-01',
  })
  @IsOptional()
  @IsString(t('应为日期 YYYY-MM-DD', 'must be a date YYYY-MM-DD'))
  @Matches(DATE, t('应为日期 YYYY-MM-DD', 'must be a date YYYY-MM-DD'))
  from?: string;

  @ApiPropertyOptional({ description: '截止日（含），默认今天 / last day, default today (China time)', example: '2026-12-31' })
  @IsOptional()
  @IsString(t('应为日期 YYYY-MM-DD', 'must be a date YYYY-MM-DD'))
  @Matches(DATE, t('应为日期 YYYY-MM-DD', 'must be a date YYYY-MM-DD'))
  to?: string;

  @ApiPropertyOptional({ description: '经营者登记的县级区划代码 / the area the business is enrolled in', example: '371502' })
  @IsOptional()
  @IsString(t('应为 6 位区划代码', 'must be a 6-digit area code'))
  @Matches(/^\d{6}$/, t('应为 6 位区划代码', 'must be a 6-digit area code'))
  areaCode?: string;

  @ApiPropertyOptional({ description: '场所代码：该场所内的经营者 / a venue: its tenants', example: 'V-371502-001' })
  @IsOptional()
  @IsString(t('应为文本', 'must be text'))
  @MaxLength(32, t('最多 32 个字符', 'at most 32 characters'))
  venueCode?: string;

  @ApiPropertyOptional({
    enum: ['business', 'venue'],
    default: 'business',
    description: '每行一个经营者，或一个场所（其内经营者之和）/ one row per business, or per venue (its tenants summed)',
  })
  @IsOptional()
  @IsIn(['business', 'venue'], t('应为 business 或 venue', 'must be business or venue'))
  by?: 'business' | 'venue';

  @ApiPropertyOptional({
    enum: BUSINESS_SORTS,
    default: '-received',
    description: '排序字段，前加 - 为降序；无数据（null）总在最后 / the field to sort by, - for descending; nulls always last',
  })
  @IsOptional()
  @IsIn(BUSINESS_SORTS, t(`应为：${BUSINESS_SORTS.join('、')}`, `must be one of ${BUSINESS_SORTS.join(', ')}`))
  sort?: string;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 500 })
  @IsOptional()
  @WholeNumber(1, 500)
  limit?: number;
}

const rate = (description: string) => ({ type: Number, nullable: true, example: 0.8571, description }) as const;

/** A business's (or a venue's tenants') figures for the period (docs/METRICS.md "Businesses"). */
class BusinessFiguresDto {
  @ApiProperty({
    type: Number,
    description: '收到的协商和解案件（分派或服务站转交）/ settlement cases received (routed or passed on by a station)',
  })
  received: number;
  @ApiProperty({ type: Number, description: '首次答复（方案或不同意）/ first answers (an offer or a refusal)' }) answered: number;
  @ApiProperty({
    type: Number,
    description: '源头化解（经营者处理中，消费者接受方案）/ settled at the source while the business held the case',
  })
  settledAtSource: number;
  @ApiProperty({ type: String, example: '1280.50', description: '源头化解金额（元）/ amount settled, yuan' }) settledAmount: string;
  @ApiProperty({ type: Number, description: '转为正式投诉（合计）/ escalated to the formal complaint, all causes' }) escalated: number;
  @ApiProperty({ type: Number, description: '经营者不同意 / the business declined' }) escalatedDeclined: number;
  @ApiProperty({ type: Number, description: '经营者逾期未答复 / the business did not answer in time' }) escalatedNoAnswer: number;
  @ApiProperty({
    type: Number,
    description: '消费者不接受方案或选择正式投诉 / the consumer rejected the offer, chose the formal complaint, or let it lapse',
  })
  escalatedConsumer: number;
  @ApiProperty({ type: Number, description: '和解方案未履行（源头化解已扣回）/ offer not delivered (its settlement taken back)' })
  escalatedNotDelivered: number;
  @ApiProperty({ type: Number, description: '其他原因 / other causes' }) escalatedOther: number;
  @ApiProperty({ type: Number, description: '协商和解结果：源头化解 + 转为正式投诉 / settlement outcomes: settled + escalated' })
  concluded: number;
  @ApiProperty(rate('源头化解率：源头化解 ÷（源头化解 + 转为正式投诉）/ settled ÷ (settled + escalated)')) settlementRate: number | null;
  @ApiProperty({ type: Number, description: '所在场所服务站接手 / taken over by the venue’s station' }) steppedIn: number;
  @ApiProperty({ type: Number, description: '计入答复时长的案件：首次答复 + 逾期未答复 / responses counted: first answers + not answered' })
  responses: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 2,
    description:
      '答复用时中位数（工作日，0–10）；无答复为 null；超过 10 个工作日或未答复时为 null 且 medianResponseOverTenWorkingDays 为 true / median working days to the first answer (0–10); null when none, or when beyond 10',
  })
  medianResponseWorkingDays: number | null;
  @ApiProperty({ type: Boolean, description: '中位数超过 10 个工作日（含未答复）/ the median is beyond 10 working days (or never)' })
  medianResponseOverTenWorkingDays: boolean;
  @ApiProperty(
    rate('10 个工作日内答复的比例（未答复计入分母）/ share answered within 10 working days (not answered counts below the line)'),
  )
  answeredInTimeRate: number | null;
  @ApiProperty({ type: Number, description: '正式投诉调解结束（成功 + 终止）/ formal-stage mediations concluded' })
  mediationConcluded: number;
  @ApiProperty({ type: Number, description: '调解成功 / mediations successful' }) mediationSuccessful: number;
  @ApiProperty(rate('调解成功率 / mediation success rate')) mediationSuccessRate: number | null;
}

export class BusinessInfoDto {
  @ApiProperty({ type: String, example: '91371502MA3C8X2Q13', description: '统一社会信用代码 / unified social credit code' })
  creditCode: string;
  @ApiProperty({ type: String, nullable: true, example: '聊城市某某餐饮有限公司' }) name: string | null;
  @ApiProperty({ type: String, nullable: true, example: '371502' }) areaCode: string | null;
  @ApiProperty({ type: VenueInfoDto, nullable: true, description: '所在场所 / the venue it is a tenant of' }) venue: VenueInfoDto | null;
  @ApiProperty({ type: Boolean, description: '在线纠纷解决未暂停 / online dispute resolution not suspended' }) odrActive: boolean;
}

export class BusinessStatsRowDto extends BusinessFiguresDto {
  @ApiProperty({ type: BusinessInfoDto }) business: BusinessInfoDto;
}

export class VenueBusinessStatsRowDto extends BusinessFiguresDto {
  @ApiProperty({ type: VenueInfoDto }) venue: VenueInfoDto;
  @ApiProperty({ type: [String], description: '场所内有数据的经营者（信用代码）/ the tenants with figures in the period (credit codes)' })
  businesses: string[];
}

class BusinessStatsAnswerBase {
  @ApiProperty({ type: PeriodDto }) period: PeriodDto;
  @ApiProperty({ type: String, nullable: true, description: '实际读取的区域（按调用者范围）/ the area read (within the caller’s scope)' })
  areaCode: string | null;
  @ApiProperty({ type: String, nullable: true, description: '实际读取的场所（按调用者范围）/ the venue read (within the caller’s scope)' })
  venueCode: string | null;
  @ApiProperty({ type: String, example: '-received' }) sort: string;
  @ApiProperty({ type: Number, description: '截取前的行数 / rows before the limit' }) total: number;
}

export class BusinessStatsDto extends BusinessStatsAnswerBase {
  @ApiProperty({ enum: ['business'] }) by: 'business';
  @ApiProperty({ type: [BusinessStatsRowDto] }) items: BusinessStatsRowDto[];
}

export class VenueBusinessStatsDto extends BusinessStatsAnswerBase {
  @ApiProperty({ enum: ['venue'] }) by: 'venue';
  @ApiProperty({ type: [VenueBusinessStatsRowDto] }) items: VenueBusinessStatsRowDto[];
}
