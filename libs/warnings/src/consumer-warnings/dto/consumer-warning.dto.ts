import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDefined, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { bilingual as t } from '@weiquan/core';
import { IsUscc } from '@weiquan/complaints/dto/create-complaint.dto';
import { MAX_DAYS } from '../consumer-warning.rules';
import type { WarningStatus } from '../consumer-warning.rules';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const AREA = /^\d{6}$/;
const CATEGORY = /^[a-z0-9-]{1,40}$/;

/** What a warning says and where and when it runs: the HTTP body, and what the alert module passes to publishIn. */
export interface PublishConsumerWarning {
  title: string;
  body: string;
  categoryCode?: string | null;
  areaCode?: string | null;
  businessName?: string | null;
  creditCode?: string | null;
  startsOn: string;
  endsOn: string;
}

/** `POST /consumer-warnings`: a consumer warning (消费提示) for the public. */
export class PublishConsumerWarningDto implements PublishConsumerWarning {
  @ApiProperty({ example: '谨慎办理健身房预付卡', description: '标题，2–60 字 / title, 2–60 characters' })
  @IsDefined(t('请填写标题', 'title is required'))
  @IsString(t('应为文本', 'must be text'))
  @Transform(trim)
  @Length(2, 60, t('应为 2–60 个字', 'must be 2–60 characters'))
  title: string;

  @ApiProperty({
    example: '近期我市多家健身场所关停，消费者预付费用难以退回。办理预付卡前请查看经营者资质，不一次性大额充值，保存好合同和付款凭证。',
    description: '正文，10–2000 字；不得含消费者的手机号码、身份证号码 / body, 10–2000 characters; no consumer’s mobile or ID number',
  })
  @IsDefined(t('请填写正文', 'body is required'))
  @IsString(t('应为文本', 'must be text'))
  @Transform(trim)
  @Length(10, 2000, t('应为 10–2000 个字', 'must be 10–2000 characters'))
  body: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'fitness', description: '消费类别；不填为不限类别 / category; none: any' })
  @IsOptional()
  @IsString(t('应为文本', 'must be text'))
  @Matches(CATEGORY, t('应为目录中的类别编码', 'must be a category code of the directory'))
  categoryCode?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '371502',
    description: '区县编码；不填为全市（仅市局）/ county-level area; none: the whole city (the city bureau only)',
  })
  @IsOptional()
  @IsString(t('应为文本', 'must be text'))
  @Matches(AREA, t('应为本市区县编码', 'must be an area code of the city'))
  areaCode?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '聊城市某某健身服务有限公司',
    description: '涉及的经营者 / the business it is about',
  })
  @IsOptional()
  @IsString(t('应为文本', 'must be text'))
  @Transform(trim)
  @Length(2, 100, t('应为 2–100 个字', 'must be 2–100 characters'))
  businessName?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '91371502MA3C8X2Q13',
    description: '经营者统一社会信用代码；其公示页显示本提示 / its credit code: its public record shows the warning',
  })
  @IsOptional()
  @Transform(upper)
  @IsString(t('应为文本', 'must be text'))
  @IsUscc()
  creditCode?: string | null;

  @ApiProperty({
    format: 'date',
    example: '2026-11-20',
    description: '生效日（中国日期），不早于今天 / first day (China), not before today',
  })
  @IsDefined(t('请填写生效日期', 'startsOn is required'))
  @IsString(t('日期应为 YYYY-MM-DD 格式的文本', 'must be a YYYY-MM-DD string'))
  @Matches(DAY, t('日期格式应为 YYYY-MM-DD', 'must be in YYYY-MM-DD format'))
  startsOn: string;

  @ApiProperty({
    format: 'date',
    example: '2026-12-31',
    description: `截止日（含），不早于生效日，至多其后 ${MAX_DAYS} 天 / last day (included), at most ${MAX_DAYS} days after startsOn`,
  })
  @IsDefined(t('请填写截止日期', 'endsOn is required'))
  @IsString(t('日期应为 YYYY-MM-DD 格式的文本', 'must be a YYYY-MM-DD string'))
  @Matches(DAY, t('日期格式应为 YYYY-MM-DD', 'must be in YYYY-MM-DD format'))
  endsOn: string;
}

/** `POST /consumer-warnings/{id}/withdraw`. */
export class WithdrawConsumerWarningDto {
  @ApiProperty({ example: '经营者已全部退款', description: '撤回理由，2–200 字 / why, 2–200 characters' })
  @IsDefined(t('请填写撤回理由', 'reason is required'))
  @IsString(t('应为文本', 'must be text'))
  @Transform(trim)
  @Length(2, 200, t('应为 2–200 个字', 'must be 2–200 characters'))
  reason: string;
}

