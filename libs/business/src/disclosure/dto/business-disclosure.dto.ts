import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { bilingual, PageQuery } from '@weiquan/core';
import { DisclosedComplaintDto } from '@weiquan/complaints/dto/consumer-answers.dto';

const t = bilingual;
const rate = (description: string) => ({ type: Number, nullable: true, example: 0.8571, description }) as const;

/** `GET /disclosure/businesses`: enrolled businesses by part of the name, or the exact credit code. */
export class BusinessSearchQuery extends PageQuery {
  @ApiPropertyOptional({
    description: '经营者名称（包含）或统一社会信用代码（完全一致）/ part of the business name, or its exact credit code',
    example: '火锅',
  })
  @IsOptional()
  @IsString(t('应为文本', 'must be text'))
  @Length(1, 100, t('应为 1–100 个字', 'must be 1–100 characters'))
  q?: string;
}

/** `GET /disclosure/businesses/{creditCode}`: `cursor` and `limit` page the published complaints. */
export class BusinessRecordQuery extends PageQuery {}

export class PublicBusinessDto {
  @ApiProperty({ type: String, example: '91371502MA3C8X2Q13', description: '统一社会信用代码 / unified social credit code' })
  creditCode: string;
  @ApiProperty({ type: String, example: '聊城市某某餐饮有限公司' }) name: string;
  @ApiProperty({ type: String, example: '东昌府区', description: '所在县（市、区）/ its county-level area' }) areaName: string;
  @ApiProperty({ type: String, nullable: true, example: '聊城金鼎购物中心', description: '所在场所 / the venue it is a tenant of' })
  venueName: string | null;
  @ApiProperty({
    type: Boolean,
    description:
      '在线消费纠纷解决（ODR）有效；暂停时投诉不再直接转给经营者 / online dispute resolution active (suspended: complaints no longer go to it first)',
  })
  odrActive: boolean;
}

export class PublicBusinessPageDto {
  @ApiProperty({ type: [PublicBusinessDto] }) items: PublicBusinessDto[];
  @ApiProperty({ type: String, nullable: true, description: '下一页游标 / pass as ?cursor= for the next page' }) nextCursor: string | null;
}

/** A business's figures on its public record: everything counted since its history began (docs/METRICS.md "Businesses"). */
export class PublicBusinessFiguresDto {
  @ApiProperty({ type: Number, description: '收到的协商和解投诉 / settlement-stage complaints it received' }) received: number;
  @ApiProperty({ type: Number, description: '源头化解 / settled at the source' }) settledAtSource: number;
  @ApiProperty(rate('源头化解率：源头化解 ÷（源头化解 + 转为正式投诉）/ settled ÷ (settled + escalated)')) settlementRate: number | null;
  @ApiProperty({ type: Number, description: '正式投诉调解结束 / formal-stage mediations concluded' }) mediationConcluded: number;
  @ApiProperty({ type: Number, description: '调解成功 / mediations successful' }) mediationSuccessful: number;
  @ApiProperty(rate('调解成功率 / mediation success rate')) mediationSuccessRate: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 2,
    description:
      '答复用时中位数（工作日，0–10）；没有答复时为 null；超过 10 个工作日（含未答复）时为 null，且 medianResponseOverTenWorkingDays 为 true / median working days to answer (0–10); null when none, or beyond 10',
  })
  medianResponseWorkingDays: number | null;
  @ApiProperty({
    type: Boolean,
    description: '答复用时中位数超过 10 个工作日（含未答复）/ the median answer took more than 10 working days (or never came)',
  })
  medianResponseOverTenWorkingDays: boolean;
  @ApiProperty(rate('10 个工作日内答复的比例（未答复计入）/ share answered within 10 working days (not answered counts against)'))
  answeredInTimeRate: number | null;
}

export class BusinessRecordDto extends PublicBusinessDto {
  @ApiProperty({ type: String, nullable: true, description: '经营者的公开声明 / the business’s public statement' }) statement:
    string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) statementAt: string | null;
  @ApiProperty({ type: PublicBusinessFiguresDto }) figures: PublicBusinessFiguresDto;
  @ApiProperty({
    type: [DisclosedComplaintDto],
    description:
      '公示的投诉：消费者同意公开、已受理且已办结的，不含任何消费者信息 / published complaints about it: consented, accepted and concluded; never consumer data',
  })
  complaints: DisclosedComplaintDto[];
  @ApiProperty({ type: String, nullable: true, description: '投诉的下一页游标 / pass as ?cursor= for the next page of complaints' })
  complaintsNextCursor: string | null;
}
