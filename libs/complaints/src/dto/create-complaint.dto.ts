import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsEmail,
  IsIn,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
  registerDecorator,
} from 'class-validator';
import { ISSUE_TYPES, PURCHASE_CHANNELS } from '@weiquan/cases';
import { bilingual, registerConstraintText } from '@weiquan/core';
import { isValidIdNumber, isValidUscc, normaliseMobile } from '../intake/identity.rules';
import { CASE_KINDS, REQUEST_KINDS } from '../intake/request-kind.rules';
import type { RequestKind } from '../intake/request-kind.rules';

const FILING_PATHS = ['settlement', 'formal'] as const;
export type FilingPath = (typeof FILING_PATHS)[number];

/** Surrounding spaces are not content: "   " is an empty name. */
const Trim = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** Each decorator carries its message in both languages: `context: { zh, en }`. */
const t = bilingual;

function Satisfies(test: (value: unknown) => boolean, zh: string, en: string, name: string): PropertyDecorator {
  registerConstraintText(name, { zh, en });
  return (target, property) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: property as string,
      options: { message: en },
      validator: { validate: test },
    });
}

/** A unified social credit code with a correct check character (GB 32100), in either case. */
export const IsUscc = () =>
  Satisfies(
    (v) => typeof v === 'string' && isValidUscc(v.toUpperCase()),
    '统一社会信用代码无效（应为 18 位且校验码正确）',
    'is not a valid unified social credit code (18 characters with a correct check character)',
    'isUscc',
  );

/** A mainland China mobile number (spaces, dashes and +86 allowed: normaliseMobile). */
export const IsMainlandMobile = () =>
  Satisfies(
    (v) => typeof v === 'string' && normaliseMobile(v) !== null,
    '不是有效的中国大陆手机号码',
    'is not a valid mainland China mobile number',
    'isMainlandMobile',
  );

/** What a filing makes: a complaint, a report, or both (answers name these). */
export const KINDS = CASE_KINDS;

export class ConsumerDto {
  @ApiProperty({ example: '张三' })
  @IsDefined(t('请填写投诉人姓名', "the complainant's name is required"))
  @IsString(t('姓名应为文本', 'must be text'))
  @Length(1, 50, t('姓名应为 1–50 个字', 'must be 1–50 characters'))
  @Trim()
  name: string;

  @ApiProperty({ example: '13800138000', description: '中国大陆手机号 / mainland mobile number' })
  @IsDefined(t('请填写联系电话', 'a phone number is required'))
  @IsString(t('电话应为文本', 'must be text'))
  @IsMainlandMobile()
  phone: string;

  @ApiPropertyOptional({ example: '山东省聊城市东昌府区柳园街道某小区1号楼' })
  @IsOptional()
  @IsString(t('地址应为文本', 'must be text'))
  @Length(1, 200, t('地址最多 200 个字', 'must be at most 200 characters'))
  address?: string;

  @ApiPropertyOptional({
    example: '371502199003071230',
    description: '公民身份号码 (GB 11643)，校验码须正确 / resident ID number with a correct check character',
  })
  @IsOptional()
  @IsString(t('身份证号应为文本', 'must be text'))
  @Satisfies(
    (v) => typeof v === 'string' && isValidIdNumber(v),
    '身份证号码无效（位数、出生日期或校验码不正确）',
    'is not a valid ID number (length, birth date or check digit)',
    'isIdNumber',
  )
  idNumber?: string;

  @ApiPropertyOptional({
    example: 'lisi@example.com',
    description: '电子邮箱（选填，用于接收办理进度通知）/ email for progress notifications',
  })
  @IsOptional()
  @IsString(t('邮箱应为文本', 'must be text'))
  @MaxLength(254, t('邮箱最多 254 个字符', 'must be at most 254 characters'))
  @IsEmail({}, t('不是有效的电子邮箱地址', 'is not a valid email address'))
  @Trim()
  email?: string;
}

export class RespondentDto {
  @ApiProperty({ example: '聊城市某某餐饮有限公司' })
  @IsDefined(t('请填写被投诉经营者名称', 'the business name is required'))
  @IsString(t('名称应为文本', 'must be text'))
  @Length(1, 100, t('名称应为 1–100 个字', 'must be 1–100 characters'))
  @Trim()
  name: string;