/** `GET /disclosure/warnings`: an area's (with the city-wide ones), a category's (with those of no category), or a business's. */
export class ActiveWarningsQuery {
  @ApiPropertyOptional({ example: '371502', description: '区县：该区县和全市的提示 / an area: its warnings and the city-wide ones' })
  @IsOptional()
  @IsString(t('应为文本', 'must be text'))
  @Matches(AREA, t('应为 6 位区县编码', 'must be a six-digit area code'))
  areaCode?: string;

  @ApiPropertyOptional({
    example: 'fitness',
    description: '类别：该类别和不限类别的提示 / a category: its warnings and those of no category',
  })
  @IsOptional()
  @IsString(t('应为文本', 'must be text'))
  @MaxLength(40, t('最多 40 个字符', 'at most 40 characters'))
  categoryCode?: string;

  @ApiPropertyOptional({ example: '91371502MA3C8X2Q13', description: '只看点名该经营者的提示 / only the warnings naming this business' })
  @IsOptional()
  @Transform(upper)
  @IsString(t('应为文本', 'must be text'))
  @Matches(/^[0-9A-Z]{18}$/, t('应为 18 位统一社会信用代码', 'must be an 18-character credit code'))
  creditCode?: string;
}

/** A warning in force, as the public sees it: the unit that published it, never the person. */
export class PublicConsumerWarningDto {
  @ApiProperty({ type: String, example: '12' }) id: string;
  @ApiProperty({ type: String, example: '谨慎办理健身房预付卡' }) title: string;
  @ApiProperty({ type: String }) body: string;
  @ApiProperty({ type: String, nullable: true, example: 'fitness' }) categoryCode: string | null;
  @ApiProperty({ type: String, nullable: true, example: '健身服务' }) categoryName: string | null;
  @ApiProperty({ type: String, nullable: true, example: '371502', description: 'null：全市 / null: the whole city' }) areaCode:
    string | null;
  @ApiProperty({ type: String, nullable: true, example: '东昌府区' }) areaName: string | null;
  @ApiProperty({ type: String, nullable: true }) businessName: string | null;
  @ApiProperty({ type: String, nullable: true }) creditCode: string | null;
  @ApiProperty({ type: String, format: 'date', example: '2026-11-20' }) startsOn: string;
  @ApiProperty({ type: String, format: 'date', example: '2026-12-31', description: '有效期至（含）/ in force until (included)' })
  endsOn: string;
  @ApiProperty({ type: String, example: '聊城市东昌府区市场监督管理局', description: '发布单位 / the publishing unit' })
  publishedBy: string;
}

const WARNING_STATUSES: readonly WarningStatus[] = ['active', 'scheduled', 'ended', 'withdrawn'];

/** A warning in the bureau's list: everything, with who published or withdrew it and its status today. */
export class ConsumerWarningDto {
  @ApiProperty({ type: String, example: '12' }) id: string;
  @ApiProperty({ type: String }) title: string;
  @ApiProperty({ type: String }) body: string;
  @ApiProperty({ type: String, nullable: true }) categoryCode: string | null;
  @ApiProperty({ type: String, nullable: true }) categoryName: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'null：全市 / null: the whole city' }) areaCode: string | null;
  @ApiProperty({ type: String, nullable: true }) areaName: string | null;
  @ApiProperty({ type: String, nullable: true }) businessName: string | null;
  @ApiProperty({ type: String, nullable: true }) creditCode: string | null;
  @ApiProperty({ type: String, format: 'date' }) startsOn: string;
  @ApiProperty({ type: String, format: 'date' }) endsOn: string;
  @ApiProperty({
    enum: WARNING_STATUSES,
    enumName: 'ConsumerWarningStatus',
    description: '今天（中国日期）：生效中、未开始、已结束、已撤回 / today (China): active, scheduled, ended, withdrawn',
  })
  status: WarningStatus;
  @ApiProperty({ type: String, example: 'MR-371502' }) unitCode: string;
  @ApiProperty({ type: String, example: '聊城市东昌府区市场监督管理局' }) unitName: string;
  @ApiProperty({ type: String, description: '发布人（工作人员 id）/ the member of staff who published it' }) publishedById: string;
  @ApiProperty({ type: String }) publishedByName: string;
  @ApiProperty({ type: String, format: 'date-time' }) publishedAt: string;
  @ApiProperty({ type: String, nullable: true, description: '来自的预警 / the early-warning alert it came from' }) alertId: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) withdrawnAt: string | null;
  @ApiProperty({ type: String, nullable: true }) withdrawnByName: string | null;
  @ApiProperty({ type: String, nullable: true }) withdrawReason: string | null;
}