  @ApiPropertyOptional({
    example: '91371500MA3C8X2Q16',
    description: '统一社会信用代码 (GB 32100)，校验码须正确 / with a correct check character',
  })
  @IsOptional()
  @IsString(t('信用代码应为文本', 'must be text'))
  @IsUscc()
  creditCode?: string;

  @ApiProperty({ example: '山东省聊城市东昌府区东昌路 88 号' })
  @IsDefined(t('请填写经营者地址', 'the business address is required'))
  @IsString(t('地址应为文本', 'must be text'))
  @Length(1, 200, t('地址应为 1–200 个字', 'must be 1–200 characters'))
  @Trim()
  address: string;

  @ApiProperty({ example: '371502', description: '县级行政区划代码 (GB/T 2260) 或本市功能区代码' })
  @IsDefined(t('请选择经营者所在区县', "the business's area code is required"))
  @IsString(t('区域代码应为文本', 'must be text'))
  @Matches(/^\d{6}$/, t('区域代码应为 6 位数字', 'must be a 6-digit code'))
  areaCode: string;

  @ApiPropertyOptional({ example: 'V-371502-001', description: '经营者所在场所（商场、景区、市场…）' })
  @IsOptional()
  @IsString(t('场所编码应为文本', 'must be text'))
  @Length(1, 32, t('场所编码过长', 'is too long'))
  venueCode?: string;

  @ApiPropertyOptional({ description: '网店或平台经营者 / an online seller or platform' })
  @IsOptional()
  @IsBoolean(t('应为 true 或 false', 'must be true or false'))
  online?: boolean;

  @ApiPropertyOptional({ example: '聊聊云购' })
  @IsOptional()
  @IsString(t('平台名称应为文本', 'must be text'))
  @Length(1, 100, t('平台名称最多 100 个字', 'must be at most 100 characters'))
  platformName?: string;

  @ApiPropertyOptional({ example: 36.45 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, t('纬度应为数字', 'must be a number'))
  @Min(-90, t('纬度应在 -90 到 90 之间', 'must be between -90 and 90'))
  @Max(90, t('纬度应在 -90 到 90 之间', 'must be between -90 and 90'))
  lat?: number;

  @ApiPropertyOptional({ example: 115.98 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, t('经度应为数字', 'must be a number'))
  @Min(-180, t('经度应在 -180 到 180 之间', 'must be between -180 and 180'))
  @Max(180, t('经度应在 -180 到 180 之间', 'must be between -180 and 180'))
  lng?: number;
}

export class CreateComplaintDto {
  @ApiProperty({
    enum: REQUEST_KINDS,
    description:
      'complaint 投诉（本人消费纠纷，申请调解）; report 举报（违法线索）; both 两者。consultation 咨询、information-disclosure 政府信息公开申请、administrative-reconsideration 行政复议申请、discipline-inspection 纪检监察检举控告不属于投诉举报：答复 422，说明应向何处提出，不登记案件（第121号令第四十四条）/ the last four are not complaints or reports: 422 with where to go instead, no case is made (Order 121 Art. 44)',
  })
  @IsDefined(t('请选择投诉或举报', 'kind is required'))
  @IsIn(REQUEST_KINDS, t('应为 complaint、report 或 both', 'must be complaint, report or both'))
  kind: RequestKind;

  @ApiPropertyOptional({
    enum: FILING_PATHS,
    description:
      '投诉的办理途径：settlement 先行和解（由服务站协助与商家协商，通常 10 个工作日内有结果，可随时转为正式投诉）；formal 直接向市场监管部门投诉（7 个工作日内告知是否受理）。缺省为 settlement；没有服务站可以协助时自动转为 formal。举报只能 formal / settlement: a station helps both sides agree first (the consumer may complain formally at any time); formal: straight to the department. Default settlement; with no station able to help it is filed formally. Reports are formal only',
  })
  @IsOptional()
  @IsIn(FILING_PATHS, t('应为 settlement（先行和解）或 formal（直接投诉）', 'must be settlement or formal'))
  path?: FilingPath;

  @ApiProperty({ example: 'catering' })
  @IsDefined(t('请选择消费品类', 'a category is required'))
  @IsString(t('品类代码应为文本', 'must be text'))
  @Matches(/^[a-z0-9-]{1,40}$/, t('不是有效的品类代码', 'is not a category code'))
  categoryCode: string;

  @ApiPropertyOptional({ enum: ISSUE_TYPES })
  @IsOptional()
  @IsIn(ISSUE_TYPES, t(`应为 ${ISSUE_TYPES.join('、')} 之一`, `must be one of ${ISSUE_TYPES.join(', ')}`))
  issueType?: (typeof ISSUE_TYPES)[number];

  @ApiPropertyOptional({ enum: PURCHASE_CHANNELS })
  @IsOptional()
  @IsIn(PURCHASE_CHANNELS, t('应为 offline（线下）、online（网购）或 livestream（直播）', 'must be offline, online or livestream'))
  channel?: (typeof PURCHASE_CHANNELS)[number];

  @ApiPropertyOptional({ description: '预付式消费（充值卡、会员卡等）' })
  @IsOptional()
  @IsBoolean(t('应为 true 或 false', 'must be true or false'))
  prepaid?: boolean;

  @ApiProperty({ type: ConsumerDto })
  @IsDefined(t('请填写投诉人信息', 'consumer is required'))
  @IsObject(t('应为对象', 'must be an object'))
  @ValidateNested()
  @Type(() => ConsumerDto)
  consumer: ConsumerDto;

  @ApiProperty({ type: RespondentDto })
  @IsDefined(t('请填写被投诉经营者信息', 'respondent is required'))
  @IsObject(t('应为对象', 'must be an object'))
  @ValidateNested()
  @Type(() => RespondentDto)
  respondent: RespondentDto;

  @ApiProperty({ example: '2026-11-10', description: 'YYYY-MM-DD' })
  @IsDefined(t('请填写消费或事发日期', 'incidentDate is required'))
  @IsString(t('日期应为 YYYY-MM-DD 格式的文本', 'must be a YYYY-MM-DD string'))
  @Matches(/^\d{4}-\d{2}-\d{2}$/, t('日期格式应为 YYYY-MM-DD', 'must be in YYYY-MM-DD format'))
  incidentDate: string;

  @ApiPropertyOptional({ example: 268.5, description: '涉及金额（元），最多两位小数' })
  @IsOptional()
  @IsNumber(
    { allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 },
    t('金额应为数字，最多两位小数', 'must be a number with at most two decimals'),
  )
  @Min(0, t('金额不能为负数', 'must not be negative'))
  @Max(100_000_000, t('金额不能超过 1 亿元', 'must not exceed 100,000,000 yuan'))
  amount?: number;

  @ApiProperty({ example: '在该店购买的套餐与宣传不符……' })
  @IsDefined(t('请描述事情经过', 'a description of what happened is required'))
  @IsString(t('事情经过应为文本', 'must be text'))
  @Length(5, 5000, t('事情经过应为 5–5000 个字', 'must be 5–5000 characters'))
  @Trim()
  description: string;

  @ApiProperty({ example: '要求退款 268.5 元' })
  @IsDefined(t('请填写诉求', 'your demand is required'))
  @IsString(t('诉求应为文本', 'must be text'))
  @Length(2, 1000, t('诉求应为 2–1000 个字', 'must be 2–1000 characters'))
  @Trim()
  demand: string;

  @ApiPropertyOptional({ description: '同意在消费投诉信息公示中公开（不含个人信息）' })
  @IsOptional()
  @IsBoolean(t('应为 true 或 false', 'must be true or false'))
  consentToPublish?: boolean;

  @ApiPropertyOptional({
    description:
      '同意被投诉经营者查看我的电话和地址以便联系我（否则经营者只看到姓氏）/ the business complained about may see my phone and address to contact me (otherwise it sees my family name only)',
  })
  @IsOptional()
  @IsBoolean(t('应为 true 或 false', 'must be true or false'))
  contactByBusiness?: boolean;
}
